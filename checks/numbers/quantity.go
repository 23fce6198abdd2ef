package numbers

import (
	"errors"
	"fmt"
	"math"
)

// Span is a half-open byte range [Start, End) into the scanned text. It has
// the same shape as doc.Span, so callers convert with doc.Span(s); this
// package stays free of goldmark.
type Span struct {
	Start, End int
}

// Quantity is one figure as written: a number, its magnitude suffix and its
// unit. "10M QPS", "86,400 s/day" and "99.95%" are each one Quantity.
type Quantity struct {
	Span Span // the figure and its unit, without surrounding emphasis
	// Number is the figure with its magnitude applied and before its unit:
	// "10K" is 10000, "2 KB" is 2, "99.95%" is 99.95.
	Number float64
	// Base is the figure in base units: counts, seconds, bytes, and
	// percentages as fractions. "2 KB" is 2000, "5 ms" is 0.005.
	Base float64
	Unit Unit
	// Half is half a unit of the last place written, in Number's terms: the
	// rounding the writer's figure admits. "864B" gives 5e8, "43.2" 0.05.
	Half  float64
	style style
}

// Unit is what follows a figure. The zero Unit is a bare number.
type Unit struct {
	Text  string // as written: "QPS", "requests/day", "min"; empty for a bare number
	Span  Span   // where Text is; empty for a bare number
	Dim   Dim
	Scale float64 // base units per one of this unit; 1 for a bare number
	num   *unitDef
	win   *unitDef // the period of "per day", "/s"
	per   *unitDef // the thing of "per host", "/user": no dimension, kept for display
}

// Value returns the quantity as a Value that formats the way it was written.
func (q Quantity) Value() Value {
	return Value{Base: q.Base, Dim: q.Unit.Dim, Unit: q.Unit, style: q.style}
}

// hasUnit reports whether anything but a bare number or a magnitude was written.
func (u Unit) hasUnit() bool { return u.num != nil || u.win != nil || u.per != nil }

// counted reports whether the unit only names things counted ("users"),
// which makes "3 replicas = 3 copies" a restatement, not arithmetic.
func (u Unit) counted() bool {
	return u.win == nil && (u.num == nil || u.num.kind == kindNoun || u.num.kind == kindTimes)
}

// number is a figure before its suffix and unit.
type number struct {
	end      int
	value    float64
	decimals int // digits after the decimal point
	exp      int // from e-notation
	sig      int // significant digits written
	sep      separator
}

