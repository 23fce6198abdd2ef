package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/designls/designls/checks"
)

func TestDrills(t *testing.T) {
	r := cli(t, "", "drills")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("drills: exit %d, stderr %q", r.code, r.stderr)
	}
	golden(t, "drills.txt", r.stdout)
	for _, d := range checks.Drills() {
		if !strings.Contains(r.stdout, "\n"+d.Name+" ") {
			t.Errorf("drills does not list %s", d.Name)
		}
	}
	r = cli(t, "", "drills", "feature-flags")
	if r.code != 0 {
		t.Fatalf("drills feature-flags: exit %d: %s", r.code, r.stderr)
	}
	golden(t, "drill-feature-flags.txt", r.stdout)
	for _, d := range checks.Drills() {
		r := cli(t, "", "drills", d.Name)
		for i, line := range strings.Split(r.stdout, "\n") {
			if n := utf8.RuneCountInString(line); n > 80 {
				t.Errorf("drills %s: line %d has %d columns", d.Name, i+1, n)
			}
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"drills", "nope"}, `designls drills: no drill "nope" (drills: api-gateway, `},
		{[]string{"drills", "a", "b"}, "designls drills: want at most one drill NAME, got 2"},
	} {
		if r := cli(t, "", tc.args...); r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q", tc.args, r.code, r.stderr)
		}
	}
}

func TestNewDrill(t *testing.T) {
	dir := t.TempDir()
	d, _ := checks.LookupDrill("feature-flags")
	want, err := d.Starter(nil)
	if err != nil {
		t.Fatal(err)
	}
	r := cli(t, dir, "new", "--drill", "feature-flags", "ff.md")
	if r.code != 0 || r.stderr != "ff.md: written from drill feature-flags (45 minutes; designls review ff.md scores it)\n" {
		t.Errorf("new --drill: exit %d, stderr %q", r.code, r.stderr)
	}
	if got := readFile(t, filepath.Join(dir, "ff.md")); got != want {
		t.Errorf("written starter differs from Drill.Starter:\n%s", lineDiff(want, got))
	}
	// The starter is a practice answer the review knows.
	r = cli(t, dir, "review", "--format", "json", "ff.md")
	var sc checks.Scorecard
	if err := json.Unmarshal([]byte(r.stdout), &sc); err != nil || sc.Drill != "feature-flags" || sc.Rubric != "system-design" {
		t.Errorf("review of the starter: %v, %+v", err, sc)
	}

	// Never overwritten without --force.
	os.WriteFile(filepath.Join(dir, "ff.md"), []byte("mine"), 0o644)
	r = cli(t, dir, "new", "--drill", "rate-limiter", "ff.md")
	if r.code != 2 || !strings.Contains(r.stderr, "ff.md: already exists; not overwritten (use --force to replace it)") {
		t.Errorf("overwrite without --force: exit %d, stderr %q", r.code, r.stderr)
	}
	if got := readFile(t, filepath.Join(dir, "ff.md")); got != "mine" {
		t.Errorf("file changed without --force: %q", got)
	}
	r = cli(t, dir, "new", "--force", "--drill", "rate-limiter", "ff.md")
	if got := readFile(t, filepath.Join(dir, "ff.md")); r.code != 0 || !strings.Contains(got, "drill: rate-limiter\n") {
		t.Errorf("--force: exit %d, %q", r.code, got)
	}

	// "-" prints it; the starter uses the project's template overrides.
	proj := writeFiles(t, map[string]string{
		".designls.yaml":           "templates: tpl\n",
		"tpl/incident-response.md": "---\nrubric: incident-response\n---\n# Incident\n\n## Our own first section\n",
	})
	r = cli(t, proj, "new", "--drill", "kv-latency-incident", "-")
	if r.code != 0 || !strings.Contains(r.stdout, "drill: kv-latency-incident\n") || !strings.HasSuffix(r.stdout, "## Our own first section\n") {
		t.Errorf("new --drill to stdout with an override: exit %d, stderr %q\n%s", r.code, r.stderr, r.stdout)
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"new", "--drill", "nope", "x.md"}, `designls new: no drill "nope" (drills: `},
		{[]string{"new", "--drill", "feature-flags", "--template", "postmortem", "x.md"}, "--drill and --template cannot be used together"},
		{[]string{"new", "--drill", "feature-flags"}, "designls new: want exactly one FILE, got 0"},
	} {
		if r := cli(t, dir, tc.args...); r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q", tc.args, r.code, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.md")); err == nil {
		t.Errorf("a failed new --drill wrote x.md")
	}
}
