package doc

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark/parser"
)

// plainBlocks is the block parser without rawParagraphs: the reference
// that skipping the inline walk must agree with.
var plainBlocks = parser.NewParser(
	parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
)

// structure renders a document's sections, code, comments and every
// block's kind and span.
func structure(d *Document) string {
	var b strings.Builder
	b.WriteString(dump(d))
	for _, s := range append([]*Section{d.Root}, d.Sections...) {
		for _, blk := range s.Blocks {
			fmt.Fprintf(&b, "block %d %d-%d in %d\n", blk.Kind, blk.Span.Start, blk.Span.End, s.Index)
		}
	}
	return b.String()
}

func checkSameAsPlain(t *testing.T, name string, src []byte) {
	t.Helper()
	got, want := structure(Parse(name, src)), structure(parseWith(plainBlocks, name, src))
	if got != want {
		t.Errorf("%s: parse with raw paragraphs differs from the plain parse:\n got:\n%s\nwant:\n%s", name, got, want)
	}
}

// tricky holds the constructs where a paragraph is transformed or closed
// in an unusual way.
var tricky = []string{
	"para\n===\n",
	"para\n---\n",
	"one\ntwo\n  ---  \nafter\n",
	"[a]: /url\n===\n",
	"[a]: /url\ntext\n---\n",
	"[a]: /url\n\n[b]: /u2\n",
	"> quoted\n---\n",
	"> lazy\ncontinued\n===\n",
	"- item\n  ---\n- two\n",
	"- tight\n- list\n\n- loose\n",
	"1. a\n   para\n   ===\n",
	"text   \n\n   indented text  \n",
	"| a | b |\n| - | - |\n| 1 | 2 |\n",
	"para\n```\ncode\n```\n",
	"para\n<!-- c -->\n",
	"   \n\n",
	"a\\\nb  \nc\n",
	"# h\npara\n    not code\n",
	"para\n\t===\n",
	"para\n= = =\n",
	// Setext titles over several lines, with every kind of line break.
	"one\\\ntwo  \nthree \\\\\nfour\t\n===\n",
	"a \\\r\nb  \r\nc\r\n---\r\n",
	"\\\n\\\\\nx\n===\n",
	"  lead\n  *em*\n  ---\n",
	"- item\n  two\n\tlines\n  ---\n",
	"> q\n> r  \n> ===\n",
	"# atx #  \n## \\#\n###   \n#\n",
	"# 設計 🚀 e\u0301\n\u3000title\u3000\n===\n",
	// ATX headings, which slabHeadings opens in place of goldmark: empty
	// ones, closing runs, escapes, tabs, headings in containers (whose
	// lines carry padding) and a lone '#' with no line ending.
	"#\n##\t\n### ###\n#### # ####\n####### seven\n#5 bolt\n#\ttab\t#\t\n",
	"# a#\n# a   ##\n# a #b\n# a \\#\n# a ## \t \n  ### x ###  \n    # code\n# 設計 #\n# 🚀\n",
	"> # quoted #\n>\t## tab\n- # item\n-\t## tab item ##\n1.  ### x\n\t> # deep\n",
	"para\n# interrupts\npara\n#",
	"# h",
	"x\n\n##",
}

func TestRawParagraphsMatchPlainParse(t *testing.T) {
	for i, src := range tricky {
		checkSameAsPlain(t, fmt.Sprintf("tricky-%d.md", i), []byte(src))
		checkSameAsPlain(t, fmt.Sprintf("tricky-%d-crlf.md", i), []byte(strings.ReplaceAll(src, "\n", "\r\n")))
		checkSameAsPlain(t, fmt.Sprintf("tricky-%d-cr.md", i), []byte(strings.ReplaceAll(src, "\n", "\r")))
	}
	n := 0
	// The labelled corpus of real design docs beside the project, when it
	// is there, adds real-world Markdown.
	roots := []string{"testdata", "../testdata", "../../examples", "../../cmd/designls/testdata", "../../templates", "../../../shared/corpus/docs"}
	for _, root := range roots {
		filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || !strings.HasSuffix(p, ".md") {
				return nil
			}
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			checkSameAsPlain(t, p, src)
			n++
			return nil
		})
	}
	t.Logf("compared %d Markdown files", n)
	if n < 20 {
		t.Fatalf("compared %d Markdown files; the fixtures have moved", n)
	}
}

