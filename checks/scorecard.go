package checks

import (
	"fmt"
	"math"
	"strings"

	"github.com/designls/designls/checks/doc"
)

// Mark is how far a scorecard item is answered.
type Mark string

const (
	// MarkCovered (✓): a section about it, and no follow-up question open.
	MarkCovered Mark = "covered"
	// MarkPartial (~): covered only in passing, or covered with follow-up
	// questions still open, or a drill's figures half stated.
	MarkPartial Mark = "partial"
	// MarkMissing (✗): not covered.
	MarkMissing Mark = "missing"
)

// Symbol returns ✓, ~ or ✗.
func (m Mark) Symbol() string {
	switch m {
	case MarkCovered:
		return "✓"
	case MarkPartial:
		return "~"
	}
	return "✗"
}

func (m Mark) credit() float64 {
	switch m {
	case MarkCovered:
		return 1
	case MarkPartial:
		return 0.5
	}
	return 0
}

// Item kinds.
const (
	KindConcern     = "concern"
	KindPart        = "part"
	KindExpectation = "expectation"
)

// Scorecard is an interviewer's summary of one document: each concern or
// part the rubric asks for, and each expectation of the drill, marked ✓ ~
// or ✗ with its evidence and the follow-up questions still open; the three
// most valuable things to add next; and an overall score.
//
// Score is 0 to 100: each item weighs 2 when the rubric expects it (its
// absence is a warning) and 1 otherwise, drill expectations weigh 1; an
// item earns its weight for ✓, half for ~ and nothing for ✗. The score is
// 100 × earned / total weight, rounded, less 5 points for every error or
// warning about what is written that no item accounts for (a wrong
// figure outside the SLO and capacity sections, unusable front matter), at
// most 25 points, and never below 0.
type Scorecard struct {
	// Document is the document's name as given to Run; Title its H1.
	Document    string `json:"document"`
	Title       string `json:"title,omitempty"`
	Rubric      string `json:"rubric"`
	RubricTitle string `json:"rubricTitle"`
	Drill       string `json:"drill,omitempty"`
	Score       int    `json:"score"`
	// Items are the rubric's requirements in rubric order, then the
	// drill's expectations.
	Items []ScoreItem `json:"items"`
	// Next are the three most valuable additions: missing expected items
	// first, then warnings, then unmet drill expectations, then the rest.
	Next []Advice `json:"next"`
	// Other counts the diagnostics no item holds, by severity name, for a
	// "and 4 more findings" line.
	Other map[string]int `json:"other,omitempty"`
}

// ScoreItem is one line of a scorecard.
type ScoreItem struct {
	Kind string `json:"kind"` // KindConcern, KindPart or KindExpectation
	ID   string `json:"id"`   // concern ID, part ID or expectation ID
	Name string `json:"name"`
	// Expected is true when the rubric warns about its absence.
	Expected bool `json:"expected"`
	Mark     Mark `json:"mark"`
	// State is "section", "mentioned" or "missing" for concerns and
	// parts; "met", "partly met", "wrong" or "unmet" for expectations.
	State string `json:"state"`
	// Evidence is one line: the covering heading, or the quoted passage.
	Evidence string `json:"evidence,omitempty"`
	// Line is the 1-based line of the evidence; 0 when missing.
	Line int        `json:"line,omitempty"`
	Open []Question `json:"open,omitempty"`
}

// Question is a follow-up question still open: a diagnostic of a
// follow-up or number check about the item.
type Question struct {
	Check    string `json:"check"`
	Text     string `json:"text"`
	Severity string `json:"severity"`
	Line     int    `json:"line"`
}

// Advice is one of the things to add next.
type Advice struct {
	Text  string `json:"text"`
	Item  string `json:"item,omitempty"`  // the scorecard item it improves, if any
	Check string `json:"check,omitempty"` // the check that found it, if any
	Line  int    `json:"line,omitempty"`
}

