package checks

import (
	"fmt"
	"math"

	"github.com/designls/designls/checks/edit"
	"github.com/designls/designls/checks/numbers"
)

// CapacityMath checks the back-of-envelope arithmetic of a document.
var CapacityMath = &Check{
	ID:       "capacity-math",
	Title:    "Back-of-envelope arithmetic does not add up",
	Severity: Warning,
	Doc: `Checks the arithmetic written in the prose: products, quotients, sums and chains such as
"1,000 apps × 10K QPS = 10M QPS", "10M QPS × 86,400 s/day ≈ 864B requests/day" or "2 KB × 500M =
1 TB", with magnitudes (K, M, B, G, T, Ki to Ti), thousands separators and units (QPS, req/s, ms,
s, KB to TB, hosts, cores). Only what parses as an equation is checked: prose that merely holds
numbers ("3 regions and 5 teams", "1% → 10% → 50%") is not an equation. Code blocks, HTML comments
and template prompts are skipped.

A result written with "=" must match within the rounding of its last written digit plus 1%; one
written with "≈" or "~" within 25%. A wrong result is a warning that gives the computed value,
points at the operands and offers a quick fix writing it in the document's own style. Adding
unlike units ("5 ms + 10K QPS") or a result of the wrong kind ("10K QPS × 3 = 30 GB") is a
warning too.

Two kinds of near miss are graded down rather than flagged as mistakes. A written "=" result
within 5% of the arithmetic is information: the writer rounded an intermediate value and should
write "≈". A conversion between two single figures within 5% ("1 request per second = 2.5
million requests per month") is accepted: such tables round for memory, and a month of 28 to 31
days already moves the exact figure by ±5% around 30 days.

## Why interviewers care

Capacity estimates are where a design meets hardware and money. An interviewer follows the
arithmetic as it is written; a slipped factor of 1,000 in "QPS × bytes" changes the number of
hosts, the storage bill and whether a cache is needed at all.

## Example

Before:

` + "```markdown" + `
1,000 apps × 10K QPS = 100M QPS of flag evaluations.
` + "```" + `

After:

` + "```markdown" + `
1,000 apps × 10K QPS = 10M QPS of flag evaluations.
` + "```" + `

## Fix

Apply the quick fix "Replace with 10M QPS", or correct the operand that was meant.

## Disable

` + "`<!-- designls-disable-next-line capacity-math -->`" + ` above the line, or
` + "`severity: {capacity-math: off}`" + ` in ` + "`.designls.yaml`" + `.`,
	Run: runCapacityMath,
}

// roundingError is the relative error below which a written result reads
// as rounded rather than wrong; see the check's doc.
const roundingError = 0.05

func runCapacityMath(pass *Pass) {
	d := pass.Doc
	for _, e := range proseProblems(d, pass.prose()) {
		switch e.Verdict {
		case numbers.UnitMismatch:
			pass.Report(Diagnostic{
				Span:    Span(e.Span),
				Concern: Capacity,
				Message: fmt.Sprintf("units do not match in %q: %s", d.Text(Span(e.Span)), e.Why),
				Related: operands(e.Left, e.Right),
			})
		case numbers.Wrong:
			reportWrongEquation(pass, e)
		}
	}
}

func reportWrongEquation(pass *Pass, e numbers.Equation) {
	d := pass.Doc
	fig, ok := e.Figure()
	expr, _ := sides(e)
	conversion := e.Left.Ops == 0 && e.Right.Ops == 0
	off := math.Abs(e.Error)
	sev := Warning
	switch {
	case conversion && off <= roundingError:
		return
	case e.Rel == numbers.Equal && off <= roundingError:
		sev = Information
	}
	right := numbers.Format(e.Computed)
	var written string
	dg := Diagnostic{Span: Span(e.Span), Severity: sev, Concern: Capacity, Related: operands(expr)}
	if ok {
		written = string(d.Text(Span(fig.Span)))
		dg.Span = Span(fig.Span)
		dg.Fixes = []Fix{{Message: "Replace with " + right, Edits: []edit.Edit{{Start: fig.Span.Start, End: fig.Span.End, New: right}}}}
	} else {
		written = string(d.Text(Span(e.Right.Span)))
	}
	if sev == Information {
		dg.Message = fmt.Sprintf("%s %s %s; %s is %.1f%% off: write ≈ if it is rounded", d.Text(Span(expr.Span)), e.Rel, right, written, 100*off)
	} else {
		dg.Message = fmt.Sprintf("%s %s %s, not %s", d.Text(Span(expr.Span)), e.Rel, right, written)
	}
	pass.Report(dg)
}

// operands points at the figures of the computed sides.
func operands(sides ...numbers.Side) []Related {
	var out []Related
	for _, s := range sides {
		if s.Ops == 0 && len(sides) > 1 {
			continue
		}
		for _, q := range s.Quantities {
			out = append(out, Related{Span: Span(q.Span), Message: "operand"})
		}
	}
	return out
}

// sides returns the computed side of an equation and the side holding the
// written figure, as numbers.Equation.Figure picks it: the right side when
// it is one figure, else the left.
func sides(e numbers.Equation) (expr, written numbers.Side) {
	if !(e.Right.Ops == 0 && len(e.Right.Quantities) == 1) && e.Left.Ops == 0 && len(e.Left.Quantities) == 1 {
		return e.Right, e.Left
	}
	return e.Left, e.Right
}
