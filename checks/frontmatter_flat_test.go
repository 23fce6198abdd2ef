package checks

import (
	"fmt"
	"strings"
	"testing"

	"github.com/designls/designls/checks/doc"
)

// frontMatterDoc wraps a front matter body in delimiters and a heading.
func frontMatterDoc(body string) *doc.Document {
	return doc.Parse("fm.md", []byte("---\n"+body+"---\n# Title\n\nText.\n"))
}

// sameAsYAML fails t unless parseFrontMatter, fast path or not, finds in d
// exactly what the YAML parser finds, error text included. It returns
// whether the fast path took the document.
func sameAsYAML(t testing.TB, d *doc.Document) bool {
	t.Helper()
	show := func(fm FrontMatter) string {
		return fmt.Sprintf("present=%v rubric=%q@%v drill=%q@%v err=%v@%v",
			fm.Present, fm.Rubric, fm.RubricSpan, fm.Drill, fm.DrillSpan, fm.Err, fm.ErrSpan)
	}
	got := parseFrontMatter(d)
	want := yamlFrontMatter(d, FrontMatter{Present: true})
	if show(got) != show(want) {
		t.Errorf("front matter %q:\n got %s\nwant %s", d.Text(d.FrontMatterBody), show(got), show(want))
	}
	var fm FrontMatter
	return flatFrontMatter(d, &fm)
}

// TestFlatFrontMatterTaken holds the fast path to the YAML parser on the
// plain shapes it is meant to take, and checks that it takes them: a fast
// path that gave up on everything would pass the comparison alone.
func TestFlatFrontMatterTaken(t *testing.T) {
	for _, body := range []string{
		"rubric: system-design\n",
		"rubric: system-design\nauthor: practice answer\n",
		"title: A design\nrubric: api-design\ndrill: feature-flags\n",
		"rubric: sytem-design\n",
		"drill: rate-limiter\n",
		"rubric:   system-design   \n",
		"rubric: yes\n",
		"rubric: no\ndrill: on\n",
		"rubric: null\n",
		"rubric: 12\ndrill: 0x1F\n",
		"rubric: 1.5e3\n",
		"rubric: 2024-01-02\n",
		"rubric: True\n",
		"rubric: a  b\n",
		"rubric: a, b [c] {d} 'e' \"f\" !g &h *i |j >k %l @m `n\n",
		"rubric: a-b_c.d/e\\f\n",
		"rubric: first\nrubric: second\n",
		"drill: one\nauthor: x\ndrill: two\n",
		"\nrubric: system-design\n\n",
		"rubric: system-design\r\nauthor: me\r\n",
		"Rubric: system-design\n",
		"rubric-name: x\nrubric_name: y\n",
		"a: b\n",
		"y: n\n",
		strings.Repeat("k", 64) + ": v\nrubric: r\n",
	} {
		d := frontMatterDoc(body)
		if !sameAsYAML(t, d) {
			t.Errorf("fast path refused %q", body)
		}
	}
	// The same over a whole document with CRLF line endings.
	d := doc.Parse("fm.md", []byte("---\r\nrubric: system-design\r\ndrill: feature-flags\r\n---\r\n# T\r\n"))
	if !sameAsYAML(t, d) {
		t.Error("fast path refused a CRLF document")
	}
	if fm := parseFrontMatter(d); fm.Rubric != "system-design" || fm.Drill != "feature-flags" {
		t.Errorf("CRLF front matter read as %+v", fm)
	}
}

// TestFlatFrontMatterRefused feeds the shapes the fast path must leave to
// the YAML parser, and some it may take, and holds the result to the YAML
// parser's either way.
func TestFlatFrontMatterRefused(t *testing.T) {
	refuse := []string{
		"",
		"\n",
		"# only a comment\n",
		"rubric: system-design # comment\n",
		"# comment\nrubric: system-design\n",
		"rubric: 'system-design'\n",
		"rubric: \"system-design\"\n",
		"rubric: \"sys\\x41\"\n",
		"rubric: ~\n",
		"rubric:\n",
		"rubric: \n",
		"rubric:system-design\n",
		"rubric:\tsystem-design\n",
		"\trubric: system-design\n",
		"rubric: system\tdesign\n",
		" rubric: system-design\n",
		"rubric: system-design\n  continued\n",
		"rubric: &a system-design\ndrill: *a\n",
		"rubric: !!str system-design\n",
		"rubric: [a, b]\n",
		"rubric: {a: b}\n",
		"rubric:\n  - a\n",
		"rubric:\n  nested: x\n",
		"rubric: |\n  block\n",
		"rubric: >\n  folded\n",
		"rubric: a: b\n",
		"rubric: a:\n",
		"rubric: -a\n",
		"rubric: .inf\n",
		"rubric: système\n",
		"rubric: 設計\n",
		"rubric: 🚀\n",
		"rubric: e\u0301\n",
		"rubric: a\u2028b\n",
		"rubric: a\rb\n",
		"rubric: a\x7fb\n",
		"\"rubric\": system-design\n",
		"? rubric\n: system-design\n",
		"<<: {rubric: x}\n",
		"- a\n- b\n",
		"just text\n",
		"rubric system-design\n",
		"%YAML 1.2\n",
		"rubric: [unclosed\n",
		"a: b\n c: d\n",
		"a: b\n  - c\n",
		"rubric: ok\nbad line\n",
		"rubric: ok\n\"unclosed: x\n",
		"author: x\nrubric: [a\n",
		"rubric: x\nrubric:\n  - y\n",
		"drill: {a: 1}\n",
		strings.Repeat("k", 1100) + ": v\n",
		"\xef\xbb\xbfrubric: x\n",
		"rubric: x\n   \n",
	}
	for _, body := range refuse {
		for _, b := range []string{body, strings.ReplaceAll(body, "\n", "\r\n")} {
			d := frontMatterDoc(b)
			if d.FrontMatter.Empty() {
				t.Fatalf("no front matter found in %q", b)
			}
			if sameAsYAML(t, d) {
				t.Errorf("fast path took %q", b)
			}
		}
	}
}

// FuzzFlatFrontMatter holds parseFrontMatter to the YAML parser on any
// front matter body.
func FuzzFlatFrontMatter(f *testing.F) {
	for _, s := range []string{"rubric: system-design\n", "rubric: a b\ndrill: c\n", "a: b\r\n", "rubric: 'x'\n", "a: b # c\n", "k: v\n\n", "a: 1:2\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if strings.Contains(body, "---") || strings.Contains(body, "...") {
			return // would end the front matter early
		}
		if body != "" && !strings.HasSuffix(body, "\n") {
			body += "\n"
		}
		d := frontMatterDoc(body)
		if d.FrontMatter.Empty() {
			return
		}
		sameAsYAML(t, d)
	})
}
