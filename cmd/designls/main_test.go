package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// binary is designls built once for the tests that need a real process:
// exit codes, and version stamping through -ldflags.
var binary string

// pkgDir is this package's folder, where the tests start.
var pkgDir string

const testVersion = "v0.0.0-test"

func TestMain(m *testing.M) {
	flag.Parse()
	pkgDir, _ = os.Getwd()
	dir, err := os.MkdirTemp("", "designls-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "designls")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	build := exec.Command("go", "build", "-ldflags", "-X main.version="+testVersion, "-o", binary, ".")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building designls: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what one run of designls produced.
type result struct {
	stdout, stderr string
	code           int
}

// cli runs designls in-process, in dir when dir is not "".
func cli(t *testing.T, dir string, args ...string) result {
	t.Helper()
	if dir != "" {
		t.Chdir(dir)
	}
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return result{out.String(), errb.String(), code}
}

// exe runs the built binary in dir.
func exe(t *testing.T, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running designls: %v", err)
	}
	return result{out.String(), errb.String(), code}
}

// testdata returns the absolute path of a file under testdata.
func testdata(t *testing.T, parts ...string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join(append([]string{"testdata"}, parts...)...))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// writeFiles creates files (slash-separated names) under a new temporary
// folder and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		r := exe(t, "", args...)
		if r.code != 0 || r.stdout != "designls "+testVersion+"\n" {
			t.Errorf("%v: %+v", args, r)
		}
	}
	if r := cli(t, "", "version"); r.stdout != "designls dev\n" {
		t.Errorf("unstamped version: %q", r.stdout)
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
		r := cli(t, "", args...)
		if r.code != 0 {
			t.Errorf("%v: exit %d", args, r.code)
		}
		for _, name := range []string{"check", "fix", "new", "templates", "rubrics", "explain", "version", "help"} {
			if !strings.Contains(r.stdout, "\n  "+name+" ") {
				t.Errorf("%v: usage does not list %s:\n%s", args, name, r.stdout)
			}
		}
	}
	if r := cli(t, "", "help", "check"); r.code != 0 || !strings.Contains(r.stdout, "usage: designls check [--format") {
		t.Errorf("help check: %+v", r)
	}
	if r := cli(t, "", "check", "-h"); r.code != 0 || !strings.Contains(r.stderr, "-fail-on severity") {
		t.Errorf("check -h: %+v", r)
	}
}

func TestUsageErrors(t *testing.T) {
	doc := testdata(t, "typical.md")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "usage: designls COMMAND"},
		{[]string{"chekc"}, `designls: unknown command "chekc"`},
		{[]string{"help", "nope"}, `designls: unknown command "nope"`},
		{[]string{"check"}, "designls check: no paths given"},
		{[]string{"check", "--format", "xml", doc}, `designls check: unknown --format "xml" (want text, json or sarif)`},
		{[]string{"check", "--fail-on", "warn", doc}, `designls check: unknown --fail-on "warn"`},
		{[]string{"check", "--rubric", "nope", doc}, `designls check: unknown --rubric "nope" (rubrics: `},
		{[]string{"check", "--bogus", doc}, "flag provided but not defined: -bogus"},
		{[]string{"fix"}, "designls fix: no paths given"},
		{[]string{"new"}, "designls new: want exactly one FILE, got 0"},
		{[]string{"explain"}, "designls explain: want one check ID, got 0"},
		{[]string{"explain", "no-such-check"}, `designls explain: no check or concern "no-such-check"`},
		{[]string{"rubrics", "extra"}, "designls rubrics: takes no arguments"},
	} {
		r := exe(t, "", tc.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
}

func TestParseFlagsInterspersed(t *testing.T) {
	fs := newFlags("check", &bytes.Buffer{})
	format := fs.String("format", "text", "")
	pos, _, ok := parseFlags(fs, []string{"a.md", "--format", "json", "b.md", "--", "--format", "c.md"})
	if !ok || *format != "json" || strings.Join(pos, " ") != "a.md b.md --format c.md" {
		t.Errorf("got %q, format %q, ok %v", pos, *format, ok)
	}
}
