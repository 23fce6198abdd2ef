package numbers

import (
	"fmt"
	"strings"
	"testing"
)

// skipInlineRef is skipInline as first written: inlineSpace at every step.
func skipInlineRef(b []byte, i int) int {
	for {
		n := inlineSpace(b, i)
		if n == 0 {
			return i
		}
		i += n
	}
}

var spaceSamples = []string{
	"", " ", "\t", "  \t x", "\u00a0\u2009\u202f\u200a5", "\u00a0", "\u00c2", "\u00e2\u0080", "\xe2\x80",
	"\xc2", "\xe2\x80\x89", "\xe2\x80\x8b", "\xe2\x80\x89\xe2\x80", " \r\n", "\t× 5", " ≈ 3", "中 1", "😀 ", "e\u0301 ",
}

func TestSkipInlineMatchesReference(t *testing.T) {
	for _, s := range spaceSamples {
		b := []byte(s)
		for i := 0; i <= len(b)+1; i++ {
			if got, want := skipInline(b, i), skipInlineRef(b, i); got != want {
				t.Errorf("skipInline(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}

func FuzzSkipInline(f *testing.F) {
	for _, s := range spaceSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := []byte(s)
		for i := 0; i <= len(b); i++ {
			if got, want := skipInline(b, i), skipInlineRef(b, i); got != want {
				t.Fatalf("skipInline(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	})
}

// relation only tries the approximation words after a byte one of them can
// start with.
func TestApproxWordsStartWithFilteredLetters(t *testing.T) {
	for _, w := range approxWords {
		if c := w[0]; c != 'a' && c != 'r' && c != 'c' {
			t.Errorf("approximation word %q starts with %q, which relation skips", w, c)
		}
	}
	for _, w := range approxWords {
		for _, spelled := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			src := "2 × 3 = " + spelled + " 6 requests"
			eqs := Scan([]byte(src))
			if len(eqs) != 1 || eqs[0].Rel != Approx {
				t.Errorf("Scan(%q): want one approximate equation, got %+v", src, eqs)
			}
		}
	}
}

// Scan judges chains in pooled scratch and copies their quantities out at
// the end: a result must not change when the scratch is reused, and each
// side's quantities must be its own figures.
func TestScanResultOutlivesScratch(t *testing.T) {
	a := []byte("1,000 apps × 10K QPS = 10M QPS.\n\n2 KB × 500M = 1 TB ≈ 1.2 TB\r\n\n3 hosts × 中 4 = 12 ≈ ?\n\n5 ms + 10K QPS = 7\n")
	b := []byte("10M QPS × 86,400 s/day ≈ 864B requests/day and 7 × 8 = 56, 9 × 9 = 80 😀\n")
	first := Scan(a)
	want := fmt.Sprintf("%+v", first)
	if len(first) < 4 {
		t.Fatalf("want at least 4 equations in %q, got %d", a, len(first))
	}
	for _, e := range first {
		for _, sd := range []Side{e.Left, e.Right} {
			for _, q := range sd.Quantities {
				if q.Span.Start < sd.Span.Start || q.Span.End > sd.Span.End {
					t.Errorf("%q: quantity %q outside its side %q", a[e.Span.Start:e.Span.End], a[q.Span.Start:q.Span.End], a[sd.Span.Start:sd.Span.End])
				}
			}
		}
	}
	for range 3 {
		Scan(b)
	}
	if got := fmt.Sprintf("%+v", first); got != want {
		t.Errorf("a later scan changed an earlier result:\n got %s\nwant %s", got, want)
	}
}

// relation turns a byte away unless a sign can start with it; every sign
// must still be read.
func TestEveryRelationSignIsRead(t *testing.T) {
	for _, c := range []struct {
		sign string
		rel  Relation
	}{{"=", Equal}, {"==", Equal}, {"＝", Equal}, {"~", Approx}, {"~=", Approx}, {"=~", Approx}, {"≈", Approx}, {"≃", Approx}, {"≅", Approx}, {"≒", Approx}} {
		for _, src := range []string{"2 × 3 " + c.sign + " 6 hosts", "2×3" + c.sign + "6", "2 x 3\t" + c.sign + "\t6\r\n"} {
			eqs := Scan([]byte(src))
			if len(eqs) != 1 || eqs[0].Rel != c.rel || eqs[0].Verdict != OK {
				t.Errorf("Scan(%q): want one correct %v equation, got %+v", src, c.rel, eqs)
			}
		}
	}
}

// hasAnyFoldRef is hasAnyFold as first written: the word-start test last.
func hasAnyFoldRef(b []byte, s Span, words ...string) bool {
	for k := s.Start; k < s.End; k++ {
		for _, w := range words {
			if b[k]|0x20 == w[0] && k+len(w) <= s.End && foldIn(b[k:k+len(w)], w) && (k == s.Start || !isLetter(b[k-1])) {
				return true
			}
		}
	}
	return false
}

func TestHasAnyFoldMatchesReference(t *testing.T) {
	cells := []string{"Availability", "SLO target", "monthly SLA", "Uptime (nines)", "Allowed downtime / month",
		"error budget", "Window", "Period", "Outage", "unavailable", "reslo", "TARGETS", "x-target", "per\tmonth",
		"Downtime\r\n", "中文 SLO", "😀uptime", "sla\u0301", "ａｖａｉｌａｂ", "", "s", "availab", "3-month window"}
	words := [][]string{{"availab", "slo", "sla", "uptime", "nines", "target"}, {"window", "period"},
		{"downtime", "budget", "allowed", "outage"}, {"day"}, {"week"}, {"month"}, {"quarter"}, {"year"}}
	for _, c := range cells {
		b := []byte("|" + c + "|")
		for st := 0; st <= len(b); st++ {
			for en := st; en <= len(b); en++ {
				for _, ws := range words {
					sp := Span{st, en}
					if got, want := hasAnyFold(b, sp, ws...), hasAnyFoldRef(b, sp, ws...); got != want {
						t.Errorf("hasAnyFold(%q, %v, %q) = %v, want %v", b, sp, ws, got, want)
					}
				}
			}
		}
	}
}
