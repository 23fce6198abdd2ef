package numbers

import (
	"bytes"
	"math"
	"slices"
	"time"
)

// Budget is a statement of how much downtime an availability target allows
// over a window: "99.9% over 30 days = 43.2 min", "an error budget of 21.9
// minutes per month at 99.95%", or a row of a table with availability and
// downtime-per-window columns.
type Budget struct {
	Span         Span     // the sentence's three parts, first to last, or the whole table row
	Availability Quantity // "99.9%"
	Window       Span     // "over 30 days", "monthly", "/month", or the table's header cell (outside Span)
	WindowLength time.Duration
	Stated       Quantity // "43.2 min"
	// Correct is (1 − availability) × window.
	Correct time.Duration
	// Fix is Correct in the stated figure's unit and style, for fix text.
	Fix   Value
	OK    bool
	Error float64 // (stated − correct) / correct
}

// slackBudget is the relative slack on a stated budget, on top of the
// rounding of the figure as written. 2% covers the common 30.4-day month
// ("21.9 min" at 99.95%) against the 30-day month used here.
const slackBudget = 0.02

// AllowedDowntime returns the downtime an availability (a fraction, 0.999
// for 99.9%) allows over window, rounded to the microsecond so that the
// binary noise of 1 − 0.9999 does not show. Availabilities outside [0, 1]
// are clamped.
func AllowedDowntime(availability float64, window time.Duration) time.Duration {
	a := math.Min(math.Max(availability, 0), 1)
	return time.Duration(math.Round((1 - a) * float64(window))).Round(time.Microsecond)
}

// Budgets finds error-budget statements in text and checks each one.
// Windows are a day, a week, a month of 30 days, a quarter of 90 days, a
// year of 365 days, or a stated number of them ("over 28 days").
func Budgets(text []byte) []Budget {
	// A Budget is 400 bytes. They are gathered and sorted in a buffer on the
	// stack and copied out once at their final size, rather than in a slice
	// that grows to about twice what it returns.
	var buf [16]Budget
	out := buf[:0]
	done := 0
	lineEnds, row := -1, false
	for i := 0; i < len(text); {
		k := bytes.IndexByte(text[i:], '%')
		if k < 0 {
			break
		}
		j := i + k
		i = j + 1
		if j >= lineEnds {
			// Once per line, so a long line full of "%" costs one pass.
			lineEnds = lineEnd(text, j)
			row = isRow(text, lineStart(text, j), lineEnds)
		}
		if row {
			i = lineEnds
			continue
		}
		if j < done {
			continue
		}
		s, e := sentence(text, j)
		out = sentenceBudgets(out, text, s, e)
		done = e
		i = max(i, e)
	}
	out = tableBudgets(out, text)
	if len(out) == 0 {
		return nil
	}
	sortBudgets(out)
	return slices.Clone(out)
}

// sortBudgets orders budgets by where they start, keeping the order of
// equal ones. A Budget is large, so it sorts their positions and then moves
// each budget once, rather than swapping budgets as a sort would.
func sortBudgets(bs []Budget) {
	sorted := true
	for k := 1; k < len(bs) && sorted; k++ {
		sorted = bs[k-1].Span.Start <= bs[k].Span.Start
	}
	if sorted {
		return
	}
	var buf [32]int
	from := buf[:0]
	if len(bs) > len(buf) {
		from = make([]int, 0, len(bs))
	}
	for k := range bs {
		from = append(from, k)
	}
	slices.SortStableFunc(from, func(x, y int) int { return bs[x].Span.Start - bs[y].Span.Start })
	// Budget k goes where from names it; follow each cycle of moves once.
	for k := range from {
		if from[k] == k {
			continue
		}
		held := bs[k]
		j := k
		for from[j] != k {
			next := from[j]
			bs[j] = bs[next]
			from[j] = j
			j = next
		}
		bs[j] = held
		from[j] = j
	}
}

