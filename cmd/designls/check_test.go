package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/xeipuuv/gojsonschema"

	"github.com/designls/designls/checks"
)

// golden compares got with testdata/golden/name, or rewrites it under
// -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the output (run go test -update after checking it):\n%s", path, lineDiff(string(want), got))
	}
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, a, b)
		}
	}
	return "(no line differs)"
}

func TestGoldenText(t *testing.T) {
	r := cli(t, "", "check", "testdata/docs")
	if r.code != 1 {
		t.Errorf("exit %d, want 1 (there are warnings)", r.code)
	}
	golden(t, "check.txt", r.stdout+"-- stderr --\n"+r.stderr)
}

func TestGoldenJSON(t *testing.T) {
	r := cli(t, "", "check", "--format", "json", "testdata/docs")
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, []byte(r.stdout), "", "  "); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, r.stdout)
	}
	golden(t, "check.json", pretty.String())
}

func TestGoldenSARIF(t *testing.T) {
	r := cli(t, "", "check", "--format", "sarif", "testdata/docs")
	// Rule docs belong to package checks and are tested there; keeping them
	// out of the golden file keeps it about this command's output.
	var log map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &log); err != nil {
		t.Fatal(err)
	}
	for _, rule := range dig(log, "runs", 0, "tool", "driver", "rules").([]any) {
		rule := rule.(map[string]any)
		rule["help"], rule["fullDescription"] = "(the check's Doc)", "(its first paragraph)"
	}
	b, _ := json.MarshalIndent(log, "", "  ")
	golden(t, "check.sarif", string(b)+"\n")
}

// dig walks decoded JSON by keys and indexes.
func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			v = v.(map[string]any)[k]
		case int:
			v = v.([]any)[k]
		}
	}
	return v
}

// TestJSONShape holds the contract of --format json that other tools (the
// corpus scorer) read, independently of what the checks find.
func TestJSONShape(t *testing.T) {
	r := cli(t, "", "check", "--format", "json", "testdata/docs", "testdata/typical.md")
	var out struct {
		Files []struct {
			Path     string
			Rubric   string
			Concerns map[string]struct {
				State    string
				Line     *int
				Evidence *string
			}
			Diagnostics []map[string]any
		}
	}
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	if err := dec.Decode(&out); err != nil {
		t.Fatal(err)
	}
	var top map[string]json.RawMessage
	json.Unmarshal([]byte(r.stdout), &top)
	if len(top) != 1 || top["files"] == nil {
		t.Errorf("top-level keys: want only files, got %v (stderr %s)", slices.Sorted(maps.Keys(top)), r.stderr)
	}
	wantPaths := []string{"testdata/docs/drill.md", "testdata/docs/edge.md", "testdata/docs/notitle.md", "testdata/typical.md"}
	var paths []string
	for _, f := range out.Files {
		paths = append(paths, f.Path)
	}
	if !slices.Equal(paths, wantPaths) {
		t.Fatalf("paths %q, want %q (input order, forward slashes)", paths, wantPaths)
	}
	for _, f := range out.Files {
		src := readFile(t, filepath.FromSlash(f.Path))
		lines := splitLines(src)
		if f.Rubric != checks.DefaultRubric {
			t.Errorf("%s: rubric %q", f.Path, f.Rubric)
		}
		if len(f.Concerns) != len(checks.Concerns) {
			t.Errorf("%s: %d concerns, want all %d", f.Path, len(f.Concerns), len(checks.Concerns))
		}
		for _, info := range checks.Concerns {
			c, ok := f.Concerns[string(info.ID)]
			switch {
			case !ok:
				t.Errorf("%s: concern %s absent", f.Path, info.ID)
			case c.State == "missing":
				if c.Line != nil || c.Evidence != nil {
					t.Errorf("%s: %s missing but has line or evidence", f.Path, info.ID)
				}
			case c.State == "section" || c.State == "mentioned":
				if c.Line == nil || *c.Line < 1 || *c.Line > len(lines) || c.Evidence == nil || *c.Evidence == "" {
					t.Errorf("%s: %s %s without a valid line and evidence", f.Path, info.ID, c.State)
					continue
				}
				if c.State == "section" && strings.TrimRight(lines[*c.Line-1], " \t") != *c.Evidence {
					t.Errorf("%s: %s evidence %q is not line %d as written (%q)", f.Path, info.ID, *c.Evidence, *c.Line, lines[*c.Line-1])
				}
			default:
				t.Errorf("%s: %s state %q", f.Path, info.ID, c.State)
			}
		}
		for _, d := range f.Diagnostics {
			for _, k := range []string{"line", "column", "endLine", "endColumn"} {
				if n, ok := d[k].(float64); !ok || n < 1 {
					t.Errorf("%s: %s = %v, want a 1-based number", f.Path, k, d[k])
				}
			}
			for _, k := range []string{"severity", "code", "concern", "message"} {
				if _, ok := d[k].(string); !ok {
					t.Errorf("%s: %s = %v, want a string", f.Path, k, d[k])
				}
			}
			if !slices.Contains([]string{"error", "warning", "information", "hint"}, d["severity"].(string)) {
				t.Errorf("%s: severity %v", f.Path, d["severity"])
			}
			if _, ok := checks.Lookup(d["code"].(string)); !ok {
				t.Errorf("%s: code %v is not a check", f.Path, d["code"])
			}
		}
	}
}

