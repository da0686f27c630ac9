package model

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// TestWithFunctionReadsAsTheWholeScenario reads one function's JSON into a
// scenario and the whole scenario with that function: the same scenario, or
// the same problems at the same paths.
func TestWithFunctionReadsAsTheWholeScenario(t *testing.T) {
	base := DefaultScenario()
	doc, err := json.Marshal(&base)
	if err != nil {
		t.Fatal(err)
	}
	for _, fn := range []string{
		`{"name":"api","allocated_memory_mb":1024}`,
		`{"name":"api","allocated_memory_mb":"12a"}`,
		`{"name":"api","allocated_memory_mb":100}`,
		`{"name":"api","allocated_memory_mb":1024,"allocated_memory_mb":512}`,
		`{"name":"api","colour":"red"}`,
		`{"name":"` + base.Functions[2].Name + `"}`,
		`{"name":"api","architecture":"sparc","timeout_seconds":-1}`,
		`{}`,
		`{"name":"api","targets":{"p50_latency_ms":-5},"provisioned_concurrency_by_hour":[1,2,3]}`,
		`{"name":"api","reserved_concurrency":2,"provisioned_concurrency":5,"avg_execution_time_ms":0}`,
		`"api"`,
		`null`,
	} {
		for _, i := range []int{0, 3} {
			var whole map[string]json.RawMessage
			if err := json.Unmarshal(doc, &whole); err != nil {
				t.Fatal(err)
			}
			var fns []json.RawMessage
			if err := json.Unmarshal(whole["functions"], &fns); err != nil {
				t.Fatal(err)
			}
			fns[i] = json.RawMessage(fn)
			whole["functions"], _ = json.Marshal(fns) // raw messages compacted, duplicate keys kept
			data, _ := json.Marshal(whole)
			wantScenario, wantProbs := ParseScenario(data)
			gotScenario, gotProbs := WithFunction(&base, i, []byte(fn))
			if !reflect.DeepEqual(gotProbs, wantProbs) {
				t.Errorf("function %d = %s: problems %v, want %v", i, fn, gotProbs, wantProbs)
			}
			if !reflect.DeepEqual(gotScenario, wantScenario) {
				t.Errorf("function %d = %s: scenario differs from the whole reading", i, fn)
			}
		}
	}
	if _, probs := WithFunction(&base, 4, []byte(`{}`)); len(probs) != 1 || probs[0].Path != "functions[4]" {
		t.Errorf("a function past the list: %v", probs)
	}
	if _, probs := WithFunction(&base, 0, []byte(`{"name":"api","name":"web"}`)); len(probs) != 1 || !strings.HasPrefix(probs[0].Path, "functions[0]") {
		t.Errorf("a duplicate key: %v", probs)
	}
	if base.Functions[0].AllocatedMemoryMb == 1024 {
		t.Error("the scenario given was changed")
	}
}
