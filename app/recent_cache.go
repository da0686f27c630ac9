package app

// recentCache holds values by key, each with the last evaluation that used
// it. When it holds as many values as put's bound it forgets those the
// current evaluation has not used, and keeps those it has even beyond the
// bound, so that a scenario that needs more never waits for values
// forgotten while it waited; the next clean-up comes at twice what this one
// kept, so each is paid for by as many new values.
type recentCache[K comparable, V any] struct {
	entries map[K]recentEntry[V]
	limit   int // twice what the last clean-up kept: the next comes at max(bound, limit)
}

// recentEntry is a value and the last evaluation that used it.
type recentEntry[V any] struct {
	value V
	used  int
}

// get returns the value of k, marking it used by evaluation.
func (c *recentCache[K, V]) get(k K, evaluation int) (V, bool) {
	e, ok := c.entries[k]
	if ok && e.used != evaluation {
		e.used = evaluation
		c.entries[k] = e
	}
	return e.value, ok
}

// put keeps v for k, used by evaluation, in a cache of about bound values.
func (c *recentCache[K, V]) put(k K, v V, evaluation, bound int) {
	if c.entries == nil {
		c.entries = make(map[K]recentEntry[V])
	}
	if len(c.entries) >= max(c.limit, bound) {
		for key, e := range c.entries {
			if e.used != evaluation {
				delete(c.entries, key)
			}
		}
		c.limit = 2 * len(c.entries)
	}
	c.entries[k] = recentEntry[V]{v, evaluation}
}
