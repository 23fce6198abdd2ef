package numbers

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/designls/designls/checks/recycle"
)

// Relation is how the two sides of an equation are claimed to compare.
type Relation uint8

const (
	Equal  Relation = iota + 1 // =, ==, ＝
	Approx                     // ≈, ~, ~=, ≃, or "= ~X", "= about X"
)

func (r Relation) String() string {
	if r == Approx {
		return "≈"
	}
	return "="
}

// Verdict is the outcome of checking one equation.
type Verdict uint8

const (
	OK           Verdict = iota + 1 // the written figure matches within tolerance
	Wrong                           // same dimension, but the figure is off
	UnitMismatch                    // the sides measure different things, or the left side adds unlike units
	Unfinished                      // nothing written after the relation: Computed is the answer to show
)

func (v Verdict) String() string {
	switch v {
	case OK:
		return "ok"
	case Wrong:
		return "wrong"
	case UnitMismatch:
		return "unit mismatch"
	case Unfinished:
		return "unfinished"
	}
	return "unknown"
}

// Side is one side of an equation: a single written figure or an
// expression of figures joined by operators.
type Side struct {
	Span       Span
	Quantities []Quantity // the figures, in order
	Ops        int        // operators in the side; 0 means one written figure
}

// Equation is one relation of a chain "a × b = c ≈ d": a chain of n
// relations yields n equations, each checked on its own, so that one wrong
// link does not make the next one look wrong.
type Equation struct {
	Span    Span // from the left side to the right side (to the relation when unfinished)
	Left    Side
	Rel     Relation
	RelSpan Span
	// Right is the written result. When the equation is unfinished it has
	// no quantities and its Span covers the placeholder ("?", "TBD") or is
	// empty just after the relation: where an inlay hint goes.
	Right Side
	// Computed is the value of the expression side, shown in the unit and
	// figure style of the written figure it is compared with; for an
	// unfinished equation, in a unit picked from the operands.
	Computed Value
	Verdict  Verdict
	// Error is (written − computed) / computed: how far off the figure is.
	Error float64
	// Why says, for UnitMismatch, which dimensions disagree.
	Why string
}

// Figure returns the written figure the equation checks, the one a fix
// replaces: the right side when it is a single figure, else the left side
// when that is one. An unfinished equation has none.
func (e Equation) Figure() (Quantity, bool) {
	if e.Verdict == Unfinished {
		return Quantity{}, false
	}
	if e.Right.Ops == 0 && len(e.Right.Quantities) == 1 {
		return e.Right.Quantities[0], true
	}
	if e.Left.Ops == 0 && len(e.Left.Quantities) == 1 {
		return e.Left.Quantities[0], true
	}
	return Quantity{}, false
}

// tok is one token of a side: a figure (op 0, index q) or an operator or
// parenthesis.
type tok struct {
	q  int32
	op byte
}

type sideRec struct {
	span   Span
	t0, t1 int // toks
	q0, q1 int // qs
	ops    int
}

type relRec struct {
	rel  Relation
	span Span
}

// scanner reads one text. Its chain buffers are reused across chains, so
// that prose, where most figures start no chain, costs no allocation.
type scanner struct {
	b []byte
	// problemsOnly is set for Problems: the units' spellings, which only
	// show in a result, are then found only for chains that yield one.
	problemsOnly bool
	chainBufs
}

// chainBufs hold the chain being read.
type chainBufs struct {
	qs    []Quantity
	toks  []tok
	sides []sideRec
	rels  []relRec
	// rpn holds the chain's sides in evaluation order, side after side.
	// Only judging reads it, so it never leaves the scan.
	rpn []tok
	// eqs gathers the scan's equations. An Equation is some 280 bytes, and
	// a slice grown one by one would allocate about three times the
	// result and copy it twice; the result is copied out once instead.
	eqs []Equation
	// eqQs holds, for each of eqs, where its sides' quantities start in
	// allQs: while the scan runs, the sides point into qs, which the next
	// chain overwrites, and they are pointed into the result at the end.
	eqQs []eqQuantities
	// allQs gathers the quantities of the chains that yield equations, to
	// be copied out once at their final size.
	allQs []Quantity
}

