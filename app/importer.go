package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
	"planner/model/powertuning"
)

// Limits of what a drop or a paste reads.
const (
	maxImportFiles     = 500
	maxImportFileBytes = 64 << 20
	maxNotesShown      = 4
)

// importInputs opens what the user dropped, pasted or chose, by what it
// holds (model.ClassifyImport): a scenario or a share link opens; AWS CLI
// outputs (a list-functions file with concurrency files and metric pages)
// become a scenario; a Power Tuning link or output becomes the measured
// durations of the function shown. Whatever cannot be read leaves the
// scenario as it was, with a message naming the file.
func (p *Planner) importInputs(ctx app.Context, inputs []model.NamedFile) {
	var aws model.AWSFiles
	var others []model.NamedFile
	hasAWS := false
	for _, in := range inputs {
		switch model.ClassifyImport(in.Data) {
		case model.ImportAWSFunctions:
			if aws.Functions.Data != nil {
				p.notice = notice{"Two list-functions files (" + aws.Functions.Name + " and " + in.Name + "): import one account at a time.", true}
				return
			}
			aws.Functions, hasAWS = in, true
		case model.ImportAWSConcurrency:
			aws.Concurrency, hasAWS = append(aws.Concurrency, in), true
		case model.ImportAWSMetrics:
			aws.Metrics, hasAWS = append(aws.Metrics, in), true
		default:
			others = append(others, in)
		}
	}
	switch {
	case hasAWS && len(others) > 0:
		p.notice = notice{fmt.Sprintf("%s is not an AWS CLI output: drop an account's files together, and other files apart.", others[0].Name), true}
	case hasAWS && aws.Functions.Data == nil:
		p.notice = notice{"AWS CLI outputs need the list-functions output with them (functions.json): drop them together.", true}
	case hasAWS:
		p.importAWS(aws)
	case len(others) == 1:
		p.importOne(ctx, others[0])
	case len(others) > 1:
		p.notice = notice{fmt.Sprintf("%d files that are not one account's AWS CLI outputs: open them one at a time.", len(others)), true}
	}
}

// importAWS builds a scenario from an account's files.
func (p *Planner) importAWS(files model.AWSFiles) {
	if n := awsFunctionCount(files.Functions.Data); n > browserMaxFunctions {
		p.notice = notice{fmt.Sprintf("%s lists %d functions; the browser plans at most %d. Use `planner import aws` on the command line.", files.Functions.Name, n, browserMaxFunctions), true}
		return
	}
	imp, probs := model.ImportAWS(files)
	if len(probs) > 0 {
		p.notice = notice{"The AWS files were not imported: " + probs.Error(), true}
		return
	}
	p.s.load(imp.Scenario)
	p.s.histories = imp.Histories
	text := fmt.Sprintf("Imported %s from %s", plural(len(imp.Scenario.Functions), "function"), files.Functions.Name)
	if n := len(files.Concurrency); n > 0 {
		text += ", " + plural(n, "concurrency file")
	}
	if n := len(files.Metrics); n > 0 {
		text += ", " + plural(n, "metric page")
	}
	text += ". Undo brings your previous scenario back."
	p.notice = notice{text + notesText(imp.Notes), false}
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
func (p *Planner) importOne(ctx app.Context, in model.NamedFile) {
	switch model.ClassifyImport(in.Data) {
	case model.ImportScenario:
		s, probs := model.ParseScenarioUpTo(in.Data, browserMaxFunctions)
		if len(probs) > 0 {
			p.notice = notice{in.Name + " is not a scenario: " + probs.Error(), true}
			return
		}
		p.s.load(*s)
		p.notice = notice{"Imported " + in.Name + ". Undo brings your previous scenario back.", false}
	case model.ImportShareLink:
		p.openLink(strings.TrimSpace(string(in.Data)), p.s.scenario, true)
	case model.ImportPowerTuning:
		p.applyPowerTuning(in)
	default:
		p.notice = notice{in.Name + " is none of what the planner reads: a scenario (JSON or share link), AWS CLI outputs, or Power Tuning results (link or output JSON).", true}
	}
}

// applyPowerTuning sets Power Tuning's measurements on the function shown,
// as one undoable step.
func (p *Planner) applyPowerTuning(in model.NamedFile) {
	res, err := powertuning.Decode(in.Data)
	if err != nil {
		p.notice = notice{in.Name + " was not read as Power Tuning results: " + err.Error(), true}
		return
	}
	i := p.selectedFunction()
	if i < 0 || p.s.scenario == nil || i >= len(p.s.scenario.Functions) {
		p.notice = notice{"Power Tuning results need a function to measure: add one first.", true}
		return
	}
	f := &p.s.scenario.Functions[i]
	measured, notes, err := model.PowerTuningMeasurements(f, p.s.scenario.ArchitectureOf(f), res.Runs)
	if err != nil {
		p.notice = notice{in.Name + " was not used: " + err.Error(), true}
		return
	}
	name := f.Name
	p.s.replace(path{}.key("functions").at(i).key("execution_times_by_memory"), toDoc(measured))
	p.notice = notice{"Measured durations from " + in.Name + " set on “" + name + "”. Undo takes them back." + notesText(notes), false}
	p.tab = "function"
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
					p.notice = notice{"Nothing was imported: " + refused + ".", true}
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
