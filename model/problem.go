package model

import "planner/model/internal/jsonin"

// Problem is one thing wrong with an input, at its JSON path
// (e.g. "functions[2].allocated_memory_mb").
type Problem = jsonin.Problem

// Problems is every problem found in an input. As an error it reads one
// problem per line.
type Problems = jsonin.Problems
