package awscli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// MaxFileBytes bounds a file read: a list of 10,000 functions is under
// 20 MB; a year of hourly metrics for 200 functions about 40 MB.
const MaxFileBytes = 64 << 20

// Function is a Lambda function's configuration as list-functions prints it.
type Function struct {
	Name         string    `json:"name"`
	Arn          string    `json:"arn,omitempty"`
	MemoryMb     int       `json:"memory_mb"`
	TimeoutS     int       `json:"timeout_s"`
	Runtime      string    `json:"runtime,omitempty"` // empty for container images
	Architecture string    `json:"architecture"`      // x86_64 or arm64
	EphemeralMb  int       `json:"ephemeral_mb"`
	PackageType  string    `json:"package_type"` // Zip or Image
	SnapStart    bool      `json:"snap_start"`   // applied on published versions
	InVPC        bool      `json:"in_vpc"`
	CodeBytes    int64     `json:"code_bytes"`
	Tracing      string    `json:"tracing,omitempty"` // Active or PassThrough
	LastModified Timestamp `json:"last_modified"`
}

// configuration is FunctionConfiguration in botocore's lambda model.
type configuration struct {
	FunctionName     string
	FunctionArn      string
	MemorySize       *int
	Timeout          *int
	Runtime          string
	Architectures    []string
	EphemeralStorage *struct{ Size int }
	PackageType      string
	SnapStart        *struct{ ApplyOn string }
	VpcConfig        *struct{ SubnetIds []string }
	CodeSize         int64
	TracingConfig    *struct{ Mode string }
	LastModified     *Timestamp
}

// ParseFunctions reads list-functions output, one get-function-configuration
// object or get-function's {"Configuration": …}. Every problem is returned,
// each with its JSON path.
func ParseFunctions(data []byte) ([]Function, []error) {
	if len(data) > MaxFileBytes {
		return nil, []error{fmt.Errorf("the file is larger than %d MiB", MaxFileBytes>>20)}
	}
	var doc struct {
		Functions     []json.RawMessage
		Configuration json.RawMessage
		FunctionName  string
	}
	if err := json.Unmarshal(bytes.TrimPrefix(data, []byte("\uFEFF")), &doc); err != nil {
		return nil, []error{fmt.Errorf("not AWS CLI JSON: %v", err)}
	}
	var raws []json.RawMessage
	var paths []string
	switch {
	case doc.Functions != nil:
		raws = doc.Functions
		for i := range raws {
			paths = append(paths, "Functions["+strconv.Itoa(i)+"]")
		}
	case doc.Configuration != nil:
		raws, paths = []json.RawMessage{doc.Configuration}, []string{"Configuration"}
	case doc.FunctionName != "":
		raws, paths = []json.RawMessage{data}, []string{"(top level)"}
	default:
		return nil, []error{fmt.Errorf("neither list-functions output (\"Functions\") nor a function's configuration (\"FunctionName\")")}
	}
	var out []Function
	var errs []error
	seen := map[string]string{}
	for i, raw := range raws {
		f, probs := readConfiguration(raw, paths[i])
		errs = append(errs, probs...)
		if len(probs) > 0 {
			continue
		}
		if first, dup := seen[f.Name]; dup {
			errs = append(errs, fmt.Errorf("%s.FunctionName: %q is listed twice (also %s)", paths[i], f.Name, first))
			continue
		}
		seen[f.Name] = paths[i]
		out = append(out, f)
	}
	if len(out) == 0 && len(errs) == 0 {
		errs = append(errs, fmt.Errorf("Functions: the list is empty"))
	}
	return out, errs
}

// readConfiguration reads one FunctionConfiguration; defaults for fields
// older outputs lack: x86_64, 512 MB of /tmp, Zip.
func readConfiguration(raw json.RawMessage, path string) (Function, []error) {
	var c configuration
	if err := json.Unmarshal(raw, &c); err != nil {
		return Function{}, []error{fmt.Errorf("%s: %v", path, err)}
	}
	var errs []error
	bad := func(field, msg string) { errs = append(errs, fmt.Errorf("%s.%s: %s", path, field, msg)) }
	f := Function{Name: c.FunctionName, Arn: c.FunctionArn, Runtime: c.Runtime, Architecture: "x86_64", EphemeralMb: 512, PackageType: "Zip", CodeBytes: c.CodeSize}
	if f.Name == "" {
		bad("FunctionName", "missing")
	}
	switch {
	case c.MemorySize == nil:
		bad("MemorySize", "missing")
	case *c.MemorySize < 128 || *c.MemorySize > 32768:
		bad("MemorySize", strconv.Itoa(*c.MemorySize)+" MB is outside Lambda's 128–32,768 MB")
	default:
		f.MemoryMb = *c.MemorySize
	}
	f.TimeoutS = 3 // the API's default
	if c.Timeout != nil {
		if *c.Timeout < 1 || *c.Timeout > 5400 {
			bad("Timeout", strconv.Itoa(*c.Timeout)+" s is outside Lambda's 1–5,400 s")
		}
		f.TimeoutS = *c.Timeout
	}
	if len(c.Architectures) > 0 {
		if len(c.Architectures) != 1 || (c.Architectures[0] != "x86_64" && c.Architectures[0] != "arm64") {
			bad("Architectures", fmt.Sprintf("%q: Lambda takes exactly one of x86_64 or arm64", c.Architectures))
		} else {
			f.Architecture = c.Architectures[0]
		}
	}
	if c.EphemeralStorage != nil {
		if c.EphemeralStorage.Size < 512 || c.EphemeralStorage.Size > 10240 {
			bad("EphemeralStorage.Size", strconv.Itoa(c.EphemeralStorage.Size)+" MB is outside Lambda's 512–10,240 MB")
		}
		f.EphemeralMb = c.EphemeralStorage.Size
	}
	if c.PackageType != "" {
		if c.PackageType != "Zip" && c.PackageType != "Image" {
			bad("PackageType", strconv.Quote(c.PackageType)+" is neither Zip nor Image")
		}
		f.PackageType = c.PackageType
	}
	f.SnapStart = c.SnapStart != nil && c.SnapStart.ApplyOn == "PublishedVersions"
	f.InVPC = c.VpcConfig != nil && len(c.VpcConfig.SubnetIds) > 0
	if c.TracingConfig != nil {
		f.Tracing = c.TracingConfig.Mode
	}
	if c.LastModified != nil {
		f.LastModified = *c.LastModified
	}
	if c.CodeSize < 0 {
		bad("CodeSize", "negative")
	}
	return f, errs
}
