package model

import (
	"encoding/json"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"

	"planner/model/forecast"
	"planner/model/internal/jsonin"
	"planner/model/keepalive"
	"planner/model/platform"
	"planner/model/pricing"
	"planner/model/spec"
)

// calcModel is one model of `planner calc`: it reads the spec's input JSON and
// returns the spec's output, or every problem with the input.
type calcModel struct {
	name string
	run  func(input []byte) (any, Problems)
}

func calcModels() []calcModel {
	return []calcModel{
		{"execution-capacity", calcExecutionCapacity},
		{"cold-start", calcColdStart},
		{"memory", calcMemory},
		{"infrastructure", calcInfrastructure},
		{"tuning", calcTuning},
		{"cost-optimization", calcCostOptimization},
		{"alerts", calcAlerts},
		{"lambda-cost", calcLambdaCost},
		{"platform-cost", calcPlatformCost},
		{"cold-start-probability", calcColdStartProbability},
		{"forecast", calcForecast},
		{"anomalies", calcAnomalies},
	}
}

// CalcModels lists the model names Calc accepts.
func CalcModels() []string {
	models := calcModels()
	names := make([]string, len(models))
	for i, m := range models {
		names[i] = m.name
	}
	return names
}

// Calc runs one model of the spec on its JSON input, with the spec's input
// and output keys, and returns the output ready for json.Marshal. Models are
// priced with the reference profile, except lambda-cost which takes a
// profile. Invalid input gives every problem with its path and no output.
func Calc(model string, input []byte) (any, Problems) {
	for _, m := range calcModels() {
		if m.name == model {
			return m.run(input)
		}
	}
	return nil, Problems{{Message: "unknown model " + strconv.Quote(model) + "; choose one of " + quoteList(CalcModels())}}
}

// decodeSpec reads spec input into dst, ignoring keys the spec would ignore
// and reporting the required ones missing (inputs without a default).
func decodeSpec(input []byte, dst any, required ...string) Problems {
	return jsonin.DecodeJSON(input, dst, jsonin.DecodeOptions{AllowUnknown: true, Required: required})
}

func calcExecutionCapacity(input []byte) (any, Problems) {
	w := spec.DefaultWorkload()
	decoding := decodeSpec(input, &w)
	v := validator{specRules: true}
	v.number("invocations_per_second", w.InvocationsPerSecond, 0, maxCallsPerSec)
	v.positive("avg_execution_time_ms", w.AvgExecutionTimeMs, MaxTimeoutMs)
	v.number("p95_execution_time_ms", w.P95ExecutionTimeMs, 0, MaxTimeoutMs)
	v.number("p99_execution_time_ms", w.P99ExecutionTimeMs, 0, MaxTimeoutMs)
	v.number("allocated_memory_mb", w.AllocatedMemoryMb, MinMemoryMb, MaxMemoryMb)
	v.number("actual_memory_usage_mb", w.ActualMemoryUsageMb, 0, MaxMemoryMb)
	v.number("cold_start_rate", w.ColdStartRate, 0, 1)
	v.number("cold_start_duration_ms", w.ColdStartDurationMs, 0, MaxTimeoutMs)
	v.number("burst_multiplier", w.BurstMultiplier, 0, maxBurst)
	if probs := jsonin.Alongside(decoding, v.probs); len(probs) > 0 {
		return nil, probs
	}
	return spec.CalculateExecutionCapacity(w), nil
}

type coldStartInput struct {
	FunctionConfig  spec.ColdStartFunction `json:"function_config"`
	TrafficPatterns spec.TrafficPattern    `json:"traffic_patterns"`
}

