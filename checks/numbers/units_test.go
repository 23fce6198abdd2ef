package numbers

import (
	"slices"
	"strings"
	"testing"
)

// The unit tables are searched by bisection, so they must stay sorted by
// byte value, and a word must be in one table only.
func TestUnitTablesSorted(t *testing.T) {
	texts := map[string][]string{"compoundSpellings": compoundSpellings[:]}
	for _, tab := range []struct {
		name string
		rows []unitWord
	}{{"exactUnits", exactUnits[:]}, {"wordUnits", wordUnits[:]}} {
		for _, r := range tab.rows {
			texts[tab.name] = append(texts[tab.name], r.text)
		}
	}
	for _, n := range nounUnits {
		texts["nounUnits"] = append(texts["nounUnits"], n.name)
	}
	seen := map[string]string{}
	for name, ts := range texts {
		for i := 1; i < len(ts); i++ {
			if ts[i-1] >= ts[i] {
				t.Errorf("%s: %q must come after %q (sort by byte value, no duplicates)", name, ts[i-1], ts[i])
			}
		}
		if name == "compoundSpellings" {
			continue
		}
		for _, w := range ts {
			if other, dup := seen[w]; dup {
				t.Errorf("%q is in both %s and %s", w, other, name)
			}
			seen[w] = name
		}
	}
	for _, tab := range [][]unitWord{wordUnits[:]} {
		for _, r := range tab {
			if r.text != strings.ToLower(r.text) {
				t.Errorf("wordUnits: %q must be lower case", r.text)
			}
		}
	}
	for _, n := range nounUnits {
		if n.name != strings.ToLower(n.name) || n.noun != n.name || n.kind != kindNoun {
			t.Errorf("nounUnits: bad entry %+v", n)
		}
	}
	if !slices.IsSorted(compoundSpellings[:]) {
		t.Error("compoundSpellings is not sorted")
	}
}

func TestLookupUnit(t *testing.T) {
	for _, tc := range []struct {
		word string
		want *unitDef
	}{
		{"MB", uMB}, {"mb", nil}, {"kB", uKB}, {"ms", uMilli}, {"MS", nil}, {"µs", uMicro},
		{"HOURS", uHour}, {"Percent", uPercent}, {"qps", uQPS}, {"Qps", nil}, {"", nil},
		{"widgets", nil}, {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", nil}, {"z", nil},
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
}

func TestSpellingShared(t *testing.T) {
	for _, w := range []string{"QPS", "qps", "users", "hours", "requests/day", "%", "x"} {
		if got := spelling([]byte(w)); got != w {
			t.Errorf("spelling(%q) = %q", w, got)
		}
		if n := testing.AllocsPerRun(10, func() { _ = spelling([]byte(w)) }); n > 0 {
			t.Errorf("spelling(%q) allocates %v times", w, n)
		}
	}
	if got := spelling([]byte("Widgets/s")); got != "Widgets/s" {
		t.Errorf("spelling of an unknown text = %q", got)
	}
}
