package checks

import (
	"fmt"
	"strings"
	"testing"

	"github.com/designls/designls/checks/doc"
)

// placeholderFindings lists what the placeholder scan reports in every
// block and heading of d, the way the check walks them, through the
// line-by-line reference scan or the scan of lines with hits.
func placeholderFindings(d *doc.Document, fast bool) []string {
	var out []string
	hits := placeholderHits(d.Src)
	each := func(sp Span) {
		fn := func(s Span, what string) { out = append(out, fmt.Sprintf("%v %q", s, what)) }
		if fast {
			forEachPlaceholderHit(d, sp, hits, fn)
		} else {
			forEachPlaceholder(d, sp, fn)
		}
	}
	for _, b := range d.Blocks {
		each(b.Span)
	}
	for _, s := range d.Sections {
		each(s.TitleSpan)
	}
	// Spans that start and end inside lines and words: at every byte of a
	// short document ("X|XXX" holds a placeholder only from its second X).
	step := 7
	if len(d.Src) < 300 {
		step = 1
	}
	for i := 0; i < len(d.Src); i += step {
		each(Span{Start: i, End: min(len(d.Src), i+13)})
	}
	return out
}

var placeholderSamples = []string{
	"# TODO title\n\nText with TODO, TBD and FIXME and XXX.\n",
	"- TODO: write the API.\n- [ ] TBD: pick a store\n1. FIXME: numbers\n",
	"XXXX alone\n",
	"XXXX and XXXXXX and TODOS and ATODO and TODO_x and xTBD\n",
	"Prompt <describe the write path> and <b>tag</b> and List<String> and <https://x.y>\n",
	"Inline `TODO` and `<fill in here>` then TODO `x` TBD\n",
	"Comment <!-- TODO later --> and after TODO <!-- open\n",
	"```\nTODO in code\n```\n\n    TODO indented code\n\nTODO after\n",
	"CRLF TODO\r\nline <fill in this>\r\n- TBD: x\r\n",
	"Tabs\tTODO\t<fill\tin>\tTBD\n",
	"設計 TODO 設計<describe the thing>TBD。\n",
	"emoji 🚀TODO 🚀 <describe 🚀 here> FIXME🚀\n",
	"combining e\u0301TODO and TODO\u0301 and <caf\u00e9 au lait>\n",
	"| a | TODO |\n|---|---|\n| <fill in> | TBD |\n",
	"> quoted TODO: answer\n>\n> <describe it>\n",
	"Setext TODO\n===========\n\nText\n",
	"a < b and c<d e> TODO\n",
	"TODO",
	"<a b>",
	"",
}

// TestPlaceholderHitsSameFindings holds the check's scan of lines with
// hits to the line-by-line scan over samples and every Markdown file of
// the repository's test data, examples and templates.
func TestPlaceholderHitsSameFindings(t *testing.T) {
	docs := samplesAndFixtures(t, placeholderSamples)
	found := 0
	for name, src := range docs {
		d := doc.Parse(name, src)
		want := placeholderFindings(d, false)
		got := placeholderFindings(d, true)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", name, got, want)
		}
		found += len(want)
	}
	if found < 50 {
		t.Errorf("only %d findings over all documents: the comparison proves little", found)
	}
}

// FuzzPlaceholderHits does the same for any text.
func FuzzPlaceholderHits(f *testing.F) {
	for _, s := range placeholderSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := doc.Parse("f.md", []byte(s))
		want := placeholderFindings(d, false)
		got := placeholderFindings(d, true)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%q:\n got %q\nwant %q", s, got, want)
		}
	})
}
