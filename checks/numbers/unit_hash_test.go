package numbers

import (
	"testing"
)

// wordUnitRef is wordUnit as first written: it returns the unit spelled by the lower-case word w: a word for a
// duration, bytes or percent, or one of nounUnits.
func wordUnitRef(w []byte) *unitDef {
	switch string(w) {
	case "second", "seconds":
		return uSecond
	case "minute", "minutes":
		return uMinute
	case "hour", "hours":
		return uHour
	case "day", "days":
		return uDay
	case "week", "weeks":
		return uWeek
	case "month", "months":
		return uMonth
	case "quarter", "quarters":
		return uQuarter
	case "year", "years":
		return uYear
	case "millisecond", "milliseconds":
		return uMilli
	case "microsecond", "microseconds":
		return uMicro
	case "nanosecond", "nanoseconds":
		return uNano
	case "byte", "bytes":
		return uByte
	case "percent":
		return uPercent
	}
	return nounUnitRef(w)
}

// nounUnitRef finds the lower-case word w in nounUnits by bisection.
func nounUnitRef(w []byte) *unitDef {
	i, j := 0, len(nounUnits)
	for i < j {
		h := int(uint(i+j) >> 1)
		if nounUnits[h].name < string(w) {
			i = h + 1
		} else {
			j = h
		}
	}
	if i < len(nounUnits) && nounUnits[i].name == string(w) {
		return &nounUnits[i]
	}
	return nil
}

func unitWordSamples() []string {
	var out []string
	for _, w := range unitWords {
		out = append(out, w.name)
	}
	for _, n := range nounUnits {
		out = append(out, n.name)
	}
	more := []string{"", "a", "s", "ms", "qps", "and", "of", "per", "users.", "user s", "dayz", "hourss",
		"requestss", "zones\r", "zone\t", "用户", "café", "ｕｓｅｒｓ", "😀", "e\u0301", "abcdefghijklmnopqrstuvwx"}
	base := len(out)
	for _, w := range out[:base] {
		// Near misses: every prefix, and one byte changed or added.
		for k := 0; k < len(w); k++ {
			out = append(out, w[:k], w[:k]+"x"+w[k+1:])
		}
		out = append(out, w+"s", "x"+w)
	}
	return append(out, more...)
}

func TestWordUnitMatchesReference(t *testing.T) {
	n := 0
	for _, w := range unitWordSamples() {
		got, want := wordUnit([]byte(w)), wordUnitRef([]byte(w))
		if got != want {
			t.Errorf("wordUnit(%q) = %p, want %p", w, got, want)
		}
		if want != nil {
			n++
		}
	}
	if n < len(unitWords)+len(nounUnits) {
		t.Errorf("only %d samples name a unit, want at least %d", n, len(unitWords)+len(nounUnits))
	}
}

func FuzzWordUnit(f *testing.F) {
	for _, w := range unitWordSamples()[:40] {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := wordUnit([]byte(w)), wordUnitRef([]byte(w)); got != want {
			t.Fatalf("wordUnit(%q) = %p, want %p", w, got, want)
		}
	})
}
