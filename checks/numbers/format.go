package numbers

import (
	"math"
	"strconv"
	"strings"
)

// style records how a writer spelled a figure, so that a corrected or
// computed figure can be written back the same way. Every Quantity and
// Value carries one, so it holds one-byte codes rather than strings: that
// keeps them smaller and free of pointers for the garbage collector.
type style struct {
	mag   suffix    // magnitude as written: "K", "k", "M", "B", "bn", "G", "Ki", "million"; none
	words bool      // the magnitude was a word ("2.5 million")
	sep   separator // thousands separator as written: ",", "_", a thin space; none
	glued bool      // no space between the figure and its unit ("10ms", "99.9%")
	sig   int8      // significant digits written
}

// suffix is a magnitude as written after a figure, glued ("10K") or as a
// word ("2.5 million").
type suffix uint8

const (
	noSuffix suffix = iota
	sufK
	sufLowerK
	sufM
	sufB
	sufBn
	sufG
	sufT
	sufKi
	sufMi
	sufGi
	sufTi
	sufThousand
	sufMillion
	sufBillion
	sufTrillion
	sufMn
)

// binary reports whether the suffix is a power of 1,024, which a computed
// figure does not take over.
func (s suffix) binary() bool { return sufKi <= s && s <= sufTi }

// separator is a thousands separator as written.
type separator uint8

const (
	noSeparator separator = iota
	sepComma
	sepUnderscore
	sepNoBreak       // U+00A0
	sepThin          // U+2009
	sepNarrowNoBreak // U+202F
	sepHair          // U+200A
)

var separatorText = [...]string{"", ",", "_", "\u00a0", "\u2009", "\u202f", "\u200a"}

func (s separator) String() string { return separatorText[s] }

// separatorAt returns the thousands separator at b[i] and its byte length,
// or noSeparator: a comma, an underscore, or a space wider than one byte
// (a space or tab between digits separates figures, not groups).
func separatorAt(b []byte, i int) (separator, int) {
	switch b[i] {
	case ',':
		return sepComma, 1
	case '_':
		return sepUnderscore, 1
	}
	switch n := inlineSpace(b, i); {
	case n == 2:
		return sepNoBreak, 2
	case n == 3 && b[i+2] == 0x89:
		return sepThin, 3
	case n == 3 && b[i+2] == 0xAF:
		return sepNarrowNoBreak, 3
	case n == 3:
		return sepHair, 3
	}
	return noSeparator, 0
}

// Value is a computed amount with the unit and figure style it should be
// shown in. Base is in base units (counts, seconds, bytes; fractions for
// percentages) and Dim is its dimension, whatever the display unit.
type Value struct {
	Base  float64
	Dim   Dim
	Unit  Unit
	style style
}

// In returns v to be shown in q's unit and figure style, as when a fix
// replaces q. It returns v unchanged when q's unit measures something else.
func (v Value) In(q Quantity) Value {
	if q.Unit.hasUnit() && q.Unit.Dim != v.Dim {
		return v
	}
	v.Unit, v.style = q.Unit, q.style
	return v
}

// Format writes v the way the document wrote its figures: "10M QPS",
// "864B requests/day", "43.2 min", "1 TB", "10,000,000 users". The unit is
// v's display unit as spelled in the document; magnitude suffixes, word
// magnitudes and thousands separators follow the writer's figure, and data
// sizes move to a prefix that keeps the figure readable.
func Format(v Value) string {
	u, st := v.Unit, v.style
	scale := u.Scale
	if scale == 0 {
		scale = 1
	}
	n := v.Base / scale
	text := u.Text
	if u.num != nil && u.num.kind == kindData && u.win == nil && u.per == nil && n != 0 {
		if a := math.Abs(n); a >= 10000 || a < 0.01 {
			text, n = rescaleData(u.num, v.Base)
		}
	}
	// Durations, sizes and percentages read as plain figures ("43,200 min");
	// magnitude suffixes are kept for counts and rates, or where the writer
	// used one on this very figure.
	allowMag := st.mag != noSuffix || u.num == nil || u.num.kind == kindNoun || u.num.kind == kindRate || u.num.kind == kindBitRate
	s := formatNumber(n, st, allowMag)
	switch {
	case text == "":
		return s
	case st.glued:
		return s + text
	default:
		return s + " " + text
	}
}

// rescaleData picks the data unit of the same family (decimal or binary) in
// which base bytes read as a figure between 1 and 1,000.
func rescaleData(d *unitDef, base float64) (string, float64) {
	family := decimalData
	if d.bin == 0 && d != uByte {
		family = binaryData
	}
	best := family[0]
	for _, f := range family {
		if math.Abs(base) >= f.scale {
			best = f
		}
	}
	return best.name, base / best.scale
}

// magnitude spellings per family, from thousands up.
var (
	magLetters = []string{"K", "M", "B", "T"}
	magLowerK  = []string{"k", "M", "B", "T"}
	magBn      = []string{"K", "M", "bn", "T"}
	magSI      = []string{"K", "M", "G", "T"}
	magWords   = []string{" thousand", " million", " billion", " trillion"}
)

func formatNumber(n float64, st style, allowMag bool) string {
	sig := int(st.sig)
	if sig < 3 {
		sig = 3
	}
	if sig > 6 {
		sig = 6
	}
	neg := n < 0
	a := math.Abs(n)
	var s string
	if family := magFamily(st.mag, st.words); allowMag && family != nil && a >= 1000 {
		step, scale := 0, 1e3
		for step < len(family)-1 && a >= scale*1000 {
			step++
			scale *= 1000
		}
		s = fmtSig(a/scale, sig)
		if s == "1000" && step < len(family)-1 {
			step++
			scale *= 1000
			s = fmtSig(a/scale, sig)
		}
		s += family[step]
	} else if a >= 1000 {
		s = strconv.FormatFloat(math.Round(a), 'f', 0, 64)
		sep := st.sep
		if sep == noSeparator && st.mag != noSuffix {
			sep = sepComma
		}
		if sep != noSeparator {
			s = group(s, sep.String())
		}
	} else {
		s = fmtSig(a, sig)
	}
	if neg && s != "0" {
		s = "-" + s
	}
	return s
}

func magFamily(mag suffix, words bool) []string {
	switch {
	case mag == sufBn:
		return magBn
	case words:
		return magWords
	case mag == noSuffix:
		return nil
	case mag == sufLowerK:
		return magLowerK
	case mag == sufG:
		return magSI
	}
	return magLetters
}

// fmtSig writes x with sig significant digits and no trailing zeros.
func fmtSig(x float64, sig int) string {
	if x == 0 {
		return "0"
	}
	d := sig - 1 - int(math.Floor(math.Log10(math.Abs(x))))
	if d < 0 {
		d = 0
	}
	s := strconv.FormatFloat(x, 'f', d, 64)
	if strings.IndexByte(s, '.') >= 0 {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// group inserts sep between groups of three digits of an integer string.
func group(s, sep string) string {
	if len(s) <= 3 {
		return s
	}
	var sb strings.Builder
	head := len(s) % 3
	if head == 0 {
		head = 3
	}
	sb.WriteString(s[:head])
	for i := head; i < len(s); i += 3 {
		sb.WriteString(sep)
		sb.WriteString(s[i : i+3])
	}
	return sb.String()
}
