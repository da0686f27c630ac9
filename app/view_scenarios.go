package app

import (
	"encoding/json"
	"io"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
)

// scenariosView saves, opens, renames, duplicates and deletes scenarios,
// opens presets, imports and exports files and downloads the report.
func (p *Planner) scenariosView() app.UI {
	name := p.nameToSave()
	presets := model.Presets()
	return app.Div().Body(
		app.H2().Text("Scenarios"),
		app.Div().Class("save-as").Body(
			app.Label().For("save-name").Text("Save the current scenario as"),
			app.Input().Type("text").ID("save-name").Value(name).Attr("autocomplete", "off").
				OnInput(func(ctx app.Context, e app.Event) { p.saveName = ctx.JSSrc().Get("value").String() }).
				OnKeyUp(func(ctx app.Context, e app.Event) {
					if e.Get("key").String() == "Enter" {
						p.saveAs(ctx.JSSrc().Get("value").String())
					}
				}),
			app.Button().Type("button").ID("save-button").Class("primary").Text("Save").Disabled(p.s.scenario == nil).
				OnClick(func(ctx app.Context, e app.Event) { p.saveAs(p.nameToSave()) }),
		),
		app.H3().Text("Saved in this browser"),
		app.If(len(p.library) == 0, func() app.UI { return app.P().Text("Nothing saved yet.") }),
		app.Ul().Class("library").Body(app.Range(p.library).Slice(func(i int) app.UI {
			e := p.library[i]
			id := "saved-" + sanitizeID(strings.ToLower(strings.ReplaceAll(e.Name, " ", "-")))
			return app.Li().Body(
				app.Label().For(id).Class("visually-hidden").Text("Name of saved scenario "+e.Name),
				app.Input().Type("text").ID(id).Value(e.Name).Title("Rename").DataSet("name", e.Name).
					OnChange(func(ctx app.Context, ev app.Event) {
						p.rename(eventData(ctx, "name"), ctx.JSSrc().Get("value").String())
					}),
				app.Small().Class("saved-at").Text(savedAt(e.SavedAt)),
				app.Button().Type("button").Class("small").Text("Open").Aria("label", "Open "+e.Name).DataSet("name", e.Name).
					OnClick(func(ctx app.Context, ev app.Event) { p.withSaved(ctx, p.openSaved) }),
				app.Button().Type("button").Class("small").Text("Duplicate").Aria("label", "Duplicate "+e.Name).DataSet("name", e.Name).
					OnClick(func(ctx app.Context, ev app.Event) { p.withSaved(ctx, p.duplicateSaved) }),
				app.Button().Type("button").Class("small danger").Text("Delete").Aria("label", "Delete "+e.Name).DataSet("name", e.Name).
					OnClick(func(ctx app.Context, ev app.Event) { p.withSaved(ctx, func(e savedScenario) { p.deleteSaved(e.Name) }) }),
			)
		})),
		app.H3().Text("Presets"),
		app.Ul().Class("presets").Body(app.Range(presets).Slice(func(i int) app.UI {
			pr := presets[i]
			return app.Li().Body(
				app.Button().Type("button").Class("small").Text("Open").Aria("label", "Open preset "+pr.Name).
					OnClick(func(ctx app.Context, e app.Event) {
						p.s.load(pr.Scenario())
						p.notice = notice{"Opened the preset “" + pr.Name + "”. Undo brings your scenario back.", false}
					}),
				app.Strong().Text(" "+pr.Name+": "),
				app.Text(pr.Description),
			)
		})),
		app.H3().Text("Files"),
		app.Div().Class("files").Body(
			app.Input().Type("file").ID("import-file").Class("visually-hidden").Accept(".json,application/json").
				OnChange(p.importFile),
			app.Label().For("import-file").Class("button-like").Text("Import scenario JSON…"),
			app.Button().Type("button").Class("small").Text("Export scenario JSON").Disabled(p.s.scenario == nil).
				OnClick(func(ctx app.Context, e app.Event) {
					data, _ := json.MarshalIndent(p.s.scenario, "", "  ")
					download(fileName(p.s.scenario, "scenario.json"), "application/json", string(data))
				}),
		),
		app.Div().Class("files").Body(
			app.Button().Type("button").Class("small").Text("Report JSON").Disabled(p.s.report == nil).
				OnClick(func(ctx app.Context, e app.Event) {
					data, _ := json.MarshalIndent(p.s.report, "", "  ")
					download(fileName(p.s.scenario, "report.json"), "application/json", string(data))
				}),
			app.Button().Type("button").Class("small").Text("Report CSV").Disabled(p.s.report == nil).
				OnClick(func(ctx app.Context, e app.Event) { p.downloadReport("report.csv", "text/csv", model.WriteCSV) }),
			app.Button().Type("button").Class("small").Text("Report Markdown").Disabled(p.s.report == nil).
				OnClick(func(ctx app.Context, e app.Event) {
					p.downloadReport("report.md", "text/markdown", model.WriteMarkdown)
				}),
			app.Button().Type("button").Class("small").Text("Print").
				OnClick(func(ctx app.Context, e app.Event) { app.Window().Call("print") }),
		),
	)
}

