package checks

import (
	"github.com/designls/designls/checks/doc"
	"github.com/designls/designls/checks/numbers"
)

// Evaluation is one back-of-envelope equation of a document as an editor
// shows it: a hover over Span explains it, and for an unfinished equation
// ("1,000 apps × 10K QPS =") an inlay hint shows Value at Hint.
type Evaluation struct {
	// Span covers the equation, from its left side to its written result.
	Span Span `json:"span"`
	// Hint is where an inlay hint goes: just after the relation of an
	// unfinished equation (an empty span, or the "?" or "TBD" written
	// there); empty and zero for the others.
	Hint Span `json:"hint"`
	// Expression is the text of the side that was computed, Written the
	// written figure it was compared with ("" when unfinished).
	Expression string `json:"expression"`
	Written    string `json:"written,omitempty"`
	// Value is the computed value in the written figure's unit and style:
	// "10M QPS", "43.2 min".
	Value string `json:"value"`
	// Verdict is "ok", "wrong", "unit mismatch" or "unfinished"; Why
	// explains a unit mismatch.
	Verdict string `json:"verdict"`
	Why     string `json:"why,omitempty"`
}

// Arithmetic evaluates the equations that capacity-math reads: those of
// the prose, leaving out code blocks, HTML comments, front matter and
// template prompts, and those where the document disables capacity-math
// (`<!-- designls-disable-next-line capacity-math -->`). It is what hovers
// and inlay hints show.
func Arithmetic(d *doc.Document) []Evaluation {
	return arithmetic(d, newProseText(d))
}

func arithmetic(d *doc.Document, t *proseText) []Evaluation {
	sup := suppressions(d)
	var out []Evaluation
	for _, e := range proseEquations(d, t) {
		if sup.suppressed(Diagnostic{Check: CapacityMath.ID, Concern: Capacity, Span: Span(e.Span)}) {
			continue
		}
		ev := Evaluation{
			Span:    Span(e.Span),
			Value:   numbers.Format(e.Computed),
			Verdict: e.Verdict.String(),
			Why:     e.Why,
		}
		expr, fig := sides(e)
		ev.Expression = string(d.Text(Span(expr.Span)))
		if e.Verdict == numbers.Unfinished {
			ev.Hint = Span(e.Right.Span)
		} else {
			ev.Written = string(d.Text(Span(fig.Span)))
		}
		out = append(out, ev)
	}
	return out
}

// proseEquations returns the equations numbers.Scan finds outside code
// blocks and blanked text. numbers.Scan reads every byte; filtering here
// keeps "what counts as prose" in one place.
func proseEquations(d *doc.Document, t *proseText) []numbers.Equation {
	return inProse(d, t, numbers.Scan(d.Src))
}

// proseProblems is proseEquations for the equations capacity-math
// reports, those numbers.Problems returns.
func proseProblems(d *doc.Document, t *proseText) []numbers.Equation {
	return inProse(d, t, numbers.Problems(d.Src))
}

// inProse filters all in place, keeping the equations outside code blocks
// and blanked text.
func inProse(d *doc.Document, t *proseText, all []numbers.Equation) []numbers.Equation {
	out := all[:0] // filtered in place: Scan's slice is ours
	for _, e := range all {
		if outsideProse(d, t, Span(e.Span)) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// proseBudgets is proseEquations for error-budget statements.
func proseBudgets(d *doc.Document, t *proseText) []numbers.Budget {
	all := numbers.Budgets(d.Src)
	out := all[:0]
	for _, b := range all {
		if outsideProse(d, t, Span(b.Span)) || outsideProse(d, t, Span(b.Stated.Span)) {
			continue
		}
		out = append(out, b)
	}
	return out
}

func outsideProse(d *doc.Document, t *proseText, s Span) bool {
	end := max(s.Start, s.End-1)
	return d.InCode(s.Start) || d.InCode(end) || t.isIgnored(s.Start) || t.isIgnored(end)
}
