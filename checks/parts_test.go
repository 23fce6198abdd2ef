package checks

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/designls/designls/checks/doc"
	"github.com/designls/designls/checks/edit"
	"github.com/designls/designls/templates"
)

// TestRubricsAgreeWithTemplates keeps rubrics, parts and templates in step:
// each rubric's template exists and names the rubric, each part's
// Template heading is a section of it, check lists name registered
// checks, and a fresh template draws no missing-part or missing-section
// warning (its sections are pending, not missing).
func TestRubricsAgreeWithTemplates(t *testing.T) {
	set := templates.Builtin()
	for _, r := range Rubrics() {
		tpl, ok := set.Template(r.Template)
		if !ok {
			t.Errorf("rubric %s: no template %q", r.Name, r.Template)
			continue
		}
		if tpl.Rubric != r.Name {
			t.Errorf("rubric %s: template %s names rubric %q", r.Name, tpl.Name, tpl.Rubric)
		}
		ids := map[string]bool{}
		for _, q := range r.Requires {
			if (q.Part == nil) == (q.Concern == "") {
				t.Errorf("rubric %s: a requirement names both or neither of a concern and a part", r.Name)
			}
			if ids[q.ID()] {
				t.Errorf("rubric %s: %s required twice", r.Name, q.ID())
			}
			ids[q.ID()] = true
			if q.Part != nil && templateSection(tpl.Text, q.Part.Template) == "" {
				t.Errorf("rubric %s: part %s: template has no section %q", r.Name, q.Part.ID, q.Part.Template)
			}
			if q.Part != nil && (q.Part.Name == "" || q.Part.Covered == "" || len(q.Part.Headings) == 0) {
				t.Errorf("rubric %s: part %s lacks a name, a description or heading words", r.Name, q.Part.ID)
			}
		}
		for _, id := range append(append([]string(nil), r.Checks...), r.Skip...) {
			if _, ok := Lookup(id); !ok {
				t.Errorf("rubric %s: lists unknown check %q", r.Name, id)
			}
		}
		res := Run(tpl.Name+".md", []byte(tpl.Text), nil)
		if res.Rubric != r {
			t.Errorf("template %s analysed with rubric %s", tpl.Name, res.Rubric.Name)
		}
		for _, d := range res.Diagnostics {
			if (d.Check == "missing-part" || d.Check == "missing-section") && d.Severity.AtLeast(Information) {
				t.Errorf("fresh template %s: %s %s%s: %s", tpl.Name, d.Check, d.Concern, d.Part, d.Message)
			}
		}
	}
}

func TestRubricApplies(t *testing.T) {
	pm, _ := LookupRubric("postmortem")
	api, _ := LookupRubric("api-design")
	sd, _ := LookupRubric("system-design")
	cases := []struct {
		r    *Rubric
		id   string
		want bool
	}{
		{pm, "rollout-rollback", false}, {pm, "missing-part", true}, {pm, "unquantified-result", true},
		{api, "api-idempotency", false}, {api, "consistency-model", true}, {sd, "api-idempotency", true}, {nil, "x", true},
	}
	for _, c := range cases {
		name := "nil"
		if c.r != nil {
			name = c.r.Name
		}
		if got := c.r.Applies(c.id); got != c.want {
			t.Errorf("%s.Applies(%s) = %v, want %v", name, c.id, got, c.want)
		}
	}
	// A postmortem is not asked about its rollout even when it has one.
	src := "---\nrubric: postmortem\n---\n# Incident\n\n## Rollout\n\nWe deployed the change to every region at once during the release train.\n"
	for _, d := range Run("p.md", []byte(src), nil).Diagnostics {
		if strings.HasPrefix(d.Check, "rollout-") {
			t.Errorf("postmortem draws %s", d.Check)
		}
	}
}