type eqQuantities struct{ left, right int32 }

// chainPool keeps chain buffers from one scan to the next: a server scans
// every version of a document, and the buffers never hold the text itself.
//
// It is made on first use: as a package variable set by a call, it made
// the compiler give up laying out the unit tables (units.go), which come
// later in the package's initialization, as data, and every process ran
// code at start-up to build them.
var chainPool = sync.OnceValue(func() *recycle.Bin[chainBufs] {
	return recycle.New(func() *chainBufs { return new(chainBufs) })
})

// Scan finds the back-of-envelope equations in text and checks each one.
// See the package documentation for what counts as an equation.
func Scan(text []byte) []Equation { return scan(text, false) }

// Problems returns the equations of Scan whose Verdict is Wrong or
// UnitMismatch, in the same order: what a check reports. Most documents'
// arithmetic checks out, and Scan's equations are large: copying out the
// ones a check drops was a fifth of a scan, and most of what it allocated.
func Problems(text []byte) []Equation { return scan(text, true) }

func scan(text []byte, problemsOnly bool) []Equation {
	bufs := chainPool().Get()
	s := scanner{b: text, problemsOnly: problemsOnly, chainBufs: *bufs}
	// Every equation has a relation sign, and its chain starts on the
	// sign's line or on a line joined to it. Most figures are in prose far
	// from any sign, and reading them whole only to find none would be most
	// of the work, so the scan goes from sign to sign and looks for chains
	// only on the lines that can reach the next one: from reach to lim.
	var signs relationSigns
	rel, reach, lim := -1, 0, 0
	for i := 0; i < len(text); {
		if rel < i {
			rel = signs.next(text, i)
			if rel == len(text) {
				break
			}
			reach = chainReach(text, i, rel)
			lim = rel + bytes.IndexByte(text[rel:], '\n')
			if lim < rel {
				lim = len(text)
			}
		}
		i = nextCandidate(text[:lim], max(i, reach))
		if i == lim {
			continue // past the sign's line: on to the next sign
		}
		c := text[i]
		if !(isDigit(c) || c == '(') || !startAllowed(text, i) {
			i++
			continue
		}
		i = s.chain(i)
	}
	var out []Equation
	if len(s.eqs) > 0 {
		eqs := s.dropBudgets()
		if problemsOnly {
			eqs = s.problems(eqs)
		}
		out = slices.Clone(eqs)
		var qs []Quantity
		if len(out) > 0 {
			qs = slices.Clone(s.allQs)
		}
		for i := range out {
			out[i].Left.Quantities = rebase(qs, out[i].Left.Quantities, s.eqQs[i].left)
			out[i].Right.Quantities = rebase(qs, out[i].Right.Quantities, s.eqQs[i].right)
		}
		// The pool must not keep this scan's quantities and text alive.
		clear(s.eqs)
		clear(s.allQs)
		s.eqs, s.eqQs, s.allQs = s.eqs[:0], s.eqQs[:0], s.allQs[:0]
	}
	*bufs = s.chainBufs
	chainPool().Put(bufs, len(text))
	return out
}

// problems keeps, in place, the equations of eqs (and their entries of
// eqQs) that Problems returns. It runs after dropBudgets, which must see
// every equation: whether one is read as a budget depends on those before
// it in its sentence.
func (s *scanner) problems(eqs []Equation) []Equation {
	out, outQs := eqs[:0], s.eqQs[:0]
	for i, e := range eqs {
		if e.Verdict == Wrong || e.Verdict == UnitMismatch {
			out = append(out, e)
			outQs = append(outQs, s.eqQs[i])
		}
	}
	s.eqQs = outQs
	return out
}

