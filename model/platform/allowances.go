package platform

// allowances applies what a month includes to a bill of one account's use
// of a platform (one function, or every function summed by meter), prorated
// to the period's share of a month:
//
//   - Azure Consumption: 400,000 GB-s and 1 million executions (free grant);
//   - Azure Flex Consumption: 100,000 GB-s and 250,000 executions on demand
//     (free grant; none for always-ready instances);
//   - Cloud Run: $4.32 of CPU and $0.90 of memory at Tier 1 prices, and 2
//     million requests (free tier);
//   - Cloudflare Workers: the $5 subscription, which includes 10 million
//     requests and 30 million CPU-ms whether or not freeTier is asked.
//
// A quantity grant lowers its meter's quantity; a spend credit is a line.
func allowances(b *Bill, p *Platform, region string, freeTier bool, share float64) {
	switch {
	case p.ID == "cloudflare-workers":
		r := workersRates()
		b.include("requests", r.IncludedRequests.Amount*share)
		b.include("CPU time", r.IncludedCPUMs.Amount*share)
		b.Lines = append([]Line{{Meter: "subscription (Workers Paid)", Quantity: share, Unit: "account-month",
			UnitPriceUSD: r.Subscription.Amount, USD: share * r.Subscription.Amount}}, b.Lines...)
		b.TotalUSD += share * r.Subscription.Amount
	case !freeTier:
	case p.ID == "azure-functions-consumption":
		r := azureConsumptionRates()
		b.include("execution time", r.FreeGBSeconds.Amount*share)
		b.include("executions", r.FreeExecutions.Amount*share)
	case p.ID == "azure-functions-flex":
		r := flexRates()
		b.include("on-demand execution time", r.FreeGBSeconds.Amount*share)
		b.include("on-demand executions", r.FreeExecutions.Amount*share)
	case p.ID == "gcp-cloud-run":
		free := cloudRunFreeTier()
		cpu, mem := 0.0, 0.0
		for _, l := range b.Lines {
			switch l.Unit {
			case "vCPU-second":
				cpu += l.USD
			case "GiB-second":
				mem += l.USD
			}
		}
		b.include("requests", free.Requests.Amount*share)
		b.credit("free tier, CPU (Tier 1 spend)", min(cpu, free.CPUUSD.Amount*share))
		b.credit("free tier, memory (Tier 1 spend)", min(mem, free.MemoryUSD.Amount*share))
	}
}

// include lowers a meter's quantity by what the month includes.
func (b *Bill) include(meter string, free float64) {
	for i := range b.Lines {
		l := &b.Lines[i]
		if l.Meter != meter {
			continue
		}
		covered := min(l.Quantity, free)
		l.Quantity -= covered
		l.USD = l.Quantity * l.UnitPriceUSD
		b.TotalUSD -= covered * l.UnitPriceUSD
		return
	}
}

// merge adds another bill's lines to b, meter by meter.
func (b *Bill) merge(other Bill) {
	for _, l := range other.Lines {
		found := false
		for i := range b.Lines {
			if b.Lines[i].Meter == l.Meter {
				b.Lines[i].Quantity += l.Quantity
				b.Lines[i].USD += l.USD
				found = true
				break
			}
		}
		if !found {
			b.Lines = append(b.Lines, l)
		}
	}
	b.TotalUSD += other.TotalUSD
}