// sentence returns the bounds of the sentence around b[j]: terminators, blank
// lines and the start of list items, headings and table rows end it. A
// semicolon does not: "99.9% per 30 days; the budget is 43.2 minutes" is one
// statement. A sentence is capped at a few hundred bytes either way to keep
// the cost flat.
func sentence(b []byte, j int) (int, int) {
	const reach = 400
	s := j
	for s > 0 && j-s < reach {
		c := b[s-1]
		if (c == '.' || c == '!' || c == '?') && (s == len(b) || inlineSpace(b, s) > 0 || b[s] == '\n' || b[s] == '\r') {
			break
		}
		if c == '\n' {
			if blockStart(b, s) || s < 2 || b[s-2] == '\n' || (b[s-2] == '\r' && (s < 3 || b[s-3] == '\n')) {
				break
			}
		}
		s--
	}
	e := j
	for e < len(b) && e-j < reach {
		c := b[e]
		if (c == '.' || c == '!' || c == '?') && (e+1 == len(b) || inlineSpace(b, e+1) > 0 || b[e+1] == '\n' || b[e+1] == '\r') {
			break
		}
		if c == '\n' {
			k := e + 1
			if k >= len(b) || b[k] == '\n' || b[k] == '\r' || blockStart(b, k) {
				break
			}
		}
		e++
	}
	return s, e
}

// blockStart reports whether the line starting at b[i] opens a new block: a
// bullet, a numbered item, a heading, a quote or a table row.
func blockStart(b []byte, i int) bool {
	k := skipInline(b, i)
	if k >= len(b) {
		return true
	}
	switch c := b[k]; {
	case c == '#' || c == '>' || c == '|':
		return true
	case (c == '-' || c == '*' || c == '+') && inlineSpace(b, k+1) > 0:
		return true
	case isDigit(c):
		e := k
		for e < len(b) && isDigit(b[e]) {
			e++
		}
		return e < len(b) && (b[e] == '.' || b[e] == ')') && inlineSpace(b, e+1) > 0
	}
	return false
}

// window is a period named in a sentence.
type window struct {
	span   Span
	length float64 // seconds
}

// budget keywords: a duration near one of these is a stated budget.
var budgetWords = []string{"allow", "allows", "allowed", "allowing", "budget", "budgets", "downtime", "outage", "outages", "unavailability", "unavailable", "down"}

func sentenceBudgets(out []Budget, b []byte, s, e int) []Budget {
	// A sentence holds a few figures; these arrays keep them off the heap.
	var availBuf, dursBuf [4]Quantity
	var winsBuf [4]window
	avail, durs, wins := availBuf[:0], dursBuf[:0], winsBuf[:0]
	for i := nextFigure(b, s, e); i < e; i = nextFigure(b, i, e) {
		q, next, ok := lexQuantity(b, i)
		i = max(next, i+1)
		if !ok {
			continue
		}
		u := q.Unit
		switch {
		case u.num == uPercent && q.Number >= 90 && q.Number < 100:
			avail = append(avail, q)
		case u.num != nil && u.num.kind == kindTime && u.per == nil:
			if u.win == nil && periodWord(b, s, q) {
				wins = append(wins, window{q.Span, q.Number * u.num.scale})
				continue
			}
			durs = append(durs, q)
		case !u.hasUnit() && next < len(b) && b[next] == '-':
			// "30-day window"
			k := wordAt(b, next+1)
			if d := windowUnit(b[next+1 : k]); d != nil && k > next+1 && boundaryAt(b, k) {
				wins = append(wins, window{Span{q.Span.Start, k}, q.Number * d.scale})
				i = k
			}
		}
	}
	if len(avail) == 0 || len(durs) == 0 {
		return out
	}
	wins = windowWords(wins, b, s, e)
	if len(wins) == 0 && len(durs) >= 2 {
		// "(1 − 99.9%) × 30 days = 43.2 min": the longest duration is the window.
		longest := 0
		for k, d := range durs {
			if d.Base > durs[longest].Base {
				longest = k
			}
		}
		if durs[longest].Unit.win == nil && durs[longest].Base >= day {
			wins = append(wins, window{durs[longest].Span, durs[longest].Base})
			durs = slices.Delete(durs, longest, longest+1)
		}
	}
	linked := durs[:0]
	for _, d := range durs {
		if budgetLinked(b, s, e, d, avail) {
			linked = append(linked, d)
		}
	}
	durs = linked
	if len(durs) == 0 {
		return out
	}
	var usedBuf [4]bool
	used := usedBuf[:0]
	if len(durs) > len(usedBuf) {
		used = make([]bool, 0, len(durs))
	}
	used = used[:len(durs)]
	for ai, a := range avail {
		di := -1
		if len(avail) == len(durs) {
			di = ai
		} else {
			best := math.MaxInt
			for k, d := range durs {
				if g := gap(a.Span, d.Span); !used[k] && g < best {
					best, di = g, k
				}
			}
		}
		if di < 0 {
			continue
		}
		used[di] = true
		d := durs[di]
		var w window
		if d.Unit.win != nil {
			// "21.9 minutes per month": the figure names its own window.
			w = window{Span{d.Unit.Span.End, d.Unit.Span.End}, d.Unit.win.window}
			w.span.Start = lastWordStart(b, d.Unit.Span)
		} else {
			best := math.MaxInt
			for _, c := range wins {
				if g := min(gap(c.span, d.Span), gap(c.span, a.Span)); g < best {
					best, w = g, c
				}
			}
			if best == math.MaxInt {
				continue
			}
		}
		// Only figures that end up in a budget need their unit's text.
		a.finish(b)
		d.finish(b)
		if bu, ok := makeBudget(a, d, w); ok {
			out = append(out, bu)
		}
	}
	return out
}

