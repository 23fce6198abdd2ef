package doc

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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
}

func TestRawParagraphsMatchPlainParse(t *testing.T) {
	for i, src := range tricky {
		checkSameAsPlain(t, fmt.Sprintf("tricky-%d.md", i), []byte(src))
		checkSameAsPlain(t, fmt.Sprintf("tricky-%d-crlf.md", i), []byte(strings.ReplaceAll(src, "\n", "\r\n")))
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

func FuzzRawParagraphs(f *testing.F) {
	for _, src := range tricky {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkSameAsPlain(t, "fuzz.md", src)
	})
}
