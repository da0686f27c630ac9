package model

import (
	"encoding/json"
	"fmt"
	"testing"
)

func BenchmarkZZParse2000(b *testing.B) {
	sc := DefaultScenario()
	for i := len(sc.Functions); i < 2000; i++ {
		f := sc.Functions[i%4]
		f.Name = fmt.Sprintf("%s_%d", f.Name, i)
		sc.Functions = append(sc.Functions, f)
	}
	data, _ := json.Marshal(sc)
	b.ReportMetric(float64(len(data)), "bytes")
	for b.Loop() {
		if _, probs := ParseScenario(data); len(probs) > 0 {
			b.Fatal(probs)
		}
	}
}
