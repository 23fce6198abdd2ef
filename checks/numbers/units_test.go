package numbers

import (
	"slices"
	"strings"
	"testing"
)

// nounUnits and commonSpellings are searched by bisection, so they must
// stay sorted by byte value; a noun must not shadow a word unit.
func TestUnitTablesSorted(t *testing.T) {
	for i := 1; i < len(nounUnits); i++ {
		if a, b := nounUnits[i-1].name, nounUnits[i].name; a >= b {
			t.Errorf("nounUnits: %q must come after %q (sort by byte value, no duplicates)", a, b)
		}
	}
	for _, n := range nounUnits {
		if n.name != strings.ToLower(n.name) || n.noun != n.name || n.kind != kindNoun {
			t.Errorf("nounUnits: bad entry %+v", n)
		}
		if u := wordUnit([]byte(n.name)); u != nil && u.kind != kindNoun {
			t.Errorf("nounUnits: %q is also a word unit", n.name)
		}
	}
	if !slices.IsSorted(commonSpellings[:]) {
		t.Error("commonSpellings is not sorted by byte value")
	}
}

func TestLookupUnit(t *testing.T) {
	for _, tc := range []struct {
		word string
		want *unitDef
	}{
		{"MB", uMB}, {"mb", nil}, {"kB", uKB}, {"ms", uMilli}, {"MS", nil}, {"µs", uMicro},
		{"μs", uMicro}, {"HOURS", uHour}, {"Percent", uPercent}, {"qps", uQPS}, {"Qps", nil},
		{"bps", uBps}, {"kbps", uKbpsLower}, {"", nil}, {"widgets", nil}, {"z", nil},
		{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", nil},
	} {
		if got := lookupUnit([]byte(tc.word)); got != tc.want {
			t.Errorf("lookupUnit(%q) = %+v, want %+v", tc.word, got, tc.want)
		}
	}
	for _, w := range []string{"users", "Users", "USER", "zones", "account", "vcpus"} {
		u := lookupUnit([]byte(w))
		if u == nil || u.kind != kindNoun || u.name != strings.ToLower(w) {
			t.Errorf("lookupUnit(%q) = %+v, want the noun %q", w, u, strings.ToLower(w))
		}
	}
	if uBps.scale != 0.125 {
		t.Errorf("bps scale = %v bytes/s per bit/s, want 0.125", uBps.scale)
	}
}

// Handing the usual unit texts to callers costs no allocation.
func TestSpellingShared(t *testing.T) {
	for _, text := range []string{"10M QPS", "5 ms", "3 users", "2 hours", "10 requests/day", "99%", "3x"} {
		q, err := ParseQuantity(text)
		if err != nil {
			t.Fatal(err)
		}
		b := []byte(text)
		t0 := b[q.Unit.Span.Start:q.Unit.Span.End]
		if got := spelling(t0, q.Unit); got != string(t0) {
			t.Errorf("spelling in %q = %q", text, got)
		}
		if n := testing.AllocsPerRun(10, func() { _ = spelling(t0, q.Unit) }); n > 0 {
			t.Errorf("spelling in %q allocates %v times", text, n)
		}
	}
	if got := spelling([]byte("Widgets/s"), Unit{}); got != "Widgets/s" {
		t.Errorf("spelling of an unknown text = %q", got)
	}
}
