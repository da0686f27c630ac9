package pricing

import "planner/model/num"

// ServiceUsage is a function's use of the services around it.
type ServiceUsage struct {
	MonthlyInvocations float64
	APIGatewayEnabled  bool
	APIType            APIType
	LogDataGBMonthly   float64
	DynamoDBEnabled    bool
	DynamoDBReadUnits  float64
	DynamoDBWriteUnits float64
	DynamoDBStorageGB  float64
	S3Enabled          bool
	S3StorageGB        float64
	S3RequestsMonthly  float64
}

// SupportingServices is a function's monthly bill for the services it uses,
// USD. A service the function does not use costs 0.
type SupportingServices struct {
	APIGateway     float64 `json:"api_gateway"`
	CloudWatchLogs float64 `json:"cloudwatch_logs"`
	DynamoDB       float64 `json:"dynamodb"`
	S3             float64 `json:"s3"`
	TotalCost      float64 `json:"total_cost"`
}

// APIGatewayRates are the blended per-request prices of each API type for
// one account: API Gateway tiers count all of the account's requests.
type APIGatewayRates map[APIType]float64

// BlendedAPIGatewayRates sums the API requests of all usages per API type
// and returns tiered(total) / total for each type, or the first-tier rate for
// a type with no requests.
func BlendedAPIGatewayRates(p *Profile, usages []ServiceUsage) APIGatewayRates {
	var rest, http float64
	for _, u := range usages {
		if !u.APIGatewayEnabled {
			continue
		}
		if u.APIType == HTTPAPI {
			http += u.MonthlyInvocations
		} else {
			rest += u.MonthlyInvocations
		}
	}
	blend := func(t TieredPrice, q float64) float64 {
		if q <= 0 {
			return t.FirstRate()
		}
		return t.Cost(q) / q
	}
	return APIGatewayRates{
		RESTAPI: blend(p.APIGateway[RESTAPI], rest),
		HTTPAPI: blend(p.APIGateway[HTTPAPI], http),
	}
}

// CalculateSupportingServices prices a function's services for a month of
// H hours:
//
//	api_gateway     = invocations × blended API rate
//	cloudwatch_logs = log GB × ingestion price
//	dynamodb        = (RCU × RCU-hour + WCU × WCU-hour) × H + storage GB × GB-month
//	s3              = storage GB × GB-month + requests × request price
func CalculateSupportingServices(u ServiceUsage, p *Profile, api APIGatewayRates) SupportingServices {
	var s SupportingServices
	if u.APIGatewayEnabled {
		apiType := u.APIType
		if apiType == "" {
			apiType = RESTAPI
		}
		s.APIGateway = u.MonthlyInvocations * api[apiType]
	}
	s.CloudWatchLogs = u.LogDataGBMonthly * p.CloudWatchLogsIngestionGB.Amount
	if u.DynamoDBEnabled {
		hours := p.HoursPerMonth.Amount
		d := p.DynamoDB
		s.DynamoDB = u.DynamoDBReadUnits*d.ReadCapacityUnitHour.Amount*hours +
			u.DynamoDBWriteUnits*d.WriteCapacityUnitHour.Amount*hours +
			u.DynamoDBStorageGB*d.StorageGBMonth.Amount
	}
	if u.S3Enabled {
		s.S3 = u.S3StorageGB*p.S3.StorageGBMonth.Amount + u.S3RequestsMonthly*p.S3.Request.Amount
	}
	s.TotalCost = s.APIGateway + s.CloudWatchLogs + s.DynamoDB + s.S3
	return s
}

// GlobalServices is the monthly bill of what the whole application shares, USD.
type GlobalServices struct {
	Deployment         float64 `json:"deployment"`
	XRay               float64 `json:"x_ray"`
	CloudWatchInsights float64 `json:"cloudwatch_insights"`
	IAM                float64 `json:"iam"`
	SecretsManager     float64 `json:"secrets_manager"`
	CodeBuild          float64 `json:"codebuild"`
	TotalCost          float64 `json:"total_cost"`
	// XRayTraces are the traces recorded a month; XRayFreeTraces the part
	// X-Ray's free tier covers.
	XRayTraces     float64 `json:"x_ray_traces"`
	XRayFreeTraces float64 `json:"x_ray_free_traces"`
}

// tracedInvocationsThreshold: above this many invocations a month the
// application is traced with X-Ray and analysed with Logs Insights.
const tracedInvocationsThreshold = 1_000_000

// applicationTraces are the traces X-Ray records of an application of
// totalInvocations a month: every invocation above 1M in a profile that
// traces every invocation (the spec's convention), else the sampled ones.
func (p *Profile) applicationTraces(totalInvocations, sampledTraces float64) float64 {
	switch {
	case !p.TraceEveryInvocation:
		return sampledTraces
	case totalInvocations > tracedInvocationsThreshold:
		return totalInvocations
	}
	return 0
}

// FunctionTraces are the traces X-Ray records of one function of
// monthlyInvocations a month, in an application of totalInvocations: its
// share under applicationTraces, so that the functions' traces add up to the
// application's (the rule's samples of each hour on real profiles, every
// invocation or none under the spec's convention).
func (p *Profile) FunctionTraces(rule SamplingRule, requestsPerHour []float64, daysPerMonth, monthlyInvocations, totalInvocations float64) float64 {
	if p.TraceEveryInvocation {
		return p.applicationTraces(totalInvocations, 0) * num.Ratio(monthlyInvocations, totalInvocations)
	}
	return rule.MonthlyTraces(requestsPerHour, daysPerMonth)
}

// CalculateGlobalServices prices the shared services:
//
//	deployment + codebuild + secrets × secret price
//	+ Logs Insights                                     when invocations > 1M
//	+ (traces − free traces)⁺ × trace price
//
// where traces are the sampled traces of the functions (SamplingRule), or,
// in a profile that traces every invocation (the spec's convention), every
// invocation once there are more than 1M, without a free tier. IAM is free.
func CalculateGlobalServices(p *Profile, totalInvocations, secrets, sampledTraces float64) GlobalServices {
	g := GlobalServices{
		Deployment:     p.Deployment.Amount,
		SecretsManager: secrets * p.SecretsManagerSecret.Amount,
		CodeBuild:      p.CodeBuild.Amount,
	}
	if totalInvocations > tracedInvocationsThreshold {
		g.CloudWatchInsights = p.LogsInsights.Amount
	}
	g.XRayTraces = p.applicationTraces(totalInvocations, sampledTraces)
	g.XRayFreeTraces = min(g.XRayTraces, p.XRayFreeTraces.Amount)
	g.XRay = (g.XRayTraces - g.XRayFreeTraces) * p.XRayTrace.Amount
	g.TotalCost = g.Deployment + g.XRay + g.CloudWatchInsights + g.IAM + g.SecretsManager + g.CodeBuild
	return g
}