// rebase points a side's quantities, read into chain scratch, at their copy
// in the result, which starts at all[at]. A side without quantities keeps
// its nil slice.
func rebase(all, side []Quantity, at int32) []Quantity {
	if side == nil {
		return nil
	}
	return all[at : int(at)+len(side) : int(at)+len(side)]
}

// chain reads a chain starting at b[i] and returns where scanning resumes.
func (s *scanner) chain(i int) int {
	s.qs, s.toks, s.sides, s.rels = s.qs[:0], s.toks[:0], s.sides[:0], s.rels[:0]
	first, next, ok := s.side(i)
	if !ok {
		if s.b[i] == '(' {
			return pastParens(s.b, i)
		}
		return max(next, i+1)
	}
	s.sides = append(s.sides, first)
	resume := first.span.End
	hole := Span{-1, -1}
	for {
		last := s.sides[len(s.sides)-1]
		rel, relSpan, after, ok := s.relation(last.span.End)
		if !ok {
			break
		}
		sd, _, ok := s.side(after)
		if !ok {
			if h, ok := s.hole(relSpan.End); ok {
				s.rels = append(s.rels, relRec{rel, relSpan})
				hole = h
			}
			break
		}
		s.rels = append(s.rels, relRec{rel, relSpan})
		s.sides = append(s.sides, sd)
	}
	if len(s.rels) == 0 {
		if s.b[i] == '(' {
			return pastParens(s.b, i)
		}
		return max(resume, i+1)
	}
	s.emit(hole)
	if hole.Start >= 0 {
		return max(hole.End, s.rels[len(s.rels)-1].span.End)
	}
	return s.sides[len(s.sides)-1].span.End
}

// pastParens returns where to resume after a chain that failed at the "("
// of b[i]: past the whole run of opening parentheses, so that a long run
// costs one pass, not one pass per parenthesis.
func pastParens(b []byte, i int) int {
	for i < len(b) && (b[i] == '(' || inlineSpace(b, i) > 0) {
		i += max(1, inlineSpace(b, i))
	}
	return i
}

// side reads one expression. Operands that fail to read end the side at the
// last complete operand, so "10 × v1.2" is the side "10" and no chain.
func (s *scanner) side(i int) (sideRec, int, bool) {
	b := s.b
	sd := sideRec{span: Span{i, i}, t0: len(s.toks), q0: len(s.qs)}
	type snap struct{ toks, qs, ops, end int }
	good := snap{-1, 0, 0, 0}
	depth := 0
	p := i
	for {
		// An operand: opening parentheses and emphasis, then a figure.
		for {
			p = skipMarkupOpen(b, p)
			if p < len(b) && b[p] == '(' {
				s.toks = append(s.toks, tok{op: '('})
				depth++
				p = skipInline(b, p+1)
				continue
			}
			break
		}
		// "~417 reqs/s" and "$0.50 per hour": the figure is what follows.
		if p+1 < len(b) && b[p] == '~' && isDigit(b[p+1]) {
			p++
		}
		if n := currencySign(b, p); n > 0 && p+n < len(b) && isDigit(b[p+n]) {
			p += n
		}
		if p >= len(b) || !isDigit(b[p]) {
			break
		}
		// Read straight into the chain's buffer: a Quantity is large.
		s.qs = append(s.qs, Quantity{})
		next, ok := readQuantity(&s.qs[len(s.qs)-1], b, p)
		if !ok {
			s.qs = s.qs[:len(s.qs)-1]
			if good.toks < 0 {
				return sd, next, false
			}
			break
		}
		s.toks = append(s.toks, tok{q: int32(len(s.qs) - 1)})
		p = skipMarkupClose(b, next)
		for {
			k := skipInline(b, p)
			if k < len(b) && b[k] == ')' && depth > 0 {
				s.toks = append(s.toks, tok{op: ')'})
				depth--
				p = skipMarkupClose(b, k+1)
				continue
			}
			break
		}
		if depth == 0 {
			good = snap{len(s.toks), len(s.qs), sd.ops, p}
		}
		p = s.label(p)
		op, after, ok := s.operator(p)
		if !ok {
			break
		}
		s.toks = append(s.toks, tok{op: op})
		sd.ops++
		p = after
	}
	if good.toks < 0 {
		s.toks, s.qs = s.toks[:sd.t0], s.qs[:sd.q0]
		return sd, p, false
	}
	s.toks, s.qs = s.toks[:good.toks], s.qs[:good.qs]
	sd.ops = good.ops
	sd.t1, sd.q1 = good.toks, good.qs
	sd.span.End = good.end
	// The span starts at the first figure or parenthesis, not at emphasis.
	for sd.span.Start < sd.span.End && !isDigit(b[sd.span.Start]) && b[sd.span.Start] != '(' {
		sd.span.Start++
	}
	for sd.span.End > sd.span.Start && (b[sd.span.End-1] == '*' || b[sd.span.End-1] == '_' || b[sd.span.End-1] == '`') {
		sd.span.End--
	}
	return sd, good.end, true
}

