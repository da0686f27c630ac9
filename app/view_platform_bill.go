package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
	"planner/model/platform"
)

// computeExplain says what the functions' own bill holds.
func computeExplain(r *model.Report) string {
	if len(r.Pricing.Bill) == 0 {
		return "compute + requests + provisioned + ephemeral storage, free tier applied once"
	}
	return "the platform's meters for every function together, its monthly grants applied once: the bill below"
}

// platformBill is the functions' bill on a platform other than AWS Lambda,
// meter by meter, and what does not fit the platform.
func platformBill(r *model.Report) app.UI {
	if r.Pricing.OnLambda() {
		return nil
	}
	at := func(j int, key string) string { return fmt.Sprintf("pricing.bill.%d.%s", j, key) }
	return app.Div().Body(
		tableRegion(fmt.Sprintf("Bill on %s (%s) by meter", r.Pricing.PlatformName, r.Pricing.Region), app.Table(),
			columns("Meter", "Quantity", "Unit price", "Per month"),
			app.TBody().Body(app.Range(r.Pricing.Bill).Slice(func(j int) app.UI {
				l := r.Pricing.Bill[j]
				return app.Tr().Body(
					app.Th().Scope("row").Text(l.Meter),
					cell(at(j, "quantity"), l.Quantity, l.Unit, "this month's "+l.Unit+"s after the grants the month includes"),
					cell(at(j, "unit_price_usd"), l.UnitPriceUSD, "USD", "the platform's list price per "+l.Unit),
					cell(at(j, "usd"), l.USD, "USD/month", "quantity × unit price"),
				)
			})),
		),
		app.If(len(r.Pricing.Notes) > 0, func() app.UI {
			return app.Ul().Class("opportunities").Aria("label", "What does not fit "+r.Pricing.PlatformName).Body(
				app.Range(r.Pricing.Notes).Slice(func(j int) app.UI { return app.Li().Text(r.Pricing.Notes[j]) }))
		}),
	)
}

// lambdaOnly says, where a view's analysis is AWS Lambda's, that the
// scenario's functions run elsewhere: "<what> are AWS Lambda's; …".
func lambdaOnly(r *model.Report, what string) app.UI {
	return app.P().Class("help").Attr("role", "note").Text(what + " are AWS Lambda's; these functions run on " + r.Pricing.PlatformName +
		" (Pricing: platform). The Clouds view puts them on AWS Lambda beside every other platform.")
}

// onPlatformText says, after a model's name, on which platform other than
// AWS Lambda it was solved.
func onPlatformText(r *model.Report) string {
	if r.Pricing.OnLambda() {
		return ""
	}
	return " on " + r.Pricing.PlatformName + ": its instances hold its default concurrency and stay warm for the keep-alive given"
}

// ownPlatformNote says where the functions' prices come from when they run
// on a platform other than AWS Lambda: the regions it is priced in and its
// sources; the profile below prices the services.
func ownPlatformNote(r *model.Report) app.UI {
	own, ok := platform.Lookup(r.Pricing.Platform)
	if !ok {
		return nil
	}
	return app.P().Class("profile-note").Text(fmt.Sprintf("The functions run on %s, priced in %s (regions: %s) from %s; the bill by meter is in the Application view. "+
		"The profile below prices the supporting and global services.", own.Name, r.Pricing.Region, strings.Join(own.Regions, ", "), strings.Join(own.Sources, "; ")))
}

// concurrencyUnit is the unit of requests running at once: on AWS Lambda
// each is an instance; elsewhere an instance may hold several.
func concurrencyUnit(r *model.Report) string {
	if r.Pricing.OnLambda() {
		return "instances"
	}
	return "requests at once"
}
