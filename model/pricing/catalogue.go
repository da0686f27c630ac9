package pricing

// The price catalogue. Every figure is data with its source and the day it
// was read; formulas never hold a price of their own.

const (
	specSource     = "serverless-capacity-model.md (spec constant)"
	specDate       = "2026-11-24"
	awsDate        = "2026-11-24"
	lambdaPage     = "AWS Lambda pricing page (aws.amazon.com/lambda/pricing)"
	lambdaTierBlog = "AWS Compute Blog, Introducing tiered pricing for AWS Lambda (rates 2nd-hand)"
	lambdaPC2nd    = "AWS Lambda pricing, arm64 provisioned concurrency (2nd-hand tables)"
	calculatorConv = "AWS Pricing Calculator convention (730 hours a month)"
	xrayPage       = "AWS X-Ray pricing (aws.amazon.com/xray/pricing)"
	lambdaInitBlog = "AWS Compute Blog, AWS Lambda standardizes billing for INIT Phase (from 2025-08-01)"
	lambdaQuotas   = "AWS Lambda quotas (docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html), default"
)

func spec(amount float64, unit string) Price {
	return Price{Amount: amount, Unit: unit, Source: specSource, Date: specDate}
}

func aws(amount float64, unit, source string) Price {
	return Price{Amount: amount, Unit: unit, Source: source, Date: awsDate}
}

// catalogue lists the profiles by ID. Each lookup builds its profile
// afresh, so no caller can change the prices another one sees.
var catalogue = []struct {
	id    string
	build func() *Profile
}{
	{"aws-us-east-1", awsUSEast1Profile},
	{"aws-eu-west-1", awsRegion("eu-west-1", "Europe (Ireland)")},
	{"aws-eu-central-1", awsRegion("eu-central-1", "Europe (Frankfurt)")},
	{"aws-ap-southeast-1", awsRegion("ap-southeast-1", "Asia Pacific (Singapore)")},
	{ReferenceProfileID, referenceProfile},
}

// ReferenceProfileID names the profile of the spec's constants.
const ReferenceProfileID = "reference"

// referenceProfile holds exactly the constants of the spec: one duration
// price, provisioned concurrency at $0.0000097 per GB-s over a 720-hour month,
// reserved concurrency billed as provisioned, no free tier. It exists for
// parity with the spec's reference implementation.
func referenceProfile() *Profile {
	perMillion := spec(3.50/1e6, "request")
	return &Profile{
		ID:            ReferenceProfileID,
		Name:          "Spec reference constants",
		Description:   "The capacity model's own constants (720-hour month, reserved concurrency billed as provisioned). Use it to reproduce the spec; use a real profile for a bill.",
		HoursPerMonth: spec(720, "hours"),
		Lambda: map[Architecture]LambdaPrices{
			X86_64: {
				Request:             spec(0.0000002, "request"),
				Duration:            TieredPrice{{Price: spec(0.0000166667, "GB-second")}},
				ProvisionedCapacity: spec(0.0000097, "GB-second"),
				ProvisionedDuration: spec(0, "GB-second"),
				EphemeralStorage:    spec(0, "GB-second"),
			},
		},
		FreeTier: FreeTier{
			Requests:  spec(0, "requests per month"),
			GBSeconds: spec(0, "GB-seconds per month"),
		},
		ProvisionedExecutionOnDemand: true,
		ReservedBilledAsProvisioned:  true,
		APIGateway: map[APIType]TieredPrice{
			RESTAPI: {{Price: perMillion}},
			HTTPAPI: {{Price: perMillion}},
		},
		CloudWatchLogsIngestionGB: spec(0.50, "GB ingested"),
		DynamoDB: DynamoDBPrices{
			ReadCapacityUnitHour:  spec(0.25, "RCU-hour"),
			WriteCapacityUnitHour: spec(1.25, "WCU-hour"),
			StorageGBMonth:        spec(0.25, "GB-month"),
		},
		S3: S3Prices{
			StorageGBMonth: spec(0.023, "GB-month"),
			Request:        spec(0.0004/1000, "request"),
		},
		XRayTrace:            spec(0.000005, "trace"),
		XRayFreeTraces:       spec(0, "traces per month"),
		TraceEveryInvocation: true,
		InitBilled:           spec(0, "share of INIT duration"),
		SecretsManagerSecret: spec(0.40, "secret-month"),
		AccountConcurrency:   aws(1000, "concurrent executions per region", lambdaQuotas),
		Deployment:           spec(10, "month"),
		CodeBuild:            spec(100, "month"),
		LogsInsights:         spec(50, "month"),
	}
}

