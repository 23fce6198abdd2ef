package checks

import (
	"encoding/json"
	"github.com/designls/designls/internal/golden"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/designls/designls/checks/doc"
)

// TestScorecardGolden renders the scorecard of each testdata/scorecard
// fixture as text (with and without colour), Markdown and JSON, and
// compares them with golden files.
func TestScorecardGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "scorecard", "*.md"))
	if len(files) == 0 {
		t.Fatal("no scorecard fixtures")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := Review(Run(f, src, nil))
		js, err := json.MarshalIndent(sc, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		stem := strings.TrimSuffix(f, ".md")
		for ext, got := range map[string]string{
			".text.golden":     sc.Text(false),
			".color.golden":    sc.Text(true),
			".markdown.golden": sc.Markdown(),
			".json.golden":     string(js) + "\n",
		} {
			compareGolden(t, stem+ext, got)
		}
	}
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	golden.Check(t, path, got, *update)
}

// TestScorecardTextFits80Columns renders every fixture and corpus document
// and checks every line fits 80 terminal columns, and that colour codes
// appear only when asked for.
func TestScorecardTextFits80Columns(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "*.md"))
	corpus, _ := filepath.Glob(filepath.Join(corpusDocs, "*.md"))
	for _, f := range append(files, corpus...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := Review(Run(f, src, nil))
		plain := sc.Text(false)
		if strings.Contains(plain, "\x1b") {
			t.Errorf("%s: colour codes without colour", f)
		}
		for _, line := range strings.Split(plain, "\n") {
			if w := displayWidth(line); w > textWidth {
				t.Errorf("%s: line of %d columns: %q", f, w, line)
			}
		}
		if !strings.Contains(sc.Text(true), "\x1b[") {
			t.Errorf("%s: no colour codes when asked for colour", f)
		}
		if !reflect.DeepEqual(sc, Review(Run(f, src, nil))) {
			t.Errorf("%s: Review is not a pure function of the result", f)
		}
	}
}

func TestScoreFormula(t *testing.T) {
	d := doc.Parse("t.md", []byte("# T\n\n## API\n\nGET /v1/x returns x to every caller of the service.\n"))
	api := d.Sections[1]
	rubric := &Rubric{Name: "test", Title: "Test", Requires: []Requirement{
		{Concern: API, Missing: Warning},
		{Concern: SLO, Missing: Warning},
		{Concern: Capacity, Missing: Information},
	}}
	res := &Result{Doc: d, Rubric: rubric, Coverage: Coverage{
		API: {Concern: API, State: Covered, Section: api, Span: api.Heading, Evidence: "API"},
		SLO: {Concern: SLO, State: Mentioned, Section: api, Span: api.Own, Evidence: "p99"},
	}}
	// API ✓ (2 of 2), SLO ~ (1 of 2), Capacity ✗ (0 of 1): 3 of 5.
	if got := Review(res).Score; got != 60 {
		t.Errorf("score = %d, want 60", got)
	}
	// A question on the API makes it ~ (1 of 2): 2 of 5.
	res.Diagnostics = []Diagnostic{{Check: "api-errors", Concern: API, Severity: Information, Span: api.TitleSpan, Message: "errors?"}}
	sc := Review(res)
	if sc.Score != 40 || sc.Items[0].Mark != MarkPartial || len(sc.Items[0].Open) != 1 {
		t.Errorf("with an open question: score %d, API %v %v", sc.Score, sc.Items[0].Mark, sc.Items[0].Open)
	}
	// Warnings no item accounts for cost 5 each, at most 25.
	for range 7 {
		res.Diagnostics = append(res.Diagnostics, Diagnostic{Check: "front-matter", Severity: Warning, Message: "x"})
	}
	if got := Review(res).Score; got != 15 {
		t.Errorf("with 7 unheld warnings: score %d, want 40 - 25 = 15", got)
	}
	// Missing expected items come first in Next, then warnings.
	delete(res.Coverage, SLO)
	if next := Review(res).Next; len(next) != 3 || next[0].Text != "Add SLO: "+mustConcern(SLO).Covered || next[1].Check != "front-matter" {
		t.Errorf("next = %+v", next)
	}
}

