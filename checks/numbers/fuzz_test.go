package numbers

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func inRange(s Span, lo, hi int) bool { return lo <= s.Start && s.Start <= s.End && s.End <= hi }

// FuzzScan checks that no input panics and that every span is in range,
// ordered, and nested the way the types promise.
func FuzzScan(f *testing.F) {
	for _, seed := range []string{
		"1,000 apps × 10K QPS = 10M QPS ≈ 864B requests/day",
		"10M QPS × 86,400 s/day ≈ ?",
		"(1 − 99.9%) × 30 days = 43.2 min",
		"99.9% over 30 days = 43.2 min",
		"| SLO | per month |\n|---|---|\n| 99.9% | 43.2 min |\n",
		"容量：1,000 apps × 10K QPS = 10M QPS\r\n🚀 2 KB × 500M = 1 TB",
		"((((1 × 2) = 3",
		"2^64^64 = 1",
		"1 s ^ 60 × 1 s ^ 60 = 1",
		"10 ×\n2 = 20\n\n= 3",
		"v1.2.3 2024-09-30 10:30 3-5 1920x1080 p99 k8s",
		"**10M QPS** × 2 = *20M*",
		"100 hosts × $0.50 per hour × 730 hours = $36,500 per month",
		"re\u0301sume\u0301 10K QPS\u0301 × 3 = 30K",
		// Inputs that once cost a pass per character.
		strings.Repeat("(", 200) + "1 × 2 = 2",
		"|" + strings.Repeat(" 99.9% ", 200),
		strings.Repeat("1 h × ", 200) + "1 h = 2 h",
		strings.Repeat("24 h × 60 min × ", 50) + "1 day = 1 min",
		strings.Repeat("1 h = ", 100),
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		n := len(text)
		prev := -1
		for _, e := range Scan(text) {
			if !inRange(e.Span, 0, n) || !inRange(e.Left.Span, e.Span.Start, e.Span.End) ||
				!inRange(e.RelSpan, e.Left.Span.End, e.Span.End) || !inRange(e.Right.Span, e.RelSpan.End, e.Span.End) {
				t.Fatalf("bad spans %+v in %q", e, text)
			}
			if e.Span.Start < prev {
				t.Fatalf("equations out of order at %d in %q", e.Span.Start, text)
			}
			prev = e.Span.Start
			for _, sd := range []Side{e.Left, e.Right} {
				last := sd.Span.Start
				for _, q := range sd.Quantities {
					if !inRange(q.Span, last, sd.Span.End) || (q.Unit.Span != Span{} && !inRange(q.Unit.Span, q.Span.Start, q.Span.End)) {
						t.Fatalf("quantity %+v outside side %+v in %q", q.Span, sd.Span, text)
					}
					last = q.Span.End
				}
			}
			if e.Verdict == 0 || (e.Verdict == Unfinished && len(e.Right.Quantities) != 0) ||
				(len(e.Right.Quantities) == 0 && e.Verdict != Unfinished && e.Verdict != UnitMismatch) {
				t.Fatalf("verdict %v with %d right figures in %q", e.Verdict, len(e.Right.Quantities), text)
			}
			if s := Format(e.Computed); !utf8.ValidString(s) && utf8.Valid(text) {
				t.Fatalf("Format produced invalid UTF-8 %q", s)
			}
		}
		for _, b := range Budgets(text) {
			// A table's window is its header cell, outside the row.
			for _, s := range []Span{b.Availability.Span, b.Stated.Span} {
				if !inRange(s, b.Span.Start, b.Span.End) || !inRange(b.Span, 0, n) || !inRange(b.Window, 0, n) {
					t.Fatalf("budget part %+v outside %+v in %q", s, b.Span, text)
				}
			}
			if b.Correct < 0 || b.Correct > b.WindowLength {
				t.Fatalf("budget %v over %v in %q", b.Correct, b.WindowLength, text)
			}
			_ = Format(b.Fix)
		}
		prev = 0
		for _, q := range Quantities(text) {
			if !inRange(q.Span, prev, n) || q.Span.Start == q.Span.End {
				t.Fatalf("quantity %+v out of order in %q", q.Span, text)
			}
			prev = q.Span.End
		}
	})
}
