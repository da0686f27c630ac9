package app

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"planner/model"
	"planner/model/forecast"
	"planner/model/keepalive"
	"planner/model/num"
	"planner/model/simulate"
)

// session is the planner's working state: the scenario document being
// edited, the text of inputs as typed, the problems of the document and the
// last report of a valid document (kept, marked stale, while the document is
// invalid).
type session struct {
	// doc is the document; loaded the scenario loaded into it, until the
	// document is first used (document makes it then).
	doc      any
	loaded   *model.Scenario
	raw      map[string]string
	problems model.Problems
	byPath   map[string]string
	scenario *model.Scenario
	report   *model.Report
	stale    bool
	// revision counts evaluations, reportRevision the reports made;
	// formRevision moves with revision, except after an edit the form
	// already shows (editInPlace).
	revision       int
	reportRevision int
	formRevision   int
	// redraw draws the page again without its form (set once mounted).
	redraw func()

	// undo and redo hold earlier and later documents (set never changes a
	// document, so each shares what the steps after it left alone); typing
	// into one field is one step (lastEdit is the field of the current
	// step).
	undo, redo []any
	lastEdit   string
	// onValid is told of every valid scenario (autosave, address bar),
	// once: an evaluation of the same scenario again does not tell it.
	onValid func(*model.Scenario)

	// simulated caches simulated days by their input, the days of the
	// latest evaluation (revision) kept when it is full; wanted lists those
	// the last evaluation lacked, which onPending is asked to run.
	simulated recentCache[string, simulate.Result]
	wanted    []simulate.Input
	onPending func()
	// keepAlive remembers keep-alive solves across edits. An evaluation
	// solves for at most keepAliveBudget; wantedKeepAlive lists what it left
	// to the background (onPending).
	keepAlive       keepAliveMemo
	keepAliveBudget time.Duration
	wantedKeepAlive []keepalive.Input
	// costsFirst makes the next evaluation one of the costs alone
	// (model.EvaluateCosts): an opening of many functions in a browser
	// draws its bill first, and complete makes the report whole after.
	costsFirst bool

	// histories are functions' hourly invocations imported with their
	// scenario (AWS metrics), by name, for the Forecast view.
	histories map[string]*forecast.History
}

// maxSimulationsKept bounds the cache of simulated days, except for those
// the current evaluation uses.
const maxSimulationsKept = 64

// simulationKey identifies a simulation by its input.
func simulationKey(in simulate.Input) string {
	data, _ := json.Marshal(in)
	return string(data)
}

// lookupSimulation gives a cached simulated day, or notes it as wanted.
func (s *session) lookupSimulation(in simulate.Input) (simulate.Result, bool) {
	key := simulationKey(in)
	if r, ok := s.simulated.get(key, s.revision); ok {
		return r, true
	}
	for _, w := range s.wanted {
		if simulationKey(w) == key {
			return simulate.Result{}, false
		}
	}
	s.wanted = append(s.wanted, in)
	return simulate.Result{}, false
}

// storeSimulation caches a simulated day.
func (s *session) storeSimulation(in simulate.Input, r simulate.Result) {
	s.simulated.put(simulationKey(in), r, s.revision, maxSimulationsKept)
}

// pending reports whether the report waits for simulations or keep-alive
// solves.
func (s *session) pending() bool {
	if s.report == nil {
		return false
	}
	for i := range s.report.Functions {
		if s.report.Functions[i].ColdStartRate.Pending {
			return true
		}
	}
	return false
}

// costsFirstFunctions is the number of functions from which a browser
// opens a scenario with its costs alone: 2,000 functions show their bill
// about 250 ms sooner; below a hundred, the difference is not seen.
const costsFirstFunctions = 100

// maxUndo bounds the undo history.
const maxUndo = 100