func calcColdStart(input []byte) (any, Problems) {
	in := coldStartInput{spec.DefaultColdStartFunction(), spec.DefaultTrafficPattern()}
	decoding := decodeSpec(input, &in)
	v := validator{specRules: true}
	fc, tp := in.FunctionConfig, in.TrafficPatterns
	v.number("function_config.deployment_size_mb", fc.DeploymentSizeMb, 0, MaxMemoryMb)
	v.number("function_config.memory_mb", fc.MemoryMb, MinMemoryMb, MaxMemoryMb)
	v.number("function_config.avg_execution_time_ms", fc.AvgExecutionTimeMs, 0, MaxTimeoutMs)
	if len(tp.RequestsPerHour) == 0 {
		v.add("traffic_patterns.requests_per_hour", "needs at least one hourly value")
	}
	for i, r := range tp.RequestsPerHour {
		v.number("traffic_patterns.requests_per_hour["+strconv.Itoa(i)+"]", r, 0, maxBigQuantity)
	}
	v.number("traffic_patterns.idle_periods_hours", tp.IdlePeriodsHours, 0, hoursPerDay)
	if probs := jsonin.Alongside(decoding, v.probs); len(probs) > 0 {
		return nil, probs
	}
	return spec.CalculateColdStartOptimization(fc, tp, spec.ReferenceColdStartPrices()), nil
}

type memoryPerformanceData struct {
	CurrentMemoryMb        float64            `json:"current_memory_mb"`
	InvocationsPerMonth    float64            `json:"invocations_per_month"`
	ActualMemoryUsageMb    *float64           `json:"actual_memory_usage_mb"`
	ExecutionTimesByMemory map[string]float64 `json:"execution_times_by_memory"`
	BaseExecutionTimeMs    float64            `json:"base_execution_time_ms"`
	BaseMemoryMb           float64            `json:"base_memory_mb"`
}

type memoryInput struct {
	PerformanceData memoryPerformanceData `json:"performance_data"`
	CostTargets     spec.CostTargets      `json:"cost_targets"`
}

func calcMemory(input []byte) (any, Problems) {
	in := memoryInput{
		PerformanceData: memoryPerformanceData{CurrentMemoryMb: 512, InvocationsPerMonth: 1_000_000, BaseExecutionTimeMs: 1000, BaseMemoryMb: 512},
		CostTargets:     spec.DefaultCostTargets(),
	}
	decoding := decodeSpec(input, &in)
	pd := in.PerformanceData
	v := validator{specRules: true}
	v.number("performance_data.current_memory_mb", pd.CurrentMemoryMb, MinMemoryMb, MaxMemoryMb)
	v.number("performance_data.invocations_per_month", pd.InvocationsPerMonth, 0, maxMonthlyCalls)
	used := math.NaN()
	if pd.ActualMemoryUsageMb != nil {
		used = *pd.ActualMemoryUsageMb
		v.number("performance_data.actual_memory_usage_mb", used, 0, MaxMemoryMb)
	}
	v.number("cost_targets.max_cost_increase_percent", in.CostTargets.MaxCostIncreasePercent, -math.MaxFloat64, math.MaxFloat64)
	v.number("cost_targets.min_performance_improvement_percent", in.CostTargets.MinPerformanceImprovementPercent, -math.MaxFloat64, math.MaxFloat64)

	var durations []spec.MemoryDuration
	current := 0.0
	if pd.ExecutionTimesByMemory != nil {
		times := make(map[float64]float64, len(pd.ExecutionTimesByMemory))
		keys := make([]string, 0, len(pd.ExecutionTimesByMemory))
		for k := range pd.ExecutionTimesByMemory {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			path := "performance_data.execution_times_by_memory." + k
			mb, err := strconv.ParseFloat(k, 64)
			if err != nil {
				v.add(path, "key must be a memory size in MB")
				continue
			}
			t, before := pd.ExecutionTimesByMemory[k], len(v.probs)
			if v.positive(path, t, MaxTimeoutMs); len(v.probs) == before {
				times[mb] = t
			}
		}
		for _, mb := range spec.MemoryOptionsMb() {
			if t, ok := times[mb]; ok {
				durations = append(durations, spec.MemoryDuration{MemoryMb: mb, ExecutionTimeMs: t, Measured: true})
			}
		}
		t, ok := times[pd.CurrentMemoryMb]
		switch {
		case len(v.probs) > 0:
		case !ok:
			v.add("performance_data.execution_times_by_memory", "has no time for current_memory_mb ("+fmtNum(pd.CurrentMemoryMb)+" MB)")
		case len(durations) == 0:
			v.add("performance_data.execution_times_by_memory", "has no time for any of the sizes compared (128, 256, 512, 1024, 1536, 3008 MB)")
		}
		current = t
	} else {
		v.positive("performance_data.base_execution_time_ms", pd.BaseExecutionTimeMs, MaxTimeoutMs)
		v.number("performance_data.base_memory_mb", pd.BaseMemoryMb, MinMemoryMb, MaxMemoryMb)
		for _, mb := range spec.MemoryOptionsMb() {
			durations = append(durations, spec.MemoryDuration{MemoryMb: mb, ExecutionTimeMs: spec.EstimateExecutionTimeMs(pd.BaseExecutionTimeMs, pd.BaseMemoryMb, mb)})
		}
		current = spec.EstimateExecutionTimeMs(pd.BaseExecutionTimeMs, pd.BaseMemoryMb, pd.CurrentMemoryMb)
	}
	if probs := jsonin.Alongside(decoding, v.probs); len(probs) > 0 {
		return nil, probs
	}
	ref, _ := pricing.LookupProfile(pricing.ReferenceProfileID)
	l := ref.Lambda[pricing.X86_64]
	return spec.OptimizeMemory(spec.MemoryPerformance{
		CurrentMemoryMb:        pd.CurrentMemoryMb,
		CurrentExecutionTimeMs: current,
		InvocationsPerMonth:    pd.InvocationsPerMonth,
		ActualMemoryUsageMb:    used,
		Durations:              durations,
	}, in.CostTargets, spec.InvocationPrices{DurationGBSecond: l.Duration.FirstRate(), Request: l.Request.Amount}), nil
}

