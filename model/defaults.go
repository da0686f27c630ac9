package model

import (
	"planner/model/spec"
	"planner/model/targets"
)

// DefaultScenario is the spec's e-commerce application: four functions with
// their memory, durations, reservations and services, priced with AWS
// us-east-1 list prices. The planner opens with it.
func DefaultScenario() Scenario {
	s := NewScenario()
	s.Name = "E-commerce application"
	s.SecretsCount = 8
	checkoutDay := spec.CheckoutDayRequests()
	retailDay := checkoutDay[:]

	auth := DefaultFunction()
	auth.Name = "user_authentication"
	auth.Type, auth.Criticality, auth.Runtime = spec.APIFunction, spec.CriticalCriticality, "nodejs"
	auth.MonthlyInvocations = ptr(2_000_000.0)
	auth.AllocatedMemoryMb, auth.ActualMemoryUsageMb = 256, 180
	auth.AvgExecutionTimeMs, auth.P95ExecutionTimeMs, auth.P99ExecutionTimeMs = 150, 300, 600
	auth.ReservedConcurrency = 10
	auth.APIGatewayEnabled = true
	auth.DynamoDBEnabled, auth.DynamoDBReadUnits, auth.DynamoDBWriteUnits = true, 10, 5
	auth.LogDataGBMonthly = 2
	auth.TrafficProfile = append([]float64(nil), retailDay...)
	auth.ColdStartSensitive = true

	catalog := DefaultFunction()
	catalog.Name = "product_catalog"
	catalog.Type, catalog.Criticality, catalog.Runtime = spec.APIFunction, spec.HighCriticality, "nodejs"
	catalog.MonthlyInvocations = ptr(5_000_000.0)
	catalog.AllocatedMemoryMb, catalog.ActualMemoryUsageMb = 512, 400
	catalog.AvgExecutionTimeMs, catalog.P95ExecutionTimeMs, catalog.P99ExecutionTimeMs = 300, 600, 1200
	catalog.ReservedConcurrency = 20
	catalog.APIGatewayEnabled = true
	catalog.S3Enabled, catalog.S3StorageGB, catalog.S3RequestsMonthly = true, 500, 100_000
	catalog.LogDataGBMonthly = 5
	catalog.TrafficProfile = append([]float64(nil), retailDay...)
	catalog.ColdStartSensitive = true

	orders := DefaultFunction()
	orders.Name = "order_processing"
	orders.Type, orders.Criticality, orders.Runtime = spec.ProcessingFunction, spec.CriticalCriticality, "java11"
	orders.MonthlyInvocations = ptr(800_000.0)
	orders.AllocatedMemoryMb, orders.ActualMemoryUsageMb = 1024, 800
	orders.AvgExecutionTimeMs, orders.P95ExecutionTimeMs, orders.P99ExecutionTimeMs = 800, 1600, 3200
	orders.ReservedConcurrency = 15
	orders.DynamoDBEnabled, orders.DynamoDBReadUnits, orders.DynamoDBWriteUnits = true, 20, 20
	orders.LogDataGBMonthly = 3
	orders.VpcEnabled, orders.DeploymentSizeMb = true, 80
	orders.TrafficProfile = append([]float64(nil), retailDay...)
	orders.ComplianceRequirements = []spec.ComplianceRequirement{spec.PCIDSS}

	analytics := DefaultFunction()
	analytics.Name = "analytics_processor"
	analytics.Type, analytics.Criticality = spec.ProcessingFunction, spec.MediumCriticality
	analytics.Class = targets.Batch
	analytics.MonthlyInvocations = ptr(10_000_000.0)
	analytics.AllocatedMemoryMb, analytics.ActualMemoryUsageMb = 3008, 2800
	analytics.AvgExecutionTimeMs, analytics.P95ExecutionTimeMs, analytics.P99ExecutionTimeMs = 1200, 2400, 4800
	analytics.ReservedConcurrency = 50
	analytics.S3Enabled, analytics.S3StorageGB, analytics.S3RequestsMonthly = true, 2000, 500_000
	analytics.LogDataGBMonthly = 10

	s.Functions = []Function{auth, catalog, orders, analytics}
	return s
}