// scoreOwnChecks report absence or unfinished text: their findings are the
// items' marks already, so they neither become questions nor cost points.
var scoreOwnChecks = map[string]bool{"missing-section": true, "missing-part": true, "placeholder": true, "empty-section": true, "drill-expectation": true}

// Review builds the scorecard of an analysed document. It is a pure
// function of res: the same result always gives the same scorecard.
func Review(res *Result) Scorecard {
	d := res.Doc
	sc := Scorecard{Document: d.Name, Rubric: res.Rubric.Name, RubricTitle: res.Rubric.Title}
	if t := d.Title(); t != nil {
		sc.Title = t.Title
	}
	line := func(off int) int { return d.Lines.Position(off).Line }

	// Questions by item; the rest counted.
	held := make([]bool, len(res.Diagnostics))
	questions := func(match func(Diagnostic) bool) []Question {
		var qs []Question
		for i, dg := range res.Diagnostics {
			if scoreOwnChecks[dg.Check] || !match(dg) {
				continue
			}
			held[i] = true
			qs = append(qs, Question{Check: dg.Check, Text: dg.Message, Severity: dg.Severity.String(), Line: line(dg.Span.Start)})
		}
		return qs
	}

	for _, req := range res.Rubric.Requires {
		it := ScoreItem{ID: req.ID(), Name: req.Name(), Expected: req.Core()}
		var state State
		var span Span
		var evidence string
		var pending *Section
		if req.Part == nil {
			it.Kind = KindConcern
			f := res.Coverage.Get(req.Concern)
			state, span, evidence, pending = f.State, f.Span, f.Evidence, f.Pending
			it.Open = questions(func(dg Diagnostic) bool { return dg.Concern == req.Concern && dg.Part == "" })
		} else {
			it.Kind = KindPart
			f := res.Parts.Get(req.Part.ID)
			state, span, evidence, pending = f.State, f.Span, f.Evidence, f.Pending
			it.Open = questions(func(dg Diagnostic) bool { return dg.Part == req.Part.ID })
		}
		it.State = state.String()
		switch {
		case state == Covered:
			it.Mark, it.Evidence, it.Line = MarkCovered, evidence, line(span.Start)
			if len(it.Open) > 0 {
				it.Mark = MarkPartial
			}
		case state == Mentioned:
			it.Mark, it.Evidence, it.Line = MarkPartial, quoteLine(d, span), line(span.Start)
		default:
			it.Mark = MarkMissing
			if pending != nil {
				it.Evidence, it.Line = fmt.Sprintf("%q holds only prompts", pending.Title), line(pending.Heading.Start)
			}
		}
		sc.Items = append(sc.Items, it)
	}

	if res.Drill != nil {
		sc.Drill = res.Drill.Name
		var results []expectationResult
		res.withProse(func(t *proseText) { results = evaluateDrill(d, t, res.Drill) })
		for _, r := range results {
			it := ScoreItem{Kind: KindExpectation, ID: r.exp.ID, Name: r.exp.What}
			switch {
			case r.met:
				it.Mark, it.State = MarkCovered, "met"
			case r.wrong != nil:
				it.Mark, it.State = MarkMissing, "wrong"
				it.Evidence = fmt.Sprintf("states %s; expected %s", d.Text(Span(r.wrong.Span)), figureList(r.exp))
				it.Line = line(r.wrong.Span.Start)
			case r.stated > 0:
				it.Mark, it.State = MarkPartial, "partly met"
				it.Evidence = "not stated: " + strings.Join(r.missing, ", ")
			default:
				it.Mark, it.State = MarkMissing, "unmet"
			}
			if r.evidence.Start >= 0 && it.Evidence == "" {
				it.Evidence, it.Line = quoteLine(d, r.evidence), line(r.evidence.Start)
			}
			sc.Items = append(sc.Items, it)
		}
	}

	sc.Score = score(sc.Items, res.Diagnostics, held)
	sc.Next = nextSteps(res, sc.Items, held, line)
	for i, dg := range res.Diagnostics {
		if !held[i] && !scoreOwnChecks[dg.Check] {
			if sc.Other == nil {
				sc.Other = map[string]int{}
			}
			sc.Other[dg.Severity.String()]++
		}
	}
	return sc
}

