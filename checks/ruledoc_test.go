package checks

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files and docs/rules")

// TestRuleDocsUpToDate fails when docs/rules no longer matches the checks'
// own documentation; `go test ./checks -run RuleDocs -update` regenerates it.
func TestRuleDocsUpToDate(t *testing.T) {
	dir := filepath.Join("..", "docs", "rules")
	want := map[string]string{"README.md": IndexPage()}
	for _, c := range All() {
		want[c.ID+".md"] = c.Page()
	}
	concerns := filepath.Join("..", "docs", "concerns.md")
	if *update {
		if err := os.WriteFile(concerns, []byte(ConcernsPage()), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		old, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		for _, f := range old {
			if _, ok := want[filepath.Base(f)]; !ok {
				os.Remove(f)
			}
		}
		for name, text := range want {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	for name, text := range want {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%v: run `go test ./checks -run RuleDocs -update`", err)
			continue
		}
		if string(got) != text {
			t.Errorf("docs/rules/%s is stale: run `go test ./checks -run RuleDocs -update`", name)
		}
	}
	if got, err := os.ReadFile(concerns); err != nil || string(got) != ConcernsPage() {
		t.Errorf("docs/concerns.md is stale: run `go test ./checks -run RuleDocs -update`")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	for _, f := range files {
		if _, ok := want[filepath.Base(f)]; !ok {
			t.Errorf("docs/rules/%s documents no check: delete it or run with -update", filepath.Base(f))
		}
	}
}

func TestRegistryValid(t *testing.T) {
	if err := Validate(All()); err != nil {
		t.Fatal(err)
	}
	for _, c := range All() {
		for _, part := range []string{"## Example", "## Fix", "## Disable"} {
			if !strings.Contains(c.Doc, part) {
				t.Errorf("check %s: doc has no %q part", c.ID, part)
			}
		}
	}
}

func TestValidateRejects(t *testing.T) {
	ok := func(*Pass) {}
	bad := [][]*Check{
		{{ID: "Bad_ID", Title: "t", Doc: "d", Severity: Warning, Run: ok}},
		{{ID: "a", Title: "t", Doc: "d", Severity: Warning, Run: ok}, {ID: "a", Title: "t", Doc: "d", Severity: Warning, Run: ok}},
		{{ID: "a", Title: "", Doc: "d", Severity: Warning, Run: ok}},
		{{ID: "a", Title: "t", Doc: "d", Severity: Warning}},
		{{ID: "a", Title: "t", Doc: "d", Severity: Off, Run: ok}},
	}
	for i, list := range bad {
		if Validate(list) == nil {
			t.Errorf("case %d: Validate accepted a bad registry", i)
		}
	}
}