type infrastructureInput struct {
	Functions    json.RawMessage `json:"functions"`
	SecretsCount int             `json:"secrets_count"`
}

// specFunctionPlan is the spec's per-function part of the infrastructure output.
type specFunctionPlan struct {
	ExecutionCapacity          spec.ExecutionCapacity     `json:"execution_capacity"`
	CostBreakdown              CostBreakdown              `json:"cost_breakdown"`
	SupportingServices         pricing.SupportingServices `json:"supporting_services"`
	PerformanceCharacteristics PerformanceCharacteristics `json:"performance_characteristics"`
}

// specInfrastructure is the spec's infrastructure output. WriteJSON streams
// it, so ten thousand functions need no output buffer of their own.
type specInfrastructure struct {
	FunctionDetails           map[string]specFunctionPlan `json:"function_details"`
	GlobalServices            pricing.GlobalServices      `json:"global_services"`
	TotalSummary              TotalSummary                `json:"total_summary"`
	OptimizationOpportunities []spec.Opportunity          `json:"optimization_opportunities"`
	ScalingProjections        spec.Projections            `json:"scaling_projections"`
}

// SpecScenario turns the spec's application_config (functions keyed by name)
// into a scenario priced with the reference profile, without the free tier.
// Rates missing from a function take the spec's defaults independently, as
// the spec does.
func SpecScenario(input []byte) (*Scenario, Problems) {
	in := infrastructureInput{SecretsCount: 5}
	if probs := decodeSpec(input, &in); len(probs) > 0 {
		return nil, probs
	}
	s := NewScenario()
	s.Pricing = Pricing{Profile: pricing.ReferenceProfileID, Architecture: pricing.X86_64, Platform: platform.LambdaID}
	s.SecretsCount = in.SecretsCount
	var probs Problems
	if len(in.Functions) > 0 {
		members, ok := orderedMembers(in.Functions)
		if !ok {
			return nil, Problems{{Path: "functions", Message: "expected an object of functions keyed by name, got " + jsonin.Describe(in.Functions)}}
		}
		s.Functions = make([]Function, len(members))
		dec := jsonin.NewDecoder(jsonin.DecodeOptions{AllowUnknown: true}, &probs)
		for i, m := range members {
			f := &s.Functions[i]
			f.SetDefaults()
			f.ColdStartMethod = ColdStartReference // the spec's rule: the rate given
			dec.DecodeAt(m.Value, f, "functions."+m.Key)
			f.Name = m.Key
			if f.InvocationsPerSecond == nil {
				f.InvocationsPerSecond = ptr(float64(defaultInvocationsPerSecond))
			}
			if f.MonthlyInvocations == nil {
				f.MonthlyInvocations = ptr(float64(defaultMonthlyInvocations))
			}
		}
	}
	if len(probs) > 0 {
		return nil, probs
	}
	if probs := validateScenario(&s, true, nil); len(probs) > 0 {
		return nil, specPaths(probs, s.Functions)
	}
	return &s, nil
}