// splitLines splits like the line index: "\r\n", "\r" and "\n" end lines.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Split(strings.ReplaceAll(s, "\r", "\n"), "\n")
}

// TestPositionsAreBytes checks that line and column point at the bytes the
// diagnostic is about, in a file with CRLF, CJK, emoji, tabs and combining
// characters: the missing-section findings sit on the title's text.
func TestPositionsAreBytes(t *testing.T) {
	r := cli(t, "", "check", "--format", "json", "testdata/docs/edge.md")
	var out struct {
		Files []struct{ Diagnostics []diagnostic }
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || len(out.Files) != 1 {
		t.Fatalf("%v; stderr %s", err, r.stderr)
	}
	lines := splitLines(readFile(t, "testdata/docs/edge.md"))
	found := map[string]bool{}
	for _, d := range out.Files[0].Diagnostics {
		if d.Line != d.EndLine {
			continue
		}
		text := lines[d.Line-1][d.Column-1 : d.EndColumn-1]
		found[d.Code] = true
		switch d.Code {
		case "missing-section":
			if text != "設計: レート制限 🚦" {
				t.Errorf("missing-section covers %q", text)
			}
		case "placeholder":
			if !strings.HasPrefix(text, "TODO") {
				t.Errorf("placeholder covers %q", text)
			}
		}
	}
	if !found["missing-section"] {
		t.Error("no single-line missing-section diagnostic to test")
	}
}

func TestSARIF(t *testing.T) {
	r := cli(t, "", "check", "--format", "sarif", "testdata/docs", "testdata/typical.md")
	raw := []byte(r.stdout)

	validateSARIF(t, raw)

	var log map[string]any
	json.Unmarshal(raw, &log)
	if log["version"] != "2.1.0" || !strings.Contains(log["$schema"].(string), "sarif-2.1.0") {
		t.Errorf("version %v schema %v", log["version"], log["$schema"])
	}
	runs := log["runs"].([]any)
	if len(runs) != 1 {
		t.Fatalf("%d runs", len(runs))
	}
	driver := dig(runs[0], "tool", "driver").(map[string]any)
	if driver["name"] != "designls" || driver["version"] != version {
		t.Errorf("driver %v", driver)
	}
	if dig(runs[0], "columnKind") != "unicodeCodePoints" {
		t.Errorf("columnKind %v", dig(runs[0], "columnKind"))
	}
	var ruleIDs []string
	for _, rule := range driver["rules"].([]any) {
		rule := rule.(map[string]any)
		id := rule["id"].(string)
		ruleIDs = append(ruleIDs, id)
		if rule["helpUri"] != "https://github.com/designls/designls/blob/main/docs/rules/"+id+".md" {
			t.Errorf("%s helpUri %v", id, rule["helpUri"])
		}
		if dig(rule, "shortDescription", "text") == "" || dig(rule, "help", "markdown") == "" {
			t.Errorf("%s: no descriptions", id)
		}
	}
	var want []string
	for _, c := range checks.All() {
		want = append(want, c.ID)
	}
	if !slices.Equal(ruleIDs, want) {
		t.Errorf("rules %q, want every check %q", ruleIDs, want)
	}
	results := dig(runs[0], "results").([]any)
	if len(results) == 0 {
		t.Fatal("no results")
	}
	sawCJK := false
	for _, res := range results {
		res := res.(map[string]any)
		id := res["ruleId"].(string)
		if i := int(res["ruleIndex"].(float64)); ruleIDs[i] != id {
			t.Errorf("ruleIndex %d is %s, not %s", i, ruleIDs[i], id)
		}
		if !slices.Contains([]string{"error", "warning", "note"}, res["level"].(string)) {
			t.Errorf("level %v", res["level"])
		}
		loc := dig(res, "locations", 0, "physicalLocation").(map[string]any)
		uri := dig(loc, "artifactLocation", "uri").(string)
		if strings.Contains(uri, `\`) || filepath.IsAbs(uri) || strings.Contains(uri, ":") {
			t.Errorf("uri %q is not relative", uri)
		}
		region := loc["region"].(map[string]any)
		for _, k := range []string{"startLine", "startColumn", "endLine", "endColumn"} {
			if n, ok := region[k].(float64); !ok || n < 1 {
				t.Errorf("region %s = %v", k, region[k])
			}
		}
		if uri == "testdata/docs/edge.md" && id == "missing-section" {
			// "設計: レート制限 🚦" is 11 code points and 28 bytes.
			if region["startColumn"].(float64) != 3 || region["endColumn"].(float64) != 14 {
				t.Errorf("CJK title region %v, want code point columns 3-14", region)
			}
			sawCJK = true
		}
	}
	if !sawCJK {
		t.Error("no missing-section result on edge.md")
	}
}

// validateSARIF validates raw output against the SARIF 2.1.0 JSON schema
// that go-sarif bundles (read from the module's source, since the package
// keeps it unexported; go-sarif's own Validate checks its re-encoding, not
// our bytes) and decodes it with go-sarif.
func validateSARIF(t *testing.T, raw []byte) *sarif.Report {
	t.Helper()
	list := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/owenrumney/go-sarif/v3")
	list.Dir = pkgDir // tests may have moved to a folder outside the module
	out, err := list.Output()
	if err != nil {
		t.Fatalf("locating go-sarif: %v", err)
	}
	src, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "pkg", "report", "v210", "sarif", "schema.go"))
	if err != nil {
		t.Fatal(err)
	}
	start, end := bytes.IndexByte(src, '`'), bytes.LastIndexByte(src, '`')
	if start < 0 || end <= start {
		t.Fatal("no schema literal in go-sarif's schema.go")
	}
	res, err := gojsonschema.Validate(gojsonschema.NewBytesLoader(src[start+1:end]), gojsonschema.NewBytesLoader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Valid() {
		for _, e := range res.Errors() {
			t.Errorf("SARIF schema: %s", e)
		}
		t.FailNow()
	}
	rep, err := sarif.FromBytes(raw)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestSARIFFileErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{"bin.md": "\x00\x01\x02", "ok.md": "# Title\n"})
	r := cli(t, dir, "check", "--format", "sarif", ".")
	if r.code != 2 {
		t.Errorf("exit %d", r.code)
	}
	rep := validateSARIF(t, []byte(r.stdout))
	inv := rep.Runs[0].Invocations[0]
	if *inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 ||
		!strings.Contains(*inv.ToolExecutionNotifications[0].Message.Text, "bin.md: binary file, not Markdown") {
		t.Errorf("invocation %+v", inv)
	}
}

func TestSARIFURI(t *testing.T) {
	wd := filepath.FromSlash("/repo")
	for path, want := range map[string]string{
		"docs/a.md":          "docs/a.md",
		"./docs/a.md":        "docs/a.md",
		"docs/with space.md": "docs/with%20space.md",
		"docs/设计.md":         "docs/%E8%AE%BE%E8%AE%A1.md",
	} {
		if got := sarifURI(wd, path); got != want {
			t.Errorf("%q: %q, want %q", path, got, want)
		}
	}
	if runtime.GOOS != "windows" {
		if got := sarifURI("/repo", "/repo/docs/a.md"); got != "docs/a.md" {
			t.Errorf("absolute inside: %q", got)
		}
		if got := sarifURI("/repo", "/elsewhere/a.md"); got != "file:///elsewhere/a.md" {
			t.Errorf("absolute outside: %q", got)
		}
	}
}

const incomplete = "# Cache\n\n## API\n\nGET /v1/items/{id} returns the item.\n"

func TestExitCodes(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"complete.md":   readFile(t, "testdata/typical.md"),
		"incomplete.md": incomplete,
	})
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"check", "complete.md"}, 0},
		{[]string{"check", "incomplete.md"}, 1},
		{[]string{"check", "--fail-on", "warning", "incomplete.md"}, 1},
		{[]string{"check", "--fail-on", "error", "incomplete.md"}, 0},
		{[]string{"check", "--fail-on", "none", "incomplete.md"}, 0},
		{[]string{"check", "--fail-on", "information", "complete.md"}, 0},
		{[]string{"check", "--fail-on", "hint", "incomplete.md"}, 1},
		{[]string{"check", "complete.md", "missing.md"}, 2},
		{[]string{"check", "--config", "nope.yaml", "complete.md"}, 2},
		{[]string{"check", "--format", "json", "incomplete.md"}, 1},
		{[]string{"check", "--format", "sarif", "incomplete.md"}, 1},
		{[]string{"check", "--format", "yaml", "complete.md"}, 2},
		{[]string{"frobnicate"}, 2},
		{[]string{}, 2},
		{[]string{"help"}, 0},
		{[]string{"rubrics"}, 0},
		{[]string{"templates"}, 0},
		{[]string{"explain", "missing-section"}, 0},
	} {
		if r := exe(t, dir, tc.args...); r.code != tc.code {
			t.Errorf("designls %s: exit %d, want %d\nstdout %s\nstderr %s", strings.Join(tc.args, " "), r.code, tc.code, r.stdout, r.stderr)
		}
	}
}

// TestBadInput: every kind of bad input gets a message or a correct
// result, the other files are still checked, and nothing panics or hangs.
func TestBadInput(t *testing.T) {
	files := map[string]string{
		"good.md":        incomplete,
		"latin1.md":      "# Caf\xe9 design\n\n## API\n\n`GET /v1/caf\xe9s/{id}` returns one caf\xe9; errors use problem+json \xff\xfe with a stable code.\n",
		"nul.md":         "# Title\n\nsome text\x00more\n",
		"binary.md":      "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"empty.md":       "",
		"frontonly.md":   "---\nrubric: system-design\n---\n",
		"nomd/notes.txt": "not markdown",
	}
	dir := writeFiles(t, files)
	check := func(args ...string) result {
		t.Helper()
		return exe(t, dir, append([]string{"check", "--format", "json"}, args...)...)
	}
	type fileOut struct {
		Path        string
		Concerns    map[string]map[string]any
		Diagnostics []map[string]any
	}
	decode := func(r result) []fileOut {
		t.Helper()
		var out struct{ Files []fileOut }
		if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
			t.Fatalf("stdout is not JSON (%v):\n%s\nstderr:\n%s", err, r.stdout, r.stderr)
		}
		return out.Files
	}

	t.Run("non-UTF-8", func(t *testing.T) {
		r := check("latin1.md")
		fs := decode(r)
		if r.code == 2 || len(fs) != 1 || fs[0].Concerns["api"]["state"] != "section" {
			t.Errorf("exit %d, files %+v, stderr %s", r.code, fs, r.stderr)
		}
		if !utf8.ValidString(r.stdout) {
			t.Error("JSON output is not valid UTF-8")
		}
		txt := exe(t, dir, "check", "latin1.md")
		if !strings.Contains(txt.stdout, "latin1.md:") {
			t.Errorf("text output: %+v", txt)
		}
	})
	for _, name := range []string{"nul.md", "binary.md"} {
		t.Run(name, func(t *testing.T) {
			r := check(name, "good.md")
			if r.code != 2 || !strings.Contains(r.stderr, name+": binary file, not Markdown") {
				t.Errorf("exit %d, stderr %q", r.code, r.stderr)
			}
			if fs := decode(r); len(fs) != 1 || fs[0].Path != "good.md" {
				t.Errorf("other file not reported: %+v", fs)
			}
		})
	}
	t.Run("empty", func(t *testing.T) {
		r := check("empty.md")
		fs := decode(r)
		if r.code != 1 || len(fs) != 1 || len(fs[0].Concerns) != len(checks.Concerns) || !hasCode(fs[0].Diagnostics, "no-title") {
			t.Errorf("exit %d files %+v stderr %s", r.code, fs, r.stderr)
		}
	})
	t.Run("only front matter", func(t *testing.T) {
		r := check("frontonly.md")
		if fs := decode(r); r.code != 1 || len(fs) != 1 || !hasCode(fs[0].Diagnostics, "missing-section") {
			t.Errorf("exit %d files %+v stderr %s", r.code, fs, r.stderr)
		}
	})
	t.Run("missing path", func(t *testing.T) {
		r := check("nowhere.md", "good.md")
		if r.code != 2 || !strings.Contains(r.stderr, "nowhere.md: no such file or directory") {
			t.Errorf("exit %d stderr %q", r.code, r.stderr)
		}
		if fs := decode(r); len(fs) != 1 {
			t.Errorf("good.md not reported: %+v", fs)
		}
	})
	t.Run("folder without Markdown", func(t *testing.T) {
		r := check("nomd")
		if r.code != 0 || !strings.Contains(r.stderr, "nomd: no Markdown files to check") || len(decode(r)) != 0 {
			t.Errorf("exit %d stderr %q stdout %q", r.code, r.stderr, r.stdout)
		}
		txt := exe(t, dir, "check", "nomd")
		if txt.stdout != "" || !strings.Contains(txt.stderr, "0 files, no findings") {
			t.Errorf("text: %+v", txt)
		}
	})
	t.Run("too large", func(t *testing.T) {
		// 50 MB of real Markdown: refused from its size, before reading.
		big := filepath.Join(dir, "big.md")
		f, err := os.Create(big)
		if err != nil {
			t.Fatal(err)
		}
		chunk := bytes.Repeat([]byte("## Section\n\nSome text about the API and its p99 latency.\n\n"), 1000)
		for written := 0; written < 50<<20; written += len(chunk) {
			f.Write(chunk)
		}
		f.Close()
		r := check("big.md", "good.md")
		if r.code != 2 || !strings.Contains(r.stderr, "big.md: file is too large to be a design doc (50.") {
			t.Errorf("exit %d stderr %q", r.code, r.stderr)
		}
		if len(decode(r)) != 1 {
			t.Error("good.md not reported")
		}
	})
	t.Run("largest allowed", func(t *testing.T) {
		// Just under the cap: checked, and in the time a test allows.
		f, err := os.Create(filepath.Join(dir, "huge.md"))
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("# Huge\n\n")
		chunk := []byte("## API\n\nGET /v1/x with p99 under 5 ms.\n\n- a list item\n- another\n\n")
		for written := 0; written+len(chunk) < maxDocSize-100; written += len(chunk) {
			f.Write(chunk)
		}
		f.Close()
		r := check("huge.md")
		if r.code == 2 || len(decode(r)) != 1 {
			t.Errorf("exit %d stderr %q", r.code, r.stderr)
		}
	})
	if runtime.GOOS != "windows" {
		t.Run("fifo", func(t *testing.T) {
			fifo := filepath.Join(dir, "pipe.md")
			if err := syscall.Mkfifo(fifo, 0o644); err != nil {
				t.Skip(err)
			}
			defer os.Remove(fifo)
			done := make(chan result, 1)
			go func() { done <- check("pipe.md", "good.md") }()
			select {
			case r := <-done:
				if r.code != 2 || !strings.Contains(r.stderr, "pipe.md: not a regular file") {
					t.Errorf("exit %d stderr %q", r.code, r.stderr)
				}
			case <-time.After(time.Minute):
				t.Fatal("designls hung on a FIFO")
			}
			// Walked folders skip it silently.
			if r := check("."); strings.Contains(r.stderr, "pipe.md") {
				t.Errorf("walk reported the FIFO: %q", r.stderr)
			}
		})
	}
}

func hasCode(ds []map[string]any, code string) bool {
	for _, d := range ds {
		if d["code"] == code {
			return true
		}
	}
	return false
}

func TestConfigErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		".designls.yaml": "include: [docs/**]\nseverity:\n  missing-sectoin: error\n  placeholder: loud\n",
		"docs/a.md":      incomplete,
	})
	r := cli(t, dir, "check", ".")
	for _, want := range []string{
		filepath.Join(dir, ".designls.yaml") + `:3:3: severity.missing-sectoin: unknown check "missing-sectoin" (did you mean "missing-section"?)`,
		filepath.Join(dir, ".designls.yaml") + `:4:16: severity.placeholder: unknown severity "loud"`,
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if strings.Count(r.stderr, "severity.missing-sectoin:") != 1 {
		t.Errorf("config error printed more than once:\n%s", r.stderr)
	}
	if r.code != 2 || !strings.Contains(r.stdout, "docs/a.md:1:3: warning missing-section") {
		t.Errorf("the rest of the config and the file should still be used: exit %d\n%s", r.code, r.stdout)
	}

	// A YAML syntax error names the line; checking goes on with defaults.
	bad := writeFiles(t, map[string]string{".designls.yml": "include: [a\nrubric: x\n", "a.md": incomplete})
	r = cli(t, bad, "check", "a.md")
	if r.code != 2 || !strings.Contains(r.stderr, ".designls.yml:2: invalid YAML") || !strings.Contains(r.stdout, "a.md:1:3:") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
	}

	// --config is used for every file, wherever it lives.
	r = cli(t, dir, "check", "--config", filepath.Join(bad, ".designls.yml"), "docs/a.md")
	if r.code != 2 || !strings.Contains(r.stderr, "invalid YAML") || strings.Contains(r.stderr, "missing-sectoin") {
		t.Errorf("--config: exit %d stderr %s", r.code, r.stderr)
	}
}

func TestConfigApplies(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		".designls.yaml": "severity: {missing-section: error}\ndisable: [no-title]\nsynonyms: {slo: [uptime promise]}\n",
		"a.md":           "No title.\n\n## API\n\nGET /x\n\n## Uptime promise\n\n99.9% of requests succeed in 30 days, measured at the load balancer; p99 under 50 ms.\n",
	})
	r := cli(t, dir, "check", "--format", "json", "a.md")
	var out struct {
		Files []struct {
			Concerns    map[string]map[string]any
			Diagnostics []map[string]any
		}
	}
	json.Unmarshal([]byte(r.stdout), &out)
	f := out.Files[0]
	if f.Concerns["slo"]["state"] != "section" || f.Concerns["slo"]["evidence"] != "## Uptime promise" {
		t.Errorf("synonym not applied: %v", f.Concerns["slo"])
	}
	if hasCode(f.Diagnostics, "no-title") {
		t.Error("disabled check reported")
	}
	for _, d := range f.Diagnostics {
		if d["code"] == "missing-section" && d["severity"] != "error" {
			t.Errorf("severity override not applied: %v", d)
		}
	}
	if r.code != 1 {
		t.Errorf("exit %d", r.code)
	}
	// --rubric is accepted and reported.
	if r := cli(t, dir, "check", "--format", "json", "--rubric", checks.DefaultRubric, "a.md"); !strings.Contains(r.stdout, `"rubric":"`+checks.DefaultRubric+`"`) {
		t.Errorf("--rubric: %s", r.stdout)
	}
}

// TestMembership: folders are walked for the Markdown the config includes;
// files named on the command line are always checked.
func TestMembership(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		".designls.yaml":           "include: [docs/**, rfcs]\nexclude: [docs/drafts/**]\n",
		"README.md":                "# Readme\n",
		"docs/a.md":                "# A\n",
		"docs/sub/b.MD":            "# B\n",
		"docs/drafts/c.md":         "# C\n",
		"docs/notes.txt":           "not markdown",
		"docs/node_modules/x/d.md": "# D\n",
		"rfcs/0001.md":             "# RFC 1\n",
		".git/e.md":                "# E\n",
		"vendor/f.md":              "# F\n",
		"other/.designls.yaml":     "",
		"other/g.md":               "# G\n", // its own, empty config: everything
	})
	paths := func(r result) []string {
		var out struct{ Files []struct{ Path string } }
		if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
			t.Fatalf("%v\n%s", err, r.stderr)
		}
		var ps []string
		for _, f := range out.Files {
			ps = append(ps, f.Path)
		}
		return ps
	}
	got := paths(cli(t, dir, "check", "--format", "json", "."))
	want := []string{"docs/a.md", "docs/sub/b.MD", "other/g.md", "rfcs/0001.md"}
	if !slices.Equal(got, want) {
		t.Errorf("walked %q, want %q", got, want)
	}
	got = paths(cli(t, dir, "check", "--format", "json", "README.md", "docs/drafts/c.md", "docs", "docs/a.md"))
	want = []string{"README.md", "docs/drafts/c.md", "docs/a.md", "docs/sub/b.MD"}
	if !slices.Equal(got, want) {
		t.Errorf("explicit files and folder: %q, want %q", got, want)
	}
	// A skipped folder named explicitly is walked: the user asked for it.
	got = paths(cli(t, dir, "check", "--format", "json", "docs/node_modules"))
	if !slices.Equal(got, []string{"docs/node_modules/x/d.md"}) {
		t.Errorf("explicit node_modules: %q", got)
	}
}

func TestNoConfigChecksEverything(t *testing.T) {
	dir := writeFiles(t, map[string]string{"README.md": "# R\n", "sub/x.md": "# X\n", "node_modules/y.md": "# Y\n"})
	r := cli(t, dir, "check", "--format", "json", ".")
	if !strings.Contains(r.stdout, `"path":"README.md"`) || !strings.Contains(r.stdout, `"path":"sub/x.md"`) || strings.Contains(r.stdout, "node_modules") {
		t.Errorf("%s", r.stdout)
	}
}

// TestOrderManyFiles: with a worker per core, output still follows the
// input order, and text lines are sorted by position within a file.
func TestOrderManyFiles(t *testing.T) {
	files := map[string]string{}
	var want []string
	for i := range 40 {
		name := fmt.Sprintf("d%02d.md", i)
		files[name] = strings.Repeat("x\n", i%7) + "# T\n\nTODO: later\n"
		want = append(want, name)
	}
	dir := writeFiles(t, files)
	r := cli(t, dir, "check", ".")
	var got []string
	prev, prevLine := "", 0
	re := regexp.MustCompile(`^(d\d\d\.md):(\d+):\d+: `)
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		m := re.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("bad line %q", line)
		}
		var n int
		fmt.Sscan(m[2], &n)
		if m[1] != prev {
			got = append(got, m[1])
			prev, prevLine = m[1], 0
		}
		if n < prevLine {
			t.Errorf("%s: line %d after line %d", m[1], n, prevLine)
		}
		prevLine = n
	}
	if !slices.Equal(got, want) {
		t.Errorf("file order %q", got)
	}
	if !strings.HasPrefix(r.stderr, "40 files, ") {
		t.Errorf("summary %q", r.stderr)
	}
}

func TestSummary(t *testing.T) {
	var c [checks.Hint + 1]int
	if got := summary(1, 0, c); got != "1 file, no findings" {
		t.Errorf("%q", got)
	}
	c[checks.Warning], c[checks.Hint], c[checks.Information] = 2, 1, 3
	if got := summary(3, 1, c); got != "3 files, 2 warnings, 3 information, 1 hint, 1 file not checked" {
		t.Errorf("%q", got)
	}
}

func TestInline(t *testing.T) {
	never := func(err error) { t.Errorf("stuck called: %v", err) }
	v, err := inline(func() (int, error) { return 7, nil }, never)
	if v != 7 || err != nil {
		t.Errorf("got %d, %v", v, err)
	}
	_, err = inline(func() (int, error) {
		var m map[string]int
		m["x"] = 1 // a bug in a check
		return 0, nil
	}, never)
	if err == nil || !strings.Contains(err.Error(), "internal error, please report it: assignment to entry in nil map (at github.com/designls/designls/cmd/designls.TestInline.func3, check_test.go:") {
		t.Errorf("panic: %v", err)
	}

	// A stuck check cannot be abandoned on its own goroutine: stuck is
	// told, and in a run it ends the process.
	defer func(d time.Duration) { checkTimeout = d }(checkTimeout)
	checkTimeout = 10 * time.Millisecond
	told := make(chan error, 1)
	_, err = inline(func() (int, error) { return 0, <-told }, func(err error) { told <- err })
	if err == nil || !strings.Contains(err.Error(), "checking took over 10ms; gave up") {
		t.Errorf("stuck: %v", err)
	}
}

// TestStuckRun checks what a one-file run does when its check is stuck:
// it names the file and exits with code 2.
func TestStuckRun(t *testing.T) {
	defer func(e func(int)) { exit = e }(exit)
	code := -1
	exit = func(c int) { code = c }
	var stderr strings.Builder
	stuckRun(&stderr, "docs/a.md")(errors.New("internal error, please report it: checking took over 1m0s; gave up"))
	if want := "docs/a.md: internal error, please report it: checking took over 1m0s; gave up\n"; stderr.String() != want || code != exitTrouble {
		t.Errorf("got %q and exit %d, want %q and exit %d", stderr.String(), code, want, exitTrouble)
	}
}

func TestGuard(t *testing.T) {
	v, err := guard(func() (int, error) { return 7, nil })
	if v != 7 || err != nil {
		t.Errorf("got %d, %v", v, err)
	}
	_, err = guard(func() (int, error) {
		var m map[string]int
		m["x"] = 1 // a bug in a check
		return 0, nil
	})
	if err == nil || !strings.Contains(err.Error(), "internal error, please report it: assignment to entry in nil map (at github.com/designls/designls/cmd/designls.TestGuard.func2, check_test.go:") {
		t.Errorf("panic: %v", err)
	}

	// A stuck check is abandoned, not waited for.
	defer func(d time.Duration) { checkTimeout = d }(checkTimeout)
	checkTimeout = 10 * time.Millisecond
	stuck := make(chan struct{})
	defer close(stuck)
	_, err = guard(func() (int, error) { <-stuck; return 0, nil })
	if err == nil || !strings.Contains(err.Error(), "checking took over 10ms; gave up") {
		t.Errorf("stuck: %v", err)
	}
}