// currencySign returns the byte length of a "$", "€" or "£" at b[p], or 0.
func currencySign(b []byte, p int) int {
	if p >= len(b) {
		return 0
	}
	switch b[p] {
	case '$':
		return 1
	case 0xC2:
		if hasPrefix(b, p, "£") {
			return len("£")
		}
	case 0xE2:
		if hasPrefix(b, p, "€") {
			return len("€")
		}
	}
	return 0
}

// label skips one word between a figure and an operator or relation, as in
// "30K peak × 1,000" or "10K QPS each = ...".
func (s *scanner) label(p int) int {
	b := s.b
	k := skipInline(b, p)
	if k == p {
		return p
	}
	e := wordAt(b, k)
	if e-k < 2 || e-k > 12 || !boundaryAt(b, e) || b[k] < 'a' || b[k] > 'z' {
		return p
	}
	if _, _, ok := s.operator(e); ok {
		return e
	}
	if _, _, _, ok := s.relation(e); ok {
		return e
	}
	return p
}

// skipMarkupOpen skips emphasis and code markers glued to a figure that
// follows: "**10M", "`2 KB".
func skipMarkupOpen(b []byte, p int) int {
	k := p
	for k < len(b) && (b[k] == '*' || b[k] == '_' || b[k] == '`') {
		k++
	}
	if k > p && k < len(b) && (isDigit(b[k]) || b[k] == '(') {
		return k
	}
	return p
}

// skipMarkupClose skips emphasis and code markers glued after a figure,
// unless the "*" is a multiplication: "5500*242".
func skipMarkupClose(b []byte, p int) int {
	k := p
	for k < len(b) && (b[k] == '*' || b[k] == '_' || b[k] == '`') {
		k++
	}
	if k > p && k < len(b) && (isDigit(b[k]) || b[k] == '(') {
		return p
	}
	return k
}

// continuation returns where a chain goes on when it meets a line break at
// b[p]: the next line must start with an operator or relation (opOrRel) or
// with a figure (figure), and must not be a list item, heading, quote or
// table row. It returns -1 when the chain stops at the line break.
func continuation(b []byte, p int, figure bool) int {
	k := p
	if k < len(b) && b[k] == '\r' {
		k++
	}
	if k >= len(b) || b[k] != '\n' {
		return -1
	}
	k = skipInline(b, k+1)
	if k >= len(b) {
		return -1
	}
	c := b[k]
	switch {
	case c == '\n' || c == '\r' || c == '#' || c == '>' || c == '|':
		return -1
	case (c == '-' || c == '*' || c == '+') && inlineSpace(b, k+1) > 0:
		return -1 // a bullet
	}
	if figure {
		e := k
		for e < len(b) && isDigit(b[e]) {
			e++
		}
		if e > k && e < len(b) && (b[e] == '.' || b[e] == ')') && inlineSpace(b, e+1) > 0 {
			return -1 // "2. next item"
		}
		if isDigit(c) || c == '(' {
			return k
		}
		return -1
	}
	return k
}