// lastWordStart returns where the period of a unit like "min/month",
// "minutes per month" or "min a day" begins: at the "/" or at the word.
func lastWordStart(b []byte, u Span) int {
	k := u.End
	for k > u.Start && isLetter(b[k-1]) {
		k--
	}
	if k > u.Start && b[k-1] == '/' {
		return k - 1
	}
	p := k
	for p > u.Start && inlineSpace(b, p-1) > 0 {
		p--
	}
	for _, w := range [...]string{"per", "each", "every", "an", "a"} {
		if p-len(w) >= u.Start && hasWordFold(b, p-len(w), w) && (p-len(w) == u.Start || !isLetter(b[p-len(w)-1])) {
			return p - len(w)
		}
	}
	return k
}

func makeBudget(a, d Quantity, w window) (Budget, bool) {
	stated := d.Number * d.Unit.num.scale
	if w.length <= 0 || stated >= w.length {
		return Budget{}, false
	}
	win := time.Duration(w.length * float64(time.Second))
	correct := AllowedDowntime(a.Number/100, win)
	c := correct.Seconds()
	bu := Budget{
		Span:         Span{min(a.Span.Start, d.Span.Start, w.span.Start), max(a.Span.End, d.Span.End, w.span.End)},
		Availability: a,
		Window:       w.span,
		WindowLength: win,
		Stated:       d,
		Correct:      correct,
		OK:           within(stated, d.Half*d.Unit.num.scale, c, slackBudget),
		Error:        relErr(stated, c),
	}
	bu.Fix = Value{Base: c * d.Unit.Scale / d.Unit.num.scale, Dim: d.Unit.Dim, Unit: d.Unit, style: d.style}
	return bu, true
}

func gap(a, b Span) int {
	switch {
	case a.End <= b.Start:
		return b.Start - a.End
	case b.End <= a.Start:
		return a.Start - b.End
	}
	return 0
}

// periodWord reports whether the duration q is introduced as a window:
// "over 30 days", "in a 28 day window", "for the last 90 days".
func periodWord(b []byte, s int, q Quantity) bool {
	var words [3]Span
	n := prevWords(b, s, q.Span.Start, words[:])
	for k := 0; k < n; k++ {
		w := b[words[k].Start:words[k].End]
		if foldIn(w, "a", "an", "the", "one", "each", "last", "past", "trailing") {
			continue
		}
		return foldIn(w, "over", "in", "across", "during", "within", "rolling", "every", "per", "for")
	}
	k := skipInline(b, q.Span.End)
	for _, w := range [...]string{"window", "windows", "period", "rolling"} {
		if hasWordFold(b, k, w) {
			return true
		}
	}
	return false
}

// prevWords fills out with up to len(out) ASCII words before pos, nearest
// first, not looking before s or across other punctuation than spaces and
// commas. It returns how many it found.
func prevWords(b []byte, s, pos int, out []Span) int {
	n := 0
	k := pos
	for n < len(out) {
		for k > s && (inlineSpace(b, k-1) > 0 || b[k-1] == ',' || b[k-1] == '(' || b[k-1] == '~') {
			k--
		}
		e := k
		for k > s && isLetter(b[k-1]) {
			k--
		}
		if k == e {
			return n
		}
		out[n] = Span{k, e}
		n++
	}
	return n
}

