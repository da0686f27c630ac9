package model

import (
	"strings"
	"testing"
)

func problemPaths(ps Problems) map[string]string {
	m := map[string]string{}
	for _, p := range ps {
		m[p.Path] = p.Message
	}
	return m
}

// wantProblems checks that probs has, at each path, a message saying want.
func wantProblems(t *testing.T, probs Problems, want map[string]string) {
	t.Helper()
	got := problemPaths(probs)
	for path, says := range want {
		if !strings.Contains(got[path], says) {
			t.Errorf("%s: %q, want it to say %q (all: %v)", path, got[path], says, probs)
		}
	}
}
