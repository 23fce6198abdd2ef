package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/designls/designls/checks"
	"github.com/designls/designls/templates"
)

// coreMissing returns the core concerns a file is reported missing.
func coreMissing(t *testing.T, dir, file string) []string {
	t.Helper()
	r := cli(t, dir, "check", "--format", "json", file)
	var out struct {
		Files []struct {
			Diagnostics []struct {
				Code, Concern string
				Fixes         []json.RawMessage
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || len(out.Files) != 1 {
		t.Fatalf("%v: %s", err, r.stderr)
	}
	var missing []string
	for _, d := range out.Files[0].Diagnostics {
		if info, ok := checks.LookupConcern(checks.Concern(d.Concern)); ok && info.Core && d.Code == "missing-section" {
			missing = append(missing, d.Concern)
		}
	}
	return missing
}

// needFixes skips a test when the checks attach no fixes to
// missing-section diagnostics yet: fix can only apply what it is given.
func needFixes(t *testing.T, src string) {
	t.Helper()
	for _, d := range checks.Run("x.md", []byte(src), nil).Diagnostics {
		if d.Check == "missing-section" && len(d.Fixes) > 0 {
			return
		}
	}
	t.Skip("missing-section diagnostics carry no fixes yet")
}

// isSubsequence reports whether every line of a appears in b in order:
// fix may only add lines.
func isSubsequence(a, b string) bool {
	bl := strings.SplitAfter(b, "\n")
	i := 0
	for _, line := range strings.SplitAfter(a, "\n") {
		for i < len(bl) && bl[i] != line {
			i++
		}
		if i == len(bl) {
			return false
		}
		i++
	}
	return true
}

func TestFixDiffWritesNothing(t *testing.T) {
	src := readFile(t, "testdata/docs/drill.md")
	needFixes(t, src)
	dir := writeFiles(t, map[string]string{"drill.md": src})
	path := filepath.Join(dir, "drill.md")
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	os.Chtimes(path, old, old)

	r := cli(t, dir, "fix", "--diff", "drill.md")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.HasPrefix(r.stdout, "--- a/drill.md\n+++ b/drill.md\n") || !strings.Contains(r.stdout, "\n+## ") {
		t.Errorf("not a unified diff adding sections:\n%s", r.stdout)
	}
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(line, "-") && !strings.HasPrefix(line, "---") {
			t.Errorf("diff removes a line: %q", line)
		}
	}
	if got := readFile(t, path); got != src {
		t.Error("fix --diff changed the file")
	}
	if fi, _ := os.Stat(path); !fi.ModTime().Equal(old) {
		t.Error("fix --diff touched the file")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left behind: %v", entries)
	}
}

func TestFixWritesKeepingMode(t *testing.T) {
	src := readFile(t, "testdata/docs/drill.md")
	needFixes(t, src)
	dir := writeFiles(t, map[string]string{"drill.md": src})
	path := filepath.Join(dir, "drill.md")
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	before := coreMissing(t, dir, "drill.md")
	if len(before) == 0 {
		t.Fatal("fixture misses no core concern")
	}

	r := cli(t, dir, "fix", "drill.md")
	if r.code != 0 || !strings.Contains(r.stderr, "drill.md: inserted ") {
		t.Fatalf("exit %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	after := readFile(t, path)
	if after == src || !isSubsequence(src, after) {
		t.Errorf("fix must only add lines:\n%s", after)
	}
	if runtime.GOOS != "windows" {
		if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
			t.Errorf("mode %v, want 0600", fi.Mode().Perm())
		}
	}
	if left := coreMissing(t, dir, "drill.md"); len(left) > 0 {
		t.Errorf("still missing after fix: %v (before: %v)", left, before)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}

	// A second run has nothing to do and writes nothing.
	r = cli(t, dir, "fix", "drill.md")
	if r.code != 0 || r.stderr != "" || readFile(t, path) != after {
		t.Errorf("second fix: exit %d stderr %q", r.code, r.stderr)
	}
}

func TestFixCRLF(t *testing.T) {
	src := strings.ReplaceAll(readFile(t, "testdata/docs/drill.md"), "\n", "\r\n")
	needFixes(t, src)
	dir := writeFiles(t, map[string]string{"crlf.md": src})
	if r := cli(t, dir, "fix", "crlf.md"); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	after := readFile(t, filepath.Join(dir, "crlf.md"))
	if strings.Count(after, "\n") != strings.Count(after, "\r\n") {
		t.Error("fix mixed line endings into a CRLF file")
	}
}

func TestFixSymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	src := readFile(t, "testdata/docs/drill.md")
	needFixes(t, src)
	dir := writeFiles(t, map[string]string{"real/drill.md": src})
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(filepath.Join("real", "drill.md"), link); err != nil {
		t.Fatal(err)
	}
	if r := cli(t, dir, "fix", "link.md"); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if readFile(t, filepath.Join(dir, "real", "drill.md")) == src {
		t.Error("the link's target was not fixed")
	}
}

func TestFixNothingToDo(t *testing.T) {
	src := readFile(t, "testdata/typical.md")
	dir := writeFiles(t, map[string]string{"typical.md": src})
	r := cli(t, dir, "fix", ".")
	if r.code != 0 || r.stdout != "" || r.stderr != "" || readFile(t, filepath.Join(dir, "typical.md")) != src {
		t.Errorf("exit %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
}

func TestFixBadInput(t *testing.T) {
	dir := writeFiles(t, map[string]string{"bin.md": "\x00\x01"})
	r := cli(t, dir, "fix", "bin.md", "missing.md")
	if r.code != 2 || !strings.Contains(r.stderr, "bin.md: binary file, not Markdown") || !strings.Contains(r.stderr, "missing.md: no such file or directory") {
		t.Errorf("exit %d stderr %q", r.code, r.stderr)
	}
}

func TestWriteAtomicRefusesChangedFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.md": "one\n"})
	path := filepath.Join(dir, "a.md")
	orig, _ := os.Stat(path)
	if err := os.WriteFile(path, []byte("someone else's edit\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := writeAtomic(path, []byte("ours\n"), orig)
	if err == nil || !strings.Contains(err.Error(), "changed while") {
		t.Errorf("err = %v", err)
	}
	if readFile(t, path) != "someone else's edit\n" {
		t.Error("overwrote a file changed under us")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
}

func TestNew(t *testing.T) {
	dir := t.TempDir()
	want, _ := templates.Builtin().Template(checks.DefaultRubric)

	r := cli(t, dir, "new", "design.md")
	if r.code != 0 || readFile(t, filepath.Join(dir, "design.md")) != want.Text {
		t.Fatalf("exit %d stderr %q", r.code, r.stderr)
	}

	// Refuses to overwrite, whatever the file holds.
	mine := filepath.Join(dir, "mine.md")
	os.WriteFile(mine, []byte("my notes\n"), 0o600)
	r = cli(t, dir, "new", "--template", "postmortem", "mine.md")
	if r.code != 2 || !strings.Contains(r.stderr, "mine.md: already exists; not overwritten (use --force to replace it)") {
		t.Errorf("exit %d stderr %q", r.code, r.stderr)
	}
	if readFile(t, mine) != "my notes\n" {
		t.Fatal("new overwrote an existing file")
	}

	// --force replaces it and keeps its mode.
	pm, ok := templates.Builtin().Template("postmortem")
	if !ok {
		t.Fatal("no postmortem template")
	}
	r = cli(t, dir, "new", "mine.md", "--template", "postmortem", "--force")
	if r.code != 0 || readFile(t, mine) != pm.Text {
		t.Errorf("--force: exit %d stderr %q", r.code, r.stderr)
	}
	if fi, _ := os.Stat(mine); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}

	r = cli(t, dir, "new", "--template", "nope", "x.md")
	if r.code != 2 || !strings.Contains(r.stderr, `no template "nope" (templates: `) {
		t.Errorf("unknown template: exit %d stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.md")); err == nil {
		t.Error("file written for an unknown template")
	}
	r = cli(t, dir, "new", "-")
	if r.code != 0 || r.stdout != want.Text {
		t.Errorf("new -: exit %d", r.code)
	}
	r = cli(t, dir, "new", filepath.Join("no", "such", "dir", "x.md"))
	if r.code != 2 || !strings.Contains(r.stderr, "no such file or directory") {
		t.Errorf("missing folder: exit %d stderr %q", r.code, r.stderr)
	}
}

func TestTemplatesFromConfig(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		".designls.yaml":        "templates: tmpl\n",
		"tmpl/team-review.md":   "---\nrubric: system-design\ntemplate:\n  title: Team review\n  description: Our own review template.\n---\n\n# <Title>\n\n## Context\n\n- TODO: Why now.\n",
		"tmpl/snippets/slo.md":  "## Reliability targets\n\n- TODO: Our availability target.\n",
		"docs/.keep":            "",
		"broken/.designls.yaml": "templates: missing-folder\n",
	})
	r := cli(t, dir, "templates")
	if r.code != 0 || !strings.Contains(r.stdout, "team-review") || !strings.Contains(r.stdout, "Our own review template.") || !strings.Contains(r.stdout, "system-design") {
		t.Errorf("templates: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := cli(t, dir, "new", "--template", "team-review", "docs/r.md"); r.code != 0 || !strings.Contains(readFile(t, filepath.Join(dir, "docs", "r.md")), "## Context") {
		t.Errorf("new from overlay: exit %d %s", r.code, r.stderr)
	}
	r = cli(t, filepath.Join(dir, "broken"), "templates")
	if r.code != 2 || !strings.Contains(r.stderr, ".designls.yaml:1:12: templates: cannot read templates folder") || !strings.Contains(r.stdout, "system-design") {
		t.Errorf("broken folder: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestListings(t *testing.T) {
	r := cli(t, "", "rubrics")
	for _, rb := range checks.Rubrics() {
		if !strings.Contains(r.stdout, rb.Name) || !strings.Contains(r.stdout, rb.Title) {
			t.Errorf("rubrics lacks %s:\n%s", rb.Name, r.stdout)
		}
	}
	r = cli(t, "", "templates")
	for _, tm := range templates.Builtin().List() {
		if !strings.Contains(r.stdout, tm.Name) {
			t.Errorf("templates lacks %s:\n%s", tm.Name, r.stdout)
		}
	}
	if lines := strings.Split(strings.TrimSpace(r.stdout), "\n"); !strings.HasPrefix(lines[0], "NAME") || len(lines) != len(templates.Builtin().List())+1 {
		t.Errorf("templates output:\n%s", r.stdout)
	}
}

func TestExplain(t *testing.T) {
	for _, c := range checks.All() {
		r := cli(t, "", "explain", c.ID)
		if r.code != 0 || !strings.HasPrefix(r.stdout, c.ID+": "+c.Title) || !strings.Contains(r.stdout, strings.TrimSpace(c.Doc)) {
			t.Errorf("explain %s: exit %d\n%s", c.ID, r.code, r.stdout)
		}
	}
	r := cli(t, "", "explain", "slo")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "slo: SLO, a core concern") {
		t.Errorf("explain slo: %q", r.stdout)
	}
	var ids []string
	for _, c := range checks.All() {
		ids = append(ids, c.ID)
	}
	r = cli(t, "", "explain", "missing-sections")
	if r.code != 2 || !slices.ContainsFunc(ids, func(id string) bool { return strings.Contains(r.stderr, id) }) {
		t.Errorf("unknown ID should list the checks: %q", r.stderr)
	}
}
