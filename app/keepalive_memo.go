package app

import (
	"sync"
	"time"

	"planner/model"
)

// keepAliveMemo remembers keep-alive solves by their input, so that an edit
// solves only the hours whose traffic or timing it changed: with the model
// method on every function, an edit elsewhere solves nothing again. The
// evaluation, the background solves and the cold-start lab share it.
type keepAliveMemo struct {
	mu      sync.Mutex
	results map[model.KeepAlive]model.KeepAliveResult
}

// maxKeepAliveSolvesKept bounds the memo (a day of hours for each of a few
// hundred functions, and the lab's curves); when full it starts over.
const maxKeepAliveSolvesKept = 4096

// lookup returns a remembered solve.
func (m *keepAliveMemo) lookup(k model.KeepAlive) (model.KeepAliveResult, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.results[k]
	return r, ok
}

// solve returns the solve of k, remembered or solved now.
func (m *keepAliveMemo) solve(k model.KeepAlive) model.KeepAliveResult {
	if r, ok := m.lookup(k); ok {
		return r
	}
	r := model.CalculateKeepAlive(k)
	m.mu.Lock()
	if m.results == nil || len(m.results) >= maxKeepAliveSolvesKept {
		m.results = make(map[model.KeepAlive]model.KeepAliveResult)
	}
	m.results[k] = r
	m.mu.Unlock()
	return r
}

// solver is a model.KeepAliveSolver that is always ready: it solves what it
// does not remember (for work already off the page's way, like the lab's).
func (m *keepAliveMemo) solver(k model.KeepAlive) (model.KeepAliveResult, bool) {
	return m.solve(k), true
}

// keepAliveBudget is how long one evaluation may spend solving the keep-alive
// model before it leaves the rest to the background (about a frame and a
// half in a browser).
const keepAliveBudget = 25 * time.Millisecond

// budgetedSolver is the solver of one evaluation: remembered solves, new
// ones until the evaluation has spent budget on them, then none: those it
// adds to wanted, for the background.
func (m *keepAliveMemo) budgetedSolver(budget time.Duration, wanted *[]model.KeepAlive) model.KeepAliveSolver {
	var spent time.Duration
	return func(k model.KeepAlive) (model.KeepAliveResult, bool) {
		if r, ok := m.lookup(k); ok {
			return r, true
		}
		if spent >= budget {
			*wanted = append(*wanted, k)
			return model.KeepAliveResult{}, false
		}
		start := time.Now()
		r := m.solve(k)
		spent += time.Since(start)
		return r, true
	}
}
