package checks

import (
	"fmt"

	"github.com/designls/designls/checks/edit"
)

// MissingSection reports the concerns a rubric expects that the document
// does not cover.
var MissingSection = &Check{
	ID:       "missing-section",
	Title:    "Expected concern not covered",
	Severity: Warning,
	Doc: `Reports each concern that the document's rubric expects and the document does not cover.

In the default ` + "`system-design`" + ` rubric the six core concerns (API, data model,
consistency, degradation, SLO, rollout) are warnings and the ten extended ones are
information. A core concern that is covered only in passing, inside a section about
something else, gets a hint to give it a section of its own.

## Why interviewers care

An infrastructure design answer is judged on API, data, state machine, consistency model and
degradation behaviour, not on boxes. A missing SLO or rollout plan is the first follow-up
question an interviewer asks, and an answer that cannot state one reads as unfinished.

## Example

Before:

` + "```markdown" + `
# Feature flag service

## API
GET /v1/flags/{key}?tenant=...
` + "```" + `

After (the quick fix inserts a section with prompts to fill in):

` + "```markdown" + `
## SLO

- TODO: Availability target over a window (e.g. 99.9% per 30 days) and p99 latency with a unit.
` + "```" + `

A section counts whatever its heading says ("Reliability targets" covers the SLO), as long as
it has real content: a heading over an empty body, "TBD" or template prompts covers nothing.

## Fix

Write the section. The quick fix "Insert <concern> section" inserts a template where the
RFC order puts it; fill in its prompts.

## Disable

` + "`<!-- designls-disable missing-section -->`" + ` under the title, ` + "`severity: {missing-section: off}`" + `
in ` + "`.designls.yaml`" + `, or a different rubric.`,
	Run: runMissingSection,
}

func runMissingSection(pass *Pass) {
	anchor := titleAnchor(pass)
	for _, req := range pass.Rubric.Requires {
		if req.Part != nil {
			continue // missing-part speaks for parts
		}
		f := pass.Coverage.Get(req.Concern)
		info, _ := LookupConcern(req.Concern)
		switch {
		case f.State == Missing && f.Pending == nil && req.Missing != Off:
			pass.Report(Diagnostic{
				Span:     anchor,
				Severity: req.Missing,
				Concern:  req.Concern,
				Message:  fmt.Sprintf("missing %s section: %s", info.Name, info.Covered),
				Fixes:    insertFixes(pass, req.Concern),
			})
		case f.State == Mentioned && req.Mentioned != Off:
			where := "another section"
			if f.Section != nil && f.Section.Title != "" {
				where = fmt.Sprintf("%q", f.Section.Title)
			}
			pass.Report(Diagnostic{
				Span:     f.Span,
				Severity: req.Mentioned,
				Concern:  req.Concern,
				Message:  fmt.Sprintf("%s is covered under %s; give it its own section", info.Name, where),
			})
		}
	}
}

// titleAnchor is where document-wide findings go: the title's text, or the
// first line when there is no title.
func titleAnchor(pass *Pass) Span {
	if t := pass.Doc.Title(); t != nil && !t.TitleSpan.Empty() {
		return t.TitleSpan
	}
	d := pass.Doc
	start := d.Root.Own.Start
	return Span{Start: start, End: d.Lines.LineEnd(d.Src, d.Lines.Line(start))}
}

// insertFixes returns the fix that inserts concern's section template; the
// templates package decides the text and the place.
func insertFixes(pass *Pass, c Concern) []Fix {
	if pass.Options.SkipFixes {
		return nil
	}
	e, ok := pass.Templates().InsertEdit(pass.Doc, string(c), pass.Coverage.SectionOf)
	if !ok {
		return nil
	}
	info, _ := LookupConcern(c)
	return []Fix{{Message: "Insert " + info.Name + " section", Edits: []edit.Edit{e}}}
}
