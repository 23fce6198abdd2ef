package templates

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

var wantOrder = []string{
	"problem", "goals", "capacity", "architecture", "api", "data-model",
	"state-machine", "consistency", "isolation", "degradation", "slo",
	"observability", "security", "compat", "rollout", "alternatives",
}

var wantTitles = map[string]string{
	"problem":       "Problem",
	"goals":         "Goals and non-goals",
	"capacity":      "Capacity estimates",
	"architecture":  "Architecture",
	"api":           "API",
	"data-model":    "Data model",
	"state-machine": "State machine",
	"consistency":   "Consistency",
	"isolation":     "Isolation and blast radius",
	"degradation":   "Degradation and failure handling",
	"slo":           "SLO",
	"observability": "Observability",
	"security":      "Security",
	"compat":        "Compatibility and versioning",
	"rollout":       "Rollout and rollback",
	"alternatives":  "Alternatives considered",
}

func TestOrder(t *testing.T) {
	s := Builtin()
	got := s.Order()
	if !slices.Equal(got, wantOrder) {
		t.Fatalf("Order() = %q, want %q", got, wantOrder)
	}
	got[0] = "changed"
	if s.Order()[0] != "problem" {
		t.Error("Order() shares its slice with the package")
	}
}

func TestBuiltinSnippets(t *testing.T) {
	s := Builtin()
	for _, c := range wantOrder {
		sn, ok := s.Snippet(c)
		if !ok {
			t.Errorf("no snippet for %q", c)
			continue
		}
		if sn.Concern != c || sn.Title != wantTitles[c] {
			t.Errorf("snippet %q: concern %q title %q, want title %q", c, sn.Concern, sn.Title, wantTitles[c])
		}
		lines := strings.Split(sn.Body, "\n")
		if n := len(lines); n < 2 || n > 5 {
			t.Errorf("snippet %q has %d prompt lines, want 2-5", c, n)
		}
		for _, l := range lines {
			if !strings.HasPrefix(l, "- TODO: ") || !IsPrompt([]byte(l)) {
				t.Errorf("snippet %q: line %q is not a prompt", c, l)
			}
			if len(l) > 200 {
				t.Errorf("snippet %q: prompt is %d bytes; keep guidance short", c, len(l))
			}
		}
		first, _, _ := strings.Cut(sn.Render(2, "\n"), "\n")
		if first != "## "+wantTitles[c] {
			t.Errorf("snippet %q renders heading %q", c, first)
		}
	}
	if _, ok := s.Snippet("latency"); ok {
		t.Error("Snippet(\"latency\") found a snippet for an unknown concern")
	}
}

func TestBuiltinTemplates(t *testing.T) {
	s := Builtin()
	var names []string
	for _, tpl := range s.List() {
		names = append(names, tpl.Name)
		if tpl.Title == "" || tpl.Title == tpl.Name || tpl.Description == "" {
			t.Errorf("%s: title %q, description %q", tpl.Name, tpl.Title, tpl.Description)
		}
		head := "---\nrubric: " + tpl.Rubric + "\n---\n\n# <"
		if tpl.Rubric != tpl.Name || !strings.HasPrefix(tpl.Text, head) {
			t.Errorf("%s: rubric %q, text starts %q", tpl.Name, tpl.Rubric, tpl.Text[:min(len(tpl.Text), 60)])
		}
		if strings.Contains(tpl.Text, "designls:") || strings.Contains(tpl.Text, "template:") {
			t.Errorf("%s: directive or template block left in the text", tpl.Name)
		}
		if !strings.HasSuffix(tpl.Text, "\n") || strings.HasSuffix(tpl.Text, "\n\n") {
			t.Errorf("%s: text must end with exactly one line ending", tpl.Name)
		}
		if strings.Contains(tpl.Text, "\n\n\n") {
			t.Errorf("%s: text has more than one blank line in a row", tpl.Name)
		}
		for l := range strings.Lines(tpl.Text) {
			if strings.HasPrefix(l, "- ") && !IsPrompt([]byte(l)) {
				t.Errorf("%s: list item %q is not a prompt", tpl.Name, l)
			}
		}
	}
	want := []string{"api-design", "behavioral-story", "incident-response", "postmortem", "system-design"}
	if !slices.Equal(names, want) {
		t.Errorf("List() names = %q, want %q", names, want)
	}
	if _, ok := s.Template("nope"); ok {
		t.Error("Template(\"nope\") found something")
	}
}

