package checks

import (
	"regexp"
	"strings"
	"testing"

	"github.com/designls/designls/checks/doc"
	"github.com/designls/designls/templates"
)

func TestDrillCatalog(t *testing.T) {
	ds := Drills()
	if len(ds) < 10 {
		t.Fatalf("%d drills, want the guide's three and at least seven more", len(ds))
	}
	for _, name := range []string{"feature-flags", "ci-cd", "kv-latency-incident", "rate-limiter", "job-scheduler", "metrics-pipeline",
		"config-service", "artifact-registry", "api-gateway", "multi-tenant-kv"} {
		if _, ok := LookupDrill(name); !ok {
			t.Errorf("no drill %q", name)
		}
	}
	if _, ok := LookupDrill(""); ok {
		t.Error("LookupDrill(\"\") found a drill")
	}
	kebab := regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	seen := map[string]bool{}
	for i, d := range ds {
		if i > 0 && ds[i-1].Name >= d.Name {
			t.Errorf("Drills() not sorted at %s", d.Name)
		}
		if !kebab.MatchString(d.Name) || seen[d.Name] {
			t.Errorf("drill name %q: not kebab-case or repeated", d.Name)
		}
		seen[d.Name] = true
		if _, ok := LookupRubric(d.Rubric); !ok {
			t.Errorf("drill %s: unknown rubric %q", d.Name, d.Rubric)
		}
		if d.Title == "" || len(d.Prompt) < 80 || d.Minutes <= 0 || len(d.Expect) == 0 {
			t.Errorf("drill %s: title, prompt, time box or expectations missing", d.Name)
		}
		ids := map[string]bool{}
		for _, e := range d.Expect {
			if ids[e.ID] || e.What == "" || len(e.Phrases)+len(e.Figures) == 0 {
				t.Errorf("drill %s: expectation %q repeated, unnamed or empty", d.Name, e.ID)
			}
			ids[e.ID] = true
			for _, f := range e.Figures {
				if len(f.Dims) == 0 && len(f.Units) == 0 {
					t.Errorf("drill %s/%s: figure %q has neither dimension nor unit", d.Name, e.ID, f.Label)
				}
				if f.Value > 0 && len(f.Context) == 0 {
					t.Errorf("drill %s/%s: figure %q has a value but no context to spot a wrong one", d.Name, e.ID, f.Label)
				}
			}
		}
	}
	ff, _ := LookupDrill("feature-flags")
	if got := figureList(&ff.Expect[0]); got != "10M QPS (average: 1,000 apps × 10K QPS), 30M QPS (peak: 1,000 apps × 30K QPS)" {
		t.Errorf("feature-flags totals = %q", got)
	}
}

// TestDrillStarter renders every drill's starter document and checks it:
// front matter naming rubric and drill, the title, the quoted prompt, the
// time box, the rubric template's sections; analysed, it selects the
// drill and its rubric, and the quoted prompt meets no expectation.
func TestDrillStarter(t *testing.T) {
	set := templates.Builtin()
	for _, dr := range Drills() {
		text, err := dr.Starter(nil)
		if err != nil {
			t.Errorf("%s: %v", dr.Name, err)
			continue
		}
		r, _ := LookupRubric(dr.Rubric)
		head := "---\nrubric: " + r.Name + "\ndrill: " + dr.Name + "\n---\n\n# " + dr.Title + "\n\n> "
		if !strings.HasPrefix(text, head) {
			t.Errorf("%s: starter begins %q", dr.Name, text[:min(len(text), len(head)+20)])
		}
		if !strings.Contains(text, "Time box: ") || strings.Contains(text, "<") && strings.Contains(text, "# <") {
			t.Errorf("%s: no time box, or the template's placeholder title kept", dr.Name)
		}
		tpl, _ := set.Template(r.Template)
		td := doc.Parse("t.md", []byte(tpl.Text))
		sd := doc.Parse("s.md", []byte(text))
		var want, got []string
		for _, s := range td.Sections[1:] {
			want = append(want, s.Title)
		}
		for _, s := range sd.Sections[1:] {
			got = append(got, s.Title)
		}
		if strings.Join(want, "|") != strings.Join(got, "|") {
			t.Errorf("%s: sections %q, want the template's %q", dr.Name, got, want)
		}
		res := Run(dr.Name+".md", []byte(text), nil)
		if res.Drill != dr || res.Rubric != r {
			t.Errorf("%s: analysed with drill %v rubric %s", dr.Name, res.Drill, res.Rubric.Name)
		}
		for _, e := range evaluateDrill(res.Doc, newProseText(res.Doc), dr) {
			if e.met || e.wrong != nil || e.stated > 0 {
				t.Errorf("%s: the starter alone meets expectation %s", dr.Name, e.exp.ID)
			}
		}
		for _, d := range res.Diagnostics {
			switch d.Check {
			case "front-matter", "capacity-math", "error-budget-math", "vague-claim", "missing-part", "missing-section", "empty-section":
				// A hint would mean the quoted prompt counted as the
				// answer mentioning a concern.
				t.Errorf("%s: starter draws %s: %s", dr.Name, d.Check, d.Message)
			}
		}
		for _, f := range res.Coverage {
			if f.State != Missing {
				t.Errorf("%s: the starter alone gets %s %s from %q", dr.Name, f.Concern, f.State, f.Evidence)
			}
		}
		if sc := Review(res); sc.Score != 0 {
			t.Errorf("%s: a fresh starter scores %d", dr.Name, sc.Score)
		}
	}
	if _, err := (&Drill{Name: "x", Rubric: "nope"}).Starter(nil); err == nil {
		t.Error("a drill with an unknown rubric rendered")
	}
}