// TestSlabsMatchPlainParse parses a document long enough to fill several
// slabs of paragraph nodes and lines, with paragraphs of up to 40 lines
// (more than a slab holds near the end of the text), some of them becoming
// setext headings or starting with link reference definitions, some in
// lists and quotes.
func TestSlabsMatchPlainParse(t *testing.T) {
	var b strings.Builder
	for i := range 400 {
		switch i % 5 {
		case 1:
			b.WriteString("- item\n  ")
		case 2:
			b.WriteString("> ")
		}
		if i%11 == 0 {
			fmt.Fprintf(&b, "[ref%d]: /u%d\n", i, i)
		}
		for j := range i % 41 {
			fmt.Fprintf(&b, "line %d of paragraph %d 設計 🚀\n", j, i)
		}
		if i%7 == 0 {
			b.WriteString("===\n")
		}
		b.WriteString("\n")
	}
	src := b.String()
	checkSameAsPlain(t, "slabs.md", []byte(src))
	checkSameAsPlain(t, "slabs-crlf.md", []byte(strings.ReplaceAll(src, "\n", "\r\n")))
	// The same text with little left after it, so that the last slabs are
	// the smallest.
	checkSameAsPlain(t, "slabs-tail.md", []byte(src[len(src)/2:]))
}

// TestPooledSlabsAreNotShared parses documents of very different sizes one
// after another, so that each parse takes chunks another sized, and holds
// every one to the plain parse; then it checks that the documents already
// returned are as they were, since nothing in a Document may point into
// the slabs that later parses reuse.
func TestPooledSlabsAreNotShared(t *testing.T) {
	var long strings.Builder
	for i := range 300 {
		for j := range i % 23 {
			fmt.Fprintf(&long, "line %d of paragraph %d e\u0301 設計\n", j, i)
		}
		if i%9 == 0 {
			long.WriteString("---\n")
		}
		long.WriteString("\n")
	}
	srcs := []string{long.String()}
	for i, src := range tricky {
		srcs = append(srcs, src, strings.Repeat(src+"\n", i+1))
	}
	srcs = append(srcs, long.String()[len(long.String())/3:], "# t\n\npara\n", long.String())
	var docs []*Document
	var want []string
	for i, src := range srcs {
		name := fmt.Sprintf("seq-%d.md", i)
		checkSameAsPlain(t, name, []byte(src))
		d := Parse(name, []byte(src))
		docs = append(docs, d)
		want = append(want, structure(d))
	}
	for i, d := range docs {
		if got := structure(d); got != want[i] {
			t.Errorf("document %d changed after later parses:\n got:\n%s\nwant:\n%s", i, got, want[i])
		}
	}
}

func FuzzRawParagraphs(f *testing.F) {
	for _, src := range tricky {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkSameAsPlain(t, "fuzz.md", src)
	})
}

// TestBlockParsersAreTheDefaults holds blockParsers to goldmark's default
// block parsers and priorities, whatever it wraps, so that a goldmark
// upgrade that changes them fails here rather than parsing differently.
func TestBlockParsersAreTheDefaults(t *testing.T) {
	unwrap := func(v any) string {
		switch w := v.(type) {
		case hiddenHeadings:
			v = w.BlockParser
			if h, ok := v.(slabHeadings); ok {
				v = h.BlockParser
			}
		case listsAsParsed:
			v = w.BlockParser
		case slabParagraphs:
			v = parser.NewParagraphParser()
		}
		return reflect.TypeOf(v).String()
	}
	got, want := blockParsers(), parser.DefaultBlockParsers()
	if len(got) != len(want) {
		t.Fatalf("%d block parsers, goldmark has %d", len(got), len(want))
	}
	for i := range got {
		g := fmt.Sprintf("%s@%d", unwrap(got[i].Value), got[i].Priority)
		w := fmt.Sprintf("%s@%d", unwrap(want[i].Value), want[i].Priority)
		if g != w {
			t.Errorf("block parser %d is %s, goldmark's is %s", i, g, w)
		}
	}
}

// TestParseConcurrently parses documents on several goroutines at once,
// as the language server may: the parser is shared and its slabs must be
// per parse. Run with -race.
func TestParseConcurrently(t *testing.T) {
	srcs := [][]byte{}
	for i, src := range tricky {
		srcs = append(srcs, []byte(strings.Repeat(src+"\n", 20+i)))
	}
	want := make([]string, len(srcs))
	for i, src := range srcs {
		want[i] = structure(Parse("c.md", src))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range srcs {
				i := (k + g) % len(srcs)
				if got := structure(Parse("c.md", srcs[i])); got != want[i] {
					t.Errorf("input %d parsed differently on goroutine %d", i, g)
				}
			}
		}()
	}
	wg.Wait()
}