// specPaths rewrites "functions[i]" paths to the spec's "functions.<name>".
func specPaths(probs Problems, fns []Function) Problems {
	for i := range probs {
		for j := range fns {
			prefix := "functions[" + strconv.Itoa(j) + "]"
			if len(probs[i].Path) >= len(prefix) && probs[i].Path[:len(prefix)] == prefix {
				probs[i].Path = "functions." + fns[j].Name + probs[i].Path[len(prefix):]
				break
			}
		}
	}
	return probs
}

func ptr[T any](v T) *T { return &v }

// StreamEncoder is output that writes its own JSON, piece by piece.
type StreamEncoder interface {
	WriteJSON(w io.Writer) error
}

// WriteJSON writes the same JSON as json.Marshal, one function at a time.
func (s specInfrastructure) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	names := make([]string, 0, len(s.FunctionDetails))
	for name := range s.FunctionDetails {
		names = append(names, name)
	}
	sort.Strings(names)
	write := func(s string) error {
		_, err := io.WriteString(w, s)
		return err
	}
	if err := write(`{"function_details":{`); err != nil {
		return err
	}
	for i, name := range names {
		if i > 0 {
			if err := write(","); err != nil {
				return err
			}
		}
		if err := enc.Encode(name); err != nil {
			return err
		}
		if err := write(":"); err != nil {
			return err
		}
		if err := enc.Encode(s.FunctionDetails[name]); err != nil {
			return err
		}
	}
	if err := write("}"); err != nil {
		return err
	}
	for _, part := range []struct {
		key   string
		value any
	}{{"global_services", s.GlobalServices}, {"total_summary", s.TotalSummary},
		{"optimization_opportunities", s.OptimizationOpportunities}, {"scaling_projections", s.ScalingProjections}} {
		if err := write(`,"` + part.key + `":`); err != nil {
			return err
		}
		if err := enc.Encode(part.value); err != nil {
			return err
		}
	}
	return write("}\n")
}

func calcInfrastructure(input []byte) (any, Problems) {
	s, probs := SpecScenario(input)
	if len(probs) > 0 {
		return nil, probs
	}
	r := evaluate(s, costsOnly, Sources{})
	details := make(map[string]specFunctionPlan, len(r.Functions))
	for i := range r.Functions {
		f := &r.Functions[i]
		details[f.Name] = specFunctionPlan{
			ExecutionCapacity:          f.ExecutionCapacity,
			CostBreakdown:              f.CostBreakdown,
			SupportingServices:         f.SupportingServices,
			PerformanceCharacteristics: f.PerformanceCharacteristics,
		}
	}
	return specInfrastructure{
		FunctionDetails:           details,
		GlobalServices:            r.GlobalServices,
		TotalSummary:              r.TotalSummary,
		OptimizationOpportunities: r.OptimizationOpportunities,
		ScalingProjections:        r.ScalingProjections,
	}, nil
}

type tuningInput struct {
	FunctionMetrics    spec.FunctionMetrics    `json:"function_metrics"`
	PerformanceTargets spec.PerformanceTargets `json:"performance_targets"`
}

func calcTuning(input []byte) (any, Problems) {
	in := tuningInput{spec.DefaultFunctionMetrics(), spec.DefaultPerformanceTargets()}
	decoding := decodeSpec(input, &in)
	v := validator{specRules: true}
	m, t := in.FunctionMetrics, in.PerformanceTargets
	v.number("function_metrics.p99_latency_ms", m.P99LatencyMs, 0, math.MaxFloat64)
	v.number("function_metrics.cold_start_rate", m.ColdStartRate, 0, 1)
	v.number("function_metrics.memory_mb", m.MemoryMb, MinMemoryMb, MaxMemoryMb)
	v.number("function_metrics.error_rate", m.ErrorRate, 0, 1)
	v.number("function_metrics.throttle_rate", m.ThrottleRate, 0, 1)
	v.number("performance_targets.p99_latency_ms", t.P99LatencyMs, 0, math.MaxFloat64)
	v.number("performance_targets.error_rate", t.ErrorRate, 0, 1)
	if probs := jsonin.Alongside(decoding, v.probs); len(probs) > 0 {
		return nil, probs
	}
	return spec.OptimizeFunctionPerformance(m, t), nil
}

