package model

import "sync"

// keepAliveMemoSize bounds the remembered solves: a day of hourly solves for
// each of dozens of functions, and the cold-start lab's curves.
const keepAliveMemoSize = 4096

// keepAliveMemo holds recent keep-alive solves by their exact input; when
// full it starts over.
var keepAliveMemo = memo{results: map[KeepAlive]KeepAliveResult{}}

type memo struct {
	mu      sync.Mutex
	results map[KeepAlive]KeepAliveResult
}

func (m *memo) lookup(k KeepAlive) (KeepAliveResult, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r, ok := m.results[k]
	return r, ok
}

func (m *memo) remember(k KeepAlive, r KeepAliveResult) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.results) >= keepAliveMemoSize {
		clear(m.results)
	}
	m.results[k] = r
}
