package checks

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/designls/designls/checks/doc"
	"github.com/designls/designls/checks/numbers"
	"github.com/designls/designls/templates"
)

// Drill is a practice prompt: what the interviewer asks, the kind of answer
// it wants (a rubric), a time box, and what a good answer to this very
// prompt states beyond the rubric. A document names its drill in front
// matter (`drill: feature-flags`); the drill-expectation check and the
// scorecard then hold it to the expectations. Drills are data: the catalog
// is in drills.go.
type Drill struct {
	Name    string        `json:"name"`
	Title   string        `json:"title"`
	Prompt  string        `json:"prompt"`
	Rubric  string        `json:"rubric"`
	Minutes int           `json:"minutes"`
	Expect  []Expectation `json:"expectations"`
}

// Expectation is one thing a good answer to a drill states: phrases (the
// argument for local caching), figures (the total evaluation rate), or
// both. It is met when every phrase group has a phrase in the answer's
// prose and every figure is stated.
type Expectation struct {
	ID string `json:"id"`
	// What names what is expected, as a noun phrase: "the argument for
	// local caching".
	What string `json:"what"`
	// Phrases are any-of groups matched as the phrases type matches them;
	// every group needs one. Quoted text (the prompt) does not count.
	Phrases [][]string `json:"phrases,omitempty"`
	Figures []Figure   `json:"figures,omitempty"`
	// Severity of an unmet expectation; zero means Information. A figure
	// stated wrong is always a warning.
	Severity Severity `json:"-"`
}

// Figure is a number a drill's answer should state. With a Value, a
// figure of that dimension within 2% (plus the rounding of the written
// figure) states it, and a figure of that dimension in a sentence with a
// Context phrase and within a factor of 50 of the Value is a wrong
// attempt at it. With no Value, any figure of one of Dims in a Context
// sentence (or with one of Units) states it.
type Figure struct {
	Label   string        `json:"label"`
	Value   float64       `json:"value,omitempty"` // in base units: counts, seconds, bytes
	Dims    []numbers.Dim `json:"-"`
	Units   []string      `json:"units,omitempty"` // lower-case unit words, e.g. "hosts"
	Working string        `json:"working,omitempty"`
	Context []string      `json:"context,omitempty"`
}