// operator reads an operator after a figure at b[p] (spaces first) and
// returns it normalised to one of * / + - ^ with the position of the next
// operand.
func (s *scanner) operator(p int) (byte, int, bool) {
	b := s.b
	k := skipInline(b, p)
	spaced := k > p
	if k < len(b) && (b[k] == '\n' || b[k] == '\r') {
		c := continuation(b, k, false)
		if c < 0 {
			return 0, 0, false
		}
		k, spaced = c, true
	}
	if k >= len(b) {
		return 0, 0, false
	}
	var op byte
	n := 1
	switch c := b[k]; c {
	case '*':
		if k+1 < len(b) && b[k+1] == '*' {
			return 0, 0, false
		}
		after := inlineSpace(b, k+1) > 0
		if spaced != after || (!spaced && !(k+1 < len(b) && (isDigit(b[k+1]) || b[k+1] == '('))) {
			return 0, 0, false // emphasis, not a product
		}
		op = '*'
	case 'x', 'X':
		if !spaced || inlineSpace(b, k+1) == 0 {
			return 0, 0, false
		}
		op = '*'
	case '/':
		if k+1 < len(b) && b[k+1] == '/' {
			return 0, 0, false
		}
		op = '/'
	case '+':
		if k+1 < len(b) && b[k+1] == '+' {
			return 0, 0, false
		}
		op = '+'
	case '-':
		if !spaced || inlineSpace(b, k+1) == 0 {
			return 0, 0, false // a range or a hyphen
		}
		op = '-'
	case '^':
		op = '^'
	case 0xC3:
		switch {
		case hasPrefix(b, k, "×"):
			op, n = '*', 2
		case hasPrefix(b, k, "÷"):
			op, n = '/', 2
		}
	case 0xC2:
		if hasPrefix(b, k, "·") {
			op, n = '*', 2
		}
	case 0xE2:
		switch {
		case hasPrefix(b, k, "−"):
			op, n = '-', 3
		case hasPrefix(b, k, "⋅"), hasPrefix(b, k, "✕"):
			op, n = '*', 3
		}
	}
	if op == 0 {
		return 0, 0, false
	}
	return op, s.operand(k + n), true
}

// operand skips spaces after an operator or relation, following a line
// break when the next line starts with a figure.
func (s *scanner) operand(p int) int {
	k := skipInline(s.b, p)
	if k < len(s.b) && (s.b[k] == '\n' || s.b[k] == '\r') {
		if c := continuation(s.b, k, true); c >= 0 {
			return c
		}
	}
	return k
}

// relation reads a relation after a side ending at b[p], then any
// approximation marker before the next side ("= ~1.27 KB", "= about 40").
func (s *scanner) relation(p int) (Relation, Span, int, bool) {
	b := s.b
	k := skipInline(b, p)
	if k < len(b) && (b[k] == '\n' || b[k] == '\r') {
		c := continuation(b, k, false)
		if c < 0 {
			return 0, Span{}, 0, false
		}
		k = c
	}
	if k >= len(b) {
		return 0, Span{}, 0, false
	}
	switch b[k] {
	case '=', '~', 0xE2, 0xEF:
		// The lead bytes of the signs below; a side is most often
		// followed by a word or punctuation, which this rules out at once.
	default:
		return 0, Span{}, 0, false
	}
	var rel Relation
	n := 0
	switch {
	case hasPrefix(b, k, "~="), hasPrefix(b, k, "=~"):
		rel, n = Approx, 2
	case hasPrefix(b, k, "=="):
		if hasPrefix(b, k+2, "=") || hasPrefix(b, k+2, ">") {
			return 0, Span{}, 0, false
		}
		rel, n = Equal, 2
	case b[k] == '=':
		if hasPrefix(b, k+1, ">") {
			return 0, Span{}, 0, false // an arrow
		}
		rel, n = Equal, 1
	case b[k] == '~':
		rel, n = Approx, 1
	case hasPrefix(b, k, "≈"), hasPrefix(b, k, "≃"), hasPrefix(b, k, "≅"), hasPrefix(b, k, "≒"):
		rel, n = Approx, 3
	case hasPrefix(b, k, "＝"):
		rel, n = Equal, 3
	default:
		return 0, Span{}, 0, false
	}
	if k > 0 && (b[k-1] == '<' || b[k-1] == '>' || b[k-1] == '!' || b[k-1] == ':') {
		return 0, Span{}, 0, false
	}
	span := Span{k, k + n}
	q := s.operand(k + n)
	switch {
	case q+1 < len(b) && b[q] == '~' && isDigit(b[q+1]):
		rel, q = Approx, q+1
	case q < len(b) && (b[q]|0x20 == 'a' || b[q]|0x20 == 'r' || b[q]|0x20 == 'c'):
		// The words all start with one of these letters (a test holds
		// them to it); most relations are followed by a figure, which
		// none of them matches.
		for _, w := range approxWords {
			if hasWordFold(b, q, w) {
				e := q + len(w)
				if e < len(b) && b[e] == '.' {
					e++
				}
				rel, q = Approx, skipInline(b, e)
				break
			}
		}
	}
	return rel, span, q, true
}

