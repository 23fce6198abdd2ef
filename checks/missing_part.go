package checks

import (
	"fmt"
	"strings"

	"github.com/designls/designls/checks/doc"
	"github.com/designls/designls/checks/edit"
)

// MissingPart reports the parts a rubric expects that the document does
// not cover: the sections of an incident walk-through, a postmortem, a
// behavioural story or an API design that are not among the 16 concerns.
var MissingPart = &Check{
	ID:       "missing-part",
	Title:    "Expected part of the answer not covered",
	Severity: Warning,
	Doc: `Reports each part that the document's rubric expects and the document does not cover. Parts
are what a kind of answer needs beyond the 16 design concerns (which ` + "`missing-section`" + ` reports):

- ` + "`incident-response`" + `: signals read, scope and blast radius, hypotheses, mitigation, customer
  communication, root cause, follow-ups;
- ` + "`postmortem`" + `: summary, customer impact, timeline, root cause, detection, resolution, what went
  well and poorly, action items, customer-facing summary;
- ` + "`behavioral-story`" + `: problem, approach, trade-offs, result, lessons;
- ` + "`api-design`" + `: resources and operations, REST or gRPC, request and response shape, error
  model, idempotency, pagination, versioning, compatibility rules, deprecation.

A part is covered by a section whose heading names it ("Timeline", "What we did", "Lessons
learned") and that has a few words of content, or in passing by phrases that only an answer to it
would use ("rolled back", "status page", "in hindsight"). A heading over nothing but template
prompts or "TBD" covers nothing, but it is where the part goes: no second section is offered.

## Why interviewers care

Each rubric is the shape of answer interviewers grade against. An incident walk-through with no
communication, a postmortem with no timeline, a project story with no lessons: each is the gap the
interviewer asks about first.

## Example

Before:

` + "```markdown" + `
---
rubric: postmortem
---
# Latency incident, 12 May

## Summary

A configuration change raised p99 latency tenfold in eu-west for 47 minutes.
` + "```" + `

After (the quick fix inserts the template's section):

` + "```markdown" + `
## Timeline

- TODO: Timestamped events with time zone, from the triggering change to full recovery.
` + "```" + `

## Fix

Write the part. The quick fix "Insert <part> section" inserts the rubric template's section for
it after the part that precedes it in the rubric; fill in its prompts.

## Disable

` + "`<!-- designls-disable missing-part/timeline -->`" + ` under the title for one part,
` + "`severity: {missing-part: off}`" + ` in ` + "`.designls.yaml`" + `, or another rubric.`,
	Run: runMissingPart,
}

func runMissingPart(pass *Pass) {
	anchor := titleAnchor(pass)
	for _, req := range pass.Rubric.Requires {
		if req.Part == nil || req.Missing == Off {
			continue
		}
		f := pass.Parts.Get(req.Part.ID)
		if f.State != Missing || f.Pending != nil {
			continue
		}
		pass.Report(Diagnostic{
			Span:     anchor,
			Severity: req.Missing,
			Part:     req.Part.ID,
			Message:  fmt.Sprintf("missing %s section: %s", req.Part.Name, req.Part.Covered),
			Fixes:    partFixes(pass, req.Part),
		})
	}
}

// partFixes returns the fix inserting the rubric template's section for
// part p: after the nearest section of an earlier requirement, else before
// the nearest section of a later one, else at the end.
func partFixes(pass *Pass, p *Part) []Fix {
	if pass.Options.SkipFixes {
		return nil
	}
	tpl, ok := pass.Templates().Template(pass.Rubric.Template)
	if !ok || p.Template == "" {
		return nil
	}
	text := templateSection(tpl.Text, p.Template)
	if text == "" {
		return nil
	}
	d := pass.Doc
	at, level := len(d.Src), 0
	idx := -1
	for i, q := range pass.Rubric.Requires {
		if q.Part == p {
			idx = i
		}
	}
	for i := idx - 1; i >= 0 && level == 0; i-- {
		if s := requirementSection(pass, pass.Rubric.Requires[i]); s != nil {
			at, level = s.Body.End, s.Level
		}
	}
	for i := idx + 1; i < len(pass.Rubric.Requires) && level == 0; i++ {
		if s := requirementSection(pass, pass.Rubric.Requires[i]); s != nil {
			at, level = s.Heading.Start, s.Level
		}
	}
	if level == 0 {
		level = 2
		for _, s := range d.Sections {
			if s != d.Title() {
				level = s.Level
				break
			}
		}
	}
	return []Fix{{Message: "Insert " + p.Name + " section", Edits: []edit.Edit{sectionInsert(d, at, relevel(text, level))}}}
}

// requirementSection returns the section that holds a requirement,
// covered or still pending, or nil.
func requirementSection(pass *Pass, q Requirement) *Section {
	if q.Part == nil {
		return pass.Coverage.SectionOf(string(q.Concern))
	}
	f := pass.Parts.Get(q.Part.ID)
	switch {
	case f.State == Covered:
		return f.Section
	case f.Pending != nil:
		return f.Pending
	}
	return nil
}

// templateSection returns the section of a template whose heading is
// title: its heading line and its own text, lines ended by "\n", with no
// trailing blank line.
func templateSection(text, title string) string {
	d := doc.Parse("template.md", []byte(text))
	for _, s := range d.Sections {
		if strings.EqualFold(strings.TrimSpace(s.Title), title) {
			return strings.TrimRight(string(d.Text(Span{Start: s.Heading.Start, End: s.Own.End})), "\n") + "\n"
		}
	}
	return ""
}

// relevel rewrites the ATX heading on the first line of text to level.
func relevel(text string, level int) string {
	i := strings.IndexFunc(text, func(r rune) bool { return r != '#' })
	if i <= 0 {
		return text
	}
	return strings.Repeat("#", level) + text[i:]
}

// sectionInsert inserts a section (lines ended by "\n") at offset at, the
// start of a line or the end of the document, in the document's line
// ending and with one blank line on each side.
func sectionInsert(d *doc.Document, at int, text string) edit.Edit {
	src := d.Src
	eol := "\n"
	if i := strings.IndexByte(string(src), '\n'); i > 0 && src[i-1] == '\r' {
		eol = "\r\n"
	}
	body := strings.ReplaceAll(text, "\n", eol)
	before := string(src[:at])
	switch {
	case before == "", strings.HasSuffix(before, eol+eol), strings.HasSuffix(before, "\n\n"):
	case strings.HasSuffix(before, "\n"):
		body = eol + body
	default:
		body = eol + eol + body
	}
	if at < len(src) {
		body += eol
	}
	return edit.Edit{Start: at, End: at, New: body}
}