func TestPartDetection(t *testing.T) {
	src := `---
rubric: postmortem
---

# Cache outage

The cache tier was down for 12 minutes on 3 May after a bad config push; a rollback fixed it.

## Customer-facing summary

We are sorry: for 12 minutes, some reads failed. A safer config rollout prevents a repeat.

## Timeline

- TODO: Timestamped events.

## What went wrong

The alert fired 9 minutes late because it averaged over 10 minutes.

Our action items are tracked in the incident ticket.
`
	res := Run("pm.md", []byte(src), nil)
	get := func(id string) *PartFinding { return res.Parts.Get(id) }
	if f := get("summary"); f.State != Mentioned || f.Evidence != "the opening paragraphs" {
		t.Errorf("summary from the lead paragraph: %v %q", f.State, f.Evidence)
	}
	if f := get("customer-summary"); f.State != Covered || f.Section.Title != "Customer-facing summary" {
		t.Errorf("customer-summary: %v", f.State)
	}
	if f := get("timeline"); f.State != Missing || f.Pending == nil || f.Pending.Title != "Timeline" {
		t.Errorf("timeline with only a prompt: %v pending %v", f.State, f.Pending)
	}
	if f := get("went-poorly"); f.State != Covered {
		t.Errorf("went-poorly from 'What went wrong': %v", f.State)
	}
	if f := get("action-items"); f.State != Mentioned || !strings.EqualFold(f.Evidence, "action items") {
		t.Errorf("action items in passing: %v %q", f.State, f.Evidence)
	}
	if f := get("went-well"); f.State != Missing || f.Pending != nil {
		t.Errorf("went-well: %v", f.State)
	}
	var parts []string
	for _, d := range res.Diagnostics {
		if d.Check == "missing-part" {
			parts = append(parts, d.Part)
		}
	}
	sort.Strings(parts)
	// Resolution is covered in passing by "a rollback fixed it".
	if got := strings.Join(parts, " "); got != "detection impact root-cause went-well" {
		t.Errorf("missing parts %q", got)
	}
	// One part suppressed by ID.
	sup := strings.Replace(src, "# Cache outage\n", "# Cache outage\n\n<!-- designls-disable missing-part/impact -->\n", 1)
	for _, d := range Run("pm.md", []byte(sup), nil).Diagnostics {
		if d.Check == "missing-part" && d.Part == "impact" {
			t.Error("missing-part/impact not suppressed")
		}
	}
}

// TestMissingPartFixes applies every missing-part fix of the fixtures and
// of each rubric's template with one section removed: the edit only
// inserts, the part becomes pending, no other finding changes except the
// inserted prompts' placeholders, and a second fix is not offered.
func TestMissingPartFixes(t *testing.T) {
	type input struct {
		name string
		src  []byte
	}
	var inputs []input
	files, _ := filepath.Glob(filepath.Join("testdata", "missing-part", "*.md"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, input{f, b})
	}
	for _, r := range Rubrics() {
		tpl, _ := templates.Builtin().Template(r.Template)
		d := doc.Parse("t.md", []byte(tpl.Text))
		for _, q := range r.Requires {
			if q.Part == nil {
				continue
			}
			for _, s := range d.Sections {
				if strings.EqualFold(s.Title, q.Part.Template) {
					cut := tpl.Text[:s.Heading.Start] + tpl.Text[s.Own.End:]
					inputs = append(inputs, input{r.Name + "-without-" + q.Part.ID, []byte(cut)})
					crlf := strings.ReplaceAll(cut, "\n", "\r\n")
					inputs = append(inputs, input{r.Name + "-crlf-without-" + q.Part.ID, []byte(crlf)})
					break
				}
			}
		}
	}
	fixes := 0
	for _, in := range inputs {
		before := Run(in.name, in.src, nil)
		for _, dg := range before.Diagnostics {
			if dg.Check != MissingPart.ID {
				continue
			}
			if len(dg.Fixes) != 1 || len(dg.Fixes[0].Edits) != 1 || dg.Fixes[0].Edits[0].Start != dg.Fixes[0].Edits[0].End {
				t.Errorf("%s: %s: want one fix that only inserts, got %+v", in.name, dg.Part, dg.Fixes)
				continue
			}
			fixes++
			e := dg.Fixes[0].Edits[0]
			out, err := edit.Apply(in.src, dg.Fixes[0].Edits)
			if err != nil {
				t.Fatalf("%s: %v", in.name, err)
			}
			if strings.Contains(string(in.src), "\r\n") && strings.Count(e.New, "\n") != strings.Count(e.New, "\r\n") {
				t.Errorf("%s: fix for %s mixes line endings into a CRLF document", in.name, dg.Part)
			}
			after := Run(in.name, out, nil)
			if f := after.Parts.Get(dg.Part); f.State != Missing || f.Pending == nil {
				t.Errorf("%s: after inserting %s it is %v, pending %v", in.name, dg.Part, f.State, f.Pending != nil)
			}
			inserted := Span{Start: e.Start, End: e.Start + len(e.New)}
			// A template section may answer several requirements at once
			// ("Versioning and deprecation"): their findings may go too,
			// as long as the inserted section is now where they are pending.
			pendingHere := func(d Diagnostic) bool {
				var p *Section
				switch {
				case d.Check == MissingPart.ID:
					p = after.Parts.Get(d.Part).Pending
				case d.Check == MissingSection.ID:
					p = after.Coverage.Get(d.Concern).Pending
				}
				return p != nil && inserted.Contains(p.Heading.Start)
			}
			var want, got []string
			for _, d := range before.Diagnostics {
				if key(d) != key(dg) && !pendingHere(d) {
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
				t.Errorf("%s: fixing %s changed other findings:\nbefore:\n%s\nafter:\n%s", in.name, dg.Part, strings.Join(want, "\n"), strings.Join(got, "\n"))
			}
		}
	}
	if fixes < 10 {
		t.Errorf("only %d missing-part fixes exercised", fixes)
	}
}
