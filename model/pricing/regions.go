package pricing

// awsRegion builds the profile of another AWS region from us-east-1's.
// Lambda's request and duration prices are the same in these regions on the
// AWS pricing page's region selector, but this catalogue has not read that
// page region by region: every price is marked "assumed" (equal to
// us-east-1's) until it is, and the profile's description says so.
func awsRegion(region, name string) func() *Profile {
	return func() *Profile {
		p := awsUSEast1Profile()
		p.ID = "aws-" + region
		p.Name = "AWS " + region + " list prices"
		p.Description = "AWS list prices for " + name + ", taken as equal to us-east-1's (marked assumed: not read for this region); the same billing rules as us-east-1."
		for arch, prices := range p.Lambda {
			prices.Request = assumed(prices.Request)
			for i := range prices.Duration {
				prices.Duration[i].Price = assumed(prices.Duration[i].Price)
			}
			prices.ProvisionedCapacity = assumed(prices.ProvisionedCapacity)
			prices.ProvisionedDuration = assumed(prices.ProvisionedDuration)
			prices.EphemeralStorage = assumed(prices.EphemeralStorage)
			p.Lambda[arch] = prices
		}
		return p
	}
}

// assumed marks a us-east-1 price carried over to another region.
func assumed(p Price) Price {
	p.Hand = "assumed"
	p.Source += "; us-east-1's price, assumed for this region"
	return p
}
