package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
	"planner/model/pricing"
)

// pricesView chooses the price profile and lists its prices with their
// sources and dates.
func (p *Planner) pricesView(r *model.Report) app.UI {
	profile, _ := pricing.LookupProfile(r.Pricing.Profile)
	var rows []priceRow
	if profile != nil {
		rows = priceRows(profile, r.Pricing.Architecture)
	}
	return app.Div().Body(
		app.H2().Text("Prices"),
		app.Div().Class("price-choice").Body(p.form().field(path{}.key("pricing"), p.schema.Property("pricing"))),
		app.If(profile != nil, func() app.UI {
			return app.P().Class("profile-note").Text(profile.Description)
		}),
		tableRegion(fmt.Sprintf("%s, %s", r.Pricing.ProfileName, r.Pricing.Architecture), app.Table().Class("prices"),
			app.THead().Body(app.Tr().Body(app.Th().Scope("col").Text("Item"), app.Th().Scope("col").Text("Price"),
				app.Th().Scope("col").Text("Source"), app.Th().Scope("col").Text("Read on"))),
			app.TBody().Body(app.Range(rows).Slice(func(i int) app.UI {
				row := rows[i]
				return app.Tr().Body(app.Th().Scope("row").Text(row.item), app.Td().Class("num").Text(row.price),
					app.Td().Text(row.source), app.Td().Class("date").Text(row.date))
			})),
		),
	)
}

type priceRow struct{ item, price, source, date string }

func priceRows(p *pricing.Profile, arch pricing.Architecture) []priceRow {
	var rows []priceRow
	add := func(item string, pr pricing.Price) {
		rows = append(rows, priceRow{item, fmt.Sprintf("$%s per %s", trimPrice(pr.Amount), pr.Unit), pr.Source, pr.Date})
	}
	tiered := func(item string, t pricing.TieredPrice) {
		below := 0.0
		for _, tier := range t {
			name := item
			switch {
			case len(t) == 1:
			case tier.UpTo == 0:
				name = fmt.Sprintf("%s, over %s", item, g(below))
			default:
				name = fmt.Sprintf("%s, %s to %s", item, g(below), g(tier.UpTo))
			}
			add(name, tier.Price)
			below = tier.UpTo
		}
	}
	rows = append(rows, priceRow{"Billing month", fmt.Sprintf("%g hours", p.HoursPerMonth.Amount), p.HoursPerMonth.Source, p.HoursPerMonth.Date})
	if l, ok := p.Lambda[arch]; ok {
		add("Lambda requests", l.Request)
		tiered("Lambda duration (GB-s a month)", l.Duration)
		add("Provisioned concurrency, configured", l.ProvisionedCapacity)
		if !p.ProvisionedExecutionOnDemand {
			add("Provisioned concurrency, executions", l.ProvisionedDuration)
		}
		add("Ephemeral storage above 512 MB", l.EphemeralStorage)
	}
	rows = append(rows,
		priceRow{"Free tier requests", fmt.Sprintf("%s a month", g(p.FreeTier.Requests.Amount)), p.FreeTier.Requests.Source, p.FreeTier.Requests.Date},
		priceRow{"Free tier compute", fmt.Sprintf("%s GB-s a month", g(p.FreeTier.GBSeconds.Amount)), p.FreeTier.GBSeconds.Source, p.FreeTier.GBSeconds.Date})
	tiered("API Gateway REST (requests a month)", p.APIGateway[pricing.RESTAPI])
	tiered("API Gateway HTTP (requests a month)", p.APIGateway[pricing.HTTPAPI])
	add("CloudWatch Logs ingestion", p.CloudWatchLogsIngestionGB)
	add("DynamoDB read capacity", p.DynamoDB.ReadCapacityUnitHour)
	add("DynamoDB write capacity", p.DynamoDB.WriteCapacityUnitHour)
	add("DynamoDB storage", p.DynamoDB.StorageGBMonth)
	add("S3 Standard storage", p.S3.StorageGBMonth)
	add("S3 requests", p.S3.Request)
	add("X-Ray traces", p.XRayTrace)
	add("Secrets Manager", p.SecretsManagerSecret)
	add("Deployment automation", p.Deployment)
	add("Build pipeline", p.CodeBuild)
	add("Logs Insights", p.LogsInsights)
	return rows
}

// trimPrice writes a price with as many digits as it has.
func trimPrice(v float64) string {
	s := fmt.Sprintf("%.10f", v)
	for len(s) > 1 && s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}
