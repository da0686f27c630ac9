package app

import (
	"encoding/json"
	"strconv"
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
	// current is the current scenario's saved text, of the scenario
	// written (currentText).
	current struct {
		of   *model.Scenario
		text string
	}
}

// currentText is the current scenario as a record holds it ("" while it
// has problems), written again only when the scenario changed.
func (c *Scenarios) currentText() string {
	if c.Session.scenario == nil {
		return ""
	}
	if c.current.of != c.Session.scenario {
		c.current.of, c.current.text = c.Session.scenario, savedText(c.Session.scenario)
	}
	return c.current.text
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
		app.If(c.Library.failure != "", func() app.UI {
			return app.P().Class("error").Attr("role", "alert").Text("The saved scenarios cannot be read here: " + c.Library.failure + ".")
		}),
		app.If(len(c.Library.entries) == 0 && c.Library.failure == "", func() app.UI { return app.P().Text("Nothing saved yet.") }),
		app.Ul().Class("library").Body(app.Range(c.Library.entries).Slice(func(i int) app.UI {
			e := c.Library.entries[i]
			id := "saved-" + sanitizeID(e.ID)
			return app.Li().DataSet("id", e.ID).Body(
				app.Label().For(id).Class("visually-hidden").Text("Name of saved scenario "+e.Name),
				app.Input().Type("text").ID(id).Value(e.Name).Title("Rename").DataSet("id", e.ID).DataSet("name", e.Name).
					OnChange(func(ctx app.Context, ev app.Event) {
						c.Library.rename(eventData(ctx, "id"), eventData(ctx, "name"), ctx.JSSrc().Get("value").String())
					}),
				app.Small().Class("saved-at").Text(savedAt(e.SavedAt)),
				app.If(!e.described, func() app.UI { return app.Small().Class("holds").Text("reading…") }),
				app.If(e.described && e.Problem == "", func() app.UI {
					return app.Small().Class("holds").Text(plural(e.Functions, "function"))
				}),
				app.If(e.Problem != "", func() app.UI {
					return app.Small().Class("error").Text("Cannot be opened: " + e.Problem + ". Kept as it was.")
				}),
				app.If(e.Problem == "", func() app.UI {
					return app.Span().Body(
						smallButton("Open", "Open "+e.Name, "small", e.ID, c.withSaved(c.openSaved)),
						smallButton("Duplicate", "Duplicate "+e.Name, "small", e.ID, c.withSaved(c.duplicateSaved)),
					)
				}),
				smallButton("Download", "Download "+e.Name, "small", e.ID, c.withSaved(func(e savedScenario) {
					download(sanitizeID(e.Name)+".json", "application/json", e.Text())
				})),
				smallButton("Delete", "Delete "+e.Name, "small danger", e.ID, c.withSaved(func(e savedScenario) { c.Library.remove(e.ID, e.Name, "saved") })),
			)
		})),
		app.P().Class("files").Body(
			fileButton("backup-download", "Download all saved scenarios", len(c.Library.entries) == 0, func(app.Context) { c.Library.downloadBackup() }),
			app.Small().Class("help").Text(" One file to keep or move them; Import files… loads it back beside what is saved here, overwriting nothing, and `planner report FILE#NAME` reads it."),
		),
		c.otherTabs(),
		app.If(len(c.Library.aside) > 0, func() app.UI { return c.keptAside() }),
		app.H3().Text("Presets"),
		app.Ul().Class("presets").Body(app.Range(presets).Slice(func(i int) app.UI {
			pr := presets[i]
			return app.Li().Body(
				app.Button().Type("button").Class("small").Text("Open").Aria("label", "Open preset "+pr.Name).
					OnClick(func(ctx app.Context, e app.Event) {
						c.Session.load(pr.Scenario())
						c.Library.tell(notice{Text: "Opened the preset “" + pr.Name + "”. Undo brings your scenario back."})
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
			fileButton("", "Export scenario JSON", c.Session.scenario == nil, func(app.Context) {
				data, _ := json.MarshalIndent(c.Session.scenario, "", "  ")
				download(fileName(c.Session.scenario, "scenario.json"), "application/json", string(data))
			}),
		),
		app.Div().Class("paste-box").Body(
			app.Label().For("paste-input").Text("Or paste a share link, a Power Tuning link or a file's contents"),
			app.Textarea().ID("paste-input").Rows(2).Text(c.pasted).Attr("spellcheck", "false").Aria("describedby", "import-help").
				OnInput(func(ctx app.Context, e app.Event) { c.pasted = ctx.JSSrc().Get("value").String() }),
			fileButton("paste-open", "Open", c.pasted == "", func(ctx app.Context) {
				c.Import(ctx, []model.NamedFile{{Name: "the pasted text", Data: []byte(c.pasted)}})
			}),
		),
		c.infrastructure(),
		app.H3().Text("Report"),
		app.Div().Class("files").Body(
			fileButton("", "Report JSON", c.Session.report == nil, func(app.Context) {
				data, _ := json.MarshalIndent(c.Session.report, "", "  ")
				download(fileName(c.Session.scenario, "report.json"), "application/json", string(data))
			}),
			fileButton("export-report-csv", "Report CSV", c.Session.report == nil, func(ctx app.Context) {
				downloadReport(ctx, c.Session, interop.FormatReportCSV, "report.csv", "text/csv", c.Library.tell)
			}),
			fileButton("export-report-md", "Report Markdown", c.Session.report == nil, func(ctx app.Context) {
				downloadReport(ctx, c.Session, interop.FormatReportMarkdown, "report.md", "text/markdown", c.Library.tell)
			}),
			fileButton("", "Print", false, func(app.Context) { app.Window().Call("print") }),
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
			tell(notice{Text: "The report could not be written: " + resp.Problems, Bad: true})
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

// otherTabs lists the unsaved work of other tabs (and of tabs since
// closed) that differs from the scenario on screen: each can be opened,
// saved by its name or discarded.
func (c *Scenarios) otherTabs() app.UI {
	if len(c.Library.others) == 0 {
		return app.Div()
	}
	current := c.currentText()
	var shown []savedScenario
	for _, o := range c.Library.others {
		if o.Size != len(current) || o.Text() != current {
			shown = append(shown, o)
		}
	}
	if len(shown) == 0 {
		return app.Div()
	}
	return app.Div().Class("other-tabs").Body(
		app.H3().Text("Unsaved work of other tabs"),
		app.P().Class("help").Text("What other tabs (open or closed) last autosaved; a bare visit opens the newest."),
		app.Ul().Class("others").Body(app.Range(shown).Slice(func(i int) app.UI {
			o := shown[i]
			title, holds := "a scenario that cannot be read", "unsaved work"
			switch {
			case !o.described:
				title = "a scenario (reading…)"
			case o.Problem == "":
				title, holds = "“"+o.Holds+"”, "+plural(o.Functions, "function"), o.Holds
			}
			return app.Li().Body(
				app.Text(title+" "),
				app.Small().Class("saved-at").Text("(autosaved "+strings.TrimSuffix(strings.Replace(o.SavedAt[:min(len(o.SavedAt), 16)], "T", " ", 1), "Z")+" UTC) "),
				app.If(o.Problem == "", func() app.UI {
					return app.Span().Body(
						smallButton("Open", "Open the other tab's "+holds, "small", o.ID, c.withOtherScenario(func(o savedScenario, s *model.Scenario) {
							c.Session.loadRead(*s)
							c.Library.tell(notice{Text: "Opened the unsaved work of another tab. Undo brings yours back."})
						})),
						smallButton("Save", "Save the other tab's "+holds, "small", o.ID, c.withOtherScenario(func(o savedScenario, s *model.Scenario) {
							c.Library.keep(*s, s.Name, func(kept bool, failed string) {
								if !kept {
									c.Library.tell(notFiled("It was not saved: "+failed+".", s))
									return
								}
								c.Library.tell(notice{Text: "Saved the other tab's “" + s.Name + "” in Scenarios."})
							})
						})),
					)
				}),
				smallButton("Discard", "Discard the other tab's unsaved work", "small danger", o.ID, c.withOther(func(o savedScenario) {
					c.Library.remove(o.ID, "the other tab's unsaved work", "autosaves")
				})),
			)
		})),
	)
}

// withOther is f of another tab's unsaved work an ID names.
func (c *Scenarios) withOther(f func(savedScenario)) func(id string) {
	return func(id string) {
		for _, o := range c.Library.others {
			if o.ID == id {
				f(o)
				return
			}
		}
	}
}

// withOtherScenario is f of another tab's unsaved work read as a
// scenario; work that cannot be read (asked for before the list has read
// it) is told and left as it is.
func (c *Scenarios) withOtherScenario(f func(savedScenario, *model.Scenario)) func(id string) {
	return c.withOther(func(o savedScenario) {
		s, probs := readSaved(o)
		if len(probs) > 0 {
			c.Library.tell(notice{Text: "The other tab's work cannot be opened: " + probs.Error() + ". It is kept as it was.", Bad: true})
			return
		}
		f(o, s)
	})
}

// keptAside lists what could not be read, kept as it was: why, when,
// its size; each can be downloaded, and deleted by the user alone.
func (c *Scenarios) keptAside() app.UI {
	return app.Div().Class("kept-aside").Body(
		app.H3().Text("Kept aside"),
		app.P().Class("help").Text("What could not be read, kept byte for byte. Download it to mend it by hand; nothing here is deleted unless you delete it."),
		app.Ul().Class("aside").Body(app.Range(c.Library.aside).Slice(func(i int) app.UI {
			r := c.Library.aside[i]
			return app.Li().DataSet("id", r.ID).Body(
				app.Strong().Text(r.From),
				app.Text(": "+r.Reason+" "),
				app.Small().Class("saved-at").Text("(kept "+strings.TrimSuffix(strings.Replace(r.KeptAt, "T", " ", 1), "Z")+" UTC, "+model.GroupDigits(strconv.Itoa(r.Size))+" characters) "),
				smallButton("Download", "Download what was kept from "+r.From, "small", r.ID, c.withAside(c.Library.downloadAside)),
				smallButton("Delete", "Delete what was kept from "+r.From, "small danger", r.ID, c.withAside(func(r asideRecord) {
					c.Library.remove(r.ID, "what was kept from "+r.From, "aside")
				})),
			)
		})),
	)
}

// smallButton is a button with its text, its accessible label, its
// classes and the ID it acts on, read from the element when it is clicked
// (a handler kept from an earlier render never acts on another record).
func smallButton(text, label, class, id string, do func(id string)) app.UI {
	return app.Button().Type("button").Class(class).Text(text).Aria("label", label).DataSet("id", id).
		OnClick(func(ctx app.Context, _ app.Event) { do(eventData(ctx, "id")) })
}

// fileButton is a small button with an ID ("" for none) that does what it
// says unless disabled.
func fileButton(id, text string, disabled bool, do func(app.Context)) app.UI {
	b := app.Button().Type("button").Class("small").Text(text).Disabled(disabled).
		OnClick(func(ctx app.Context, _ app.Event) { do(ctx) })
	if id != "" {
		b = b.ID(id)
	}
	return b
}

// withSaved is f of the saved scenario an ID names (nothing when it is gone).
func (c *Scenarios) withSaved(f func(savedScenario)) func(id string) {
	return func(id string) {
		for _, e := range c.Library.entries {
			if e.ID == id {
				f(e)
				return
			}
		}
	}
}

// withAside is f of the kept-aside record an ID names.
func (c *Scenarios) withAside(f func(asideRecord)) func(id string) {
	return func(id string) {
		for _, r := range c.Library.aside {
			if r.ID == id {
				f(r)
				return
			}
		}
	}
}

func (c *Scenarios) openSaved(e savedScenario) {
	s, probs := readSaved(e)
	if len(probs) > 0 {
		c.Library.tell(notice{Text: "“" + e.Name + "” could not be opened: " + probs.Error(), Bad: true})
		return
	}
	c.Session.loadRead(*s)
	c.Library.tell(notice{Text: "Opened “" + e.Name + "”. Undo brings your previous scenario back."})
}

func (c *Scenarios) duplicateSaved(e savedScenario) {
	s, probs := readSaved(e)
	if len(probs) > 0 {
		return
	}
	c.Library.keep(*s, e.Name+" copy", func(kept bool, failed string) {
		if kept {
			c.Library.tell(notice{Text: "Duplicated “" + e.Name + "”."})
		} else {
			c.Library.tell(notFiled("“"+e.Name+"” was not duplicated: "+failed+".", s))
		}
	})
}

// importFiles opens the files chosen by the user.
func (c *Scenarios) importFiles(ctx app.Context, e app.Event) {
	readFiles(ctx, ctx.JSSrc().Get("files"), func(ctx app.Context, inputs []model.NamedFile, refused string) {
		if refused != "" {
			c.Library.tell(notice{Text: "Nothing was imported: " + refused + ".", Bad: true})
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