// awsUSEast1Profile holds AWS list prices for us-east-1.
func awsUSEast1Profile() *Profile {
	gbs := "GB-second"
	return &Profile{
		ID:            "aws-us-east-1",
		Name:          "AWS us-east-1 list prices",
		Description:   "AWS list prices for US East (N. Virginia): tiered duration, provisioned concurrency with its own execution price, ephemeral storage, the account-wide free tier, 730-hour month.",
		HoursPerMonth: aws(730, "hours", calculatorConv),
		Lambda: map[Architecture]LambdaPrices{
			X86_64: {
				Request: aws(0.0000002, "request", lambdaPage),
				Duration: TieredPrice{
					{UpTo: 6e9, Price: aws(0.0000166667, gbs, lambdaPage)},
					{UpTo: 15e9, Price: aws(0.0000150000, gbs, lambdaTierBlog)},
					{Price: aws(0.0000133334, gbs, lambdaTierBlog)},
				},
				ProvisionedCapacity: aws(0.0000041667, gbs, lambdaPage),
				ProvisionedDuration: aws(0.0000097222, gbs, lambdaPage),
				EphemeralStorage:    aws(0.0000000309, gbs, lambdaPage),
			},
			ARM64: {
				Request: aws(0.0000002, "request", lambdaPage),
				Duration: TieredPrice{
					{UpTo: 7.5e9, Price: aws(0.0000133334, gbs, lambdaPage)},
					{UpTo: 18.75e9, Price: aws(0.0000120001, gbs, lambdaTierBlog)},
					{Price: aws(0.0000106667, gbs, lambdaTierBlog)},
				},
				ProvisionedCapacity: aws(0.0000033334, gbs, lambdaPC2nd),
				ProvisionedDuration: aws(0.0000077778, gbs, lambdaPC2nd),
				EphemeralStorage:    aws(0.0000000309, gbs, lambdaPage),
			},
		},
		FreeTier: FreeTier{
			Requests:  aws(1_000_000, "requests per month", lambdaPage),
			GBSeconds: aws(400_000, "GB-seconds per month", lambdaPage),
		},
		APIGateway: map[APIType]TieredPrice{
			RESTAPI: {
				{UpTo: 333e6, Price: aws(3.50/1e6, "request", "apigatewaycost.com (2nd-hand)")},
				{UpTo: 1e9, Price: aws(2.80/1e6, "request", "apigatewaycost.com (2nd-hand)")},
				{UpTo: 20e9, Price: aws(2.38/1e6, "request", "apigatewaycost.com (2nd-hand)")},
				{Price: aws(1.51/1e6, "request", "apigatewaycost.com (2nd-hand)")},
			},
			HTTPAPI: {
				{UpTo: 300e6, Price: aws(1.00/1e6, "request", "AWS API Gateway pricing")},
				{Price: aws(0.90/1e6, "request", "AWS API Gateway pricing")},
			},
		},
		CloudWatchLogsIngestionGB: aws(0.50, "GB ingested", "AWS CloudWatch pricing (first tier)"),
		DynamoDB: DynamoDBPrices{
			ReadCapacityUnitHour:  aws(0.00013, "RCU-hour", "AWS DynamoDB pricing"),
			WriteCapacityUnitHour: aws(0.00065, "WCU-hour", "AWS DynamoDB pricing"),
			StorageGBMonth:        aws(0.25, "GB-month", "AWS DynamoDB pricing"),
		},
		S3: S3Prices{
			StorageGBMonth: aws(0.023, "GB-month", "AWS S3 pricing (first 50 TB)"),
			Request:        aws(0.0004/1000, "request", "AWS S3 pricing (GET)"),
		},
		XRayTrace:            aws(5.00/1e6, "trace", xrayPage),
		XRayFreeTraces:       aws(100_000, "traces per month", xrayPage),
		InitBilled:           aws(1, "share of INIT duration", lambdaInitBlog),
		SecretsManagerSecret: aws(0.40, "secret-month", "AWS Secrets Manager pricing"),
		AccountConcurrency:   aws(1000, "concurrent executions per region", lambdaQuotas),
		Deployment:           spec(10, "month"),
		CodeBuild:            spec(100, "month"),
		LogsInsights:         spec(50, "month"),
	}
}
