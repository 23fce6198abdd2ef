package checks

import (
	"fmt"
	"regexp"
	"sort"

	"github.com/designls/designls/checks/doc"
	"github.com/designls/designls/checks/edit"
	"github.com/designls/designls/templates"
)

// Span and Section are the document model's, re-exported so that checks
// read naturally.
type (
	Span    = doc.Span
	Section = doc.Section
)

// Check is one kind of finding. Checks are values declared once, in their
// own file, and listed in the registry (registry.go).
type Check struct {
	// ID is stable kebab-case, never reused: the LSP diagnostic code, the
	// configuration key and the command-line name.
	ID string
	// Title is a short noun phrase for lists.
	Title string
	// Doc is Markdown: what the check finds, why interviewers care, a
	// before/after example, how to fix it and how to disable it. It drives
	// `designls explain` and docs/rules/ID.md.
	Doc string
	// Severity is the default; a rubric may choose per concern, users may
	// override per check.
	Severity Severity
	// Run inspects pass.Doc and reports diagnostics through pass.Report.
	Run func(pass *Pass)
}

// Diagnostic is one finding, located by byte span.
type Diagnostic struct {
	Check    string
	Span     Span
	Severity Severity
	Message  string
	// Concern is the concern the finding is about, or "".
	Concern Concern
	// Part is the rubric part the finding is about (see Part), or "".
	Part    string
	Fixes   []Fix
	Related []Related
}

// Fix is a set of non-overlapping edits that resolves a diagnostic; Message
// is a verb phrase ("Insert SLO section").
type Fix struct {
	Message string
	Edits   []edit.Edit
}

// Related points at another place that explains a diagnostic.
type Related struct {
	Span    Span
	Message string
}

// Pass is what a check sees of one document: the only interface between a
// check and its driver.
type Pass struct {
	Doc      *doc.Document
	Coverage Coverage
	Rubric   *Rubric
	Options  *Options
	// FrontMatter is the document's parsed front matter.
	FrontMatter *FrontMatter
	// Parts is the detected state of the rubric's parts (see Part); empty
	// for rubrics that only ask for concerns.
	Parts PartCoverage
	// Drill is the practice prompt the document answers (front matter
	// `drill:`), or nil.
	Drill  *Drill
	check  *Check
	report func(Diagnostic)
	text   *proseText
}

// Report records d. An unset Check or Severity takes the running check's.
func (p *Pass) Report(d Diagnostic) {
	if d.Check == "" {
		d.Check = p.check.ID
	}
	if d.Severity == Off {
		d.Severity = p.check.Severity
	}
	p.report(d)
}

// Templates returns the template set that fixes draw their text from.
func (p *Pass) Templates() *templates.Set {
	if p.Options.Templates != nil {
		return p.Options.Templates
	}
	return templates.Builtin()
}

// Reportf reports a diagnostic at span with a formatted message.
func (p *Pass) Reportf(span Span, format string, args ...any) {
	p.Report(Diagnostic{Span: span, Message: fmt.Sprintf(format, args...)})
}

// Validate checks a list of checks for the mistakes that would break the
// public contract: bad or duplicate IDs, missing docs, no run function.
func Validate(list []*Check) error {
	// Compiled here, not at package init: only tests validate, and every
	// run would pay for it.
	idPattern := regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	seen := map[string]bool{}
	for _, c := range list {
		switch {
		case !idPattern.MatchString(c.ID):
			return fmt.Errorf("check %q: ID is not kebab-case", c.ID)
		case seen[c.ID]:
			return fmt.Errorf("check %q: ID registered twice", c.ID)
		case c.Title == "" || c.Doc == "":
			return fmt.Errorf("check %q: no title or doc", c.ID)
		case c.Run == nil:
			return fmt.Errorf("check %q: no run function", c.ID)
		case c.Severity < Error || c.Severity > Hint:
			return fmt.Errorf("check %q: default severity %v", c.ID, c.Severity)
		}
		seen[c.ID] = true
	}
	return nil
}

// sortDiagnostics orders by position, then check and concern, so output is
// stable.
func sortDiagnostics(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		if a.Check != b.Check {
			return a.Check < b.Check
		}
		return a.Concern < b.Concern
	})
}
