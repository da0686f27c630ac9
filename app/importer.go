package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/app/interop"
	"planner/model"
)

// Limits of what a drop or a paste reads.
const (
	maxImportFiles     = 500
	maxImportFileBytes = 64 << 20
	maxNotesShown      = 4
)

// importInputs opens what the user dropped, pasted or chose, by what it
// holds (interop.ClassifyImport): a scenario or a share link opens; AWS CLI
// outputs (a list-functions file with concurrency files and metric pages)
// become a scenario, read by the interop worker; a Power Tuning link or
// output becomes the measured durations of the function shown. Whatever
// cannot be read leaves the scenario as it was, with a message naming the
// file.
func (p *Planner) importInputs(ctx app.Context, inputs []model.NamedFile) {
	var aws []interop.File
	var others []model.NamedFile
	var otherKinds []interop.ImportKind
	functionsFile, functions := "", 0
	for _, in := range inputs {
		switch kind := interop.ClassifyImport(in.Data); kind {
		case interop.ImportAWSFunctions:
			functionsFile, functions = in.Name, functions+awsFunctionCount(in.Data)
			fallthrough
		case interop.ImportAWSConcurrency, interop.ImportAWSMetrics:
			aws = append(aws, interop.File{Name: in.Name, Text: string(in.Data)})
		default:
			others, otherKinds = append(others, in), append(otherKinds, kind)
		}
	}
	switch {
	case len(aws) > 0 && len(others) > 0:
		p.notice = notice{Text: fmt.Sprintf("%s is not an AWS CLI output: drop an account's files together, and other files apart.", others[0].Name), Bad: true}
	case len(aws) > 0 && functionsFile == "":
		p.notice = notice{Text: "AWS CLI outputs need the list-functions output with them (functions.json): drop them together.", Bad: true}
	case functions > browserMaxFunctions:
		p.notice = notice{Text: fmt.Sprintf("%s lists %d functions; the browser plans at most %d. Use `planner import aws` on the command line.", functionsFile, functions, browserMaxFunctions), Bad: true}
	case len(aws) > 0:
		p.notice = notice{Text: "Reading " + plural(len(aws), "AWS CLI file") + "…"}
		callInterop(ctx, interop.Request{Op: interop.OpImportAWS, Files: aws}, func(ctx app.Context, resp interop.Response) {
			p.importedAWS(resp, functionsFile, len(aws))
		})
	case len(others) == 1:
		p.importOne(ctx, others[0], otherKinds[0])
	case len(others) > 1:
		p.notice = notice{Text: fmt.Sprintf("%d files that are not one account's AWS CLI outputs: open them one at a time.", len(others)), Bad: true}
	}
}

// importedAWS opens the scenario the interop worker built from files
// AWS CLI files, functionsFile the list-functions output among them.
func (p *Planner) importedAWS(resp interop.Response, functionsFile string, files int) {
	if resp.Problems != "" || resp.Import == nil {
		p.notice = notice{Text: "The AWS files were not imported: " + resp.Problems, Bad: true}
		return
	}
	imp := resp.Import
	p.s.load(imp.Scenario)
	p.s.histories = imp.Histories
	text := fmt.Sprintf("Imported %s from %s", plural(len(imp.Scenario.Functions), "function"), functionsFile)
	if files > 1 {
		text += " and " + plural(files-1, "other file")
	}
	text += ". Undo brings your previous scenario back."
	p.notice = notice{Text: text + notesText(imp.Notes)}
	p.tab = "application"
}

// awsFunctionCount counts the functions a list-functions output holds,
// before it is read.
func awsFunctionCount(data []byte) int {
	return strings.Count(string(data), `"FunctionName"`)
}

// notesText lists the first notes and counts the rest.
func notesText(notes []string) string {
	if len(notes) == 0 {
		return ""
	}
	shown := notes[:min(len(notes), maxNotesShown)]
	text := " Notes: " + strings.Join(shown, " ")
	if rest := len(notes) - len(shown); rest > 0 {
		text += fmt.Sprintf(" (and %d more: `planner import aws` prints them all)", rest)
	}
	return text
}

// importOne opens one input by its kind.
func (p *Planner) importOne(ctx app.Context, in model.NamedFile, kind interop.ImportKind) {
	switch kind {
	case interop.ImportScenario:
		yieldToPage() // reading the file was one task, reading the scenario others
		s, probs := model.ParseScenarioWith(in.Data, browserReading())
		if len(probs) > 0 {
			p.notice = notice{Text: in.Name + " is not a scenario: " + probs.Error(), Bad: true}
			return
		}
		p.s.loadRead(*s)
		p.notice = notice{Text: "Imported " + in.Name + ". Undo brings your previous scenario back."}
	case interop.ImportShareLink:
		p.openLink(strings.TrimSpace(string(in.Data)), p.s.scenario, true)
	case interop.ImportPowerTuning:
		p.applyPowerTuning(ctx, in)
	case interop.ImportBackup:
		p.lib.restore(string(in.Data), in.Name)
		p.tab = "scenarios"
	default:
		p.notice = notice{Text: in.Name + " is none of what the planner reads: a scenario (JSON or share link), AWS CLI outputs, or Power Tuning results (link or output JSON).", Bad: true}
	}
}

