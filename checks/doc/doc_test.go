package doc

import (
	"bytes"
	"flag"
	"fmt"
	"github.com/designls/designls/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite golden files")

// dump renders everything Parse found, with positions, for golden files.
func dump(d *Document) string {
	var b strings.Builder
	pos := func(s Span) string {
		p, q := d.Lines.Position(s.Start), d.Lines.Position(s.End)
		return fmt.Sprintf("%d:%d-%d:%d", p.Line, p.Col, q.Line, q.Col)
	}
	if !d.FrontMatter.Empty() {
		fmt.Fprintf(&b, "front matter %s body %q\n", pos(d.FrontMatter), d.Text(d.FrontMatterBody))
	}
	var walk func(s *Section, depth int)
	walk = func(s *Section, depth int) {
		for _, c := range s.Children {
			fmt.Fprintf(&b, "%sH%d %q heading=%s title=%s own=%s body=%s setext=%v blocks=%d\n",
				strings.Repeat("  ", depth), c.Level, c.Title, pos(c.Heading), pos(c.TitleSpan), pos(c.Own), pos(c.Body), c.Setext, len(c.Blocks))
			walk(c, depth+1)
		}
	}
	fmt.Fprintf(&b, "root own=%s blocks=%d\n", pos(d.Root.Own), len(d.Root.Blocks))
	walk(d.Root, 0)
	for _, c := range d.Code {
		fmt.Fprintf(&b, "code %s %q\n", pos(c), d.Text(c))
	}
	for _, c := range d.Comments {
		fmt.Fprintf(&b, "comment %s %q\n", pos(c), d.Text(c))
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.md")
	if len(files) == 0 {
		t.Fatal("no test inputs")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d := Parse(f, src)
			checkInvariants(t, d)
			got := dump(d)
			goldenPath := strings.TrimSuffix(f, ".md") + ".golden"
			golden.Check(t, goldenPath, got, *update)
		})
	}
}

// checkInvariants asserts what every parse must satisfy, whatever the input.
func checkInvariants(t *testing.T, d *Document) {
	t.Helper()
	n := len(d.Src)
	in := func(what string, s Span) {
		if s.Start < 0 || s.End > n || s.Start > s.End {
			t.Fatalf("%s span %v out of range for %d bytes", what, s, n)
		}
	}
	prev := -1
	for i, s := range d.Sections {
		in("heading", s.Heading)
		in("title", s.TitleSpan)
		in("own", s.Own)
		in("body", s.Body)
		if s.Index != i {
			t.Fatalf("section %d has index %d", i, s.Index)
		}
		if s.Heading.Start < prev {
			t.Fatalf("sections out of order at %d", i)
		}
		prev = s.Heading.Start
		if s.Heading.End != s.Own.Start || s.Own.Start != s.Body.Start || s.Own.End > s.Body.End {
			t.Fatalf("section %q: heading %v own %v body %v do not nest", s.Title, s.Heading, s.Own, s.Body)
		}
		if s.TitleSpan.Start < s.Heading.Start || s.TitleSpan.End > s.Heading.End {
			t.Fatalf("section %q: title %v outside heading %v", s.Title, s.TitleSpan, s.Heading)
		}
		if s.Parent == nil || (s.Parent.Level >= s.Level && s.Parent != d.Root) {
			t.Fatalf("section %q has a bad parent", s.Title)
		}
		if s.Parent != d.Root && (s.Body.End > s.Parent.Body.End || s.Heading.Start < s.Parent.Body.Start) {
			t.Fatalf("section %q is not inside its parent", s.Title)
		}
	}
	for _, s := range [][]Span{d.Code, d.Comments} {
		for _, x := range s {
			in("code/comment", x)
		}
	}
	for _, b := range d.Blocks {
		in("block", b.Span)
	}
	in("root own", d.Root.Own)
	in("root body", d.Root.Body)
	in("front matter", d.FrontMatter)
}

func TestLineIndex(t *testing.T) {
	src := []byte("ab\r\ncd\ref\n\t設🚀e\u0301\n")
	x := NewLineIndex(src)
	if x.Lines() != 5 {
		t.Fatalf("Lines() = %d, want 5", x.Lines())
	}
	cases := []struct {
		off  int
		want Position
	}{
		{0, Position{1, 1}},
		{2, Position{1, 3}},  // at '\r'
		{4, Position{2, 1}},  // after "\r\n"
		{7, Position{3, 1}},  // after lone '\r'
		{11, Position{4, 2}}, // after the tab
		{14, Position{4, 5}}, // after 設 (3 bytes)
		{18, Position{4, 9}}, // after 🚀 (4 bytes)
		{len(src), Position{5, 1}},
		{len(src) + 10, Position{5, 1}},
		{-3, Position{1, 1}},
	}
	for _, c := range cases {
		got := x.Position(c.off)
		if got != c.want {
			t.Errorf("Position(%d) = %v, want %v", c.off, got, c.want)
		}
		if c.off >= 0 && c.off <= len(src) {
			if back := x.Offset(got); back != c.off {
				t.Errorf("Offset(%v) = %d, want %d", got, back, c.off)
			}
		}
	}
	if got := x.LineEnd(src, 0); got != 2 {
		t.Errorf("LineEnd(0) = %d, want 2", got)
	}
}