// Drills returns the catalog, sorted by name. The drills are shared and
// must be treated as read-only.
func Drills() []*Drill {
	out := slices.Clone(drills())
	slices.SortFunc(out, func(a, b *Drill) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// LookupDrill returns the drill called name.
func LookupDrill(name string) (*Drill, bool) {
	if name == "" {
		return nil, false // most documents name no drill: leave the catalog unbuilt
	}
	for _, d := range drills() {
		if d.Name == name {
			return d, true
		}
	}
	return nil, false
}

func drillNames() []string {
	var names []string
	for _, d := range Drills() {
		names = append(names, d.Name)
	}
	return names
}

// Starter renders the document a candidate starts a drill from: front
// matter naming the rubric and the drill, the title, the prompt as a
// quote, the time box, then the rubric's template skeleton from set (the
// built-ins when nil) without the template's own front matter and title.
func (dr *Drill) Starter(set *templates.Set) (string, error) {
	if set == nil {
		set = templates.Builtin()
	}
	r, ok := LookupRubric(dr.Rubric)
	if !ok {
		return "", fmt.Errorf("drill %s: unknown rubric %q", dr.Name, dr.Rubric)
	}
	t, ok := set.Template(r.Template)
	if !ok {
		return "", fmt.Errorf("drill %s: no template %q for rubric %s", dr.Name, r.Template, r.Name)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "---\nrubric: %s\ndrill: %s\n---\n\n# %s\n\n", r.Name, dr.Name, dr.Title)
	for i, para := range strings.Split(strings.TrimSpace(dr.Prompt), "\n\n") {
		if i > 0 {
			b.WriteString(">\n")
		}
		for _, line := range strings.Split(para, "\n") {
			b.WriteString("> " + strings.TrimSpace(line) + "\n")
		}
	}
	fmt.Fprintf(&b, "\nTime box: %d minutes.\n", dr.Minutes)
	if body := skeleton(t.Text); body != "" {
		b.WriteString("\n" + body)
	}
	return b.String(), nil
}

// skeleton returns a template's text after its front matter and title.
func skeleton(text string) string {
	d := doc.Parse("template.md", []byte(text))
	start := d.Root.Own.Start
	if title := d.Title(); title != nil {
		start = title.Heading.End
	}
	return strings.TrimLeft(text[start:], "\r\n")
}

// expectationResult is how one document meets one expectation.
type expectationResult struct {
	exp *Expectation
	met bool
	// evidence is the first phrase or figure that meets it.
	evidence Span
	// missing names the unmet phrase groups (by their first phrase) and
	// figures (by label).
	missing []string
	// stated counts the figures stated right.
	stated int
	// wrong is a stated figure that misses every expected value, when no
	// figure was stated right, and want the expected figure closest to it.
	wrong *numbers.Quantity
	want  Figure
}

// evaluateDrill holds a document to its drill's expectations. The check
// and the scorecard both read it, so they always agree.
func evaluateDrill(d *doc.Document, t *proseText, dr *Drill) []expectationResult {
	sents := t.sentences(d, Span{Start: 0, End: len(d.Src)}, false)
	figs := drillFigures(d, sents)
	var out []expectationResult
	for i := range dr.Expect {
		e := &dr.Expect[i]
		r := expectationResult{exp: e, evidence: Span{Start: -1}}
		for _, group := range e.Phrases {
			if s, ok := firstInSentences(t.b, sents, group); ok {
				r.note(s)
			} else {
				r.missing = append(r.missing, group[0])
			}
		}
		var stated []Span
		var unstated []Figure
		for _, f := range e.Figures {
			if s, ok := f.statedIn(t.b, figs); ok {
				r.note(s)
				r.stated++
				stated = append(stated, s)
			} else {
				r.missing = append(r.missing, f.Label)
				unstated = append(unstated, f)
			}
		}
		// A figure that is not stated may be stated wrong ("60M QPS at
		// peak" for 30M), even beside one that is right.
		if len(unstated) > 0 {
			r.wrong, r.want = wrongFigure(t.b, unstated, figs, stated)
		}
		r.met = len(r.missing) == 0
		out = append(out, r)
	}
	return out
}

func (r *expectationResult) note(s Span) {
	if r.evidence.Start < 0 || s.Start < r.evidence.Start {
		r.evidence = s
	}
}

func firstInSentences(b []byte, sents []Span, group []string) (Span, bool) {
	for _, s := range sents {
		if m, _, ok := phrases(group).find(b, s); ok {
			return m, true
		}
	}
	return Span{}, false
}

// drillFigure is a figure of the answer and the sentence it sits in.
type drillFigure struct {
	q        numbers.Quantity
	sentence Span
}

func drillFigures(d *doc.Document, sents []Span) []drillFigure {
	var out []drillFigure
	for _, s := range sents {
		for _, q := range numbers.Quantities(d.Src[s.Start:s.End]) {
			q.Span.Start += s.Start
			q.Span.End += s.Start
			out = append(out, drillFigure{q: q, sentence: s})
		}
	}
	return out
}

// statedIn reports whether a figure of the answer states f.
func (f Figure) statedIn(b []byte, figs []drillFigure) (Span, bool) {
	for _, g := range figs {
		q := g.q
		if f.Value == 0 {
			if slices.Contains(f.Units, strings.ToLower(q.Unit.Text)) {
				return Span(q.Span), true
			}
			if slices.Contains(f.Dims, q.Unit.Dim) && (len(f.Context) == 0 || phrases(f.Context).has(b, g.sentence)) {
				return Span(q.Span), true
			}
			continue
		}
		// A bare figure ("30M peak") or a count ("10M flag evaluations")
		// states a rate as well as "30M QPS" does: the value is what is
		// asked for.
		bare := q.Unit.Dim == numbers.Dimensionless && !strings.Contains(q.Unit.Text, "%") && slices.Contains(f.Dims, numbers.Rate)
		if (bare || slices.Contains(f.Dims, q.Unit.Dim)) && near(q, f.Value) {
			return Span(q.Span), true
		}
	}
	return Span{}, false
}

// near reports whether q is v within the rounding of q as written plus 2%.
func near(q numbers.Quantity, v float64) bool {
	half := 0.0
	if q.Number != 0 {
		half = math.Abs(q.Half * q.Base / q.Number)
	}
	return math.Abs(q.Base-v) <= half+0.02*math.Abs(v)
}

// wrongFigure returns the first figure of the answer that tries to state
// one of the valued figures want and states none of them: a unit of the
// right dimension (not a bare number, not per host or per app), in a
// sentence with one of the figure's Context phrases, within a factor of 50
// of its value. Figures at stated, which state another figure right, are
// not candidates. The expected figure returned is the one closest to it.
func wrongFigure(b []byte, want []Figure, figs []drillFigure, stated []Span) (*numbers.Quantity, Figure) {
	for _, g := range figs {
		q := g.q
		if perThing(q.Unit.Text) || slices.Contains(stated, Span(q.Span)) {
			continue
		}
		// The figure it tries to state: the one whose label the sentence
		// names ("at peak"), else the first that fits.
		best := -1
		for i, f := range want {
			if f.Value <= 0 || q.Base <= 0 || !slices.Contains(f.Dims, q.Unit.Dim) || near(q, f.Value) ||
				!phrases(f.Context).has(b, g.sentence) || math.Abs(math.Log(q.Base/f.Value)) > math.Log(50) {
				continue
			}
			if best < 0 || (phrases{strings.ToLower(f.Label)}.has(b, g.sentence) && !phrases{strings.ToLower(want[best].Label)}.has(b, g.sentence)) {
				best = i
			}
		}
		if best >= 0 {
			return &q, want[best]
		}
	}
	return nil, Figure{}
}

// perThing reports whether a unit counts per something other than time:
// "QPS per host", "10K QPS/app" are not totals.
func perThing(unit string) bool {
	u := strings.ToLower(unit)
	var rest string
	if i := strings.LastIndex(u, " per "); i >= 0 {
		rest = u[i+5:]
	} else if i := strings.LastIndexByte(u, '/'); i >= 0 {
		rest = u[i+1:]
	} else {
		return false
	}
	switch strings.TrimSpace(rest) {
	case "s", "sec", "second", "ms", "min", "minute", "h", "hr", "hour", "day", "d", "week", "month", "quarter", "year", "yr":
		return false
	}
	return true
}

// drillPrompt returns the block quotes of d that quote dr's prompt, as
// Starter writes it: the question, whose words ("1,000 customer
// applications", "P99") must not count as the answer covering a concern.
// A quote counts when it holds the prompt's opening words, however it is
// wrapped or marked up.
func drillPrompt(d *doc.Document, dr *Drill) []Span {
	if dr == nil {
		return nil
	}
	opening := letters(dr.Prompt, 48)
	if len(opening) < 16 {
		return nil
	}
	var out []Span
	for _, b := range d.Blocks {
		if b.Kind == doc.Quote && strings.Contains(letters(string(d.Text(b.Span)), -1), opening) {
			out = append(out, b.Span)
		}
	}
	return out
}

// letters returns the lower-cased letters and digits of s, at most n of
// them (n < 0: all), so that wrapping, quote markers and punctuation do
// not decide whether two texts say the same.
func letters(s string, n int) string {
	var b strings.Builder
	for _, r := range s {
		if n >= 0 && b.Len() >= n {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