// newSession starts a session with s, read (and validated) by
// model.ParseScenario or DecodeLink when read is true. It knows the default
// scenario's keep-alive solves (defaultSolves), and its first evaluation
// may solve for longer than an edit's (openingKeepAliveBudget): the page is
// not drawn yet, and a scenario of a few functions then opens with its
// final figures instead of drawing them twice.
//
// In a browser, a scenario of costsFirstFunctions or more opens with its
// costs alone (a third of the work): the page shows its bill, then the
// planner completes the report (complete).
func newSession(s model.Scenario, read bool) *session {
	ss := &session{raw: map[string]string{}, keepAliveBudget: openingKeepAliveBudget,
		costsFirst: app.IsClient && len(s.Functions) >= costsFirstFunctions}
	ss.keepAlive.seed(defaultSolves)
	ss.loadAs(s, read)
	ss.keepAliveBudget = keepAliveBudget
	return ss
}

// load replaces the document by a scenario and evaluates it; the previous
// document can be had back with undo.
func (s *session) load(sc model.Scenario) { s.loadAs(sc, false) }

// loadRead is load of a scenario just read by model.ParseScenario(With) or
// DecodeLink(With): their validation is not made again.
func (s *session) loadRead(sc model.Scenario) { s.loadAs(sc, true) }

// loadAs is load; validated as for evaluateRead.
func (s *session) loadAs(sc model.Scenario, validated bool) {
	if s.doc != nil || s.loaded != nil {
		s.record("load")
	}
	s.doc, s.loaded = nil, &sc
	s.histories = nil
	s.raw = map[string]string{}
	s.lastEdit = ""
	s.evaluateRead(&sc, nil, validated)
}

// document is the scenario document the form edits, made from the
// scenario loaded on first use: a page draws its first figures before its
// form reads it.
func (s *session) document() any {
	if s.loaded != nil {
		s.doc, s.loaded = scenarioDoc(s.loaded), nil
	}
	return s.doc
}

// record keeps the document before an edit for undo, once per step.
func (s *session) record(step string) {
	if step == s.lastEdit && step != "load" {
		return
	}
	s.undo = append(s.undo, s.document())
	if len(s.undo) > maxUndo {
		s.undo = s.undo[1:]
	}
	s.redo = nil
	s.lastEdit = step
}

// canUndo and canRedo say whether there is a step to go back or forward to.
func (s *session) canUndo() bool { return len(s.undo) > 0 }
func (s *session) canRedo() bool { return len(s.redo) > 0 }

// stepBack undoes the last step; stepForward redoes it.
func (s *session) stepBack()    { s.step(&s.undo, &s.redo) }
func (s *session) stepForward() { s.step(&s.redo, &s.undo) }

// step moves the document from one history to the other.
func (s *session) step(from, to *[]any) {
	if len(*from) == 0 {
		return
	}
	*to = append(*to, s.document())
	s.doc, s.loaded = (*from)[len(*from)-1], nil
	*from = (*from)[:len(*from)-1]
	s.raw = map[string]string{}
	s.lastEdit = ""
	s.evaluate()
}

// evaluate reads the document as a scenario; a valid one replaces the report.
func (s *session) evaluate() { s.evaluateEdit(nil) }

// evaluateEdit is evaluate after an edit at p (nil: anywhere). An edit
// inside one function of a valid scenario reads that function alone; every
// evaluation reuses the analyses of the functions it left unchanged.
func (s *session) evaluateEdit(p path) {
	sc, probs := s.read(p)
	s.evaluateRead(sc, probs, true)
}

// refresh evaluates again once background work (simulated days, keep-alive
// solves) has brought what the report waited for: the scenario on screen
// as it is when the document is valid (the document holds it), else the
// document.
func (s *session) refresh() {
	if s.scenario != nil && len(s.problems) == 0 && !s.stale {
		s.evaluateRead(s.scenario, nil, true) // validated when it was first evaluated
		return
	}
	s.evaluate()
}

// complete makes a report of the costs alone whole: the scenario it is of
// is evaluated again (validated already). Problems the document has since
// stay, and the report stays marked stale.
func (s *session) complete() {
	if s.report == nil || s.report.Complete() {
		return
	}
	problems, byPath, stale := s.problems, s.byPath, s.stale
	s.evaluateRead(s.scenario, nil, true)
	if stale {
		s.problems, s.byPath, s.stale = problems, byPath, true
	}
}

