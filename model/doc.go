// Package model is the serverless capacity model: scenario types, the price
// catalogue, every calculation and validation.
//
// It is pure Go: it imports neither go-app nor syscall/js, holds no mutable
// global state (the price catalogue is read-only) and is deterministic, so the
// browser (WebAssembly) and the native CLI give the same numbers.
//
// Units are part of every name: _ms milliseconds, _mb megabytes (MiB, as
// Lambda counts them), _gb gigabytes (memory_mb / 1024), costs in USD per
// month unless a name says otherwise.
package model
