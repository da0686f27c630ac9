package jsonin

import "strings"

// Problem is one thing wrong with an input, at its JSON path
// (e.g. "functions[2].allocated_memory_mb").
type Problem struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// String is "path: message".
func (p Problem) String() string {
	if p.Path == "" {
		return p.Message
	}
	return p.Path + ": " + p.Message
}

// Problems is every problem found in an input. As an error it reads one
// problem per line.
type Problems []Problem

// Error joins the problems, one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Err returns ps as an error, or nil when there is no problem.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// Has reports whether a problem's message starts with prefix.
func (ps Problems) Has(prefix string) bool {
	for _, p := range ps {
		if strings.HasPrefix(p.Message, prefix) {
			return true
		}
	}
	return false
}

// Add adds a problem at path.
func (ps *Problems) Add(path, message string) {
	*ps = append(*ps, Problem{Path: path, Message: message})
}

// JoinPath appends an object key to a path.
func JoinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Alongside returns the decoding problems followed by the validation
// problems found in what did decode, so that one reading shows every
// problem. A validation problem at or under a path that failed to decode
// is left out: that value kept its default, and its decoding problem says
// what is wrong. Malformed JSON decodes nothing: only its syntax error is
// returned.
func Alongside(decoding, validation Problems) Problems {
	for _, p := range decoding {
		if p.Path == "" {
			return decoding
		}
	}
	out := decoding
	for _, v := range validation {
		covered := false
		for _, d := range decoding {
			if v.Path == d.Path || strings.HasPrefix(v.Path, d.Path+".") || strings.HasPrefix(v.Path, d.Path+"[") {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, v)
		}
	}
	return out
}
