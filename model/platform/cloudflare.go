package platform

import "planner/model/pricing"

// workersPrices are the Workers Paid plan's Standard usage model.
type workersPrices struct {
	Subscription, Request, CPUMs, IncludedRequests, IncludedCPUMs pricing.Price
}

func workersRates() workersPrices {
	return workersPrices{
		Subscription:     rate(5, "account-month", workersPage, "first-hand"),
		Request:          rate(0.30/1e6, "request", workersPage, "first-hand"),
		CPUMs:            rate(0.02/1e6, "CPU-ms", workersPage, "first-hand"),
		IncludedRequests: rate(10_000_000, "requests per month", workersPage, "first-hand"),
		IncludedCPUMs:    rate(30_000_000, "CPU-ms per month", workersPage, "first-hand"),
	}
}

// billWorkers prices the Standard usage model: the subscription, requests
// and CPU time beyond what it includes (wall time is not billed):
//
//	cost = $5 + (n − 10M)⁺ × $0.30/M + (n × cpu_ms − 30M)⁺ × $0.02/M
//
// with the subscription and its inclusions (allowances) prorated to the
// period.
func billWorkers(u *Usage) Bill {
	r := workersRates()
	var b Bill
	b.add("requests", u.Invocations, "request", r.Request.Amount)
	b.add("CPU time", u.Invocations*u.CPUTimeMs, "CPU-ms", r.CPUMs.Amount)
	return b
}
