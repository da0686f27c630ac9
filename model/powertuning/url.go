package powertuning

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"net/url"
	"slices"
	"sort"
	"strings"
)

// Parts of a visualization fragment.
const (
	singleParts     = 3 // sizes;times;costs
	comparisonParts = 8 // two runs and their legends
)

// DecodeURL reads a visualization URL, or its fragment alone
// ("gAAAAQ…;ZooQ…;QdWh…"), into one run (three parts) or two (eight).
func DecodeURL(link string) (Result, error) {
	fragment := strings.TrimSpace(link)
	if i := strings.IndexByte(fragment, '#'); i >= 0 {
		fragment = fragment[i+1:]
	} else if strings.Contains(fragment, "://") {
		return Result{}, errors.New("the link has no #sizes;times;costs fragment")
	}
	parts := strings.Split(fragment, ";")
	if len(parts) > 1 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	switch len(parts) {
	case singleParts:
		run, err := decodeRun(parts[0], parts[1], parts[2], "")
		if err != nil {
			return Result{}, err
		}
		run.Name = "Power Tuning"
		return Result{Runs: []Run{run}}, nil
	case comparisonParts:
		names := []string{legend(parts[6], "run 1"), legend(parts[7], "run 2")}
		out := Result{}
		for i := range 2 {
			run, err := decodeRun(parts[3*i], parts[3*i+1], parts[3*i+2], fmt.Sprintf("run %d: ", i+1))
			if err != nil {
				return Result{}, err
			}
			run.Name = names[i]
			out.Runs = append(out.Runs, run)
		}
		return out, nil
	default:
		return Result{}, fmt.Errorf("the fragment has %d parts separated by ';'; a Power Tuning link has 3 (sizes;times;costs) or 8 (a comparison)", len(parts))
	}
}

// legend decodes a comparison's URI-encoded legend.
func legend(s, fallback string) string {
	if v, err := url.PathUnescape(s); err == nil && strings.TrimSpace(v) != "" {
		return strings.TrimSpace(v)
	}
	return fallback
}

// decodeRun decodes one run's three parts; prefix names the run in errors.
func decodeRun(sizes, times, costs, prefix string) (Run, error) {
	p, err := decodeBase64(sizes, prefix+"sizes")
	if err != nil {
		return Run{}, err
	}
	t, err := decodeBase64(times, prefix+"times")
	if err != nil {
		return Run{}, err
	}
	c, err := decodeBase64(costs, prefix+"costs")
	if err != nil {
		return Run{}, err
	}
	switch {
	case len(p)%2 != 0:
		return Run{}, fmt.Errorf("%ssizes: %d bytes is not a list of 16-bit sizes", prefix, len(p))
	case len(t)%4 != 0:
		return Run{}, fmt.Errorf("%stimes: %d bytes is not a list of 32-bit numbers", prefix, len(t))
	case len(c)%4 != 0:
		return Run{}, fmt.Errorf("%scosts: %d bytes is not a list of 32-bit numbers", prefix, len(c))
	}
	n := len(p) / 2
	switch {
	case n == 0:
		return Run{}, fmt.Errorf("%ssizes: no memory size", prefix)
	case n > MaxPoints:
		return Run{}, fmt.Errorf("%ssizes: %d sizes, more than %d", prefix, n, MaxPoints)
	case len(t)/4 != n || len(c)/4 != n:
		return Run{}, fmt.Errorf("%s%d sizes, %d times and %d costs: the three lists must be as long", prefix, n, len(t)/4, len(c)/4)
	}
	run := Run{Points: make([]Point, n)}
	for i := range run.Points {
		pt := Point{
			MemoryMb:        int(int16(binary.LittleEndian.Uint16(p[2*i:]))),
			ExecutionTimeMs: float64(math.Float32frombits(binary.LittleEndian.Uint32(t[4*i:]))),
			CostUSD:         float64(math.Float32frombits(binary.LittleEndian.Uint32(c[4*i:]))),
		}
		if err := pt.check(); err != nil {
			return Run{}, fmt.Errorf("%spoint %d: %v", prefix, i+1, err)
		}
		run.Points[i] = pt
	}
	sortPoints(run.Points)
	return run, nil
}

// check refuses sizes and measurements no function can have.
func (p Point) check() error {
	switch {
	case p.MemoryMb <= 0:
		return fmt.Errorf("memory %d MB is not a size (sizes above %d wrap to negative numbers in the link)", p.MemoryMb, MaxMemoryMb)
	case p.MemoryMb > MaxMemoryMb:
		return fmt.Errorf("memory %d MB is above %d MB", p.MemoryMb, MaxMemoryMb)
	case math.IsNaN(p.ExecutionTimeMs) || math.IsInf(p.ExecutionTimeMs, 0) || p.ExecutionTimeMs < 0:
		return fmt.Errorf("duration %v ms at %d MB is not a duration", p.ExecutionTimeMs, p.MemoryMb)
	case math.IsNaN(p.CostUSD) || math.IsInf(p.CostUSD, 0) || p.CostUSD < 0:
		return fmt.Errorf("cost %v at %d MB is not a cost", p.CostUSD, p.MemoryMb)
	}
	return nil
}

// sortPoints orders points by memory, as the tool does (sort.SliceStable:
// shared code, where a generic sort would add its own copy to app.wasm).
func sortPoints(points []Point) {
	sort.SliceStable(points, func(i, j int) bool { return points[i].MemoryMb < points[j].MemoryMb })
}

// decodeBase64 reads standard base64 with or without padding, '-' and '_'
// read as '+' and '/' (as the tool's base64-js does), percent-encoding
// (as some mail clients write links) undone.
func decodeBase64(s, what string) ([]byte, error) {
	if strings.Contains(s, "%") {
		if v, err := url.PathUnescape(s); err == nil {
			s = v
		}
	}
	s = strings.NewReplacer("-", "+", "_", "/").Replace(strings.TrimSpace(s))
	b, err := base64.RawStdEncoding.DecodeString(strings.TrimRight(s, "="))
	if err != nil {
		return nil, fmt.Errorf("%s: not base64 (%v)", what, err)
	}
	return b, nil
}

// DefaultBase is the tool's visualization site.
const DefaultBase = "https://lambda-power-tuning.show/"

// URL writes points as the tool's visualization link on base (DefaultBase
// when empty): sorted by memory, each list little-endian, padded base64.
func URL(base string, points []Point) (string, error) {
	if base == "" {
		base = DefaultBase
	}
	if len(points) == 0 {
		return "", errors.New("no measured point to draw")
	}
	sorted := slices.Clone(points)
	sortPoints(sorted)
	sizes := make([]byte, 0, 2*len(sorted))
	times := make([]byte, 0, 4*len(sorted))
	costs := make([]byte, 0, 4*len(sorted))
	for _, p := range sorted {
		if err := p.check(); err != nil {
			return "", err
		}
		sizes = binary.LittleEndian.AppendUint16(sizes, uint16(int16(p.MemoryMb)))
		times = binary.LittleEndian.AppendUint32(times, math.Float32bits(float32(p.ExecutionTimeMs)))
		costs = binary.LittleEndian.AppendUint32(costs, math.Float32bits(float32(p.CostUSD)))
	}
	enc := base64.StdEncoding
	return base + "#" + enc.EncodeToString(sizes) + ";" + enc.EncodeToString(times) + ";" + enc.EncodeToString(costs), nil
}
