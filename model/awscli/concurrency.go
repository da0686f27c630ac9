package awscli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Concurrency is what a concurrency file says of one function; nil fields
// were not in it.
type Concurrency struct {
	// Function is the function's name, from a FunctionArn in the file or
	// from the caller.
	Function string `json:"function"`
	// Reserved is ReservedConcurrentExecutions (0 stops the function).
	Reserved *int `json:"reserved,omitempty"`
	// Provisioned is the provisioned concurrency requested on each alias or
	// version, summed.
	Provisioned *int `json:"provisioned,omitempty"`
	// Qualifiers are the aliases or versions holding it.
	Qualifiers []string `json:"qualifiers,omitempty"`
}

// provisionedConfig is one provisioned-concurrency configuration.
type provisionedConfig struct {
	FunctionArn                              string
	RequestedProvisionedConcurrentExecutions *int
	AllocatedProvisionedConcurrentExecutions *int
	Status                                   string
}

// ParseConcurrency reads get-function-concurrency,
// get-provisioned-concurrency-config or list-provisioned-concurrency-configs
// output. function names the function the file is about when the file does
// not (the first two never do); a list names each by its FunctionArn.
func ParseConcurrency(data []byte, function string) ([]Concurrency, error) {
	if len(data) > MaxFileBytes {
		return nil, fmt.Errorf("the file is larger than %d MiB", MaxFileBytes>>20)
	}
	var doc struct {
		ReservedConcurrentExecutions  *int
		ProvisionedConcurrencyConfigs []provisionedConfig
		provisionedConfig
	}
	data = bytes.TrimPrefix(bytes.TrimSpace(data), []byte("\uFEFF"))
	if len(data) == 0 || bytes.Equal(bytes.Join(bytes.Fields(data), nil), []byte("{}")) {
		// get-function-concurrency prints nothing (or {}) for a function
		// without a reservation.
		return []Concurrency{{Function: function}}, nil
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("not AWS CLI JSON: %v", err)
	}
	switch {
	case doc.ReservedConcurrentExecutions != nil:
		if function == "" {
			return nil, fmt.Errorf("get-function-concurrency output does not name its function: name the file after it")
		}
		if *doc.ReservedConcurrentExecutions < 0 {
			return nil, fmt.Errorf("ReservedConcurrentExecutions: %d is negative", *doc.ReservedConcurrentExecutions)
		}
		return []Concurrency{{Function: function, Reserved: doc.ReservedConcurrentExecutions}}, nil
	case doc.ProvisionedConcurrencyConfigs != nil:
		var out []Concurrency
		for i, c := range doc.ProvisionedConcurrencyConfigs {
			path := "ProvisionedConcurrencyConfigs[" + strconv.Itoa(i) + "]"
			name, qualifier, ok := functionOfArn(c.FunctionArn)
			if !ok {
				return nil, fmt.Errorf("%s.FunctionArn: %q is not a function's ARN", path, c.FunctionArn)
			}
			n, err := c.instances(path)
			if err != nil {
				return nil, err
			}
			out = addProvisioned(out, name, qualifier, n)
		}
		return out, nil
	case doc.RequestedProvisionedConcurrentExecutions != nil || doc.AllocatedProvisionedConcurrentExecutions != nil:
		name := function
		if arnName, _, ok := functionOfArn(doc.FunctionArn); ok {
			name = arnName
		}
		if name == "" {
			return nil, fmt.Errorf("get-provisioned-concurrency-config output does not name its function: name the file after it")
		}
		n, err := doc.instances("(top level)")
		if err != nil {
			return nil, err
		}
		return addProvisioned(nil, name, "", n), nil
	}
	return nil, fmt.Errorf("neither get-function-concurrency nor provisioned-concurrency output")
}

// instances is the provisioned concurrency a configuration asks for (what
// is allocated when the request is missing).
func (c provisionedConfig) instances(path string) (int, error) {
	n := c.RequestedProvisionedConcurrentExecutions
	if n == nil {
		n = c.AllocatedProvisionedConcurrentExecutions
	}
	if n == nil || *n < 0 {
		return 0, fmt.Errorf("%s: needs a non-negative RequestedProvisionedConcurrentExecutions", path)
	}
	return *n, nil
}

// addProvisioned adds n instances on qualifier to name's entry.
func addProvisioned(out []Concurrency, name, qualifier string, n int) []Concurrency {
	for i := range out {
		if out[i].Function == name {
			*out[i].Provisioned += n
			out[i].Qualifiers = append(out[i].Qualifiers, qualifier)
			return out
		}
	}
	c := Concurrency{Function: name, Provisioned: &n}
	if qualifier != "" {
		c.Qualifiers = []string{qualifier}
	}
	return append(out, c)
}

// functionOfArn splits arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER].
func functionOfArn(arn string) (name, qualifier string, ok bool) {
	parts := strings.Split(arn, ":")
	if len(parts) < 7 || parts[0] != "arn" || parts[2] != "lambda" || parts[5] != "function" || parts[6] == "" {
		return "", "", false
	}
	if len(parts) > 7 {
		qualifier = parts[7]
	}
	return parts[6], qualifier, true
}

// Region is the AWS region in a function's ARN, or "".
func Region(arn string) string {
	parts := strings.Split(arn, ":")
	if len(parts) < 4 || parts[0] != "arn" {
		return ""
	}
	return parts[3]
}