func score(items []ScoreItem, ds []Diagnostic, held []bool) int {
	var total, earned float64
	for _, it := range items {
		w := 1.0
		if it.Expected {
			w = 2
		}
		total += w
		earned += w * it.Mark.credit()
	}
	s := 100.0
	if total > 0 {
		s = math.Round(100 * earned / total)
	}
	penalty := 0
	for i, dg := range ds {
		if !held[i] && !scoreOwnChecks[dg.Check] && dg.Severity.AtLeast(Warning) {
			penalty += 5
		}
	}
	return max(0, int(s)-min(penalty, 25))
}

// nextSteps picks the three most valuable additions.
func nextSteps(res *Result, items []ScoreItem, held []bool, line func(int) int) []Advice {
	var out []Advice
	add := func(a Advice) bool {
		out = append(out, a)
		return len(out) == 3
	}
	// 1. Expected items that are missing, in rubric order.
	for _, req := range res.Rubric.Requires {
		if !req.Core() {
			continue
		}
		for _, it := range items {
			if it.ID == req.ID() && it.Kind != KindExpectation && it.Mark == MarkMissing {
				if add(Advice{Text: "Add " + it.Name + ": " + requirementCovered(req), Item: it.ID}) {
					return out
				}
			}
		}
	}
	// 2. Warnings and errors, in document order.
	for _, dg := range res.Diagnostics {
		if dg.Severity.AtLeast(Warning) && !scoreOwnChecks[dg.Check] {
			if add(Advice{Text: dg.Message, Item: diagnosticItem(dg), Check: dg.Check, Line: line(dg.Span.Start)}) {
				return out
			}
		}
	}
	// 3. Drill expectations not met.
	for _, it := range items {
		if it.Kind == KindExpectation && it.Mark != MarkCovered {
			if add(Advice{Text: "Drill: state " + it.Name, Item: it.ID, Line: it.Line}) {
				return out
			}
		}
	}
	// 4. Other open questions, then the other missing items.
	for _, dg := range res.Diagnostics {
		if !dg.Severity.AtLeast(Warning) && dg.Severity != Hint && !scoreOwnChecks[dg.Check] {
			if add(Advice{Text: dg.Message, Item: diagnosticItem(dg), Check: dg.Check, Line: line(dg.Span.Start)}) {
				return out
			}
		}
	}
	for _, req := range res.Rubric.Requires {
		if req.Core() {
			continue
		}
		for _, it := range items {
			if it.ID == req.ID() && it.Kind != KindExpectation && it.Mark == MarkMissing {
				if add(Advice{Text: "Add " + it.Name + ": " + requirementCovered(req), Item: it.ID}) {
					return out
				}
			}
		}
	}
	return out
}

func requirementCovered(req Requirement) string {
	if req.Part != nil {
		return req.Part.Covered
	}
	info, _ := LookupConcern(req.Concern)
	return info.Covered
}

func diagnosticItem(dg Diagnostic) string {
	if dg.Part != "" {
		return dg.Part
	}
	return string(dg.Concern)
}

// quoteLine returns, as evidence, the passage around span on its line:
// Markdown marks and link addresses removed, at most about 60 columns,
// with "…" where it was cut.
func quoteLine(d *doc.Document, s Span) string {
	if s.Start < 0 || s.Start > len(d.Src) {
		return ""
	}
	l := d.Lines.Line(s.Start)
	ls, le := d.Lines.LineStart(l), d.Lines.LineEnd(d.Src, l)
	before := plainText(d.Src[ls:s.Start])
	rest := plainText(d.Src[s.Start:le])
	const room = 60
	if displayWidth(before)+displayWidth(rest) <= room {
		return strings.TrimSpace(before + rest)
	}
	// Keep up to a third of the room before the passage, cut at a word.
	if displayWidth(before) > room/3 {
		runes := []rune(before)
		cut := len(runes)
		for w := 0; cut > 0 && w+runeWidth(runes[cut-1]) <= room/3; cut-- {
			w += runeWidth(runes[cut-1])
		}
		b := string(runes[cut:])
		if i := strings.IndexByte(b, ' '); i >= 0 && i < len(b)-1 {
			b = b[i+1:]
		}
		before = "…" + b
	}
	return strings.TrimSpace(truncate(before+rest, room))
}

