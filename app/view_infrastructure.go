package app

import (
	"encoding/json"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/app/interop"
	"planner/model/deploy"
)

// infraExports are the infrastructure downloads: label, file, type and
// the interop worker's format.
var infraExports = []struct{ label, file, mime, format string }{
	{"Terraform (.tf)", "planner.tf", "text/plain", interop.FormatTerraform},
	{"SAM template (.yaml)", "template.yaml", "application/yaml", interop.FormatSAM},
	{"CloudWatch alarms (.json)", "cloudwatch-alarms.json", "application/json", interop.FormatCloudWatchAlarms},
}

// infrastructure offers the plan as infrastructure code, and the AWS CLI
// commands that gather an account's files for import.
func (c *Scenarios) infrastructure() app.UI {
	busy := c.exporting != ""
	elsewhere := c.Session.scenario != nil && !c.Session.scenario.Pricing.OnLambda()
	return app.Div().Class("infrastructure").Body(
		app.H3().Text("Infrastructure as code"),
		app.If(elsewhere && c.Session.report != nil, func() app.UI {
			return lambdaOnly(c.Session.report, "Terraform, SAM templates and CloudWatch alarms")
		}),
		app.P().ID("infra-help").Class("help").Text("Each function's planned settings, its provisioned concurrency on the alias “"+deploy.Alias+
			"” with the scaling its policy comparison recommends, and its alert rules as CloudWatch alarms."),
		app.Div().Class("files").Body(
			app.Range(infraExports).Slice(func(i int) app.UI {
				x := infraExports[i]
				return app.Button().Type("button").Class("small").ID("export-"+sanitizeID(strings.SplitN(x.file, ".", 2)[1])).
					Text(x.label).Disabled(c.Session.scenario == nil || busy || elsewhere).Aria("describedby", "infra-help").
					OnClick(func(ctx app.Context, e app.Event) { c.export(ctx, i) })
			}),
			app.A().Href(c.commandsURL).Attr("download", "gather-aws-account.sh").
				Class("button-like").ID("export-aws-commands").Text("AWS CLI commands to import an account (.sh)"),
		),
		app.If(busy, func() app.UI {
			return app.P().Class("help").Attr("role", "status").Text("Preparing " + c.exporting + ": comparing provisioned-concurrency policies…")
		}),
	)
}

// commandsFile is the AWS CLI commands that write an account's files
// (`planner import aws --commands`; a test keeps it current).
const commandsFile = "/web/gather-aws-account.sh"

// OnMount finds where the site serves the commands file, and reads the
// library again (other tabs' unsaved work is not announced as it changes).
func (c *Scenarios) OnMount(ctx app.Context) {
	c.commandsURL = ctx.ResolveStaticResource(commandsFile)
	c.Library.load()
}

// export has the interop worker write infraExports[i] (it compares the
// provisioned-concurrency policies of functions with provisioned
// concurrency, which takes a moment) and downloads it.
func (c *Scenarios) export(ctx app.Context, i int) {
	s := c.Session.scenario
	if s == nil {
		return
	}
	x := infraExports[i]
	doc, err := json.Marshal(s)
	if err != nil {
		return
	}
	c.exporting = x.label
	callInterop(ctx, interop.Request{Op: interop.OpExport, Scenario: doc, Format: x.format}, func(ctx app.Context, resp interop.Response) {
		c.exporting = ""
		if resp.Problems != "" {
			c.Library.tell(notice{Text: x.label + " could not be written: " + resp.Problems, Bad: true})
			return
		}
		download(fileName(s, x.file), x.mime, resp.Text)
	})
}
