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
		app.Div().Class("price-choice").Body(p.form().field(path{}.key("pricing"), p.scenarioSchema().Property("pricing"))),
		app.If(!r.Pricing.OnLambda(), func() app.UI { return ownPlatformNote(r) }),
		app.If(profile != nil, func() app.UI {
			return app.P().Class("profile-note").Text(profile.Description)
		}),
		tableRegion(fmt.Sprintf("%s, %s", r.Pricing.ProfileName, r.Pricing.Architecture), app.Table().Class("prices"),
			columns("Item", "Price", "Source", "Read on"),
			app.TBody().Body(app.Range(rows).Slice(func(i int) app.UI {
				row := rows[i]
				price := figure{Metric: row.metric, Value: row.amount, Explain: row.item}.cellElement().DataSet("source", pricesSource).Text(row.price)
				return app.Tr().Body(app.Th().Scope("row").Text(row.item), app.Td().Class("num").Body(price),
					app.Td().Text(row.source), app.Td().Class("date").Text(row.date))
			})),
		),
	)
}

// pricesSource names the price figures' document (data-source): the price
// profile, as pricing.LookupProfile returns it.
const pricesSource = "prices"

// priceRow is one price of the profile: what it prices, its path in the
// profile's JSON and amount, how it reads, its source and date.
type priceRow struct {
	item, metric        string
	amount              float64
	price, source, date string
}

func priceRows(p *pricing.Profile, arch pricing.Architecture) []priceRow {
	var rows []priceRow
	add := func(item, metric string, pr *pricing.Price) {
		rows = append(rows, priceRow{item, metric + ".amount", pr.Amount, fmt.Sprintf("$%s per %s", trimPrice(pr.Amount), pr.Unit), pr.Source, pr.Date})
	}
	tiered := func(item, metric string, t pricing.TieredPrice) {
		below := 0.0
		for i, tier := range t {
			name := item
			switch {
			case len(t) == 1:
			case tier.UpTo == 0:
				name = fmt.Sprintf("%s, over %s", item, g(below))
			default:
				name = fmt.Sprintf("%s, %s to %s", item, g(below), g(tier.UpTo))
			}
			add(name, fmt.Sprintf("%s.%d.price", metric, i), &t[i].Price)
			below = tier.UpTo
		}
	}
	quantity := func(item, metric, text string, pr *pricing.Price) {
		rows = append(rows, priceRow{item, metric + ".amount", pr.Amount, text, pr.Source, pr.Date})
	}
	quantity("Billing month", "hours_per_month", fmt.Sprintf("%g hours", p.HoursPerMonth.Amount), &p.HoursPerMonth)
	if l, ok := p.Lambda[arch]; ok {
		lambda := "lambda." + string(arch)
		add("Lambda requests", lambda+".request", &l.Request)
		tiered("Lambda duration (GB-s a month)", lambda+".duration", l.Duration)
		add("Provisioned concurrency, configured", lambda+".provisioned_capacity", &l.ProvisionedCapacity)
		if !p.ProvisionedExecutionOnDemand {
			add("Provisioned concurrency, executions", lambda+".provisioned_duration", &l.ProvisionedDuration)
		}
		add("Ephemeral storage above 512 MB", lambda+".ephemeral_storage", &l.EphemeralStorage)
	}
	quantity("Free tier requests", "free_tier.requests", fmt.Sprintf("%s a month", g(p.FreeTier.Requests.Amount)), &p.FreeTier.Requests)
	quantity("Free tier compute", "free_tier.gb_seconds", fmt.Sprintf("%s GB-s a month", g(p.FreeTier.GBSeconds.Amount)), &p.FreeTier.GBSeconds)
	tiered("API Gateway REST (requests a month)", "api_gateway.rest", p.APIGateway[pricing.RESTAPI])
	tiered("API Gateway HTTP (requests a month)", "api_gateway.http", p.APIGateway[pricing.HTTPAPI])
	add("CloudWatch Logs ingestion", "cloudwatch_logs_ingestion_gb", &p.CloudWatchLogsIngestionGB)
	add("DynamoDB read capacity", "dynamodb.read_capacity_unit_hour", &p.DynamoDB.ReadCapacityUnitHour)
	add("DynamoDB write capacity", "dynamodb.write_capacity_unit_hour", &p.DynamoDB.WriteCapacityUnitHour)
	add("DynamoDB storage", "dynamodb.storage_gb_month", &p.DynamoDB.StorageGBMonth)
	add("S3 Standard storage", "s3.storage_gb_month", &p.S3.StorageGBMonth)
	add("S3 requests", "s3.request", &p.S3.Request)
	add("X-Ray traces", "xray_trace", &p.XRayTrace)
	quantity("X-Ray free traces", "xray_free_traces", fmt.Sprintf("%s a month", g(p.XRayFreeTraces.Amount)), &p.XRayFreeTraces)
	quantity("INIT phase billed", "init_billed", fmt.Sprintf("%g%% of on-demand cold starts' INIT", p.InitBilled.Amount*100), &p.InitBilled)
	add("Secrets Manager", "secrets_manager_secret", &p.SecretsManagerSecret)
	quantity("Account concurrency (a quota)", "account_concurrency", g(p.AccountConcurrency.Amount)+" "+p.AccountConcurrency.Unit, &p.AccountConcurrency)
	add("Deployment automation", "deployment", &p.Deployment)
	add("Build pipeline", "codebuild", &p.CodeBuild)
	add("Logs Insights", "logs_insights", &p.LogsInsights)
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