// lexNumber reads the digits of a figure at b[i], which must be a digit.
// ok is false for runs of digits that are not figures: versions ("1.2.3"),
// dates ("2024-09-30", "09/30/2024"), times of day ("10:30"), ranges
// ("3-5"), resolutions ("1920x1080"). Then end is where the whole token
// stops, so that none of its digits is read again.
func lexNumber(b []byte, i int) (n number, ok bool) {
	j := i
	var mant uint64
	mantDigits, extra := 0, 0
	seenNonZero := false
	group, groups := 0, 0
	digit := func(c byte, frac bool) {
		if c != '0' {
			seenNonZero = true
		}
		if seenNonZero {
			n.sig++
		}
		if mantDigits < 19 {
			mant = mant*10 + uint64(c-'0')
			if mant != 0 {
				mantDigits++
			}
			if frac {
				n.decimals++
			}
		} else if !frac {
			extra++
		}
	}
	for j < len(b) {
		c := b[j]
		if isDigit(c) {
			digit(c, false)
			group++
			j++
			continue
		}
		sep, sl := separatorAt(b, j)
		if sl == 0 {
			break
		}
		k := j + sl
		if !(k+3 <= len(b) && isDigit(b[k]) && isDigit(b[k+1]) && isDigit(b[k+2]) && (k+3 == len(b) || !isDigit(b[k+3]))) {
			break
		}
		if groups == 0 {
			if group > 3 {
				break
			}
			n.sep = sep
		} else if sep != n.sep {
			break
		}
		groups++
		group = 0
		j = k
	}
	if j+1 < len(b) && b[j] == '.' && isDigit(b[j+1]) {
		j++
		for j < len(b) && isDigit(b[j]) {
			digit(b[j], true)
			j++
		}
		if j+1 < len(b) && b[j] == '.' && isDigit(b[j+1]) {
			return number{end: skipToken(b, j)}, false // a version or an address
		}
	}
	if j+1 < len(b) {
		next := b[j+1]
		switch c := b[j]; {
		case (c == ':' || c == '-') && isDigit(next):
			return number{end: skipToken(b, j)}, false
		case (c == 'x' || c == 'X') && isDigit(next):
			return number{end: skipToken(b, j)}, false
		case c == '/' && isDigit(next):
			k := j + 1
			for k < len(b) && isDigit(b[k]) {
				k++
			}
			if k+1 < len(b) && (b[k] == '/' || b[k] == '-') && isDigit(b[k+1]) {
				return number{end: skipToken(b, k)}, false
			}
		case c == 0xE2 && j+2 < len(b) && b[j+1] == 0x80 && b[j+2] == 0x93 && j+3 < len(b) && isDigit(b[j+3]):
			return number{end: skipToken(b, j+3)}, false // an en-dash range
		case c == 'e' || c == 'E':
			k := j + 1
			if k < len(b) && (b[k] == '+' || b[k] == '-') {
				k++
			}
			e, d := 0, 0
			for k < len(b) && isDigit(b[k]) && d < 4 {
				e = e*10 + int(b[k]-'0')
				k++
				d++
			}
			if d > 0 && boundaryAt(b, k) {
				if b[j+1] == '-' {
					e = -e
				}
				n.exp = e
				j = k
			}
		}
	}
	n.end = j
	p := extra + n.exp - n.decimals
	n.value = float64(mant)
	if p < 0 {
		n.value /= math.Pow10(-p)
	} else if p > 0 {
		n.value *= math.Pow10(p)
	}
	return n, true
}

// lexQuantity reads the figure starting at the digit b[i] with its suffix
// and unit. When ok is false, next is where scanning should resume.
func lexQuantity(b []byte, i int) (q Quantity, next int, ok bool) {
	next, ok = readQuantity(&q, b, i)
	return q, next, ok
}