// The system-design skeleton is the snippets, in order, each exactly as
// Render produces it.
func TestSystemDesignHasEveryConcernInOrder(t *testing.T) {
	s := Builtin()
	tpl, ok := s.Template("system-design")
	if !ok {
		t.Fatal("no system-design template")
	}
	at := 0
	for _, c := range s.Order() {
		sn, _ := s.Snippet(c)
		i := strings.Index(tpl.Text[at:], "\n"+sn.Render(2, "\n"))
		if i < 0 {
			t.Fatalf("section %q missing or out of order", c)
		}
		at += i + 1
	}
}

func TestIncidentResponseMitigatesBeforeRootCause(t *testing.T) {
	tpl, _ := Builtin().Template("incident-response")
	sections := []string{"## Signals read", "## Scope and blast radius", "## Hypotheses and isolation",
		"## Mitigation before root cause", "## Customer communication", "## Root cause", "## Follow-ups"}
	at := 0
	for _, h := range sections {
		i := strings.Index(tpl.Text[at:], "\n"+h+"\n")
		if i < 0 {
			t.Fatalf("%q missing or out of order", h)
		}
		at += i + 1
	}
	for _, word := range []string{"50 ms", "500 ms", "60 minutes", "roll back", "kill switch", "fail over", "throttle"} {
		if !strings.Contains(tpl.Text, word) {
			t.Errorf("incident-response does not mention %q", word)
		}
	}
}

