// Package powertuning reads and writes the results of AWS Lambda Power
// Tuning (github.com/alexcasalboni/aws-lambda-power-tuning): a function run
// at several memory sizes, each with its average duration and cost.
//
// # Forms read (Decode)
//
//   - The state machine's output: the analyzer's object {"power", "cost",
//     "duration", "stateMachine": {"visualization"}, "stats"?}, bare (v4
//     and later), wrapped in {"results": …} (older README and outputs), or
//     inside `aws stepfunctions describe-execution` JSON, whose "output" is
//     that object as a string. "power" is a number or a string ("1024").
//     The points come from "stats" when present (full precision), else from
//     the visualization URL, else the winning power alone.
//   - The visualization URL, lambda-power-tuning.show/#P;T;C: standard
//     base64 of little-endian int16 sizes (MB), float32 average durations
//     (ms) and float32 average costs per invocation (USD; CNY with
//     ?currency=CNY). The comparison form has 8 parts, P1;T1;C1;P2;T2;C2 and
//     two URI-encoded legends. Padding is optional, '-' and '_' are read as
//     '+' and '/', and one trailing ';' (the UI README's demo) is ignored.
//
// Durations and costs decoded from a URL are the exact float32 values the
// tool encoded, widened to float64.
//
// # Form written (URL)
//
// One run as the tool's own URL: sorted by memory, padded base64, sizes
// above 32,767 MB refused (int16 would wrap them to negative numbers).
//
// Sources: lambda/utils.js buildVisualizationURL and lambda/analyzer.js
// (power-tuning v4.4.0, 262ecc2d); src/app.js parseHash and src/encode.js of
// aws-lambda-power-tuning-ui (7317e149).
package powertuning