// readQuantity is lexQuantity writing into *q, which must be zero, so that
// Quantities can read each figure straight into its result: a Quantity is
// large enough that copying it costs as much as some of the reading. q is
// left untouched when ok is false.
func readQuantity(q *Quantity, b []byte, i int) (next int, ok bool) {
	n, ok := lexNumber(b, i)
	if !ok {
		return n.end, false
	}
	st := style{sep: n.sep, sig: int8(min(n.sig, 9))}
	mag := 1.0
	var u Unit
	j := n.end
	magEnd := j
	unitStart := -1
	if j < len(b) {
		switch {
		case b[j] == '%':
			u.num, unitStart, st.glued = uPercent, j, true
			j++
		case isLetter(b[j]) || hasPrefix(b, j, "µ") || hasPrefix(b, j, "μ"):
			k := j
			if !isLetter(b[k]) {
				k += 2
			}
			k = wordAt(b, k)
			if !boundaryAt(b, k) {
				return skipToken(b, k), false
			}
			w := b[j:k]
			switch {
			case string(w) == "m":
				// Go-style durations write "5m" for minutes; "500m users"
				// is a count in millions.
				if c := followingUnit(b, k); c != nil && (c.kind == kindNoun || c.kind == kindRate) {
					mag, st.mag, magEnd = 1e6, sufM, k
				} else {
					u.num, unitStart, st.glued = uMinute, j, true
				}
			case string(w) == "x":
				u.num, unitStart, st.glued = uTimes, j, true
			case hasMagnitude(w):
				mag, st.mag = magnitude(w)
				magEnd = k
			default:
				if d := lookupUnit(w); d != nil && d.kind != kindPercent {
					u.num, unitStart, st.glued = d, j, true
					break
				}
				// A magnitude glued to a unit: "10Kqps".
				found := false
				for _, p := range [...]string{"Ki", "Mi", "Gi", "Ti", "bn", "K", "k", "M", "G", "T"} {
					if len(w) > len(p) && string(w[:len(p)]) == p {
						if d := lookupUnit(w[len(p):]); d != nil && (d.kind == kindNoun || d.kind == kindRate) {
							mag, st.mag = magnitude(w[:len(p)])
							u.num, unitStart, st.glued = d, j+len(p), true
							found = true
							break
						}
					}
				}
				if !found {
					return skipToken(b, k), false
				}
			}
			j = k
		}
	}
	if u.num == nil {
		p := skipInline(b, j)
		if p > j && mag == 1 {
			k := wordAt(b, p)
			if k > p && boundaryAt(b, k) {
				if scale, code := magnitudeWord(b[p:k]); scale != 0 {
					mag, st.mag, st.words = scale, code, true
					j, magEnd = k, k
					p = skipInline(b, j)
				}
			}
		}
		if p > j && p < len(b) {
			if b[p] == '%' {
				u.num, unitStart = uPercent, p
				j = p + 1
			} else if k := wordAt(b, p); k > p && boundaryAt(b, k) {
				d := lookupUnit(b[p:k])
				if d == uByte && k-p == 1 && mag == 1 {
					// "2 B users": billions after all, when things follow.
					if c := followingUnit(b, k); c != nil && (c.kind == kindNoun || c.kind == kindRate) {
						mag, st.mag, magEnd = 1e9, sufB, k
						p = skipInline(b, k)
						k = wordAt(b, p)
						d = c
					}
				}
				if d == nil && plausibleThing(b[p:k]) {
					d = uThing
				}
				if d != nil {
					u.num, unitStart = d, p
					j = k
				}
			}
		}
	}
	j = lexPer(b, j, &u)
	if unitStart < 0 && (u.win != nil || u.per != nil) {
		unitStart = skipInline(b, magEnd)
		st.glued = unitStart == magEnd
	}
	if unitStart >= 0 {
		u.Span = Span{unitStart, j}
	}
	u.Scale, u.Dim = 1, Dimensionless
	if u.num != nil {
		u.Scale, u.Dim = u.num.scale, u.num.dim
	}
	if u.win != nil {
		u.Scale /= u.win.scale
		u.Dim = u.Dim.div(u.win.dim)
	}
	q.Span = Span{i, j}
	q.Number = n.value * mag
	q.Base = q.Number * u.Scale
	q.Half = 0.5 * math.Pow10(n.exp-n.decimals) * mag
	q.Unit = u
	q.style = st
	return j, true
}

// followingUnit returns the unit spelled after the spaces at b[i], if any.
func followingUnit(b []byte, i int) *unitDef {
	p := skipInline(b, i)
	if p == i {
		return nil
	}
	k := wordAt(b, p)
	if k == p || !boundaryAt(b, k) {
		return nil
	}
	return lookupUnit(b[p:k])
}

