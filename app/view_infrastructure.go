package app

import (
	"io"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
	"planner/model/awscli"
)

// infraExports are the infrastructure downloads: file name, type, writer.
var infraExports = []struct {
	label, file, mime string
	write             func(w io.Writer, d *model.Deployment) error
}{
	{"Terraform (.tf)", "planner.tf", "text/plain", model.WriteTerraform},
	{"SAM template (.yaml)", "template.yaml", "application/yaml", model.WriteSAM},
	{"CloudWatch alarms (.json)", "cloudwatch-alarms.json", "application/json", func(w io.Writer, d *model.Deployment) error {
		_, err := w.Write(model.CloudWatchAlarmsJSON(d))
		return err
	}},
}

// infrastructure offers the plan as infrastructure code, and the AWS CLI
// commands that gather an account's files for import.
func (c *Scenarios) infrastructure() app.UI {
	busy := c.exporting != ""
	return app.Div().Class("infrastructure").Body(
		app.H3().Text("Infrastructure as code"),
		app.P().ID("infra-help").Class("help").Text("Each function's planned settings, its provisioned concurrency on the alias “"+model.Alias+
			"” with the scaling its policy comparison recommends, and its alert rules as CloudWatch alarms."),
		app.Div().Class("files").Body(
			app.Range(infraExports).Slice(func(i int) app.UI {
				x := infraExports[i]
				return app.Button().Type("button").Class("small").ID("export-"+sanitizeID(strings.SplitN(x.file, ".", 2)[1])).
					Text(x.label).Disabled(c.Session.scenario == nil || busy).Aria("describedby", "infra-help").
					OnClick(func(ctx app.Context, e app.Event) { c.export(ctx, i) })
			}),
			app.Button().Type("button").Class("small").ID("export-aws-commands").Text("AWS CLI commands to import an account (.sh)").
				OnClick(func(ctx app.Context, e app.Event) {
					download("gather-aws-account.sh", "text/x-shellscript", "#!/bin/sh\n"+awscli.Commands(nil, "", 28))
				}),
		),
		app.If(busy, func() app.UI {
			return app.P().Class("help").Attr("role", "status").Text("Preparing " + c.exporting + ": comparing provisioned-concurrency policies…")
		}),
	)
}

// export writes infraExports[i] in the background (comparing the policies
// of functions with provisioned concurrency takes a moment) and downloads it.
func (c *Scenarios) export(ctx app.Context, i int) {
	s, r := c.Session.scenario, c.Session.report
	if s == nil || r == nil {
		return
	}
	x := infraExports[i]
	c.exporting = x.label
	ctx.Async(func() {
		plans := model.PlanFunctionPolicies(s, r, func() { time.Sleep(time.Millisecond) })
		d := model.NewDeployment(s, r, plans)
		var b strings.Builder
		err := x.write(&b, &d)
		ctx.Dispatch(func(ctx app.Context) {
			c.exporting = ""
			if err != nil {
				c.Library.tell(notice{x.label + " could not be written: " + err.Error(), true})
				return
			}
			download(fileName(s, x.file), x.mime, b.String())
		})
	})
}