// approxWords mark a written result as approximate: "= about 40".
var approxWords = [...]string{"about", "roughly", "approximately", "approx", "around", "circa", "ca"}

// relationSigns finds where relation signs (see relation) may start, ahead
// of the scan. It looks for each kind of sign on its own and remembers
// where it found it, so each search runs at bytes.IndexByte speed over long
// stretches of prose and the text is read once per kind however often it
// is asked.
type relationSigns struct {
	// at is one past where the next "=", "~", "≈≃≅≒" and "＝" start, len(b)+1
	// when there is none; 0 before the first search.
	at [4]int
}

// relationKinds are the bytes searched for, and how far each sits into its sign.
var relationKinds = [4]struct {
	c    byte
	lead int
	sign string
}{{'=', 0, "="}, {'~', 0, "~"}, {0x89, 1, "\xE2\x89"}, {0x9D, 2, "＝"}}

// next returns the first index at or after i where a relation sign may
// start, or len(b). Calls must not go backwards.
func (r *relationSigns) next(b []byte, i int) int {
	first := len(b)
	for k, kind := range relationKinds {
		p := r.at[k] - 1
		if p < i {
			p = i + kind.lead
			for {
				j := -1
				if p < len(b) {
					j = bytes.IndexByte(b[p:], kind.c)
				}
				if j < 0 {
					p = len(b)
					break
				}
				p += j
				if hasPrefix(b, p-kind.lead, kind.sign) {
					p -= kind.lead
					break
				}
				p++
			}
			r.at[k] = p + 1
		}
		first = min(first, p)
	}
	return first
}

// chainReach returns the start of the first line, not before i, from which
// a chain could reach the relation sign at b[rel]: the sign's own line or an
// earlier one joined to it by line breaks a chain may cross.
func chainReach(b []byte, i, rel int) int {
	for {
		k := bytes.LastIndexByte(b[i:rel], '\n')
		if k < 0 {
			return i
		}
		nl := i + k
		if !mayContinue(b, nl) {
			return nl + 1
		}
		rel = nl
	}
}

// mayContinue reports whether a chain could go on past the line break at
// b[eol]: the next line continues it (see continuation) and starts with a
// figure, an operator or a relation, or with a byte that may begin one.
func mayContinue(b []byte, eol int) bool {
	k := continuation(b, eol, false)
	if k < 0 {
		return false
	}
	c := b[k]
	return isDigit(c) || c >= utf8.RuneSelf || strings.IndexByte("(*xX/+-^=~", c) >= 0
}

