package model
import ("testing";"fmt";"time";"planner/model/keepalive")
func TestTmpBig(t *testing.T) {
	big := DefaultScenario()
	for i := len(big.Functions); i < 1000; i++ {
		f := big.Functions[i%4]
		f.Name = fmt.Sprintf("%s_%d", f.Name, i)
		big.Functions = append(big.Functions, f)
	}
	memo := map[keepalive.Input]keepalive.Result{}
	solver := func(k keepalive.Input) (keepalive.Result, bool) { if r, ok := memo[k]; ok { return r, true }; r := keepalive.Solve(k); memo[k] = r; return r, true }
	t0 := time.Now()
	EvaluateWith(&big, Sources{KeepAlive: solver})
	t.Log("first", time.Since(t0), len(memo))
	t0 = time.Now()
	EvaluateWith(&big, Sources{KeepAlive: solver})
	t.Log("second", time.Since(t0))
}
