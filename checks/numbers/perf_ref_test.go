package numbers

import (
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
