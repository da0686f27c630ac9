package spec

import (
	"encoding/json"
	"sort"
	"strconv"
)

// marshalKeyed writes items as one JSON object keyed by key(item), in order:
// the spec returns several lists as dicts ("128": …, "2x_scale": …).
func marshalKeyed[T any](items []T, key func(*T) string) ([]byte, error) {
	buf := []byte{'{'}
	for i := range items {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendQuote(buf, key(&items[i]))
		buf = append(buf, ':')
		b, err := json.Marshal(&items[i])
		if err != nil {
			return nil, err
		}
		buf = append(buf, b...)
	}
	return append(buf, '}'), nil
}

// unmarshalKeyed reads what marshalKeyed writes: setKey restores an item's
// key field from its key, and the items come back sorted by that field.
func unmarshalKeyed[T any](b []byte, setKey func(key string, item *T) error, less func(a, b *T) bool) ([]T, error) {
	var byKey map[string]T
	if err := json.Unmarshal(b, &byKey); err != nil {
		return nil, err
	}
	out := make([]T, 0, len(byKey))
	for k, item := range byKey {
		if err := setKey(k, &item); err != nil {
			return nil, err
		}
		out = append(out, item)
	}
	sort.Slice(out, func(i, j int) bool { return less(&out[i], &out[j]) })
	return out, nil
}