type currentUsageInput struct {
	MonthlyCost                 float64         `json:"monthly_cost"`
	ProvisionedConcurrencyCost  float64         `json:"provisioned_concurrency_cost"`
	Functions                   json.RawMessage `json:"functions"`
	ColdStartSensitiveFunctions []string        `json:"cold_start_sensitive_functions"`
	ScheduledFunctions          []string        `json:"scheduled_functions"`
}

type costOptimizationInput struct {
	CurrentUsage currentUsageInput `json:"current_usage"`
	CostTargets  struct {
		TargetReductionPercent float64 `json:"target_reduction_percent"`
	} `json:"cost_targets"`
}

func calcCostOptimization(input []byte) (any, Problems) {
	var in costOptimizationInput
	in.CurrentUsage.MonthlyCost = 10000
	in.CostTargets.TargetReductionPercent = spec.DefaultTargetReductionPercent
	decoding := decodeSpec(input, &in)
	cu := in.CurrentUsage
	v := validator{specRules: true}
	v.number("current_usage.monthly_cost", cu.MonthlyCost, 0, math.MaxFloat64)
	v.number("current_usage.provisioned_concurrency_cost", cu.ProvisionedConcurrencyCost, 0, math.MaxFloat64)
	v.number("cost_targets.target_reduction_percent", in.CostTargets.TargetReductionPercent, -math.MaxFloat64, math.MaxFloat64)
	usage := spec.CurrentUsage{
		MonthlyCost:                 cu.MonthlyCost,
		ProvisionedConcurrencyCost:  cu.ProvisionedConcurrencyCost,
		ColdStartSensitiveFunctions: cu.ColdStartSensitiveFunctions,
		ScheduledFunctions:          cu.ScheduledFunctions,
	}
	members, ok := namedObjects(cu.Functions, "current_usage.functions", &v.probs)
	if ok {
		usage.Functions = make([]spec.UsageFunction, len(members))
		for i, m := range members {
			f := spec.DefaultUsageFunction()
			path := "current_usage.functions." + m.Key
			jsonin.DecodeAt(m.Value, &f, jsonin.DecodeOptions{AllowUnknown: true}, path, &v.probs)
			f.Name = m.Key
			v.number(path+".memory_efficiency", f.MemoryEfficiency, 0, math.MaxFloat64)
			v.number(path+".avg_duration_ms", f.AvgDurationMs, 0, math.MaxFloat64)
			usage.Functions[i] = f
		}
	}
	if probs := jsonin.Alongside(decoding, v.probs); len(probs) > 0 {
		return nil, probs
	}
	return spec.OptimizeCosts(usage, in.CostTargets.TargetReductionPercent), nil
}

// namedObjects splits an optional JSON object of named entries.
func namedObjects(raw json.RawMessage, path string, probs *Problems) ([]member, bool) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, true
	}
	members, ok := orderedMembers(raw)
	if !ok {
		probs.Add(path, "expected an object keyed by function name, got "+jsonin.Describe(raw))
	}
	return members, ok
}

type alertsInput struct {
	Functions json.RawMessage `json:"functions"`
}

func calcAlerts(input []byte) (any, Problems) {
	var in alertsInput
	if probs := decodeSpec(input, &in); len(probs) > 0 {
		return nil, probs
	}
	var probs Problems
	members, ok := namedObjects(in.Functions, "functions", &probs)
	if !ok {
		return nil, probs
	}
	fns := make([]spec.AlertFunction, len(members))
	v := validator{specRules: true}
	for i, m := range members {
		f := spec.DefaultAlertFunction()
		path := "functions." + m.Key
		jsonin.DecodeAt(m.Value, &f, jsonin.DecodeOptions{AllowUnknown: true}, path, &v.probs)
		f.Name = m.Key
		v.number(path+".reserved_concurrency", f.ReservedConcurrency, 0, maxConcurrency)
		fns[i] = f
	}
	if len(v.probs) > 0 {
		return nil, v.probs
	}
	return spec.GenerateAlerts(fns), nil
}