// lexPer extends u with "/day", "per second", "a month", "/host" after
// b[j], at most twice ("requests per second per host"), and returns the new
// end.
func lexPer(b []byte, j int, u *Unit) int {
	if u.num != nil {
		switch u.num.kind {
		case kindPercent, kindTimes, kindBitRate:
			return j
		}
	}
	for range 2 {
		var w0, w1 int
		timeOnly := false
		switch {
		case j+1 < len(b) && b[j] == '/' && isLetter(b[j+1]):
			w0 = j + 1
		default:
			p := skipInline(b, j)
			if p == j {
				return j
			}
			switch {
			case hasWordFold(b, p, "per"):
				w0 = skipInline(b, p+3)
				if w0 == p+3 {
					return j
				}
			case u.num != nil && (hasWordFold(b, p, "a") || hasWordFold(b, p, "an") || hasWordFold(b, p, "each") || hasWordFold(b, p, "every")):
				// "2 TB a day": only a period can follow, never "a user".
				w0 = skipInline(b, wordAt(b, p))
				timeOnly = true
			default:
				return j
			}
		}
		w1 = wordAt(b, w0)
		if w1 == w0 || !boundaryAt(b, w1) {
			return j
		}
		d := lookupUnit(b[w0:w1])
		switch {
		case d == nil:
			return j
		case d.kind == kindTime && u.win == nil && (u.num == nil || u.num.kind != kindRate):
			u.win = d
		case d.kind == kindNoun && !timeOnly && u.per == nil:
			u.per = d
		default:
			return j
		}
		j = w1
	}
	return j
}

// foldIn reports whether the ASCII word w equals one of the lower-case
// words, ignoring case.
func foldIn(w []byte, words ...string) bool {
	for _, s := range words {
		if len(s) != len(w) {
			continue
		}
		k := 0
		for ; k < len(w); k++ {
			c := w[k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != s[k] {
				break
			}
		}
		if k == len(w) {
			return true
		}
	}
	return false
}

// finish copies the unit's spelling out of the text; only quantities that
// are handed to callers pay for the string.
func (q *Quantity) finish(b []byte) {
	if q.Unit.Span.End > q.Unit.Span.Start {
		q.Unit.Text = spelling(b[q.Unit.Span.Start:q.Unit.Span.End], q.Unit)
	}
}

// Quantities returns every figure in text, in order: the numbers a hover
// can explain. Digits inside identifiers, versions, dates and times of day
// are not figures.
func Quantities(text []byte) []Quantity {
	// Where figures may start is found first, cheaply, so that the result
	// is sized once: growing it would allocate twice its size again for a
	// document of a few hundred figures. The text is then not searched a
	// second time; the figures are read from those places.
	var startBuf [512]int
	starts := startBuf[:0]
	for i := nextFigure(text, 0, len(text)); i < len(text); i = nextFigure(text, i+1, len(text)) {
		starts = append(starts, i)
	}
	if len(starts) == 0 {
		return nil
	}
	out := make([]Quantity, len(starts))
	n, resume := 0, 0
	for _, i := range starts {
		if i < resume {
			continue // inside the figure or the token just read
		}
		next, ok := readQuantity(&out[n], text, i)
		if ok {
			out[n].finish(text)
			n++
		}
		resume = max(next, i+1)
	}
	out = out[:n]
	if len(out) == 0 {
		return nil // as before the result was sized up front
	}
	return out
}

// ErrNotQuantity is wrapped by ParseQuantity's errors.
var ErrNotQuantity = errors.New("not a quantity")

// ParseQuantity parses s, which must hold exactly one figure with an
// optional unit ("10K", "1.5M users", "86,400 s/day", "99.95%"), with
// optional surrounding spaces. Spans are offsets into s.
func ParseQuantity(s string) (Quantity, error) {
	b := []byte(s)
	i := skipInline(b, 0)
	if i == len(b) || !isDigit(b[i]) {
		return Quantity{}, fmt.Errorf("parse %q: %w: no leading digit", s, ErrNotQuantity)
	}
	q, next, ok := lexQuantity(b, i)
	if !ok {
		return Quantity{}, fmt.Errorf("parse %q: %w: digits at %d are part of a version, date, time or name", s, ErrNotQuantity, i)
	}
	if rest := skipInline(b, next); rest != len(b) {
		return Quantity{}, fmt.Errorf("parse %q: %w: unexpected %q at %d", s, ErrNotQuantity, b[rest:], rest)
	}
	q.finish(b)
	return q, nil
}