// budgetLinked reports whether duration d is stated as a budget: right after
// a relation sign, within a few words of a budget keyword, or followed by
// "at" and an availability ("43.2 min at 99.9%").
func budgetLinked(b []byte, s, e int, d Quantity, avail []Quantity) bool {
	k := d.Span.Start
	for k > s && (inlineSpace(b, k-1) > 0 || b[k-1] == '~' || b[k-1] == '*' || b[k-1] == '_') {
		k--
	}
	if k > s {
		switch c := b[k-1]; {
		case c == '=' || c == ':' || c == '~':
			return true
		case k-3 >= s && (hasPrefix(b, k-3, "≈") || hasPrefix(b, k-3, "→") || hasPrefix(b, k-3, "≃")):
			return true
		case c == '>' && k-2 >= s && (b[k-2] == '-' || b[k-2] == '='):
			return true
		}
	}
	var words [4]Span
	n := prevWords(b, s, d.Span.Start, words[:])
	for _, w := range words[:n] {
		if isBudgetWord(b, w) {
			return true
		}
	}
	p := d.Span.End
	for range 3 {
		p = skipInline(b, p)
		w := wordAt(b, p)
		if w == p || p >= e {
			break
		}
		if isBudgetWord(b, Span{p, w}) {
			return true
		}
		if foldIn(b[p:w], "at") {
			at := skipInline(b, w)
			for _, a := range avail {
				if a.Span.Start == at {
					return true
				}
			}
		}
		p = w
	}
	return false
}

func isBudgetWord(b []byte, w Span) bool {
	word := b[w.Start:w.End]
	if len(word) >= 8 && foldIn(word[:8], "unavaila") {
		return true
	}
	return foldIn(word, budgetWords...)
}

// windowWords appends to out the windows spelled in words in b[s:e]:
// "monthly", "per year", "a month", "/month", "each quarter".
func windowWords(out []window, b []byte, s, e int) []window {
	for i := s; i < e; {
		if !isLetter(b[i]) || (i > 0 && wordRune(rune(b[i-1]))) {
			i++
			continue
		}
		k := wordAt(b, i)
		if !boundaryAt(b, k) {
			i = k
			continue
		}
		switch l, adverb := windowWord(b[i:k]); {
		case l == 0:
		case adverb:
			out = append(out, window{Span{i, k}, l})
		default:
			if start, ok := windowIntro(b, s, i); ok {
				out = append(out, window{Span{start, k}, l})
			}
		}
		i = k
	}
	return out
}

// windowWord returns the length of the window a word names, in seconds:
// an adverb ("monthly", adverb true) or a singular period ("month", which
// is a window only when introduced, as in "per month"); 0 for any other
// word. Every word of a sentence is asked, so it switches on the
// lower-cased word rather than compare it with each spelling in turn.
func windowWord(w []byte) (length float64, adverb bool) {
	var buf [16]byte
	lower, _ := lowerInto(buf[:], w)
	switch string(lower) {
	case "daily":
		return day, true
	case "weekly":
		return week, true
	case "monthly":
		return month, true
	case "quarterly":
		return quarter, true
	case "yearly", "annually", "annual", "annualized", "annualised":
		return year, true
	case "day":
		return day, false
	case "week":
		return week, false
	case "month":
		return month, false
	case "quarter":
		return quarter, false
	case "year":
		return year, false
	}
	return 0, false
}

func adverbWindow(w []byte) float64 {
	if l, adverb := windowWord(w); adverb {
		return l
	}
	return 0
}

// windowIntro reports whether the period word at b[i] is introduced as a
// window ("per", "a", "each", "every", "over a", "in the", "/") and returns
// where the introduction starts.
func windowIntro(b []byte, s, i int) (int, bool) {
	if i > s && b[i-1] == '/' {
		return i - 1, true
	}
	var words [2]Span
	n := prevWords(b, s, i, words[:])
	if n == 0 {
		return 0, false
	}
	w0 := b[words[0].Start:words[0].End]
	switch {
	case foldIn(w0, "per", "each", "every"):
		return words[0].Start, true
	case foldIn(w0, "a", "an", "the", "one"):
		if n == 2 && foldIn(b[words[1].Start:words[1].End], "over", "in", "across", "during", "within", "for", "per") {
			return words[1].Start, true
		}
		return words[0].Start, !foldIn(w0, "the")
	}
	return 0, false
}