func TestDrillFrontMatter(t *testing.T) {
	res := Run("a.md", []byte("---\ndrill: kv-latency-incident\n---\n# Incident\n"), nil)
	if res.Drill == nil || res.Rubric.Name != "incident-response" {
		t.Errorf("drill selects its rubric: got drill %v rubric %s", res.Drill, res.Rubric.Name)
	}
	res = Run("b.md", []byte("---\ndrill: kv-latency-incident\nrubric: postmortem\n---\n# Incident\n"), nil)
	if res.Rubric.Name != "postmortem" {
		t.Errorf("front matter rubric loses to the drill's: %s", res.Rubric.Name)
	}
	res = Run("c.md", []byte("---\ndrill: nope\n---\n# X\n"), nil)
	found := false
	for _, d := range res.Diagnostics {
		if d.Check == "front-matter" && strings.Contains(d.Message, `unknown drill "nope"`) {
			found = true
			if got := string(res.Doc.Text(d.Span)); got != "nope" {
				t.Errorf("unknown drill diagnostic at %q", got)
			}
		}
	}
	if !found || res.Drill != nil {
		t.Errorf("unknown drill not reported: %+v", res.Diagnostics)
	}
	res = Run("d.md", []byte("---\ndrill: [a, b]\n---\n# X\n"), nil)
	if res.FrontMatter.Err == nil || !strings.Contains(res.FrontMatter.Err.Error(), "drill must be a name") {
		t.Errorf("a list as drill: %v", res.FrontMatter.Err)
	}
}

func TestPerThing(t *testing.T) {
	for unit, want := range map[string]bool{"QPS": false, "QPS per host": true, "QPS/app": true, "requests per second": false,
		"req/s": false, "requests per day": false, "MB/s": false, "GB per tenant": true} {
		if got := perThing(unit); got != want {
			t.Errorf("perThing(%q) = %v, want %v", unit, got, want)
		}
	}
}

// TestDrillPromptIsNotTheAnswer: only the quote of the drill's own prompt
// is left out of detection, however it is re-wrapped; the author's own
// quotes count, and without a drill no quote is left out.
func TestDrillPromptIsNotTheAnswer(t *testing.T) {
	dr, _ := LookupDrill("feature-flags")
	words := strings.Fields(dr.Prompt)
	rewrapped := "> " + strings.Join(words[:len(words)/2], " ") + "\r\n> " + strings.Join(words[len(words)/2:], " ") + "\r\n"
	src := "---\r\nrubric: system-design\r\ndrill: feature-flags\r\n---\r\n# Flags\r\n\r\n" + rewrapped + "\r\n## Notes\r\n\r\n" +
		"> Our own estimate: 1,000 apps × 30K QPS at peak = 30M QPS; with 50K QPS per host that is 600 hosts before caching, and a handful after.\r\n"
	res := Run("f.md", []byte(src), nil)
	if got := res.Coverage.Get(Capacity); got.State == Missing || !strings.Contains(got.Evidence+string(res.Doc.Text(got.Span)), "30M") && got.Section.Title != "Notes" {
		t.Errorf("the author's own quoted estimate does not count: %+v", got)
	}
	skipped := drillPrompt(res.Doc, res.Drill)
	if len(skipped) != 1 || !strings.Contains(string(res.Doc.Text(skipped[0])), words[0]) {
		t.Fatalf("prompt quotes found: %v", skipped)
	}
	if drillPrompt(res.Doc, nil) != nil {
		t.Error("quotes left out of a document with no drill")
	}
}