// evaluateRead evaluates the scenario read from the document, or shows the
// problems of its reading; validated when reading it validated it
// (model.Sources.Validated).
func (s *session) evaluateRead(sc *model.Scenario, probs model.Problems, validated bool) {
	s.revision++
	s.formRevision++
	if len(probs) == 0 {
		var r *model.Report
		s.wanted, s.wantedKeepAlive = nil, nil
		solver := s.keepAlive.budgetedSolver(s.keepAliveBudget, &s.wantedKeepAlive)
		src := model.Sources{Simulations: s.lookupSimulation, KeepAlive: solver, Earlier: model.Earlier{Scenario: s.scenario, Report: s.report},
			Pace: pacer(), Validated: validated}
		evaluate := model.EvaluateWith
		if s.costsFirst {
			evaluate, s.costsFirst = model.EvaluateCosts, false
		}
		if r, probs = evaluate(sc, src); len(probs) == 0 {
			changed := sc != s.scenario // not so for a refresh or a completion
			s.scenario, s.report, s.stale = sc, r, false
			s.reportRevision++
			s.problems, s.byPath = nil, nil
			if changed && s.onValid != nil {
				s.onValid(sc)
			}
			if len(s.wanted)+len(s.wantedKeepAlive) > 0 && s.onPending != nil {
				s.onPending()
			}
			return
		}
	}
	s.fail(probs)
}

// read reads the document as a scenario. After an edit inside function i
// of a document that was valid, only that function is read again.
func (s *session) read(p path) (*model.Scenario, model.Problems) {
	if i, ok := p.function(); ok && s.scenario != nil && len(s.problems) == 0 && !s.stale &&
		len(s.list(path{}.key("functions"))) == len(s.scenario.Functions) {
		data, err := json.Marshal(get(s.document(), path{}.key("functions").at(i)))
		if err != nil {
			return nil, model.Problems{{Path: p.String(), Message: err.Error()}}
		}
		return model.WithFunction(s.scenario, i, data)
	}
	data, err := json.Marshal(s.document())
	if err != nil {
		return nil, model.Problems{{Message: err.Error()}}
	}
	return model.ParseScenario(data)
}

func (s *session) fail(probs model.Problems) {
	s.problems = probs
	s.byPath = make(map[string]string, len(probs))
	for _, p := range probs {
		s.byPath[p.Path] = p.Message
	}
	s.stale = s.report != nil
}

// problemAt is the message for a field, if any.
func (s *session) problemAt(p path) string { return s.byPath[p.String()] }

// setText stores what the user typed into a number field: a number is
// stored as a number (÷ scale: a percentage typed for a fraction), anything
// else is kept as text for the model to refuse. An emptied field waits for
// what comes next: the figures stay those of its last value until a value
// is typed, or until the field is left (leave, then its default applies).
func (s *session) setText(p path, text string, integer bool, scale float64) {
	key := p.String()
	s.leaveOthers(key)
	s.record(key)
	text = strings.TrimSpace(text)
	s.raw[key] = text
	switch x, err := strconv.ParseFloat(strings.ReplaceAll(text, ",", ""), 64); {
	case text == "":
		s.awaitValue(key)
		return
	case err == nil && (!integer || x == float64(int64(x))):
		s.put(p, x/scale)
	default:
		s.put(p, text)
	}
	s.evaluateEdit(p)
}

// emptiedField is the problem of a number field emptied while it has focus.
const emptiedField = "empty: type a value, or leave the field for its default"

// awaitValue marks an emptied field: the document keeps its last value and
// the report stays that of the last valid scenario, marked stale.
func (s *session) awaitValue(key string) {
	s.revision++
	s.formRevision++
	probs := make(model.Problems, 0, len(s.problems)+1)
	for _, p := range s.problems {
		if p.Path != key {
			probs = append(probs, p)
		}
	}
	s.fail(append(probs, model.Problem{Path: key, Message: emptiedField}))
}

