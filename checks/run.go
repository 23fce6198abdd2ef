package checks

import (
	"sync"

	"github.com/designls/designls/checks/doc"
	"github.com/designls/designls/templates"
)

// Options are what configuration can change about a run. The zero value
// means defaults everywhere.
type Options struct {
	// Rubric, when set, forces a rubric (the --rubric flag).
	Rubric string
	// DefaultRubric is used when neither Rubric nor the document's front
	// matter names one (configuration globs set it); "" means DefaultRubric.
	DefaultRubric string
	// Severity overrides a check's severity by check ID; Off disables it.
	Severity map[string]Severity
	// Synonyms add heading words per concern to the built-in vocabulary.
	Synonyms map[Concern][]string
	// Templates supplies the text of fixes; nil means the built-ins.
	Templates *templates.Set
	// SkipFixes leaves fixes that need the templates uncomputed, for
	// callers that will not show them (the command line's text output):
	// building the template set is most of a one-file run's start-up.
	SkipFixes bool
}

// Result is everything the core knows about one document.
type Result struct {
	Doc      *doc.Document
	Rubric   *Rubric
	Coverage Coverage
	// FrontMatter holds the document's front matter keys, if any.
	FrontMatter FrontMatter
	// Parts is the detected state of each part the rubric requires (see
	// Part); empty when the rubric asks only for concerns.
	Parts PartCoverage
	// Drill is the practice prompt named by the front matter's `drill:`,
	// or nil.
	Drill *Drill
	// Diagnostics are sorted by position.
	Diagnostics []Diagnostic

	// lazy holds what requests after the run (hovers, the scorecard) read
	// of the document, computed once on first use: a server keeps results
	// for every open document and most are never asked.
	lazy *lazyResult
}

type lazyResult struct {
	// mu guards prose, whose word index and sentences fill in as they are
	// asked for: a server may answer a hover and a scorecard at once.
	mu        sync.Mutex
	prose     *proseText
	arithOnce sync.Once
	arith     []Evaluation
}

// withProse calls fn with the document's prose text, built once per result
// and used by one caller at a time.
func (r *Result) withProse(fn func(t *proseText)) {
	if r.lazy == nil {
		fn(newProseText(r.Doc))
		return
	}
	r.lazy.mu.Lock()
	defer r.lazy.mu.Unlock()
	if r.lazy.prose == nil {
		r.lazy.prose = newProseText(r.Doc)
	}
	fn(r.lazy.prose)
}

// Arithmetic is the package's Arithmetic of the result's document,
// computed once per result; callers must not modify it.
func (r *Result) Arithmetic() []Evaluation {
	compute := func() (out []Evaluation) {
		r.withProse(func(t *proseText) { out = arithmetic(r.Doc, t) })
		return out
	}
	if r.lazy == nil {
		return compute()
	}
	r.lazy.arithOnce.Do(func() { r.lazy.arith = compute() })
	return r.lazy.arith
}

// Run parses src and runs every enabled check on it.
func Run(name string, src []byte, opts *Options) *Result {
	return Analyze(doc.Parse(name, src), opts)
}

// Analyze runs every enabled check on a parsed document.
func Analyze(d *doc.Document, opts *Options) *Result {
	if opts == nil {
		opts = &Options{}
	}
	fm := parseFrontMatter(d)
	res := &Result{Doc: d, FrontMatter: fm, lazy: &lazyResult{}}
	if dr, ok := LookupDrill(fm.Drill); ok {
		res.Drill = dr
	}
	res.Rubric = selectRubric(opts, fm, res.Drill)
	res.Coverage = detect(d, vocabularyFor(opts), drillPrompt(d, res.Drill))

	sup := suppressions(d)
	pass := &Pass{Doc: d, Coverage: res.Coverage, Rubric: res.Rubric, Options: opts, FrontMatter: &res.FrontMatter, Drill: res.Drill}
	res.Parts = detectParts(d, pass.prose(), res.Rubric)
	pass.Parts = res.Parts
	pass.report = func(dg Diagnostic) {
		if sev, ok := opts.Severity[dg.Check]; ok {
			dg.Severity = sev
		}
		if dg.Severity == Off || sup.suppressed(dg) {
			return
		}
		res.Diagnostics = append(res.Diagnostics, dg)
	}
	for _, c := range All() {
		if sev, ok := opts.Severity[c.ID]; (ok && sev == Off) || !res.Rubric.Applies(c.ID) {
			continue
		}
		pass.check = c
		c.Run(pass)
	}
	sortDiagnostics(res.Diagnostics)
	// The run's prose text and word index die with it; their buffers go
	// to the next run.
	if pass.text != nil {
		pass.text.release()
	}
	return res
}

// selectRubric picks, in order: the forced rubric, the front matter's, the
// drill's (a drill knows what kind of answer it asks for), the configured
// default, the built-in default.
func selectRubric(opts *Options, fm FrontMatter, dr *Drill) *Rubric {
	drill := ""
	if dr != nil {
		drill = dr.Rubric
	}
	for _, name := range []string{opts.Rubric, fm.Rubric, drill, opts.DefaultRubric} {
		if r, ok := LookupRubric(name); ok && name != "" {
			return r
		}
	}
	r, _ := LookupRubric(DefaultRubric)
	return r
}
