package checks

import (
	"bytes"
	"fmt"
	"github.com/designls/designls/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/designls/designls/checks/doc"
	"github.com/designls/designls/checks/edit"
)

// Each check added by the review-depth work has a folder testdata/<ID>
// of Markdown fixtures, run through the whole pipeline (Run), so that
// rubric selection, coverage, suppression and severity all take part:
//
//   - bad-*.md must draw at least one diagnostic from the check, ok-*.md
//     none: the positive and negative cases;
//   - every fixture has a .golden file listing the check's diagnostics
//     (`go test ./checks -run CheckFixtures -update` rewrites them);
//   - every fix is applied: the result must parse, the edits must apply,
//     and the fixed document must not draw the same diagnostic again.
//
// The checks that predate this layout are tested by their own tests and
// the fix property test; every other check must have its folder.
var olderChecks = map[string]bool{"missing-section": true, "empty-section": true, "placeholder": true, "no-title": true}

func TestCheckFixtures(t *testing.T) {
	for _, c := range All() {
		if olderChecks[c.ID] {
			continue
		}
		t.Run(c.ID, func(t *testing.T) {
			dir := filepath.Join("testdata", c.ID)
			files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
			var bad, ok int
			for _, f := range files {
				switch base := filepath.Base(f); {
				case strings.HasPrefix(base, "bad-"):
					bad++
				case strings.HasPrefix(base, "ok-"):
					ok++
				default:
					t.Errorf("%s: fixture names start with bad- or ok-", f)
				}
			}
			if bad == 0 || ok == 0 {
				t.Fatalf("%s: want positive (bad-*.md) and negative (ok-*.md) fixtures, have %d and %d", dir, bad, ok)
			}
			for _, f := range files {
				runFixture(t, c, f)
			}
		})
	}
}

func runFixture(t *testing.T, c *Check, file string) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	res := Run(file, src, nil)
	var mine []Diagnostic
	for _, d := range res.Diagnostics {
		if d.Check == c.ID {
			mine = append(mine, d)
		}
	}
	base := filepath.Base(file)
	if strings.HasPrefix(base, "bad-") && len(mine) == 0 {
		t.Errorf("%s: want a %s diagnostic, got none", file, c.ID)
	}
	if strings.HasPrefix(base, "ok-") && len(mine) > 0 {
		t.Errorf("%s: want no %s diagnostic, got %q", file, c.ID, mine[0].Message)
	}
	got := formatFixture(t, res.Doc, c, mine)
	goldenPath := strings.TrimSuffix(file, ".md") + ".golden"
	golden.Check(t, goldenPath, got, *update)
}

// formatFixture lists diagnostics one per line with their spans as
// line:col-line:col (1-based, byte columns), related locations and, for
// each fix, the lines it changes after applying it. Applying the fix is
// itself checked: the edits apply, and the fixed document does not draw
// the same message at the same place.
func formatFixture(t *testing.T, d *doc.Document, c *Check, ds []Diagnostic) string {
	var b strings.Builder
	pos := func(s Span) string {
		p, q := d.Lines.Position(s.Start), d.Lines.Position(s.End)
		return fmt.Sprintf("%d:%d-%d:%d", p.Line, p.Col, q.Line, q.Col)
	}
	for _, dg := range ds {
		if dg.Span.Start < 0 || dg.Span.End > len(d.Src) || dg.Span.Start > dg.Span.End {
			t.Errorf("%s: span %v outside the source", d.Name, dg.Span)
		}
		tag := string(dg.Concern)
		if dg.Part != "" {
			tag = "part " + dg.Part
		}
		fmt.Fprintf(&b, "%s %s [%s] %q: %s\n", pos(dg.Span), dg.Severity, tag, d.Text(dg.Span), dg.Message)
		for _, r := range dg.Related {
			fmt.Fprintf(&b, "  related %s %q: %s\n", pos(r.Span), d.Text(r.Span), r.Message)
		}
		for _, f := range dg.Fixes {
			out, err := edit.Apply(d.Src, f.Edits)
			if err != nil {
				t.Errorf("%s: fix %q: %v", d.Name, f.Message, err)
				continue
			}
			fmt.Fprintf(&b, "  fix %q:\n", f.Message)
			for _, line := range changedLines(d.Src, out) {
				fmt.Fprintf(&b, "    | %s\n", line)
			}
			after := Run(d.Name, out, nil)
			for _, again := range after.Diagnostics {
				if again.Check == dg.Check && again.Message == dg.Message && again.Part == dg.Part && again.Concern == dg.Concern {
					t.Errorf("%s: after the fix %q the same diagnostic remains: %s", d.Name, f.Message, again.Message)
				}
			}
		}
	}
	return b.String()
}

// changedLines returns the lines of after that differ from before, from
// the first changed line to the last, line endings shown as \r when CRLF.
func changedLines(before, after []byte) []string {
	a := bytes.SplitAfter(before, []byte("\n"))
	b := bytes.SplitAfter(after, []byte("\n"))
	i := 0
	for i < len(a) && i < len(b) && bytes.Equal(a[i], b[i]) {
		i++
	}
	ja, jb := len(a), len(b)
	for ja > i && jb > i && bytes.Equal(a[ja-1], b[jb-1]) {
		ja--
		jb--
	}
	var out []string
	for _, l := range b[i:jb] {
		s := strings.TrimSuffix(string(l), "\n")
		s = strings.ReplaceAll(s, "\r", `\r`)
		out = append(out, s)
	}
	return out
}
