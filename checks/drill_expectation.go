package checks

import (
	"fmt"
	"strings"

	"github.com/designls/designls/checks/edit"
	"github.com/designls/designls/checks/numbers"
)

// DrillExpectation holds a practice answer to what its drill expects.
var DrillExpectation = &Check{
	ID:       "drill-expectation",
	Title:    "Drill answer misses what the prompt asks for",
	Severity: Information,
	Doc: `When a document names a practice drill in its front matter (` + "`drill: feature-flags`" + `; ` + "`designls drills`" + `
lists them), reports what a good answer to that very prompt states and this one does not: for the
feature-flag drill, the total evaluation rate (10M QPS on average, 30M at peak) and the argument for
caching flags locally in the SDK; for the CI/CD drill, the states of a run, webhook de-duplication
and sandboxing; for the kv-store incident, what changed recently and whether traffic can leave the
region.

A figure the drill asks for that is stated wrong is a warning that gives the right figure and
how it is worked out, with a quick fix; an expectation not met at all is information and does not
give the answer away. The prompt itself, quoted at the top of a starter document, does not count
as an answer.

## Why interviewers care

Each prompt has the two or three points the interviewer is waiting for. In the feature-flag drill
the whole question turns on the total rate: 1,000 apps × 10K QPS is 10M evaluations a second, 30M
at peak, which no network service answers within a 5 ms P99 budget without local evaluation.

## Example

Before:

` + "```markdown" + `
---
drill: feature-flags
---
# Feature flags

The flag service serves 1,000 apps × 10K QPS, about 100M QPS in total.
` + "```" + `

After:

` + "```markdown" + `
The flag service serves 1,000 apps × 10K QPS = 10M QPS in total (30M at peak), so each SDK
evaluates flags from a local cache refreshed by a stream; the service only serves the changes.
` + "```" + `

## Fix

Correct the figure (the quick fix writes it), or add the missing point in the section it belongs to.

## Disable

Remove ` + "`drill:`" + ` from the front matter, or set ` + "`severity: {drill-expectation: off}`" + ` in
` + "`.designls.yaml`" + `.`,
	Run: runDrillExpectation,
}

func runDrillExpectation(pass *Pass) {
	if pass.Drill == nil {
		return
	}
	anchor := titleAnchor(pass)
	for _, r := range evaluateDrill(pass.Doc, pass.prose(), pass.Drill) {
		e := r.exp
		switch {
		case r.met:
		case r.wrong != nil:
			q := *r.wrong
			want := numbers.Value{Base: r.want.Value, Dim: q.Unit.Dim}.In(q)
			text := numbers.Format(want)
			pass.Report(Diagnostic{
				Span:     Span(q.Span),
				Severity: Warning,
				Message:  fmt.Sprintf("drill %s expects %s: %s; this says %s", pass.Drill.Name, e.What, figureList(e), pass.Doc.Text(Span(q.Span))),
				Fixes:    []Fix{{Message: "Replace with " + text, Edits: []edit.Edit{{Start: q.Span.Start, End: q.Span.End, New: text}}}},
			})
		case r.stated > 0:
			pass.Report(Diagnostic{
				Span:     anchor,
				Severity: severityOr(e.Severity, Information),
				Message:  fmt.Sprintf("drill %s: %s: the %s figure is not stated", pass.Drill.Name, e.What, strings.Join(r.missing, " and ")),
			})
		default:
			pass.Report(Diagnostic{
				Span:     anchor,
				Severity: severityOr(e.Severity, Information),
				Message:  fmt.Sprintf("drill %s expects %s", pass.Drill.Name, e.What),
			})
		}
	}
}

// figureList writes an expectation's figures with their working:
// "10M QPS (average: 1,000 apps × 10K QPS), 30M QPS (peak: ...)".
func figureList(e *Expectation) string {
	var parts []string
	for _, f := range e.Figures {
		if f.Value == 0 {
			continue
		}
		s := fmt.Sprintf("%s (%s)", formatBase(f), f.Label)
		if f.Working != "" {
			s = fmt.Sprintf("%s (%s: %s)", formatBase(f), f.Label, f.Working)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

// formatBase writes a figure's expected value in a unit of its dimension:
// "10M QPS", "47 min", "50 ms", "2 TB".
func formatBase(f Figure) string {
	unit := map[numbers.Dim]string{numbers.Rate: "1M QPS", numbers.Duration: "1 s", numbers.Size: "1 GB"}[f.Dims[0]]
	if f.Dims[0] == numbers.Duration {
		switch {
		case f.Value < 1:
			unit = "1 ms"
		case f.Value >= 120:
			unit = "1 min"
		}
	}
	q, err := numbers.ParseQuantity(unit)
	if err != nil {
		return fmt.Sprint(f.Value)
	}
	return numbers.Format(numbers.Value{Base: f.Value, Dim: q.Unit.Dim}.In(q))
}

func severityOr(s, def Severity) Severity {
	if s == Off {
		return def
	}
	return s
}