func TestGolden(t *testing.T) {
	for _, tpl := range Builtin().List() {
		t.Run(tpl.Name, func(t *testing.T) {
			golden := filepath.Join("testdata", tpl.Name+".golden.md")
			if *update {
				if err := os.WriteFile(golden, []byte(tpl.Text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if tpl.Text != string(want) {
				t.Errorf("%s differs from %s; run go test -update and review the diff", tpl.Name, golden)
			}
		})
	}
}

func TestRender(t *testing.T) {
	sn := Snippet{Concern: "slo", Title: "SLO — 可用性 🚦", Body: "- TODO: one\n\t- TODO: two"}
	tests := []struct {
		level int
		eol   string
		want  string
	}{
		{1, "\n", "# SLO — 可用性 🚦\n\n- TODO: one\n\t- TODO: two\n"},
		{2, "\n", "## SLO — 可用性 🚦\n\n- TODO: one\n\t- TODO: two\n"},
		{3, "\r\n", "### SLO — 可用性 🚦\r\n\r\n- TODO: one\r\n\t- TODO: two\r\n"},
		{4, "\n", "#### SLO — 可用性 🚦\n\n- TODO: one\n\t- TODO: two\n"},
		{5, "\r\n", "##### SLO — 可用性 🚦\r\n\r\n- TODO: one\r\n\t- TODO: two\r\n"},
		{6, "\n", "###### SLO — 可用性 🚦\n\n- TODO: one\n\t- TODO: two\n"},
		{0, "\n", "# SLO — 可用性 🚦\n\n- TODO: one\n\t- TODO: two\n"},
		{9, "", "###### SLO — 可用性 🚦\n\n- TODO: one\n\t- TODO: two\n"},
	}
	for _, tt := range tests {
		if got := sn.Render(tt.level, tt.eol); got != tt.want {
			t.Errorf("Render(%d, %q) =\n%q\nwant\n%q", tt.level, tt.eol, got, tt.want)
		}
	}
}

// A CRLF render of every built-in snippet has no bare "\n" and the same
// text as the LF render.
func TestRenderCRLFEverySnippet(t *testing.T) {
	s := Builtin()
	for _, c := range s.Order() {
		sn, _ := s.Snippet(c)
		for level := 1; level <= 6; level++ {
			crlf := sn.Render(level, "\r\n")
			if strings.Count(crlf, "\n") != strings.Count(crlf, "\r\n") || !strings.HasSuffix(crlf, "\r\n") {
				t.Errorf("%s at level %d: inconsistent CRLF rendering", c, level)
			}
			if strings.ReplaceAll(crlf, "\r\n", "\n") != sn.Render(level, "\n") {
				t.Errorf("%s at level %d: CRLF and LF renderings differ in text", c, level)
			}
			if !strings.HasPrefix(crlf, strings.Repeat("#", level)+" "+sn.Title+"\r\n\r\n") {
				t.Errorf("%s at level %d: heading is %q", c, level, crlf[:strings.Index(crlf, "\r")])
			}
		}
	}
}

func TestIsPrompt(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"- TODO: write it", true},
		{"* TODO: write it", true},
		{"+ TODO: write it", true},
		{"   - TODO: nested", true},
		{"\t- TODO: tab indented", true},
		{"-\tTODO: tab after marker", true},
		{"-   TODO: extra spaces", true},
		{"- TODO: crlf\r\n", true},
		{"- TODO: lf\n", true},
		{"- TODO:", true},
		{"- TODO:\r\n", true},
		{"- TODO: 中文说明 🚀", true},
		{"TODO: no marker", false},
		{"-TODO: no space after marker", false},
		{"- todo: lower case", false},
		{"- TODO no colon", false},
		{"- TODOs: plural", false},
		{"- TODO:x", false},
		{"1. TODO: ordered list", false},
		{"> - TODO: in a quote", false},
		{"- Done: written", false},
		{"", false},
		{"-", false},
		{"\r\n", false},
	}
	for _, tt := range tests {
		if got := IsPrompt([]byte(tt.line)); got != tt.want {
			t.Errorf("IsPrompt(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestOverlayAddsAndReplaces(t *testing.T) {
	base := Builtin()
	before, _ := base.Template("system-design")
	s, err := base.WithOverlay(map[string][]byte{
		"star-story.md":   []byte("---\r\nrubric: behavioral-story\r\nauthor: someone\r\ntemplate:\r\n  title: \"Behavioural story\"\r\n\r\n  description: STAR story\r\n---\r\n\r\n# <Story>\r\n\r\n## Situation\r\n\r\n- TODO: Where and when.\r\n"),
		"postmortem.md":   []byte("---\nrubric: postmortem\n---\n# <Incident>\n\n<!-- designls:snippets slo rollout -->\n\n## Notes\n"),
		"snippets/slo.md": []byte("\n# Reliability targets #\n\n- TODO: our own SLO guidance.\n\n```sh\n# not a heading\n```\n\n"),
	})
	if err != nil {
		t.Fatal(err)
	}

	story, ok := s.Template("star-story")
	if !ok {
		t.Fatal("overlay template not added")
	}
	wantStory := "---\nrubric: behavioral-story\nauthor: someone\n---\n\n# <Story>\n\n## Situation\n\n- TODO: Where and when.\n"
	if story.Text != wantStory || story.Title != "Behavioural story" || story.Description != "STAR story" || story.Rubric != "behavioral-story" {
		t.Errorf("added template = %+v\nwant text %q", story, wantStory)
	}

	slo, _ := s.Snippet("slo")
	wantSLO := Snippet{Concern: "slo", Title: "Reliability targets", Body: "- TODO: our own SLO guidance.\n\n```sh\n# not a heading\n```"}
	if slo != wantSLO {
		t.Errorf("replaced snippet = %+v, want %+v", slo, wantSLO)
	}

	pm, _ := s.Template("postmortem")
	rollout, _ := s.Snippet("rollout")
	wantPM := "---\nrubric: postmortem\n---\n# <Incident>\n\n" + slo.Render(2, "\n") + "\n" + rollout.Render(2, "\n") + "\n## Notes\n"
	if pm.Text != wantPM || pm.Title != "postmortem" || pm.Description != "" {
		t.Errorf("replaced template = %+v\nwant text %q", pm, wantPM)
	}

	// The snippet overlay reaches templates that include it.
	sd, _ := s.Template("system-design")
	if !strings.Contains(sd.Text, "## Reliability targets\n\n- TODO: our own SLO guidance.") || strings.Contains(sd.Text, "## SLO\n") {
		t.Error("system-design does not use the replaced slo snippet")
	}
	if len(s.List()) != len(base.List())+1 {
		t.Errorf("List() has %d templates, want the %d built-ins and star-story", len(s.List()), len(base.List()))
	}

	// The base set is untouched.
	if after, _ := base.Template("system-design"); after != before {
		t.Error("overlay changed the built-in set")
	}
	if _, ok := base.Template("star-story"); ok {
		t.Error("overlay added star-story to the built-in set")
	}
}

func TestOverlayErrors(t *testing.T) {
	tests := []struct {
		file, src string
		want      string
	}{
		{"notes.txt", "x", "notes.txt: overlay file must be"},
		{"./slo.md", "x", "./slo.md: overlay file must be"},
		{"Big_Name.md", "---\nrubric: x\n---\n", `Big_Name.md: template name "Big_Name"`},
		{"snippets/latency.md", "## L\n\n- TODO: x", `snippets/latency.md: no concern "latency"`},
		{"snippets/slo.md", "", "snippets/slo.md: snippet is empty"},
		{"snippets/slo.md", "\n\nSLO\n\n- TODO: x", "snippets/slo.md:3: snippet must start with a heading"},
		{"snippets/slo.md", "##\n- TODO: x", "snippets/slo.md:1: snippet heading has no text"},
		{"snippets/slo.md", "## SLO\n\n   \n", "snippets/slo.md:1: snippet has a heading but no body"},
		{"snippets/slo.md", "## SLO\r\n\r\n- TODO: x\r\n### Sub\r\n", "snippets/slo.md:4: snippet body must not contain headings"},
		{"a.md", "# No front matter\n", "a.md:1: template must start with front matter"},
		{"a.md", "", "a.md:1: template must start with front matter"},
		{"a.md", "---\nrubric: x\n# H\n", "a.md:1: front matter is not closed"},
		{"a.md", "---\nowner: me\n---\n# H\n", "a.md:1: front matter names no rubric"},
		{"a.md", "---\nrubric: \"\"\n---\n", "a.md:2: rubric is empty"},
		{"a.md", "---\nrubric: x\njust words\n---\n", `a.md:3: front matter line is not "key: value"`},
		{"a.md", "---\nrubric: x\ntemplate: yes\n---\n", `a.md:3: "template:" takes an indented block`},
		{"a.md", "---\nrubric: x\ntemplate:\n  title: T\n  titel: typo\n---\n", `a.md:5: unknown template key "titel"`},
		{"a.md", "---\nrubric: x\n---\n\n# H\n\n<!-- designls:snippets slo latency -->\n", `a.md:7: unknown concern "latency"`},
		{"a.md", "---\nrubric: x\n---\n\n<!-- designls:snipets -->\n", "a.md:5: unknown designls directive"},
		{"a.md", "---\nrubric: x\n---\n\n<!-- designls:snippets\n-->\n", "a.md:5: designls directive must stand alone on one line"},
		{"a.md", "---\nrubric: x\n---\n\nSee <!-- designls:snippets --> here.\n", "a.md:5: designls directive must stand alone on one line"},
		{"snippets/slo.md", "## SLO\n\n- TODO: x\n\nSub\n---\n", "snippets/slo.md:5: snippet body must not contain headings"},
		{"snippets/slo.md", "text\n\n## SLO\n\n- TODO: x\n", "snippets/slo.md:1: snippet must start with a heading"},
	}
	for _, tt := range tests {
		s, err := Builtin().WithOverlay(map[string][]byte{tt.file: []byte(tt.src)})
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("overlay %s %q: err = %v, want prefix %q", tt.file, tt.src, err, tt.want)
		}
		if s != nil {
			t.Errorf("overlay %s returned a set along with an error", tt.file)
		}
	}
}

func TestOverlayReportsEveryBadFile(t *testing.T) {
	_, err := Builtin().WithOverlay(map[string][]byte{
		"z.md":            []byte("no front matter"),
		"snippets/api.md": []byte("no heading"),
		"ok.md":           []byte("---\nrubric: ok\n---\n"),
	})
	if err == nil {
		t.Fatal("no error")
	}
	want := "snippets/api.md:1: snippet must start with a heading such as \"## Title\"\nz.md:1: template must start with front matter (---) naming its rubric"
	if err.Error() != want {
		t.Errorf("err =\n%v\nwant\n%v", err, want)
	}
}

// Directives and headings inside code fences are text, not structure.
func TestFencesAreText(t *testing.T) {
	src := "---\nrubric: x\n---\n\n~~~~md\n<!-- designls:snippets -->\n```\n~~~~\n\n````\n<!-- designls:snippets nope -->\n````\n"
	s, err := Builtin().WithOverlay(map[string][]byte{"x.md": []byte(src)})
	if err != nil {
		t.Fatal(err)
	}
	if tpl, _ := s.Template("x"); tpl.Text != src {
		t.Errorf("fenced directive was expanded:\n%s", tpl.Text)
	}
}

func TestOverlayOfNothingKeepsEverything(t *testing.T) {
	s, err := Builtin().WithOverlay(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.List(), Builtin().List()) {
		t.Error("empty overlay changed the templates")
	}
}

func TestSnippetHeadings(t *testing.T) {
	tests := []struct{ src, title string }{
		{"# T #\n\n- TODO: b", "T"},
		{"## C#\n\n- TODO: b", "C#"},
		{"   ## Indented\n\n- TODO: b", "Indented"},
		{"SLO 可用性 🚦\n===\n\n- TODO: b", "SLO 可用性 🚦"},
		{"## `p99` and *SLO*\n\n- TODO: b", "`p99` and *SLO*"}, // markup kept, since the title is re-rendered
		{"\ufeff\r\n## Café\r\n- TODO: b\r\n", "Café"},
		{"Two-line\n  setext title\n---\n- TODO: b", "Two-line setext title"},
	}
	for _, tt := range tests {
		sn, err := parseSnippet("snippets/slo.md", "slo", []byte(tt.src))
		if err != nil || sn.Title != tt.title || sn.Body != "- TODO: b" {
			t.Errorf("parseSnippet(%q) = %+v, %v; want title %q", tt.src, sn, err, tt.title)
		}
	}
}

func BenchmarkBuiltinOverlay(b *testing.B) {
	files := map[string][]byte{"snippets/slo.md": []byte("## SLO\n\n- TODO: x\n")}
	for b.Loop() {
		if _, err := Builtin().WithOverlay(files); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzWithOverlay feeds arbitrary bytes as a template and as a snippet:
// parsing must not panic, and what it accepts must render consistently.
func FuzzWithOverlay(f *testing.F) {
	f.Add([]byte("---\nrubric: x\ntemplate:\n  title: T\n---\n# <T>\n\n<!-- designls:snippets api -->\n"), []byte("## SLO\n\n- TODO: x\n"))
	f.Add([]byte("---\r\nrubric: x\r\n---\r\n```\r\n<!-- designls:snippets nope -->\r\n"), []byte("SLO\r\n===\r\n\r\n```\r\n# x\r\n```\r\n"))
	f.Fuzz(func(t *testing.T, tpl, snippet []byte) {
		s, err := Builtin().WithOverlay(map[string][]byte{"x.md": tpl, "snippets/slo.md": snippet})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "snippets/slo.md") && !strings.HasPrefix(err.Error(), "x.md") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		sn, _ := s.Snippet("slo")
		if sn.Title == "" || sn.Body == "" || strings.Contains(sn.Title, "\n") {
			t.Fatalf("accepted snippet %+v", sn)
		}
		x, _ := s.Template("x")
		if !strings.HasPrefix(x.Text, "---\n") || x.Rubric == "" || strings.Contains(x.Text, "\r") {
			t.Fatalf("accepted template %+v", x)
		}
	})
}

func TestIsTemplateName(t *testing.T) {
	for name, want := range map[string]bool{
		"a": true, "system-design": true, "v2-api-3": true, "0": true,
		"": false, "-a": false, "a-": false, "a--b": false, "-": false,
		"Big": false, "a_b": false, "a.b": false, "a b": false, "café": false, "a/b": false,
	} {
		if got := isTemplateName(name); got != want {
			t.Errorf("isTemplateName(%q) = %v, want %v", name, got, want)
		}
	}
}