// tableBudgets reads Markdown tables whose columns give an availability and
// the downtime it allows per window: a header like "| SLO | per day | per
// month |", or a "downtime" column next to a "window" column.
func tableBudgets(out []Budget, b []byte) []Budget {
	return tableBudgetsFrom(out, b, true)
}

// tableBudgetsFrom is tableBudgets; with quick false it reads every
// table's header even when no row can hold a budget, which is what tests
// hold the quick reading to.
func tableBudgetsFrom(out []Budget, b []byte, quick bool) []Budget {
	// Cells of the header and of the current row; a table rarely has more.
	var headerBuf, rowBuf [16]Span
	var colsBuf [16]window
	for i := 0; i < len(b); {
		// Only a line with a "|" can start a table: go straight to the next.
		k := bytes.IndexByte(b[i:], '|')
		if k < 0 {
			break
		}
		i += bytes.LastIndexByte(b[i:i+k], '\n') + 1
		end := lineEnd(b, i)
		next := nextLine(b, end)
		if !isRow(b, i, end) || next >= len(b) || !isDelimiterRow(b, next, lineEnd(b, next)) {
			i = next
			continue
		}
		body := nextLine(b, lineEnd(b, next))
		if quick {
			// A budget needs a row with an availability, a percentage, and
			// most tables hold none: skip them before reading their headers,
			// which costs more than the rest.
			stop := body
			for stop < len(b) {
				e := lineEnd(b, stop)
				if !isRow(b, stop, e) {
					break
				}
				stop = nextLine(b, e)
			}
			if !mayHoldPercent(b[min(body, len(b)):min(stop, len(b))]) {
				i = stop
				continue
			}
		}
		header := cells(headerBuf[:0], b, i, end)
		cols := colsBuf[:0]
		if len(header) > len(colsBuf) {
			cols = make([]window, 0, len(header))
		}
		cols = cols[:len(header)]
		clear(cols)
		avail, down, period := -1, -1, -1
		for c, h := range header {
			if l := headerWindow(b, h); l > 0 {
				cols[c] = window{h, l}
			}
			switch {
			case hasAnyFold(b, h, "availab", "slo", "sla", "uptime", "nines", "target"):
				avail = c
			case hasAnyFold(b, h, "window", "period"):
				period = c
			case hasAnyFold(b, h, "downtime", "budget", "allowed", "outage"):
				down = c
			}
		}
		if down >= 0 && cols[down].length > 0 {
			period = -1 // "downtime per month": the column names its window
		}
		// Most tables have no window column: their rows hold no budget.
		useful := period >= 0 && down >= 0
		for c, w := range cols {
			useful = useful || (w.length > 0 && c != avail)
		}
		i = body
		for i < len(b) {
			end := lineEnd(b, i)
			if !isRow(b, i, end) {
				break
			}
			if !useful {
				i = nextLine(b, end)
				continue
			}
			row := cells(rowBuf[:0], b, i, end)
			a, ok := rowAvailability(b, row, avail)
			if ok {
				for c, w := range cols {
					if w.length == 0 || c >= len(row) || c == avail {
						continue
					}
					if d, ok := firstDuration(b, row[c]); ok {
						if bu, ok := makeBudget(a, d, w); ok {
							bu.Span = Span{row[0].Start, row[len(row)-1].End}
							out = append(out, bu)
						}
					}
				}
				if period >= 0 && down >= 0 && period < len(row) && down < len(row) {
					if l := cellWindow(b, row[period]); l > 0 {
						if d, ok := firstDuration(b, row[down]); ok {
							if bu, ok := makeBudget(a, d, window{row[period], l}); ok {
								bu.Span = Span{row[0].Start, row[len(row)-1].End}
								out = append(out, bu)
							}
						}
					}
				}
			}
			i = nextLine(b, end)
		}
	}
	return out
}

// mayHoldPercent reports whether b holds a "%" or the word "percent" in
// any case: the only spellings of a percentage, so without them b holds no
// availability.
func mayHoldPercent(b []byte) bool {
	if bytes.IndexByte(b, '%') >= 0 {
		return true
	}
	for i := 0; i+len("percent") <= len(b); i++ {
		if b[i]|0x20 == 'p' && foldIn(b[i:i+len("percent")], "percent") {
			return true
		}
	}
	return false
}