// plainText drops the Markdown that gets in the way of a quote: list and
// heading markers, emphasis, code ticks, brackets and link addresses.
func plainText(b []byte) string {
	var out strings.Builder
	s := string(b)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ']' && i+1 < len(s) && s[i+1] == '(':
			if j := strings.IndexByte(s[i:], ')'); j > 0 {
				i += j
				continue
			}
		case c == '*' || c == '`' || c == '[' || c == ']' || c == '\r' || c == '\n':
			continue
		case c == '_' && (i == 0 || s[i-1] == ' ' || i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '_' || s[i-1] == '_'):
			continue
		}
		out.WriteByte(c)
	}
	return strings.TrimLeft(out.String(), "-+>#| \t")
}

// Delta is what changed between two scorecards of attempts at the same
// prompt.
type Delta struct {
	OldScore int `json:"oldScore"`
	NewScore int `json:"newScore"`
	// Gained are items whose mark went up (✗ → ~, ~ → ✓, ✗ → ✓), Lost
	// those whose mark went down; items only one attempt has count from
	// or to ✗.
	Gained []Change `json:"gained"`
	Lost   []Change `json:"lost"`
	// Answered are questions the old attempt left open and the new one
	// does not; Raised the reverse.
	Answered []Question `json:"answered"`
	Raised   []Question `json:"raised"`
}

// Change is one item's move between attempts.
type Change struct {
	Kind string `json:"kind"`
	ID   string `json:"id"`
	Name string `json:"name"`
	From Mark   `json:"from"`
	To   Mark   `json:"to"`
}

// Compare returns what the new attempt gained and lost against the old.
func Compare(old, new Scorecard) Delta {
	d := Delta{OldScore: old.Score, NewScore: new.Score}
	key := func(it ScoreItem) string { return it.Kind + "/" + it.ID }
	before := map[string]ScoreItem{}
	for _, it := range old.Items {
		before[key(it)] = it
	}
	seen := map[string]bool{}
	for _, it := range new.Items {
		seen[key(it)] = true
		from := MarkMissing
		if o, ok := before[key(it)]; ok {
			from = o.Mark
		}
		ch := Change{Kind: it.Kind, ID: it.ID, Name: it.Name, From: from, To: it.Mark}
		switch {
		case it.Mark.credit() > from.credit():
			d.Gained = append(d.Gained, ch)
		case it.Mark.credit() < from.credit():
			d.Lost = append(d.Lost, ch)
		}
	}
	for _, it := range old.Items {
		if !seen[key(it)] && it.Mark != MarkMissing {
			d.Lost = append(d.Lost, Change{Kind: it.Kind, ID: it.ID, Name: it.Name, From: it.Mark, To: MarkMissing})
		}
	}
	qkey := func(it ScoreItem, q Question) string { return key(it) + "|" + q.Check + "|" + q.Text }
	oldQ, newQ := map[string]bool{}, map[string]bool{}
	for _, it := range old.Items {
		for _, q := range it.Open {
			oldQ[qkey(it, q)] = true
		}
	}
	for _, it := range new.Items {
		for _, q := range it.Open {
			newQ[qkey(it, q)] = true
			if !oldQ[qkey(it, q)] {
				d.Raised = append(d.Raised, q)
			}
		}
	}
	for _, it := range old.Items {
		for _, q := range it.Open {
			if !newQ[qkey(it, q)] {
				d.Answered = append(d.Answered, q)
			}
		}
	}
	return d
}
