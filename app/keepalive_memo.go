package app

import (
	"sync"
	"time"

	"planner/model/keepalive"
)

// keepAliveMemo remembers keep-alive solves by their input, so that an edit
// solves only the hours whose traffic or timing it changed: with the model
// method on every function, an edit elsewhere solves nothing again. The
// evaluation, the background solves and the cold-start lab share it.
type keepAliveMemo struct {
	mu      sync.Mutex
	results recentCache[keepalive.Input, keepalive.Result]
	// evaluation counts evaluations: the solves the latest one uses are
	// kept when the memo is full.
	evaluation int
}

// maxKeepAliveSolvesKept bounds the memo (a day of hours for each of a few
// hundred functions, and the lab's curves), except for the solves the
// current evaluation uses.
const maxKeepAliveSolvesKept = 8192

// lookup returns a remembered solve, marking it used by this evaluation.
func (m *keepAliveMemo) lookup(k keepalive.Input) (keepalive.Result, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.results.get(k, m.evaluation)
}

// solve returns the solve of k, remembered or solved now.
func (m *keepAliveMemo) solve(k keepalive.Input) keepalive.Result {
	if r, ok := m.lookup(k); ok {
		return r
	}
	r := keepalive.Solve(k)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.results.put(k, r, m.evaluation, maxKeepAliveSolvesKept)
	return r
}

// solved is a keep-alive solve: its input and the model's answer.
type solved struct {
	in  keepalive.Input
	out keepalive.Result
}

// seed remembers solves made before (defaultSolves).
func (m *keepAliveMemo) seed(solves []solved) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, s := range solves {
		m.results.put(s.in, s.out, m.evaluation, maxKeepAliveSolvesKept)
	}
}

// solver is a keepalive.Solver that is always ready: it solves what it
// does not remember (for work already off the page's way, like the lab's).
func (m *keepAliveMemo) solver(k keepalive.Input) (keepalive.Result, bool) {
	return m.solve(k), true
}

// keepAliveBudget is how long one evaluation may spend solving the keep-alive
// model before it leaves the rest to the background (about a frame and a
// half in a browser).
const keepAliveBudget = 25 * time.Millisecond

// openingKeepAliveBudget is keepAliveBudget for the evaluation the page
// opens with (the default scenario's solves take about 100 ms in a browser).
const openingKeepAliveBudget = 150 * time.Millisecond

// budgetedSolver starts an evaluation and returns its solver: remembered
// solves, new ones until the evaluation has spent budget on them, then
// none: those it adds to wanted (once each), for the background.
func (m *keepAliveMemo) budgetedSolver(budget time.Duration, wanted *[]keepalive.Input) keepalive.Solver {
	m.mu.Lock()
	m.evaluation++
	m.mu.Unlock()
	var spent time.Duration
	asked := map[keepalive.Input]bool{} // each input wanted once, however many functions share it
	return func(k keepalive.Input) (keepalive.Result, bool) {
		if r, ok := m.lookup(k); ok {
			return r, true
		}
		if spent >= budget {
			if !asked[k] {
				asked[k] = true
				*wanted = append(*wanted, k)
			}
			return keepalive.Result{}, false
		}
		start := time.Now()
		r := m.solve(k)
		spent += time.Since(start)
		return r, true
	}
}