func lineEnd(b []byte, i int) int {
	k := bytes.IndexByte(b[i:], '\n')
	if k < 0 {
		return len(b)
	}
	e := i + k
	if e > i && b[e-1] == '\r' {
		e--
	}
	return e
}

func nextLine(b []byte, end int) int {
	if end < len(b) && b[end] == '\r' {
		end++
	}
	return end + 1
}

func isRow(b []byte, i, end int) bool {
	k := skipInline(b, i)
	return k < end && b[k] == '|'
}

func isDelimiterRow(b []byte, i, end int) bool {
	if !isRow(b, i, end) {
		return false
	}
	dash := false
	for k := i; k < end; k++ {
		switch b[k] {
		case '-':
			dash = true
		case '|', ':', ' ', '\t':
		default:
			return false
		}
	}
	return dash
}

// cells appends to out the trimmed cell spans of a table row; "\|" does
// not split.
func cells(out []Span, b []byte, i, end int) []Span {
	k := skipInline(b, i) + 1
	start := k
	for ; k < end; k++ {
		if b[k] == '|' && b[k-1] != '\\' {
			out = append(out, trim(b, start, k))
			start = k + 1
		}
	}
	if t := trim(b, start, end); t.End > t.Start {
		out = append(out, t)
	}
	return out
}

func trim(b []byte, s, e int) Span {
	s = skipInline(b, s)
	for e > s && (b[e-1] == ' ' || b[e-1] == '\t') {
		e--
	}
	return Span{s, e}
}

func hasAnyFold(b []byte, s Span, words ...string) bool {
	for k := s.Start; k < s.End; k++ {
		// A word must start here: most bytes are inside a word, and
		// this one test skips them for every word.
		if k > s.Start && isLetter(b[k-1]) {
			continue
		}
		for _, w := range words {
			// The first letter decides most comparisons; every word is lower case.
			if b[k]|0x20 == w[0] && k+len(w) <= s.End && foldIn(b[k:k+len(w)], w) {
				return true
			}
		}
	}
	return false
}

// headerWindow reads the window a header cell names: "per month", "Monthly",
// "Downtime/year", "30 days".
func headerWindow(b []byte, h Span) float64 {
	var buf [4]window
	if ws := windowWords(buf[:0], b, h.Start, h.End); len(ws) > 0 {
		return ws[0].length
	}
	for _, w := range [...]string{"day", "week", "month", "quarter", "year"} {
		if h.End-h.Start <= len(w)+1 && hasAnyFold(b, h, w) {
			return windowUnit([]byte(w)).scale // a bare "Month" or "Year" column
		}
	}
	return cellDuration(b, h)
}

// cellWindow reads a window cell: "30 days", "month", "1 year".
func cellWindow(b []byte, c Span) float64 {
	if l := cellDuration(b, c); l > 0 {
		return l
	}
	k := wordAt(b, c.Start)
	if d := windowUnit(b[c.Start:k]); d != nil && k > c.Start {
		return d.scale
	}
	if l := adverbWindow(b[c.Start:k]); l > 0 {
		return l
	}
	return 0
}

func cellDuration(b []byte, c Span) float64 {
	if d, ok := firstDuration(b, c); ok && d.Base >= day {
		return d.Base
	}
	return 0
}

func firstDuration(b []byte, c Span) (Quantity, bool) {
	for k := nextFigure(b, c.Start, c.End); k < c.End; k = nextFigure(b, k, c.End) {
		q, next, ok := lexQuantity(b, k)
		if ok && q.Unit.num != nil && q.Unit.num.kind == kindTime && q.Unit.win == nil && q.Unit.per == nil && q.Span.End <= c.End {
			q.finish(b)
			return q, true
		}
		k = max(next, k+1)
	}
	return Quantity{}, false
}

func rowAvailability(b []byte, row []Span, col int) (Quantity, bool) {
	for c, cell := range row {
		if col >= 0 && c != col {
			continue
		}
		for k := nextFigure(b, cell.Start, cell.End); k < cell.End; k = nextFigure(b, k, cell.End) {
			q, next, ok := lexQuantity(b, k)
			if ok && q.Unit.num == uPercent && q.Number >= 90 && q.Number < 100 {
				q.finish(b)
				return q, true
			}
			k = max(next, k+1)
		}
	}
	return Quantity{}, false
}
