package app

import (
	"sync"

	"planner/model"
)

// keepAliveMemo remembers keep-alive solves by their input, so that an edit
// solves only the hours whose traffic or timing it changed: with the model
// method on every function, an edit elsewhere solves nothing again. The
// evaluation and the cold-start lab (in its own goroutine) share it.
type keepAliveMemo struct {
	mu      sync.Mutex
	results map[model.KeepAlive]model.KeepAliveResult
}

// maxKeepAliveSolvesKept bounds the memo (a day of hours for each of a few
// hundred functions, and the lab's curves); when full it starts over.
const maxKeepAliveSolvesKept = 4096

// solve is a model.KeepAliveSolver that remembers.
func (m *keepAliveMemo) solve(k model.KeepAlive) model.KeepAliveResult {
	m.mu.Lock()
	r, ok := m.results[k]
	m.mu.Unlock()
	if ok {
		return r
	}
	r = model.CalculateKeepAlive(k)
	m.mu.Lock()
	if m.results == nil || len(m.results) >= maxKeepAliveSolvesKept {
		m.results = make(map[model.KeepAlive]model.KeepAliveResult)
	}
	m.results[k] = r
	m.mu.Unlock()
	return r
}