// calcColdStartProbability is the keep-alive model of one function.
func calcColdStartProbability(input []byte) (any, Problems) {
	k := keepalive.Input{KeepAliveMinutes: 10}
	decoding := decodeSpec(input, &k, "arrival_rate_per_second", "warm_service_time_ms", "cold_service_time_ms")
	v := validator{specRules: true}
	v.number("arrival_rate_per_second", k.ArrivalRatePerSecond, 0, maxCallsPerSec)
	v.positive("warm_service_time_ms", k.WarmServiceTimeMs, MaxTimeoutMs)
	v.number("cold_service_time_ms", k.ColdServiceTimeMs, 0, MaxTimeoutMs)
	v.number("keep_alive_minutes", k.KeepAliveMinutes, 0, 24*60)
	v.number("provisioned_concurrency", k.ProvisionedConcurrency, 0, maxConcurrency)
	if probs := jsonin.Alongside(decoding, v.probs); len(probs) > 0 {
		return nil, probs
	}
	return keepalive.Solve(k), nil
}

// calcForecast forecasts a series.
func calcForecast(input []byte) (any, Problems) {
	in := forecast.Input{SeasonLength: 24, Horizon: 48, Method: "auto"}
	decoding := decodeSpec(input, &in)
	v := validator{specRules: true}
	v.intRange("season_length", in.SeasonLength, 1, 10080)
	v.intRange("horizon", in.Horizon, 1, max(1, forecast.MaxDays*in.SeasonLength))
	if in.Method != "auto" && !slices.Contains(forecast.Methods(), in.Method) {
		v.oneOf("method", in.Method, append([]string{"auto"}, forecast.Methods()...))
	}
	for i, x := range in.History {
		if !inRange(x, 0, maxBigQuantity) {
			v.number("history["+strconv.Itoa(i)+"]", x, 0, maxBigQuantity)
		}
	}
	if len(in.History) < in.SeasonLength+forecast.BacktestOrigins*in.Horizon {
		v.add("history", "needs at least season_length + 3 × horizon values ("+strconv.Itoa(in.SeasonLength+forecast.BacktestOrigins*in.Horizon)+"), got "+strconv.Itoa(len(in.History)))
	}
	if len(in.History) > 1_000_000 {
		v.add("history", "more than 1,000,000 values")
	}
	if probs := jsonin.Alongside(decoding, v.probs); len(probs) > 0 {
		return nil, probs
	}
	if in.Method != "auto" && !forecast.Forecastable(in.Method, in.History, in.SeasonLength, in.Horizon) {
		return nil, Problems{{Path: "method", Message: in.Method + " needs more history (weekly methods two weeks, multiplicative only positive values)"}}
	}
	return forecast.Make(in), nil
}

// calcAnomalies finds the anomalies of a series.
func calcAnomalies(input []byte) (any, Problems) {
	in := struct {
		History      []float64 `json:"history"`
		SeasonLength int       `json:"season_length"`
	}{SeasonLength: 24}
	decoding := decodeSpec(input, &in)
	v := validator{specRules: true}
	v.intRange("season_length", in.SeasonLength, 1, 10080)
	for i, x := range in.History {
		if !inRange(x, 0, maxBigQuantity) {
			v.number("history["+strconv.Itoa(i)+"]", x, 0, maxBigQuantity)
		}
	}
	if len(in.History) < 2*in.SeasonLength {
		v.add("history", "needs at least two seasons ("+strconv.Itoa(2*in.SeasonLength)+" values), got "+strconv.Itoa(len(in.History)))
	}
	if len(in.History) > 1_000_000 {
		v.add("history", "more than 1,000,000 values")
	}
	if probs := jsonin.Alongside(decoding, v.probs); len(probs) > 0 {
		return nil, probs
	}
	return forecast.DetectAnomalies(in.History, in.SeasonLength), nil
}