func TestTitleText(t *testing.T) {
	cases := map[string]string{
		"# **Data** _model_ and `keys`\n":  "Data model and keys",
		"## [API](#api) <span>v2</span>\n": "API v2",
		"### 一致性 (Consistency) 🚦\n":        "一致性 (Consistency) 🚦",
		"Setext *title*\n===\n":            "Setext title",
		"## Closed ATX ##\n":               "Closed ATX",
		"Two *line*\nsetext\n---\n":        "Two line setext",
		"## 1\\. Caf&eacute; &amp; keys\n": "1. Café & keys",
		"## The `a\\.b` key\n":             "The a\\.b key",
		"## C# and 100% *of* it\n":         "C# and 100% of it",
	}
	for src, want := range cases {
		d := Parse("t.md", []byte(src))
		if len(d.Sections) != 1 {
			t.Fatalf("%q: got %d sections", src, len(d.Sections))
		}
		if got := d.Sections[0].Title; got != want {
			t.Errorf("%q: title %q, want %q", src, got, want)
		}
	}
}

// TestTitlesOutgrowingTheirLines covers titles longer than their heading
// lines, which character references such as "&nGt;" (5 bytes, read as 6)
// make: the titles share one buffer sized for the lines, and the ones
// taken before it grows must stay as they were.
func TestTitlesOutgrowingTheirLines(t *testing.T) {
	ref := strings.Repeat("&nGt;", 8)
	src := "# one\n\nSetext 設計 🚀\n---\n\n## " + ref + "\n\n## *" + ref + "*\n"
	long := strings.Repeat("\u226b\u20d2", 8)
	want := []string{"one", "Setext 設計 🚀", long, long}
	for _, eol := range []string{"\n", "\r\n", "\r"} {
		d := Parse("t.md", []byte(strings.ReplaceAll(src, "\n", eol)))
		var got []string
		for _, s := range d.Sections {
			got = append(got, s.Title)
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%q line endings: titles %q, want %q", eol, got, want)
		}
	}
}

func TestSectionAt(t *testing.T) {
	src := []byte("# T\n\nintro\n\n## A\n\na body\n\n### A1\n\ndeep\n\n## B\n\nb body\n")
	d := Parse("t.md", src)
	for _, c := range []struct{ needle, want string }{
		{"intro", "T"}, {"a body", "A"}, {"deep", "A1"}, {"b body", "B"}, {"## B", "B"},
	} {
		off := bytes.Index(src, []byte(c.needle))
		if got := d.SectionAt(off).Title; got != c.want {
			t.Errorf("SectionAt(%q) = %q, want %q", c.needle, got, c.want)
		}
	}
}

func TestNodeSpanClamps(t *testing.T) {
	if got := (Span{-5, 100}).Clamp(10); got != (Span{0, 10}) {
		t.Errorf("Clamp = %v", got)
	}
	if got := (Span{8, 3}).Clamp(10); got != (Span{8, 8}) {
		t.Errorf("Clamp of a reversed span = %v", got)
	}
}

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.md")
	for _, file := range files {
		src, _ := os.ReadFile(file)
		f.Add(src)
	}
	f.Add([]byte("---\n---\n---\n"))
	f.Add([]byte("\xef\xbb\xbf---\na: b\n...\n# x\r"))
	f.Add([]byte("> # q\n>\n> ```\n> # c\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d := Parse("fuzz.md", src)
		checkInvariants(t, d)
		for i, c := range d.Code {
			if i > 0 && c.Start < d.Code[i-1].End {
				t.Fatalf("code spans %v and %v overlap or are out of order", d.Code[i-1], c)
			}
		}
		for off := -1; off <= len(src)+1; off++ {
			in := false
			for _, c := range d.Code {
				in = in || c.Contains(off)
			}
			if d.InCode(off) != in {
				t.Fatalf("InCode(%d) = %v, but the code spans %v say %v", off, !in, d.Code, in)
			}
		}
		for off := -1; off <= len(src)+1; off++ {
			p := d.Lines.Position(off)
			if p.Line < 1 || p.Line > d.Lines.Lines() || p.Col < 1 {
				t.Fatalf("Position(%d) = %v", off, p)
			}
			if off >= 0 && off <= len(src) && d.Lines.Offset(p) != off {
				t.Fatalf("Offset(Position(%d)) = %d", off, d.Lines.Offset(p))
			}
		}
		for _, s := range d.Sections {
			if !utf8.Valid(src) {
				continue
			}
			if !utf8.ValidString(s.Title) {
				t.Fatalf("title %q of valid UTF-8 input is not valid UTF-8", s.Title)
			}
		}
	})
}

func TestTables(t *testing.T) {
	cases := map[string]bool{
		"| a | b |\n| --- | :-: |\n| 1 | 2 |\n": true,
		"a | b\n--|--\n1 | 2\n":                 true,
		"| 设计 | 🚀 |\r\n|---|---|\r\n":           true,
		"| a |\n| --- |\n":                      true,
		"a | b\n--- | ---: | ---\n":             false, // cell counts differ
		"just text\nand more text\n":            false,
		"x \\| y\n--- | ---\n":                  false,
	}
	for src, want := range cases {
		d := Parse("t.md", []byte(src))
		got := len(d.Blocks) > 0 && d.Blocks[0].Kind == Table
		if got != want {
			t.Errorf("%q: table = %v, want %v", src, got, want)
		}
	}
}

// TestLineIndexWithoutCR covers the fast path taken when no "\r" occurs:
// every offset maps to the line a byte-by-byte count gives.
func TestLineIndexWithoutCR(t *testing.T) {
	for _, src := range []string{"", "\n", "a", "a\n", "\n\nb", "ab\ncd\n\t設🚀e\u0301\n\nend"} {
		x := NewLineIndex([]byte(src))
		line := 0
		for off := 0; off <= len(src); off++ {
			if got := x.Line(off); got != line {
				t.Errorf("%q: Line(%d) = %d, want %d", src, off, got, line)
			}
			if off < len(src) && src[off] == '\n' {
				line++
			}
		}
		if x.Lines() != line+1 {
			t.Errorf("%q: Lines() = %d, want %d", src, x.Lines(), line+1)
		}
	}
}