// applyPowerTuning has the interop worker read Power Tuning results and
// sets them as the measured durations of the function shown, as one
// undoable step.
func (p *Planner) applyPowerTuning(ctx app.Context, in model.NamedFile) {
	i := p.selectedFunction()
	if i < 0 || p.s.scenario == nil || i >= len(p.s.scenario.Functions) {
		p.notice = notice{Text: "Power Tuning results need a function to measure: add one first.", Bad: true}
		return
	}
	f := p.s.scenario.Functions[i]
	req := interop.Request{Op: interop.OpPowerTuning, Files: []interop.File{{Name: in.Name, Text: string(in.Data)}},
		Function: &f, Architecture: p.s.scenario.ArchitectureOf(&f)}
	callInterop(ctx, req, func(ctx app.Context, resp interop.Response) {
		if resp.Problems != "" {
			p.notice = notice{Text: resp.Problems, Bad: true}
			return
		}
		fs := p.s.list(path{}.key("functions"))
		if i >= len(fs) || fieldOf(fs[i], "name") != f.Name {
			p.notice = notice{Text: "“" + f.Name + "” changed while its Power Tuning results were read: nothing was set.", Bad: true}
			return
		}
		p.s.replace(path{}.key("functions").at(i).key("execution_times_by_memory"), toDoc(resp.Measurements))
		p.notice = notice{Text: "Measured durations from " + in.Name + " set on “" + f.Name + "”. Undo takes them back." + notesText(resp.Notes)}
		p.tab = "function"
	})
}

// fieldOf is a document object's string field, or "" (a lazy function's
// name without turning it into its tree).
func fieldOf(obj any, key string) string {
	if l, ok := obj.(lazyFunction); ok && key == "name" {
		return l.f.Name
	}
	m, _ := obj.(map[string]any)
	s, _ := m[key].(string)
	return s
}

// readFiles reads a FileList as text and hands the files to use, in order,
// on the UI goroutine; files over maxImportFileBytes are refused by name.
func readFiles(ctx app.Context, files app.Value, use func(ctx app.Context, inputs []model.NamedFile, refused string)) {
	n := files.Length()
	if n == 0 {
		return
	}
	if n > maxImportFiles {
		use(ctx, nil, fmt.Sprintf("%d files: at most %d at once", n, maxImportFiles))
		return
	}
	inputs := make([]model.NamedFile, n)
	left := n
	var refused []string
	for k := range n {
		file := files.Index(k)
		inputs[k].Name = file.Get("name").String()
		if file.Get("size").Int() > maxImportFileBytes {
			refused = append(refused, inputs[k].Name+" is larger than 64 MiB")
			left--
			continue
		}
		var done app.Func
		done = app.FuncOf(func(this app.Value, args []app.Value) any {
			text := ""
			if len(args) > 0 {
				text = args[0].String()
			}
			ctx.Dispatch(func(ctx app.Context) {
				inputs[k].Data = []byte(text)
				left--
				if left == 0 {
					use(ctx, inputs, "")
				}
			})
			done.Release()
			return nil
		})
		file.Call("text").Call("then", done)
	}
	if len(refused) > 0 {
		use(ctx, nil, strings.Join(refused, "; "))
	}
}

// listenForImports opens files dropped and text pasted anywhere on the
// page (a paste into a field stays the field's). The page's script shows
// where a drop goes while files are dragged over.
func (p *Planner) listenForImports(ctx app.Context) {
	doc := app.Window().Get("document")
	doc.Call("addEventListener", "drop", app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		transfer := e.Get("dataTransfer")
		files := transfer.Get("files")
		text := ""
		if !files.Truthy() || files.Length() == 0 {
			tag := strings.ToLower(e.Get("target").Get("tagName").String())
			if tag == "input" || tag == "textarea" {
				return nil // text dropped into a field is the field's
			}
			text = transfer.Call("getData", "text").String()
		}
		e.Call("preventDefault") // the browser would open the file in place of the planner
		ctx.Dispatch(func(ctx app.Context) {
			if text != "" {
				p.importInputs(ctx, []model.NamedFile{{Name: "the dropped text", Data: []byte(text)}})
				return
			}
			readFiles(ctx, files, func(ctx app.Context, inputs []model.NamedFile, refused string) {
				if refused != "" {
					p.notice = notice{Text: "Nothing was imported: " + refused + ".", Bad: true}
					return
				}
				p.importInputs(ctx, inputs)
			})
		})
		return nil
	}))
	doc.Call("addEventListener", "paste", app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		tag := strings.ToLower(e.Get("target").Get("tagName").String())
		if tag == "input" || tag == "textarea" || tag == "select" {
			return nil
		}
		text := e.Get("clipboardData").Call("getData", "text").String()
		if strings.TrimSpace(text) == "" {
			return nil
		}
		e.Call("preventDefault")
		ctx.Dispatch(func(ctx app.Context) {
			p.importInputs(ctx, []model.NamedFile{{Name: "the pasted text", Data: []byte(text)}})
		})
		return nil
	}))
}
