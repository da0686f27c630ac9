package powertuning

// Point is one memory size Power Tuning measured.
type Point struct {
	// MemoryMb is the memory the function ran with, MB.
	MemoryMb int `json:"memory_mb"`
	// ExecutionTimeMs is the average duration at that memory, ms (Duration
	// + Init + Restore, after the tool's trimming of outliers).
	ExecutionTimeMs float64 `json:"execution_time_ms"`
	// CostUSD is the average cost of one invocation, USD (CNY for a URL
	// with ?currency=CNY).
	CostUSD float64 `json:"cost_usd"`
}

// Run is one tuning run: a name (the comparison's legend, or where it was
// read from) and its points, by increasing memory.
type Run struct {
	Name   string  `json:"name"`
	Points []Point `json:"points"`
}

// Result is what an input held: one run, or two for a comparison link.
type Result struct {
	Runs []Run `json:"runs"`
}

// Limits of what is read.
const (
	// MaxInputBytes bounds an input: a real output is under 10 KB.
	MaxInputBytes = 1 << 20
	// MaxPoints bounds the sizes of one run (the tool's UI draws tens).
	MaxPoints = 1024
	// MaxMemoryMb is the largest size an int16 holds.
	MaxMemoryMb = 32767
)
