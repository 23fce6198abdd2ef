package main

import (
	"encoding/json"
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/designls/designls/checks"
)

const (
	firstAttempt  = "testdata/review/first.md"
	secondAttempt = "testdata/review/second.md"
	incidentDoc   = "testdata/review/incident.md"
)

// pretendTerminal makes every writer look like a terminal for one test.
func pretendTerminal(t *testing.T) {
	t.Helper()
	was := isTerminal
	isTerminal = func(io.Writer) bool { return true }
	t.Cleanup(func() { isTerminal = was })
}

func TestReviewGolden(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	for _, tc := range []struct{ file, golden string }{
		{secondAttempt, "review-second"},
		{firstAttempt, "review-first"},
		{incidentDoc, "review-incident"},
	} {
		for _, format := range []string{"text", "markdown", "json"} {
			r := cli(t, "", "review", "--format", format, tc.file)
			if r.code != 0 || r.stderr != "" {
				t.Errorf("review --format %s %s: exit %d, stderr %q", format, tc.file, r.code, r.stderr)
			}
			ext := map[string]string{"text": ".txt", "markdown": ".md", "json": ".json"}[format]
			golden(t, tc.golden+ext, r.stdout)
		}
	}
}

// The default format is text, and text written to anything but a terminal
// has no colour codes.
func TestReviewTextFitsAndIsPlain(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	for _, file := range []string{firstAttempt, secondAttempt, incidentDoc} {
		r := cli(t, "", "review", file)
		if r.code != 0 {
			t.Fatalf("%s: exit %d: %s", file, r.code, r.stderr)
		}
		if strings.Contains(r.stdout, "\x1b[") {
			t.Errorf("%s: colour codes in output that is not a terminal", file)
		}
		for i, line := range strings.Split(r.stdout, "\n") {
			// Code points bound display columns from below; the wide
			// characters of the fixtures are all in titles, well short.
			if n := utf8.RuneCountInString(line); n > 80 {
				t.Errorf("%s: line %d has %d columns: %q", file, i+1, n, line)
			}
		}
	}
}

func TestReviewColour(t *testing.T) {
	pretendTerminal(t)
	t.Setenv("NO_COLOR", "")
	r := cli(t, "", "review", secondAttempt)
	if !strings.Contains(r.stdout, "\x1b[32m✓\x1b[0m") {
		t.Errorf("on a terminal, ✓ is not green:\n%s", r.stdout)
	}
	plain := cli(t, "", "review", "--format", "text", secondAttempt)
	t.Setenv("NO_COLOR", "1")
	if r := cli(t, "", "review", secondAttempt); strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("NO_COLOR=1 on a terminal: colour codes in\n%s", r.stdout)
	} else if r.stdout != stripANSI(plain.stdout) {
		t.Errorf("NO_COLOR output differs from the coloured one without its codes")
	}
	// Compare colours its marks too, and obeys NO_COLOR the same way.
	if r := cli(t, "", "review", "--compare", firstAttempt, secondAttempt); strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("compare with NO_COLOR=1: colour codes")
	}
	t.Setenv("NO_COLOR", "")
	if r := cli(t, "", "review", "--compare", firstAttempt, secondAttempt); !strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("compare on a terminal: no colour")
	}
	// Markdown and JSON never carry colour.
	for _, format := range []string{"markdown", "json"} {
		if r := cli(t, "", "review", "--format", format, secondAttempt); strings.Contains(r.stdout, "\x1b[") {
			t.Errorf("--format %s on a terminal: colour codes", format)
		}
	}
}

func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// The JSON is the core's scorecard as it is, so editors and scripts read
// the same structure the language server sends.
func TestReviewJSONIsTheCoreScorecard(t *testing.T) {
	r := cli(t, "", "review", "--format", "json", secondAttempt)
	var got checks.Scorecard
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("not a scorecard: %v\n%s", err, r.stdout)
	}
	want := checks.Review(checks.Run(secondAttempt, []byte(readFile(t, secondAttempt)), nil))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("JSON scorecard differs from checks.Review:\ngot  %+v\nwant %+v", got, want)
	}
	if got.Drill != "feature-flags" || got.Score <= 0 || len(got.Items) == 0 || len(got.Next) == 0 {
		t.Errorf("scorecard lacks drill, score, items or next steps: %+v", got)
	}
}

