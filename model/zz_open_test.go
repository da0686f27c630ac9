package model

import (
	"fmt"
	"testing"

	"planner/model/keepalive"
)

func TestZZOpen(t *testing.T) {
	sc := DefaultScenario()
	for i := len(sc.Functions); i < 2000; i++ {
		f := sc.Functions[i%4]
		f.Name = fmt.Sprintf("%s_%d", f.Name, i)
		sc.Functions = append(sc.Functions, f)
	}
	for i := 0; i < 20; i++ {
		EvaluateWith(&sc, Sources{KeepAlive: func(in keepalive.Input) (keepalive.Result, bool) { return keepalive.Result{}, false }})
	}
}
