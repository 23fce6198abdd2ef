package doc

import (
	"strings"
	"testing"
)

// lineSamples mixes every line ending, Unicode spaces that bytes.TrimSpace
// drops (U+3000, U+00A0, U+0085), invalid UTF-8, CJK, emoji and a line
// longer than the scans of lineStart and nextLine reach.
var lineSamples = []string{
	"",
	"\n",
	"\r",
	"\r\n",
	"a",
	"a\n\n  \n",
	"a\r\rb\r\n\r\n",
	"para\n\u3000\n\u00a0 \n",
	"para\u3000\n\u3000",
	"\u0085\n\u3000\r\n",
	"x\xe3\x80\n\x80\x80\n",
	"\xe3\x80\x80\xe3\n",
	"設計\t🚀\r\ne\u0301\n \t\v\f\n",
	"long " + strings.Repeat("設", 60) + "\r\n\n" + strings.Repeat(" ", 200) + "\nend",
	"\xef\xbb\xbfbom\n\n",
}

// checkLineHelpers holds the builder's scanning helpers to the line index
// they stand in for: lineStart and nextLine at every offset, trimBlank
// for every pair of line starts (and the start after a byte order mark).
func checkLineHelpers(t *testing.T, src []byte) {
	t.Helper()
	d := &Document{Src: src, Lines: NewLineIndex(src)}
	b := builder{d: d, size: len(src)}
	x := d.Lines
	for off := -1; off <= len(src)+1; off++ {
		if got, want := b.lineStart(off), x.LineStart(x.Line(off)); got != want {
			t.Fatalf("%q: lineStart(%d) = %d, want %d", src, off, got, want)
		}
		want := len(src)
		if l := x.Line(off); l+1 < x.Lines() {
			want = x.LineStart(l + 1)
		}
		if got := b.nextLine(off); got != want {
			t.Fatalf("%q: nextLine(%d) = %d, want %d", src, off, got, want)
		}
	}
	starts := []int{len(src)}
	for l := range x.Lines() {
		starts = append(starts, x.LineStart(l))
	}
	if strings.HasPrefix(string(src), "\xef\xbb\xbf") {
		starts = append(starts, 3)
	}
	for _, s := range starts {
		for _, e := range starts {
			if e < s {
				continue
			}
			if got, want := b.trimBlank(s, e), b.trimBlankLines(s, e); got != want {
				t.Fatalf("%q: trimBlank(%d, %d) = %d, line by line %d", src, s, e, got, want)
			}
		}
	}
}

func TestLineHelpersMatchLineIndex(t *testing.T) {
	for _, s := range lineSamples {
		checkLineHelpers(t, []byte(s))
	}
}

func FuzzLineHelpers(f *testing.F) {
	for _, s := range lineSamples {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkLineHelpers(t, src)
	})
}