func TestReviewRubricAndConfig(t *testing.T) {
	r := cli(t, "", "review", "--format", "json", "--rubric", "postmortem", secondAttempt)
	var sc checks.Scorecard
	if err := json.Unmarshal([]byte(r.stdout), &sc); err != nil || sc.Rubric != "postmortem" || sc.Items[0].Kind != checks.KindPart {
		t.Errorf("--rubric postmortem: %v, rubric %q", err, sc.Rubric)
	}

	// The config's severities reach the review: with missing-section off a
	// rubric's absent sections still score ✗ (the review reads coverage),
	// but an error in the config makes the run exit 2 with the card still
	// printed.
	doc := readFile(t, firstAttempt)
	dir := writeFiles(t, map[string]string{
		"good/.designls.yaml": "severity:\n  capacity-math: off\n",
		"good/a.md":           doc,
		"bad/.designls.yaml":  "severity:\n  capacity-math: loud\n",
		"bad/a.md":            doc,
	})
	r = cli(t, dir, "review", "good/a.md")
	if r.code != 0 || strings.Contains(r.stdout, "not 1M QPS") {
		t.Errorf("capacity-math off in the config, yet its question is open (exit %d):\n%s", r.code, r.stdout)
	}
	r = cli(t, dir, "review", "bad/a.md")
	if r.code != 2 || !strings.Contains(r.stderr, ".designls.yaml") || !strings.Contains(r.stdout, "Scorecard:") {
		t.Errorf("bad config: exit %d, stderr %q, stdout %q", r.code, r.stderr, r.stdout)
	}
	// --config overrides the nearest file.
	r = cli(t, dir, "review", "--config", "good/.designls.yaml", "bad/a.md")
	if r.code != 0 || strings.Contains(r.stdout, "not 1M QPS") {
		t.Errorf("--config good: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestReviewCompare(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	for _, format := range []string{"text", "markdown", "json"} {
		r := cli(t, "", "review", "--compare", "--format", format, firstAttempt, secondAttempt)
		if r.code != 0 || r.stderr != "" {
			t.Errorf("compare --format %s: exit %d, stderr %q", format, r.code, r.stderr)
		}
		golden(t, "compare"+map[string]string{"text": ".txt", "markdown": ".md", "json": ".json"}[format], r.stdout)
	}
	r := cli(t, "", "review", "--compare", "--format", "json", firstAttempt, secondAttempt)
	var d struct {
		Old, New string
		checks.Delta
	}
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil {
		t.Fatal(err)
	}
	if d.Old != firstAttempt || d.New != secondAttempt || d.NewScore <= d.OldScore || len(d.Gained) == 0 || len(d.Lost) != 0 || len(d.Answered) == 0 {
		t.Errorf("delta of a better second attempt: %+v", d)
	}
	// Backwards, what was gained is lost.
	r = cli(t, "", "review", "--compare", "--format", "json", secondAttempt, firstAttempt)
	var back checks.Delta
	json.Unmarshal([]byte(r.stdout), &back)
	if len(back.Lost) != len(d.Gained) || len(back.Raised) != len(d.Answered) {
		t.Errorf("reversed compare: lost %d (want %d), raised %d (want %d)", len(back.Lost), len(d.Gained), len(back.Raised), len(d.Answered))
	}
	// Attempts at different prompts are compared, with a warning.
	r = cli(t, "", "review", "--compare", firstAttempt, incidentDoc)
	if r.code != 0 || !strings.Contains(r.stderr, "answer different prompts (rubric system-design vs incident-response, drill feature-flags vs kv-latency-incident)") {
		t.Errorf("different prompts: exit %d, stderr %q", r.code, r.stderr)
	}
	// A file against itself changes nothing.
	r = cli(t, "", "review", "--compare", secondAttempt, secondAttempt)
	if !strings.Contains(r.stdout, "No change in coverage or open questions.") {
		t.Errorf("compare with itself:\n%s", r.stdout)
	}
}

func TestReviewErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{"bin.md": "# T\x00", "ok.md": "# T\n"})
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"review"}, "designls review: want exactly one FILE, got 0"},
		{[]string{"review", "ok.md", "ok.md"}, "want exactly one FILE, got 2 (use --compare OLD NEW"},
		{[]string{"review", "--compare", "ok.md"}, "--compare wants two files, OLD and NEW; got 1"},
		{[]string{"review", "--format", "sarif", "ok.md"}, `unknown --format "sarif" (want text, markdown or json)`},
		{[]string{"review", "--rubric", "nope", "ok.md"}, `unknown --rubric "nope" (rubrics: `},
		{[]string{"review", "--colour", "ok.md"}, "flag provided but not defined: -colour"},
		{[]string{"review", "missing.md"}, "missing.md: no such file or directory"},
		{[]string{"review", "."}, ".: is a folder; review takes one file"},
		{[]string{"review", "bin.md"}, "bin.md: binary file, not Markdown"},
		{[]string{"review", "--compare", "ok.md", "missing.md"}, "missing.md: no such file or directory"},
	} {
		r := cli(t, dir, tc.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) || r.stdout != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2, no output and %q", tc.args, r.code, r.stdout, r.stderr, tc.want)
		}
	}
	// The real process agrees on the exit code.
	if r := exe(t, dir, "review", "missing.md"); r.code != 2 {
		t.Errorf("binary: review of a missing file exits %d", r.code)
	}
	if r := exe(t, "", "review", filepath.Join(pkgDir, secondAttempt)); r.code != 0 || strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("binary: review exits %d; colour in a pipe: %v", r.code, strings.Contains(r.stdout, "\x1b["))
	}
}
