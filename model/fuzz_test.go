package model

import (
	"encoding/json"
	"os"
	"testing"
)

// FuzzParseScenario: any input is either refused with problems or gives a
// report that encodes (no NaN, no Inf, no panic).
func FuzzParseScenario(f *testing.F) {
	d := DefaultScenario()
	seed, _ := json.Marshal(d)
	f.Add(seed)
	f.Add([]byte(`{"version":1,"functions":[{"name":"a","monthly_invocations":0}]}`))
	f.Add([]byte(`{"version":1,"pricing":{"profile":"reference"},"functions":[{"name":"a","invocations_per_second":1e7,"allocated_memory_mb":10240,"execution_times_by_memory":[{"memory_mb":128,"execution_time_ms":1}]}]}`))
	f.Add([]byte(`{"functions":[{"name":"x","traffic_profile":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1e15]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, probs := ParseScenario(data)
		if len(probs) > 0 {
			for _, p := range probs {
				if p.Message == "" {
					t.Fatalf("problem without a message: %+v", p)
				}
			}
			return
		}
		r, probs := Evaluate(s)
		if len(probs) > 0 {
			t.Fatalf("parsed scenario fails validation: %v", probs)
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatalf("report does not encode: %v", err)
		}
	})
}

// FuzzCalc: every model refuses bad input with problems or returns output
// that encodes.
func FuzzCalc(f *testing.F) {
	if data, err := os.ReadFile("testdata/reference-cases.json"); err == nil {
		var cases []referenceCase
		if json.Unmarshal(data, &cases) == nil {
			for i, c := range cases {
				if i%5 == 0 {
					f.Add(uint8(indexOf(CalcModels(), c.Model)), []byte(c.Input))
				}
			}
		}
	}
	f.Add(uint8(7), []byte(`{"pricing":"aws-us-east-1","memory_mb":1024,"avg_execution_time_ms":100,"monthly_invocations":1e9,"provisioned_concurrency":3}`))
	f.Fuzz(func(t *testing.T, model uint8, input []byte) {
		models := CalcModels()
		out, probs := Calc(models[int(model)%len(models)], input)
		if len(probs) > 0 {
			return
		}
		if _, err := json.Marshal(out); err != nil {
			t.Fatalf("output does not encode: %v", err)
		}
	})
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return 0
}

// An account's files, however damaged, give a valid scenario or problems.
func FuzzImportAWS(f *testing.F) {
	f.Add([]byte(`{"Functions": [{"FunctionName": "a", "MemorySize": 256, "Timeout": 3}]}`),
		[]byte(`{"MetricDataResults": [{"Id": "inv", "Label": "a Invocations Sum", "Timestamps": ["2024-01-01T00:00:00Z", "2024-01-01T01:00:00Z"], "Values": [3, 4]},
			{"Id": "p99", "Label": "a Duration p99", "Timestamps": ["2024-01-01T00:00:00Z"], "Values": [4000]}]}`))
	f.Fuzz(func(t *testing.T, functions, metrics []byte) {
		files := AWSFiles{Functions: NamedFile{Name: "f.json", Data: functions}}
		if len(metrics) > 0 {
			files.Metrics = []NamedFile{{Name: "m.json", Data: metrics}}
		}
		imp, probs := ImportAWS(files)
		if imp == nil {
			if len(probs) == 0 {
				t.Fatal("no scenario and no problem")
			}
			return
		}
		if p := Validate(&imp.Scenario); len(p) > 0 {
			t.Fatalf("imported an invalid scenario: %v", p)
		}
	})
}