// hole reports a placeholder after the relation ending at relEnd ("?", "TBD",
// "…", or nothing before the end of the line or table cell) and returns its
// span, empty at relEnd when nothing was written.
func (s *scanner) hole(relEnd int) (Span, bool) {
	b := s.b
	k := skipInline(b, relEnd)
	if k >= len(b) || b[k] == '\n' || b[k] == '\r' || b[k] == '|' {
		return Span{relEnd, relEnd}, true
	}
	for _, w := range [...]string{"???", "??", "?", "…", "...", "TBD", "tbd", "___", "__"} {
		if hasPrefix(b, k, w) {
			if e := k + len(w); boundaryAt(b, e) {
				return Span{k, e}, true
			}
		}
	}
	return Span{}, false
}

// emit turns the chain just read into equations.
func (s *scanner) emit(hole Span) {
	chainOps := false
	for _, sd := range s.sides {
		if sd.ops > 0 {
			chainOps = true
		}
	}
	// Decide first, so chains that yield nothing cost no allocation.
	var keep [64]bool
	anyKept := false
	for i := range s.rels {
		if i >= len(keep) {
			break
		}
		if i+1 == len(s.sides) {
			keep[i] = chainOps
		} else {
			l, r := s.sides[i], s.sides[i+1]
			keep[i] = chainOps || l.ops > 0 || r.ops > 0 || conversion(s.qs[l.q0].Unit, s.qs[r.q0].Unit)
		}
		anyKept = anyKept || keep[i]
	}
	if !anyKept {
		return
	}
	// Judging reads no unit's spelling (Unit.Text), which only shows in
	// a result: for Problems, most chains check out and none is needed.
	// A chain with a problem is judged again, spelled.
	if !s.problemsOnly {
		s.judgeChain(hole, keep[:], true)
		return
	}
	eqs, allQs := len(s.eqs), len(s.allQs)
	s.judgeChain(hole, keep[:], false)
	for _, e := range s.eqs[eqs:] {
		if e.Verdict == Wrong || e.Verdict == UnitMismatch {
			clear(s.eqs[eqs:])
			s.eqs, s.eqQs, s.allQs = s.eqs[:eqs], s.eqQs[:eqs], s.allQs[:allQs]
			s.judgeChain(hole, keep[:], true)
			return
		}
	}
}

// judgeChain judges the chain just read, adding the equations emit keeps;
// spell finds the units' spellings first.
func (s *scanner) judgeChain(hole Span, keep []bool, spell bool) {
	// The chain is judged in its scratch and its quantities are kept for
	// the result, see Scan.
	qs := s.qs
	if spell {
		for i := range qs {
			qs[i].finish(s.b)
		}
	}
	base := int32(len(s.allQs))
	s.allQs = append(s.allQs, qs...)
	// Sides are copied into the equations, so their array can be scratch.
	var sideBuf [8]Side
	var rpnBuf [8][]tok
	sides, rpns := sideBuf[:0], rpnBuf[:0]
	if len(s.sides) > len(sideBuf) {
		sides, rpns = make([]Side, 0, len(s.sides)), make([][]tok, 0, len(s.sides))
	}
	sides, rpns = sides[:len(s.sides)], rpns[:len(s.sides)]
	s.rpn = s.rpn[:0]
	for i, sd := range s.sides {
		start := len(s.rpn)
		s.rpn = toRPN(s.rpn, s.toks[sd.t0:sd.t1], sd.q0)
		rpns[i] = s.rpn[start:len(s.rpn):len(s.rpn)]
		sides[i] = Side{Span: sd.span, Quantities: qs[sd.q0:sd.q1:sd.q1], Ops: sd.ops}
	}
	for i, r := range s.rels {
		if i >= len(keep) || !keep[i] {
			continue
		}
		l := sides[i]
		if i+1 == len(sides) {
			e := Equation{Span: Span{l.Span.Start, max(hole.End, r.span.End)}, Left: l, Rel: r.rel, RelSpan: r.span,
				Right: Side{Span: hole}, Verdict: Unfinished}
			switch v, why, ok := evaluate(l, rpns[i], nil); {
			case ok:
				e.Computed = display(v, l.Quantities)
			case why != "":
				e.Verdict, e.Why = UnitMismatch, "the left side "+why
			default:
				continue // "0/0 =": nothing to show
			}
			s.add(e, base+int32(s.sides[i].q0), 0)
			continue
		}
		rt := sides[i+1]
		e := Equation{Span: Span{l.Span.Start, rt.Span.End}, Left: l, Rel: r.rel, RelSpan: r.span, Right: rt}
		if judge(&e, rpns[i], rpns[i+1]); e.Verdict != 0 {
			s.add(e, base+int32(s.sides[i].q0), base+int32(s.sides[i+1].q0))
		}
	}
}

