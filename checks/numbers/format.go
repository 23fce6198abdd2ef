package numbers

import (
	"math"
	"strconv"
	"strings"
)

// style records how a writer spelled a figure, so that a corrected or
// computed figure can be written back the same way.
type style struct {
	mag   string // magnitude as written: "K", "k", "M", "B", "bn", "G", "Ki", "million"; "" for none
	words bool   // the magnitude was a word ("2.5 million")
	sep   string // thousands separator as written: ",", "_", a thin space; "" for none
	glued bool   // no space between the figure and its unit ("10ms", "99.9%")
	sig   int8   // significant digits written
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
	allowMag := st.mag != "" || u.num == nil || u.num.kind == kindNoun || u.num.kind == kindRate || u.num.kind == kindBitRate
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
		if sep == "" && st.mag != "" {
			sep = ","
		}
		if sep != "" {
			s = group(s, sep)
		}
	} else {
		s = fmtSig(a, sig)
	}
	if neg && s != "0" {
		s = "-" + s
	}
	return s
}

func magFamily(mag string, words bool) []string {
	switch {
	case mag == "bn":
		return magBn
	case words:
		return magWords
	case mag == "":
		return nil
	case mag == "k":
		return magLowerK
	case mag == "G":
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
