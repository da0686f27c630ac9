package powertuning

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// analysis is the state machine's output (lambda/analyzer.js).
type analysis struct {
	Power        json.RawMessage `json:"power"`
	Cost         *float64        `json:"cost"`
	Duration     *float64        `json:"duration"`
	StateMachine struct {
		Visualization string `json:"visualization"`
	} `json:"stateMachine"`
	Stats []struct {
		Value           json.RawMessage `json:"value"`
		AveragePrice    *float64        `json:"averagePrice"`
		AverageDuration *float64        `json:"averageDuration"`
	} `json:"stats"`
}

// Decode reads any form the tool's results come in (see the package
// documentation): JSON when the input starts with '{', else a link.
func Decode(data []byte) (Result, error) {
	if len(data) > MaxInputBytes {
		return Result{}, fmt.Errorf("the input is %d bytes; a Power Tuning result is under %d KiB", len(data), MaxInputBytes>>10)
	}
	data = bytes.TrimPrefix(bytes.TrimSpace(data), []byte("\uFEFF"))
	if len(data) == 0 {
		return Result{}, errors.New("the input is empty: paste a Power Tuning link or its output JSON")
	}
	if data[0] != '{' {
		return DecodeURL(string(data))
	}
	return decodeJSON(data, "")
}

// decodeJSON reads the analyzer's output, its {"results": …} wrapper or
// describe-execution JSON; path names where the object was found.
func decodeJSON(data []byte, path string) (Result, error) {
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(data, &doc); err != nil {
		return Result{}, fmt.Errorf("not Power Tuning JSON: %v", err)
	}
	if out, ok := doc["output"]; ok && path == "" {
		var text string
		if err := json.Unmarshal(out, &text); err != nil {
			return Result{}, errors.New("output: describe-execution's output must be a JSON string")
		}
		if strings.TrimSpace(text) == "" || text == "null" {
			return Result{}, errors.New("output: the execution has no output (still running, failed or a dry run)")
		}
		return decodeJSON([]byte(text), "output.")
	}
	if inner, ok := doc["results"]; ok {
		return decodeAnalysis(inner, path+"results.")
	}
	return decodeAnalysis(data, path)
}

// decodeAnalysis reads one analyzer object.
func decodeAnalysis(data []byte, path string) (Result, error) {
	var a analysis
	if err := json.Unmarshal(data, &a); err != nil {
		return Result{}, fmt.Errorf("%s: not Power Tuning output: %v", strings.TrimSuffix(path, "."), err)
	}
	run := Run{Name: "Power Tuning"}
	switch {
	case len(a.Stats) > 0:
		if len(a.Stats) > MaxPoints {
			return Result{}, fmt.Errorf("%sstats: %d entries, more than %d", path, len(a.Stats), MaxPoints)
		}
		for i, s := range a.Stats {
			at := fmt.Sprintf("%sstats[%d]", path, i)
			mem, err := power(s.Value, at+".value")
			if err != nil {
				return Result{}, err
			}
			if s.AverageDuration == nil || s.AveragePrice == nil {
				return Result{}, fmt.Errorf("%s: needs averageDuration and averagePrice", at)
			}
			p := Point{MemoryMb: mem, ExecutionTimeMs: *s.AverageDuration, CostUSD: *s.AveragePrice}
			if err := p.check(); err != nil {
				return Result{}, fmt.Errorf("%s: %v", at, err)
			}
			run.Points = append(run.Points, p)
		}
		sortPoints(run.Points)
	case strings.Contains(a.StateMachine.Visualization, "#"):
		res, err := DecodeURL(a.StateMachine.Visualization)
		if err == nil {
			return res, nil
		}
		if a.Power == nil {
			return Result{}, fmt.Errorf("%sstateMachine.visualization: %v", path, err)
		}
		fallthrough // a placeholder like "#<Embeded code>": the winner alone
	default:
		mem, err := power(a.Power, path+"power")
		if err != nil {
			return Result{}, err
		}
		if a.Duration == nil || a.Cost == nil {
			return Result{}, fmt.Errorf("%s: needs power, duration and cost (or stats, or a visualization link)", strings.TrimSuffix(path, ".")+"(top level)")
		}
		p := Point{MemoryMb: mem, ExecutionTimeMs: *a.Duration, CostUSD: *a.Cost}
		if err := p.check(); err != nil {
			return Result{}, fmt.Errorf("%spower: %v", path, err)
		}
		run.Points = []Point{p}
	}
	return Result{Runs: []Run{run}}, nil
}

// power reads a memory size written as a number or a string ("1024").
func power(raw json.RawMessage, path string) (int, error) {
	if raw == nil {
		return 0, fmt.Errorf("%s: missing", path)
	}
	text := string(raw)
	if s, err := strconv.Unquote(text); err == nil {
		text = strings.TrimSpace(s)
	}
	mem, err := strconv.Atoi(text)
	if err != nil {
		return 0, fmt.Errorf("%s: %s is not a memory size in MB", path, string(raw))
	}
	if mem <= 0 || mem > MaxMemoryMb {
		return 0, fmt.Errorf("%s: %d MB is outside 1–%d MB", path, mem, MaxMemoryMb)
	}
	return mem, nil
}
