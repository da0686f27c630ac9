package app

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/app/interop"
	"planner/model"
)

// Scenarios saves, opens, renames, duplicates and deletes scenarios, opens
// presets, imports and exports files and downloads the report.
type Scenarios struct {
	app.Compo
	Session *session
	Library *library
	// Import opens files or pasted text by what they hold.
	Import func(ctx app.Context, inputs []model.NamedFile)

	// saveName is the name typed for "save as".
	saveName string
	// pasted is the text in the paste box.
	pasted string
	// exporting names the infrastructure export being prepared.
	exporting string
	// commandsURL is where the site serves the AWS CLI commands file.
	commandsURL string
}

// Render draws the view.
func (c *Scenarios) Render() app.UI {
	name := c.nameToSave()
	presets := model.Presets()
	return app.Div().Body(
		app.H2().Text("Scenarios"),
		app.Div().Class("save-as").Body(
			app.Label().For("save-name").Text("Save the current scenario as"),
			app.Input().Type("text").ID("save-name").Value(name).Attr("autocomplete", "off").
				OnInput(func(ctx app.Context, e app.Event) { c.saveName = ctx.JSSrc().Get("value").String() }).
				OnKeyUp(func(ctx app.Context, e app.Event) {
					if e.Get("key").String() == "Enter" {
						c.Library.save(ctx.JSSrc().Get("value").String(), c.Session.scenario)
					}
				}),
			app.Button().Type("button").ID("save-button").Class("primary").Text("Save").Disabled(c.Session.scenario == nil).
				OnClick(func(ctx app.Context, e app.Event) { c.Library.save(c.nameToSave(), c.Session.scenario) }),
		),
		app.H3().Text("Saved in this browser"),
		app.If(len(c.Library.entries) == 0, func() app.UI { return app.P().Text("Nothing saved yet.") }),
		app.Ul().Class("library").Body(app.Range(c.Library.entries).Slice(func(i int) app.UI {
			e := c.Library.entries[i]
			id := "saved-" + sanitizeID(strings.ToLower(strings.ReplaceAll(e.Name, " ", "-")))
			return app.Li().Body(
				app.Label().For(id).Class("visually-hidden").Text("Name of saved scenario "+e.Name),
				app.Input().Type("text").ID(id).Value(e.Name).Title("Rename").DataSet("name", e.Name).
					OnChange(func(ctx app.Context, ev app.Event) {
						c.Library.rename(eventData(ctx, "name"), ctx.JSSrc().Get("value").String())
					}),
				app.Small().Class("saved-at").Text(savedAt(e.SavedAt)),
				app.Button().Type("button").Class("small").Text("Open").Aria("label", "Open "+e.Name).DataSet("name", e.Name).
					OnClick(func(ctx app.Context, ev app.Event) { c.withSaved(ctx, c.openSaved) }),
				app.Button().Type("button").Class("small").Text("Duplicate").Aria("label", "Duplicate "+e.Name).DataSet("name", e.Name).
					OnClick(func(ctx app.Context, ev app.Event) { c.withSaved(ctx, c.duplicateSaved) }),
				app.Button().Type("button").Class("small danger").Text("Delete").Aria("label", "Delete "+e.Name).DataSet("name", e.Name).
					OnClick(func(ctx app.Context, ev app.Event) {
						c.withSaved(ctx, func(e savedScenario) { c.Library.remove(e.Name) })
					}),
			)
		})),
		app.H3().Text("Presets"),
		app.Ul().Class("presets").Body(app.Range(presets).Slice(func(i int) app.UI {
			pr := presets[i]
			return app.Li().Body(
				app.Button().Type("button").Class("small").Text("Open").Aria("label", "Open preset "+pr.Name).
					OnClick(func(ctx app.Context, e app.Event) {
						c.Session.load(pr.Scenario())
						c.Library.tell(notice{"Opened the preset “" + pr.Name + "”. Undo brings your scenario back.", false})
					}),
				app.Strong().Text(" "+pr.Name+": "),
				app.Text(pr.Description),
			)
		})),
		app.H3().Text("Files"),
		app.P().ID("import-help").Class("help").Text("Open a scenario (JSON or a share link), an account's AWS CLI outputs (list-functions with its concurrency "+
			"files and metric pages, chosen or dropped together) or Power Tuning results (for the function shown). Drop files or paste a link anywhere on the page."),
		app.Div().Class("files").Body(
			app.Input().Type("file").ID("import-file").Class("visually-hidden").Multiple(true).
				Accept(".json,.txt,application/json,text/plain").Aria("describedby", "import-help").
				OnChange(c.importFiles),
			app.Label().For("import-file").Class("button-like").Text("Import files…"),
			app.Button().Type("button").Class("small").Text("Export scenario JSON").Disabled(c.Session.scenario == nil).
				OnClick(func(ctx app.Context, e app.Event) {
					data, _ := json.MarshalIndent(c.Session.scenario, "", "  ")
					download(fileName(c.Session.scenario, "scenario.json"), "application/json", string(data))
				}),
		),
		app.Div().Class("paste-box").Body(
			app.Label().For("paste-input").Text("Or paste a share link, a Power Tuning link or a file's contents"),
			app.Textarea().ID("paste-input").Rows(2).Text(c.pasted).Attr("spellcheck", "false").Aria("describedby", "import-help").
				OnInput(func(ctx app.Context, e app.Event) { c.pasted = ctx.JSSrc().Get("value").String() }),
			app.Button().Type("button").Class("small").ID("paste-open").Text("Open").Disabled(c.pasted == "").
				OnClick(func(ctx app.Context, e app.Event) {
					c.Import(ctx, []model.NamedFile{{Name: "the pasted text", Data: []byte(c.pasted)}})
				}),
		),
		c.infrastructure(),
		app.H3().Text("Report"),
		app.Div().Class("files").Body(
			app.Button().Type("button").Class("small").Text("Report JSON").Disabled(c.Session.report == nil).
				OnClick(func(ctx app.Context, e app.Event) {
					data, _ := json.MarshalIndent(c.Session.report, "", "  ")
					download(fileName(c.Session.scenario, "report.json"), "application/json", string(data))
				}),
			app.Button().Type("button").Class("small").ID("export-report-csv").Text("Report CSV").Disabled(c.Session.report == nil).
				OnClick(func(ctx app.Context, e app.Event) {
					downloadReport(ctx, c.Session, interop.FormatReportCSV, "report.csv", "text/csv", c.Library.tell)
				}),
			app.Button().Type("button").Class("small").ID("export-report-md").Text("Report Markdown").Disabled(c.Session.report == nil).
				OnClick(func(ctx app.Context, e app.Event) {
					downloadReport(ctx, c.Session, interop.FormatReportMarkdown, "report.md", "text/markdown", c.Library.tell)
				}),
			app.Button().Type("button").Class("small").Text("Print").
				OnClick(func(ctx app.Context, e app.Event) { app.Window().Call("print") }),
		),
	)
}

