package checks

import (
	"fmt"
	"strings"

	"github.com/designls/designls/checks/edit"
	"github.com/designls/designls/checks/numbers"
)

// ErrorBudgetMath checks stated error budgets against their availability.
var ErrorBudgetMath = &Check{
	ID:       "error-budget-math",
	Title:    "Error budget does not match the availability",
	Severity: Warning,
	Doc: `Checks every stated error budget or allowed downtime against the availability and window it is
given for: the budget is (1 − availability) × window, so 99.9% over 30 days allows 43.2 min,
99.95% a month about 21.6 min, 99.99% a year about 52.6 min. Windows are a day, a week, a month of
30 days, a quarter of 90 days, a year of 365 days, or a stated number of days ("over 28 days");
budgets may be written in seconds, minutes, hours or days, in a sentence or in a table whose
columns are windows.

A figure within 2% plus the rounding of its last written digit is accepted, which admits a month
of 30.4 days. Statements in code blocks and HTML comments are not checked. The quick fix writes
the right figure in the unit the document used.

## Why interviewers care

The error budget is what turns an SLO into decisions: how much downtime a release may spend. A
budget ten times too large, a frequent slip between 99.9% and 99.99%, is a policy that never
freezes anything. Interviewers check this arithmetic in their heads.

## Example

Before:

` + "```markdown" + `
Availability 99.9% over 30 days, an error budget of 4.32 min.
` + "```" + `

After:

` + "```markdown" + `
Availability 99.9% over 30 days, an error budget of 43.2 min.
` + "```" + `

## Fix

Apply the quick fix "Replace with 43.2 min", or correct the availability if that was the typo.

## Disable

` + "`<!-- designls-disable-next-line error-budget-math -->`" + ` above the line, or
` + "`severity: {error-budget-math: off}`" + ` in ` + "`.designls.yaml`" + `.`,
	Run: func(pass *Pass) {
		d := pass.Doc
		for _, b := range proseBudgets(d, pass.prose()) {
			if b.OK {
				continue
			}
			right := numbers.Format(b.Fix)
			stated := Span(b.Stated.Span)
			pass.Report(Diagnostic{
				Span:    stated,
				Concern: SLO,
				Message: fmt.Sprintf("%s %s allows %s of downtime, not %s", d.Text(Span(b.Availability.Span)),
					windowName(d.Text(Span(b.Window))), right, d.Text(stated)),
				Fixes: []Fix{{Message: "Replace with " + right, Edits: []edit.Edit{{Start: stated.Start, End: stated.End, New: right}}}},
				Related: []Related{
					{Span: Span(b.Availability.Span), Message: "availability"},
					{Span: Span(b.Window), Message: "window"},
				},
			})
		}
	},
}

// windowName writes a window so that it follows the availability: "over
// 30 days", "per month", "monthly"; a table header such as "Per month" in
// lower case.
func windowName(b []byte) string {
	s := trimSpan(b, Span{Start: 0, End: len(b)})
	w := strings.ToLower(string(b[s.Start:s.End]))
	switch {
	case strings.HasPrefix(w, "per "), strings.HasPrefix(w, "a "), strings.HasPrefix(w, "/"), strings.HasPrefix(w, "over "),
		strings.HasPrefix(w, "each "), strings.HasPrefix(w, "every "), strings.HasSuffix(w, "ly"):
		return w
	}
	return "over " + w
}
