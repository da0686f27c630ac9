package pricing

import (
	"testing"

	"planner/model/internal/check"
)

func TestSupportingServicesReference(t *testing.T) {
	p, _ := LookupProfile("reference")
	u := ServiceUsage{MonthlyInvocations: 2e6, APIGatewayEnabled: true, LogDataGBMonthly: 2,
		DynamoDBEnabled: true, DynamoDBReadUnits: 10, DynamoDBWriteUnits: 5, DynamoDBStorageGB: 10,
		S3Enabled: true, S3StorageGB: 500, S3RequestsMonthly: 100000}
	s := CalculateSupportingServices(u, p, BlendedAPIGatewayRates(p, []ServiceUsage{u}))
	check.Near(t, "api", s.APIGateway, 7)
	check.Near(t, "logs", s.CloudWatchLogs, 1)
	check.Near(t, "dynamodb", s.DynamoDB, 10*0.25*720+5*1.25*720+10*0.25)
	check.Near(t, "s3", s.S3, 500*0.023+100*0.0004)
	check.Near(t, "total", s.TotalCost, 7+1+(1800+4500+2.5)+11.54)
}

func TestAPIGatewayTiersAreAccountWide(t *testing.T) {
	p, _ := LookupProfile("aws-us-east-1")
	u := ServiceUsage{MonthlyInvocations: 200e6, APIGatewayEnabled: true, APIType: HTTPAPI}
	rates := BlendedAPIGatewayRates(p, []ServiceUsage{u, u})
	// 400M HTTP requests: 300M at $1.00/M, 100M at $0.90/M.
	check.Near(t, "two functions", 2*200e6*rates[HTTPAPI], 300+90)
}

func TestGlobalServicesThreshold(t *testing.T) {
	p, _ := LookupProfile("reference")
	g := CalculateGlobalServices(p, 1e6, 8, 0)
	check.Near(t, "at 1M", g.TotalCost, 10+8*0.40+100)
	g = CalculateGlobalServices(p, 2e6, 8, 0)
	check.Near(t, "above 1M", g.TotalCost, 10+2e6*0.000005+50+8*0.40+100)
}
