package checks

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/designls/designls/checks/edit"
)

// fixInputs returns this package's fix fixtures and, when the shared corpus
// sits beside the project (as in CI), every corpus document too.
func fixInputs(t *testing.T) []string {
	files, _ := filepath.Glob("testdata/fix/*.md")
	if len(files) == 0 {
		t.Fatal("no fixtures in testdata/fix")
	}
	corpus, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "docs", "*.md"))
	return append(files, corpus...)
}

// key identifies a diagnostic independently of where it sits, so findings
// can be compared across an edit that moves text.
func key(d Diagnostic) string {
	return fmt.Sprintf("%s|%s|%s|%s", d.Check, d.Concern, d.Severity, d.Message)
}

// TestFixRemovesExactlyItsDiagnostic applies each missing-section fix on its
// own and checks the property the fix promises: every byte outside the edit
// is unchanged, the fixed diagnostic is gone, every other diagnostic stays,
// and the only new findings are the placeholders of the inserted prompts.
func TestFixRemovesExactlyItsDiagnostic(t *testing.T) {
	for _, file := range fixInputs(t) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		before := Run(file, src, nil)
		fixes := 0
		for _, dg := range before.Diagnostics {
			if dg.Check != MissingSection.ID || dg.Severity == Hint {
				continue
			}
			if len(dg.Fixes) != 1 || len(dg.Fixes[0].Edits) != 1 {
				t.Errorf("%s: %s/%s has %d fixes, want one with one edit", file, dg.Check, dg.Concern, len(dg.Fixes))
				continue
			}
			fixes++
			e := dg.Fixes[0].Edits[0]
			if e.Start != e.End {
				t.Errorf("%s: fix for %s replaces [%d,%d); it must only insert", file, dg.Concern, e.Start, e.End)
				continue
			}
			out, err := edit.Apply(src, dg.Fixes[0].Edits)
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			if string(out[:e.Start]) != string(src[:e.Start]) || string(out[e.Start+len(e.New):]) != string(src[e.Start:]) {
				t.Fatalf("%s: fix for %s changed bytes outside its insertion", file, dg.Concern)
			}
			after := Run(file, out, nil)
			if f := after.Coverage.Get(dg.Concern); f.State != Missing || f.Pending == nil {
				t.Errorf("%s: after inserting %s its state is %v (pending %v), want missing with a pending section",
					file, dg.Concern, f.State, f.Pending != nil)
			}
			inserted := Span{Start: e.Start, End: e.Start + len(e.New)}
			var want, got []string
			kept := map[string]bool{}
			for _, d := range after.Diagnostics {
				kept[key(d)] = true
			}
			for _, d := range before.Diagnostics {
				// A heading that was empty may gain the new section as a
				// subsection, so its empty-section finding may go too.
				if sec := before.Doc.SectionAt(d.Span.Start); d.Check == EmptySection.ID && !kept[key(d)] &&
					sec.Body.Start <= e.Start && e.Start <= sec.Body.End {
					continue
				}
				if key(d) != key(dg) {
					want = append(want, key(d))
				}
			}
			for _, d := range after.Diagnostics {
				if d.Check == Placeholder.ID && inserted.Contains(d.Span.Start) {
					continue
				}
				got = append(got, key(d))
			}
			sort.Strings(want)
			sort.Strings(got)
			if strings.Join(want, "\n") != strings.Join(got, "\n") {
				t.Errorf("%s: fixing %s changed other findings:\nbefore (minus the fixed one):\n%s\nafter:\n%s",
					file, dg.Concern, strings.Join(want, "\n"), strings.Join(got, "\n"))
			}
			// A second fix for the same concern must not be offered.
			for _, d := range after.Diagnostics {
				if d.Check == MissingSection.ID && d.Concern == dg.Concern && d.Severity != Hint {
					t.Errorf("%s: %s still reported missing after its fix", file, dg.Concern)
				}
			}
		}
		if fixes == 0 && strings.Contains(file, "testdata") && !strings.Contains(file, "complete") {
			t.Errorf("%s: no fix was exercised", file)
		}
	}
}

// TestSkipFixes checks that skipping fixes changes nothing but the fixes.
func TestSkipFixes(t *testing.T) {
	src, err := os.ReadFile("testdata/fix/feature-flags.md")
	if err != nil {
		t.Fatal(err)
	}
	with := Run("f.md", src, nil)
	without := Run("f.md", src, &Options{SkipFixes: true})
	if len(with.Diagnostics) != len(without.Diagnostics) {
		t.Fatalf("%d diagnostics with fixes, %d without", len(with.Diagnostics), len(without.Diagnostics))
	}
	fixed := 0
	for i, d := range with.Diagnostics {
		if key(d) != key(without.Diagnostics[i]) {
			t.Errorf("diagnostic %d differs: %s vs %s", i, key(d), key(without.Diagnostics[i]))
		}
		if d.Check == MissingSection.ID && len(d.Fixes) > 0 {
			fixed++
			if len(without.Diagnostics[i].Fixes) != 0 {
				t.Errorf("%s/%s still has a fix with SkipFixes", d.Check, d.Concern)
			}
		}
	}
	if fixed == 0 {
		t.Fatal("no missing-section fix to compare")
	}
}