// downloadReport has the interop worker write the report on screen in
// format and downloads it as name; a failure is told.
func downloadReport(ctx app.Context, s *session, format, name, mime string, tell func(notice)) {
	r, sc := s.report, s.scenario
	if r == nil {
		return
	}
	callInterop(ctx, interop.Request{Op: interop.OpReport, Report: r, Format: format}, func(ctx app.Context, resp interop.Response) {
		if resp.Problems != "" {
			tell(notice{"The report could not be written: " + resp.Problems, true})
			return
		}
		download(fileName(sc, name), mime, resp.Text)
	})
}

// fileName prefixes a file name with the scenario's name, made safe.
func fileName(s *model.Scenario, name string) string {
	if s == nil || s.Name == "" {
		return name
	}
	safe := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '-'
	}, s.Name)
	return strings.Trim(safe, "-") + "-" + name
}

// nameToSave is the name typed for "save as", or the scenario's own.
func (c *Scenarios) nameToSave() string {
	if c.saveName == "" && c.Session.scenario != nil {
		return c.Session.scenario.Name
	}
	return c.saveName
}

// withSaved calls f with the saved scenario named in the event's data-name.
func (c *Scenarios) withSaved(ctx app.Context, f func(savedScenario)) {
	name := eventData(ctx, "name")
	for _, e := range c.Library.entries {
		if e.Name == name {
			f(e)
			return
		}
	}
}

func (c *Scenarios) openSaved(e savedScenario) {
	s, probs := model.ParseScenario(e.Scenario)
	if len(probs) > 0 {
		c.Library.tell(notice{"“" + e.Name + "” could not be opened: " + probs.Error(), true})
		return
	}
	c.Session.load(*s)
	c.Library.tell(notice{"Opened “" + e.Name + "”. Undo brings your previous scenario back.", false})
}

func (c *Scenarios) duplicateSaved(e savedScenario) {
	s, probs := model.ParseScenario(e.Scenario)
	if len(probs) > 0 {
		return
	}
	c.Library.keep(*s, e.Name+" copy")
}

// importFiles opens the files chosen by the user.
func (c *Scenarios) importFiles(ctx app.Context, e app.Event) {
	readFiles(ctx, ctx.JSSrc().Get("files"), func(ctx app.Context, inputs []model.NamedFile, refused string) {
		if refused != "" {
			c.Library.tell(notice{"Nothing was imported: " + refused + ".", true})
			return
		}
		c.Import(ctx, inputs)
	})
	ctx.JSSrc().Set("value", "")
}

// savedAt writes a save time for people.
func savedAt(rfc3339 string) string {
	t, err := time.Parse(time.RFC3339, rfc3339)
	if err != nil {
		return rfc3339
	}
	return "saved " + t.Format("2006-01-02 15:04") + " UTC"
}