// leave is a number field left: left empty, it takes its default (or, for
// a derived value, what the other inputs give).
func (s *session) leave(p path) {
	key := p.String()
	if text, typed := s.raw[key]; !typed || text != "" {
		return
	}
	s.record(key)
	delete(s.raw, key)
	s.put(p, nil)
	s.evaluateEdit(p)
}

// leaveOthers lets an emptied field other than key take its default: an
// edit elsewhere means it was left (browsers say so first, with a change
// event; this holds when none came).
func (s *session) leaveOthers(key string) {
	for k, text := range s.raw {
		if text == "" && k != key {
			delete(s.raw, k)
			s.put(parsePath(k), nil)
		}
	}
}

// put stores v at p in the document (set: the documents undo holds keep
// theirs).
func (s *session) put(p path, v any) { s.doc, _ = set(s.document(), p, v) }

// setValue stores a value chosen from a control (select, toggle, text).
func (s *session) setValue(p path, v any) {
	s.leaveOthers(p.String())
	s.record(p.String())
	s.put(p, v)
	s.evaluateEdit(p)
}

// replace sets the value at p as a step of its own (an import), never
// merged with the edit before or after it.
func (s *session) replace(p path, v any) {
	s.lastEdit = ""
	s.setValue(p, v)
	s.lastEdit = ""
}

// text is what a number field shows: the user's text while they type,
// otherwise the document's value × scale (a fraction as a percentage).
func (s *session) text(p path, scale float64) string {
	if t, ok := s.raw[p.String()]; ok {
		return t
	}
	switch v := get(s.document(), p).(type) {
	case float64:
		return scaledText(v, scale)
	case string:
		return v
	}
	return ""
}

// list returns the list at p (nil when absent).
func (s *session) list(p path) []any {
	l, _ := get(s.document(), p).([]any)
	return l
}

// editList applies f to the list at p and re-evaluates. Typed text under the
// list is dropped: indices move.
func (s *session) editList(p path, f func([]any) []any) {
	s.record(p.String() + "[]")
	s.lastEdit = ""
	s.put(p, f(s.list(p)))
	prefix := p.String()
	for k := range s.raw {
		if strings.HasPrefix(k, prefix+"[") {
			delete(s.raw, k)
		}
	}
	s.evaluate()
}

// Operations on lists.

func appendItem(item any) func([]any) []any {
	return func(l []any) []any { return append(l, item) }
}

func removeItem(i int) func([]any) []any {
	return func(l []any) []any {
		if i < 0 || i >= len(l) {
			return l
		}
		return append(l[:i:i], l[i+1:]...)
	}
}

func duplicateItem(i int, rename func(any) any) func([]any) []any {
	return func(l []any) []any {
		if i < 0 || i >= len(l) {
			return l
		}
		out := append(l[:i+1:i+1], rename(clone(tree(l[i]))))
		return append(out, l[i+1:]...)
	}
}

func moveItem(i, j int) func([]any) []any {
	return func(l []any) []any {
		if i < 0 || j < 0 || i >= len(l) || j >= len(l) {
			return l
		}
		out := append([]any(nil), l...)
		out[i], out[j] = out[j], out[i]
		return out
	}
}

// function is function i of the scenario and its report, if both have it.
// A nil session has none.
func (s *session) function(i int) (*model.Function, *model.FunctionReport, bool) {
	if s == nil || s.scenario == nil || s.report == nil || i < 0 ||
		i >= len(s.scenario.Functions) || i >= len(s.report.Functions) {
		return nil, nil, false
	}
	return &s.scenario.Functions[i], &s.report.Functions[i], true
}

// scaledText writes v × scale without the binary noise of the product
// (0.07 × 100 is 7.000000000000001).
func scaledText(v, scale float64) string {
	if scale != 1 {
		v = num.RoundSignificant(v*scale, 12)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