// add appends an equation to the result, with where its sides' quantities
// start in allQs.
func (s *scanner) add(e Equation, left, right int32) {
	s.eqs = append(s.eqs, e)
	s.eqQs = append(s.eqQs, eqQuantities{left, right})
}

// conversion reports whether two single figures related without any
// operator in their chain make a checkable conversion ("1 day = 86,400 s").
// "3 replicas = 3 copies" and "429 = 1" restate, and "over 100 hosts = 32
// MB each" is shorthand for a division the prose describes.
func conversion(l, r Unit) bool {
	return l.hasUnit() && r.hasUnit() && !(l.counted() && r.counted()) && l.Dim == r.Dim
}

// toRPN orders a side's tokens for evaluation (shunting-yard) and rebases
// figure indexes onto the side's own quantities.
func toRPN(out, toks []tok, q0 int) []tok {
	var buf [16]byte
	stack := buf[:0]
	prec := func(op byte) int {
		switch op {
		case '^':
			return 3
		case '*', '/':
			return 2
		case '+', '-':
			return 1
		}
		return 0
	}
	for _, t := range toks {
		switch t.op {
		case 0:
			out = append(out, tok{q: t.q - int32(q0)})
		case '(':
			stack = append(stack, '(')
		case ')':
			for len(stack) > 0 && stack[len(stack)-1] != '(' {
				out = append(out, tok{op: stack[len(stack)-1]})
				stack = stack[:len(stack)-1]
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		default:
			for len(stack) > 0 {
				top := stack[len(stack)-1]
				if top == '(' || prec(top) < prec(t.op) || (prec(top) == prec(t.op) && t.op == '^') {
					break
				}
				out = append(out, tok{op: top})
				stack = stack[:len(stack)-1]
			}
			stack = append(stack, t.op)
		}
	}
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i] != '(' {
			out = append(out, tok{op: stack[i]})
		}
	}
	return out
}

// dropBudgets removes equations that are better read as error-budget
// statements: in "99.9% over 30 days = 43.2 min" the "30 days = 43.2 min"
// looks like a wrong conversion but is a budget, which Budgets checks. Only
// restatements and failed equations are dropped; a correct equation stays.
// Only the sentences of such equations are read for budgets, so a document
// whose arithmetic is fine pays nothing for this.
func (s *scanner) dropBudgets() []Equation {
	eqs := s.eqs
	out, outQs := eqs[:0], s.eqQs[:0]
	var budgets []Budget
	done := -1
	for i, e := range eqs {
		if e.Verdict != OK || (e.Left.Ops == 0 && e.Right.Ops == 0) {
			st, en := sentence(s.b, e.Span.Start)
			en = max(en, e.Span.End)
			if st > done && bytes.IndexByte(s.b[st:en], '%') >= 0 {
				budgets = sentenceBudgets(budgets[:0], s.b, st, en)
				done = st
			}
			if st == done && overlapsAny(e.Span, budgets) {
				continue
			}
		}
		outQs = append(outQs, s.eqQs[i])
		out = append(out, e)
	}
	s.eqQs = outQs
	return out
}

func overlapsAny(sp Span, bs []Budget) bool {
	for _, b := range bs {
		if sp.Start < b.Span.End && b.Span.Start < sp.End {
			return true
		}
	}
	return false
}