func (p *Planner) downloadReport(name, mime string, write func(w io.Writer, r *model.Report) error) {
	var b strings.Builder
	if err := write(&b, p.s.report); err != nil {
		p.notice = notice{"The report could not be written: " + err.Error(), true}
		return
	}
	download(fileName(p.s.scenario, name), mime, b.String())
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
func (p *Planner) nameToSave() string {
	if p.saveName == "" && p.s.scenario != nil {
		return p.s.scenario.Name
	}
	return p.saveName
}

// withSaved calls f with the saved scenario named in the event's data-name.
func (p *Planner) withSaved(ctx app.Context, f func(savedScenario)) {
	name := eventData(ctx, "name")
	for _, e := range p.library {
		if e.Name == name {
			f(e)
			return
		}
	}
}

func (p *Planner) saveAs(name string) {
	name = strings.TrimSpace(name)
	if name == "" || p.s.scenario == nil {
		p.notice = notice{"Give the scenario a name to save it.", true}
		return
	}
	lib := withSaved(p.library, name, p.s.scenario)
	if err := saveLibrary(lib); err != nil {
		p.notice = notice{"Could not save “" + name + "”: " + err.Error(), true}
		return
	}
	p.library = lib
	p.notice = notice{"Saved “" + name + "” in this browser.", false}
}

func (p *Planner) openSaved(e savedScenario) {
	s, probs := model.ParseScenario(e.Scenario)
	if len(probs) > 0 {
		p.notice = notice{"“" + e.Name + "” could not be opened: " + probs.Error(), true}
		return
	}
	p.s.load(*s)
	p.notice = notice{"Opened “" + e.Name + "”. Undo brings your previous scenario back.", false}
}

func (p *Planner) duplicateSaved(e savedScenario) {
	s, probs := model.ParseScenario(e.Scenario)
	if len(probs) > 0 {
		return
	}
	p.keep(*s, e.Name+" copy")
}

func (p *Planner) deleteSaved(name string) {
	lib := without(p.library, name)
	if err := saveLibrary(lib); err != nil {
		p.notice = notice{"Could not delete “" + name + "”: " + err.Error(), true}
		return
	}
	p.library = lib
	p.notice = notice{"Deleted “" + name + "”.", false}
}

func (p *Planner) rename(old, name string) {
	name = strings.TrimSpace(name)
	if name == "" || name == old {
		return
	}
	for _, e := range p.library {
		if e.Name == name {
			p.notice = notice{"A scenario named “" + name + "” exists already.", true}
			return
		}
	}
	var lib []savedScenario
	for _, e := range p.library {
		if e.Name == old {
			e.Name = name
		}
		lib = append(lib, e)
	}
	if err := saveLibrary(lib); err != nil {
		p.notice = notice{"Could not rename: " + err.Error(), true}
		return
	}
	p.library, _, _ = loadLibrary()
}

// importFile reads a scenario JSON file chosen by the user.
func (p *Planner) importFile(ctx app.Context, e app.Event) {
	file, name, ok := chosenFile(ctx)
	if !ok {
		return
	}
	if file.Get("size").Int() > 16<<20 {
		p.notice = notice{name + " is larger than 16 MiB and was not imported.", true}
		return
	}
	readFileText(ctx, file, func(ctx app.Context, text string) {
		s, probs := model.ParseScenario([]byte(text))
		if len(probs) > 0 {
			p.notice = notice{name + " is not a scenario: " + probs.Error(), true}
			return
		}
		p.s.load(*s)
		p.notice = notice{"Imported " + name + ". Undo brings your previous scenario back.", false}
	})
}

// savedAt writes a save time for people.
func savedAt(rfc3339 string) string {
	t, err := time.Parse(time.RFC3339, rfc3339)
	if err != nil {
		return rfc3339
	}
	return "saved " + t.Format("2006-01-02 15:04") + " UTC"
}