func TestCompare(t *testing.T) {
	old := Scorecard{Score: 40, Items: []ScoreItem{
		{Kind: KindConcern, ID: "api", Name: "API", Mark: MarkPartial, Open: []Question{{Check: "api-errors", Text: "errors?"}}},
		{Kind: KindConcern, ID: "slo", Name: "SLO", Mark: MarkMissing},
		{Kind: KindConcern, ID: "rollout", Name: "Rollout", Mark: MarkCovered},
	}}
	new := Scorecard{Score: 70, Items: []ScoreItem{
		{Kind: KindConcern, ID: "api", Name: "API", Mark: MarkCovered},
		{Kind: KindConcern, ID: "slo", Name: "SLO", Mark: MarkPartial, Open: []Question{{Check: "slo-breach", Text: "breach?"}}},
		{Kind: KindConcern, ID: "rollout", Name: "Rollout", Mark: MarkMissing},
	}}
	d := Compare(old, new)
	names := func(cs []Change) (out []string) {
		for _, c := range cs {
			out = append(out, c.ID+":"+string(c.From)+">"+string(c.To))
		}
		return out
	}
	if got := names(d.Gained); !reflect.DeepEqual(got, []string{"api:partial>covered", "slo:missing>partial"}) {
		t.Errorf("gained %v", got)
	}
	if got := names(d.Lost); !reflect.DeepEqual(got, []string{"rollout:covered>missing"}) {
		t.Errorf("lost %v", got)
	}
	if len(d.Answered) != 1 || d.Answered[0].Check != "api-errors" || len(d.Raised) != 1 || d.Raised[0].Check != "slo-breach" {
		t.Errorf("answered %v raised %v", d.Answered, d.Raised)
	}
	if d.OldScore != 40 || d.NewScore != 70 {
		t.Errorf("scores %d → %d", d.OldScore, d.NewScore)
	}
	txt := d.Text(false)
	for _, want := range []string{"Score 40 → 70 (+30)", "Gained", "~ → ✓ API", "Lost", "Follow-ups answered", "errors?", "Follow-ups raised", "breach?"} {
		if !strings.Contains(txt, want) {
			t.Errorf("delta text lacks %q:\n%s", want, txt)
		}
	}
	if md := d.Markdown(); !strings.Contains(md, "- ✗ → ~ SLO") || !strings.Contains(md, "**Score 40 → 70** (+30)") {
		t.Errorf("delta markdown:\n%s", md)
	}
	if same := Compare(old, old); len(same.Gained)+len(same.Lost)+len(same.Answered)+len(same.Raised) != 0 ||
		!strings.Contains(same.Text(false), "No change") {
		t.Errorf("comparing an attempt with itself: %+v", same)
	}
}

// TestCompareAttempts compares two real attempts at the feature-flag
// drill: the second fixes the total and adds an SLO.
func TestCompareAttempts(t *testing.T) {
	first := []byte("---\ndrill: feature-flags\n---\n\n# Flags\n\n## Capacity\n\n1,000 apps × 10K QPS = 100M QPS in total.\n")
	second := []byte("---\ndrill: feature-flags\n---\n\n# Flags\n\n## Capacity\n\n1,000 apps × 10K QPS = 10M QPS in total, 30M QPS at peak.\n\n" +
		"## SLO\n\n99.99% of evaluations succeed per 30 days; p99 evaluation latency < 5 ms in the SDK.\n")
	d := Compare(Review(Run("a.md", first, nil)), Review(Run("b.md", second, nil)))
	var gained []string
	for _, c := range d.Gained {
		gained = append(gained, c.ID)
	}
	if !strings.Contains(strings.Join(gained, " "), "slo") || !strings.Contains(strings.Join(gained, " "), "total-qps") {
		t.Errorf("gained %v, want slo and total-qps", gained)
	}
	if d.NewScore <= d.OldScore {
		t.Errorf("score %d → %d, want a rise", d.OldScore, d.NewScore)
	}
	var answered []string
	for _, q := range d.Answered {
		answered = append(answered, q.Check)
	}
	if !strings.Contains(strings.Join(answered, " "), "capacity-math") {
		t.Errorf("answered %v, want the fixed arithmetic", answered)
	}
}

func TestWrapAndWidth(t *testing.T) {
	cases := []struct {
		s string
		w int
	}{{"abc", 3}, {"容量", 4}, {"🚀x", 3}, {"e\u0301", 1}, {"", 0}}
	for _, c := range cases {
		if got := displayWidth(c.s); got != c.w {
			t.Errorf("displayWidth(%q) = %d, want %d", c.s, got, c.w)
		}
	}
	if got := truncate("容量容量容量", 5); got != "容量…" {
		t.Errorf("truncate CJK = %q", got)
	}
	if got := truncate("cafe\u0301s", 4); got != "caf…" {
		t.Errorf("truncate combining = %q", got)
	}
	var b strings.Builder
	writeWrapped(&b, strings.Repeat("word ", 40)+strings.Repeat("x", 100), "  1. ", "     ")
	for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if displayWidth(line) > textWidth {
			t.Errorf("wrapped line of %d columns", displayWidth(line))
		}
		if !strings.HasPrefix(line, "  1. ") && !strings.HasPrefix(line, "     ") {
			t.Errorf("line without its indent: %q", line)
		}
	}
}

func mustConcern(c Concern) ConcernInfo {
	info, _ := LookupConcern(c)
	return info
}
