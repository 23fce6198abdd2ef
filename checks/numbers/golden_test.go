package numbers

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// TestGolden lists every equation and budget found in testdata/*.md, with
// 1-based line and byte column, and compares the listing with the golden
// file next to it.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got := listing(src)
			golden := strings.TrimSuffix(file, ".md") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s (run go test -update and review the diff):\n%s", file, golden, got)
			}
		})
	}
}

func listing(src []byte) []byte {
	var buf bytes.Buffer
	pos := func(off int) string {
		line := 1 + bytes.Count(src[:off], []byte("\n"))
		col := off - bytes.LastIndexByte(src[:off], '\n')
		return fmt.Sprintf("%d:%d", line, col)
	}
	text := func(s Span) string { return strings.ReplaceAll(string(src[s.Start:s.End]), "\n", `\n`) }
	for _, e := range Scan(src) {
		fmt.Fprintf(&buf, "%s equation %q: %s", pos(e.Span.Start), text(e.Span), e.Verdict)
		switch e.Verdict {
		case UnitMismatch:
			fmt.Fprintf(&buf, " (%s)", e.Why)
		case Unfinished:
			fmt.Fprintf(&buf, " hint at %s: %s", pos(e.Right.Span.Start), Format(e.Computed))
		default:
			fmt.Fprintf(&buf, ", computed %s", Format(e.Computed))
		}
		buf.WriteByte('\n')
	}
	for _, b := range Budgets(src) {
		fmt.Fprintf(&buf, "%s budget %s over %q (%v): stated %q, correct %v", pos(b.Span.Start),
			text(b.Availability.Span), text(b.Window), b.WindowLength, text(b.Stated.Span), b.Correct)
		if b.OK {
			buf.WriteString(": ok\n")
		} else {
			fmt.Fprintf(&buf, ": wrong, write %s\n", Format(b.Fix))
		}
	}
	return buf.Bytes()
}
