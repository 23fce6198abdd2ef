package config

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/designls/designls/checks"
)

func errStrings(errs []error) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Error())
	}
	return out
}

func TestParseValid(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ".designls.yaml")
	src := `# design docs live under docs/
include:
  - docs/**/*.md
  - ./rfcs
exclude: [docs/drafts/**]
rubric: system-design
rubrics:
  - files: docs/postmortems/**
    rubric: system-design
severity:
  placeholder: error
  no-title: Off
disable: [empty-section]
synonyms:
  slo: [reliability budget, "Uptime promise"]
  rollout: go-live
templates: tmpl
`
	c, errs := Parse(path, []byte(src))
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	want := &Config{
		Include:   []string{"docs/**/*.md", "rfcs"},
		Exclude:   []string{"docs/drafts/**"},
		Rubric:    "system-design",
		Rubrics:   []RubricRule{{Files: "docs/postmortems/**", Rubric: "system-design"}},
		Severity:  map[string]string{"placeholder": "error", "no-title": "off"},
		Disable:   []string{"empty-section"},
		Synonyms:  map[string][]string{"slo": {"reliability budget", "Uptime promise"}, "rollout": {"go-live"}},
		Templates: "tmpl",
		Dir:       dir,
		Path:      path,
	}
	got := *c
	got.tmpl, got.templatesAt = nil, position{}
	if !reflect.DeepEqual(&got, want) {
		t.Errorf("got  %+v\nwant %+v", &got, want)
	}
	if c.templatesAt != (position{17, 12}) {
		t.Errorf("templates position = %+v", c.templatesAt)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		errs      []string
		check     func(t *testing.T, c *Config)
	}{
		{
			name: "unknown key with suggestion",
			src:  "includes: [a]\nrubric: system-design\n",
			errs: []string{`cfg.yaml:1:1: includes: unknown key (did you mean "include"?); known keys: include, exclude, rubric, rubrics, severity, disable, synonyms, templates`},
			check: func(t *testing.T, c *Config) {
				if c.Rubric != "system-design" {
					t.Errorf("parsing stopped at the bad key: rubric = %q", c.Rubric)
				}
			},
		},
		{
			name: "unknown check in severity and disable",
			src:  "severity:\n  missing-sectoin: error\n  placeholder: warning\ndisable:\n  - no-titel\n  - empty-section\n",
			errs: []string{
				`cfg.yaml:2:3: severity.missing-sectoin: unknown check "missing-sectoin" (did you mean "missing-section"?); checks: ` + strings.Join(checkIDs(), ", "),
				`cfg.yaml:5:5: disable: unknown check "no-titel" (did you mean "no-title"?); checks: ` + strings.Join(checkIDs(), ", "),
			},
			check: func(t *testing.T, c *Config) {
				if !reflect.DeepEqual(c.Severity, map[string]string{"placeholder": "warning"}) || !reflect.DeepEqual(c.Disable, []string{"empty-section"}) {
					t.Errorf("good entries lost: %v %v", c.Severity, c.Disable)
				}
			},
		},
		{
			name: "bad severity",
			src:  "severity:\n  placeholder: loud\n  no-title: [error]\n",
			errs: []string{
				`cfg.yaml:2:16: severity.placeholder: unknown severity "loud" (want error, warning, information, hint or off)`,
				`cfg.yaml:3:13: severity.no-title: want a severity, not a list`,
			},
		},
		{
			name: "unknown concern",
			src:  "synonyms:\n  sla: [uptime]\n  slo: uptime\n",
			errs: []string{`cfg.yaml:2:3: synonyms.sla: unknown concern "sla" (did you mean "slo"?); concerns: ` + strings.Join(concernIDs(), ", ")},
			check: func(t *testing.T, c *Config) {
				if !reflect.DeepEqual(c.Synonyms, map[string][]string{"slo": {"uptime"}}) {
					t.Errorf("synonyms = %v", c.Synonyms)
				}
			},
		},
		{
			name: "unknown rubric",
			src:  "rubric: sytem-design\nrubrics:\n  - files: a/**\n    rubric: nope\n  - files: b/**\n    rubric: system-design\n",
			errs: []string{
				`cfg.yaml:1:9: rubric: unknown rubric "sytem-design" (did you mean "system-design"?); rubrics: ` + strings.Join(rubricNames(), ", "),
				`cfg.yaml:4:13: rubrics[0].rubric: unknown rubric "nope"; rubrics: ` + strings.Join(rubricNames(), ", "),
			},
			check: func(t *testing.T, c *Config) {
				if c.Rubric != "" || !reflect.DeepEqual(c.Rubrics, []RubricRule{{Files: "b/**", Rubric: "system-design"}}) {
					t.Errorf("rubric %q rules %+v", c.Rubric, c.Rubrics)
				}
			},
		},
		{
			name: "bad globs",
			src:  "include:\n  - docs/[a-\n  - /abs/**\n  - ''\n  - good/**\nexclude: 'x/{a,b'\n",
			errs: []string{
				`cfg.yaml:2:5: include: invalid glob "docs/[a-" (check its brackets and braces)`,
				`cfg.yaml:3:5: include: glob "/abs/**" is absolute; globs are relative to the folder of cfg.yaml`,
				`cfg.yaml:4:5: include: empty glob`,
				`cfg.yaml:6:10: exclude: invalid glob "x/{a,b" (check its brackets and braces)`,
			},
			check: func(t *testing.T, c *Config) {
				if !reflect.DeepEqual(c.Include, []string{"good/**"}) {
					t.Errorf("include = %q", c.Include)
				}
			},
		},
		{
			name: "rubric rules shape",
			src:  "rubrics:\n  - docs/**\n  - files: a/**\n  - rubric: system-design\n    file: b\n",
			errs: []string{
				`cfg.yaml:2:5: rubrics[0]: want {files: GLOB, rubric: NAME}, not a single value`,
				`cfg.yaml:3:5: rubrics[1]: no rubric given; a rule needs both files and rubric`,
				`cfg.yaml:5:5: rubrics[2].file: unknown key (did you mean "files"?); a rule has files and rubric`,
			},
		},
		{
			name: "wrong shapes",
			src:  "include: {a: b}\nseverity: [a]\nsynonyms: x\nrubrics: x\ntemplates: [a]\n",
			errs: []string{
				`cfg.yaml:1:10: include: want a list of globs, not a mapping`,
				`cfg.yaml:2:11: severity: want a mapping of check ID to severity, not a list`,
				`cfg.yaml:3:11: synonyms: want a mapping of concern ID to heading words, not a single value`,
				`cfg.yaml:4:10: rubrics: want a list of {files: GLOB, rubric: NAME}, not a single value`,
				`cfg.yaml:5:12: templates: want a folder, not a list`,
			},
		},
		{
			name: "duplicate key",
			src:  "rubric: system-design\nrubric: other\n",
			errs: []string{`cfg.yaml:2:1: rubric: set twice (first on line 1); the first is used`},
			check: func(t *testing.T, c *Config) {
				if c.Rubric != "system-design" {
					t.Errorf("rubric = %q", c.Rubric)
				}
			},
		},
		{
			name: "yaml syntax",
			src:  "rubric: system-design\ninclude: [a, b\nexclude: []\n",
			errs: []string{`cfg.yaml:2: invalid YAML: did not find expected ',' or ']'`},
		},
		{
			name: "yaml block mapping",
			src:  "include:\n  - a\n bad: [\n",
			errs: []string{`cfg.yaml:3: invalid YAML: did not find expected key`},
		},
		{
			name: "yaml mapping in scalar",
			src:  "rubric: system-design\ntemplates: a: b\n",
			errs: []string{`cfg.yaml:2: invalid YAML: mapping values are not allowed in this context`},
		},
		{
			name: "tab indentation",
			src:  "include:\n\t- a\n",
			errs: []string{`cfg.yaml:2: invalid YAML: found character that cannot start any token`},
		},
		{
			name: "not a mapping",
			src:  "- include\n",
			errs: []string{`cfg.yaml:1:1: want a mapping of settings (include, exclude, rubric, rubrics, severity, disable, synonyms, templates)`},
		},
		{name: "empty", src: ""},
		{name: "comments only", src: "# nothing yet\n"},
		{name: "null values are unset", src: "include:\nrubric: ~\nseverity:\n"},
		{
			name: "aliases",
			src:  "exclude: &drafts [drafts/**]\ninclude: *drafts\n",
			check: func(t *testing.T, c *Config) {
				if !reflect.DeepEqual(c.Include, []string{"drafts/**"}) {
					t.Errorf("include = %q", c.Include)
				}
			},
		},
		{
			name: "CRLF and CJK positions",
			src:  "rubric: system-design\r\nsynonyms:\r\n  slo: [可用性目标]\r\n  日本: [x]\r\n",
			errs: []string{`cfg.yaml:4:3: synonyms.日本: unknown concern "日本"; concerns: ` + strings.Join(concernIDs(), ", ")},
			check: func(t *testing.T, c *Config) {
				if !reflect.DeepEqual(c.Synonyms["slo"], []string{"可用性目标"}) {
					t.Errorf("synonyms = %q", c.Synonyms)
				}
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, errs := Parse("cfg.yaml", []byte(tc.src))
			if c == nil {
				t.Fatal("nil config")
			}
			got := errStrings(errs)
			if !slices.Equal(got, tc.errs) {
				t.Errorf("errors:\ngot  %q\nwant %q", got, tc.errs)
			}
			for _, e := range errs {
				if _, ok := e.(*Error); !ok {
					t.Errorf("%v is a %T, not *Error", e, e)
				}
			}
			if tc.check != nil {
				tc.check(t, c)
			}
		})
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := Find(deep)
	if err != nil || got != "" {
		t.Fatalf("no config: got %q, %v", got, err)
	}
	yml := filepath.Join(root, "a", ".designls.yml")
	write(t, yml, "rubric: system-design\n")
	if got, _ := Find(deep); got != yml {
		t.Errorf("got %q, want %q", got, yml)
	}
	yaml := filepath.Join(root, "a", ".designls.yaml")
	write(t, yaml, "")
	if got, _ := Find(deep); got != yaml {
		t.Errorf(".yaml should win over .yml: got %q", got)
	}
	nearer := filepath.Join(root, "a", "b", ".designls.yaml")
	write(t, nearer, "")
	if got, _ := Find(deep); got != nearer {
		t.Errorf("nearest should win: got %q", got)
	}
	// A folder named like the config is not a config.
	if err := os.MkdirAll(filepath.Join(deep, ".designls.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, _ := Find(deep); got != nearer {
		t.Errorf("a folder was taken for a config: got %q", got)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, ".designls.yaml")
	c, errs := Load(p)
	if c == nil || len(errs) != 1 || !strings.Contains(errs[0].Error(), "reading config") || !strings.Contains(errs[0].Error(), p) {
		t.Fatalf("missing file: %v %v", c, errs)
	}
	write(t, p, "severity: {placeholder: hint}\n")
	c, errs = Load(p)
	if len(errs) > 0 || c.Severity["placeholder"] != "hint" || c.Dir != dir || c.Path != p {
		t.Fatalf("got %+v %v", c, errs)
	}
}

func TestClassify(t *testing.T) {
	dir := t.TempDir()
	c, errs := Parse(filepath.Join(dir, ".designls.yaml"), []byte(
		"include: [docs/**/*.md, rfcs]\nexclude: [docs/drafts/**, '**/README.md']\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for file, want := range map[string]Membership{
		"docs/a.md":                  Included,
		"docs/sub/b.md":              Included,
		"docs/drafts/x.md":           Excluded,
		"docs/README.md":             Excluded,
		"rfcs/0001-flags.md":         Included, // a folder glob covers its files
		"rfcs/deep/0002.md":          Included,
		"README.md":                  Excluded, // not included
		"notes/a.md":                 Excluded,
		"../outside.md":              Excluded,
		"docs/设计/方案.md":              Included,
		"docs/with space/emoji 🚀.md": Included,
	} {
		if got := c.Classify(filepath.Join(dir, filepath.FromSlash(file))); got != want {
			t.Errorf("%s: got %v, want %v", file, got, want)
		}
	}

	// Relative paths are taken from the working directory.
	t.Chdir(dir)
	if got := c.Classify("docs/a.md"); got != Included {
		t.Errorf("relative path: got %v", got)
	}

	noInclude := &Config{Dir: dir, Exclude: []string{"drafts"}}
	if got := noInclude.Classify(filepath.Join(dir, "x.md")); got != Unspecified {
		t.Errorf("no include globs: got %v", got)
	}
	if got := noInclude.Classify(filepath.Join(dir, "drafts", "x.md")); got != Excluded {
		t.Errorf("excluded folder: got %v", got)
	}
	var none *Config
	if got := none.Classify("x.md"); got != Unspecified {
		t.Errorf("nil config: got %v", got)
	}
}

func TestOptions(t *testing.T) {
	dir := t.TempDir()
	c, errs := Parse(filepath.Join(dir, ".designls.yaml"), []byte(`
rubric: system-design
rubrics:
  - {files: "special/**", rubric: system-design}
severity: {placeholder: error, no-title: hint}
disable: [no-title]
synonyms: {slo: [uptime promise]}
`))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	o := c.Options(filepath.Join(dir, "special", "a.md"))
	if o.DefaultRubric != "system-design" || o.Rubric != "" {
		t.Errorf("rubric: %+v", o)
	}
	wantSev := map[string]checks.Severity{"placeholder": checks.Error, "no-title": checks.Off}
	if !reflect.DeepEqual(o.Severity, wantSev) {
		t.Errorf("severity = %v, want %v (disable wins)", o.Severity, wantSev)
	}
	if !reflect.DeepEqual(o.Synonyms, map[checks.Concern][]string{checks.SLO: {"uptime promise"}}) {
		t.Errorf("synonyms = %v", o.Synonyms)
	}
	var none *Config
	if o := none.Options("a.md"); o == nil || o.Severity != nil || o.DefaultRubric != "" {
		t.Errorf("nil config: %+v", o)
	}

	// The options reach the checks: a disabled check reports nothing.
	res := checks.Run("a.md", []byte("no title here\n"), c.Options("a.md"))
	for _, d := range res.Diagnostics {
		if d.Check == "no-title" {
			t.Errorf("disabled check reported: %+v", d)
		}
	}
}

func TestOptionsRuleOrder(t *testing.T) {
	c := &Config{Dir: "/p", Rubric: "r0", Rubrics: []RubricRule{{Files: "a/**", Rubric: "r1"}, {Files: "a/b/**", Rubric: "r2"}}}
	for file, want := range map[string]string{"/p/a/b/x.md": "r1", "/p/c.md": "r0"} {
		if got := c.Options(file).DefaultRubric; got != want {
			t.Errorf("%s: %q, want %q (first rule wins)", file, got, want)
		}
	}
}

func TestFromSettings(t *testing.T) {
	dir := t.TempDir()
	var v any
	if err := json.Unmarshal([]byte(`{
		"include": ["docs/**"],
		"severity": {"placeholder": "hint", "bogus": "error"},
		"rubrics": [{"files": "pm/**", "rubric": "system-design"}],
		"synonyms": {"slo": ["uptime"]},
		"disable": null,
		"trace": 1
	}`), &v); err != nil {
		t.Fatal(err)
	}
	c, errs := FromSettings(dir, v)
	wantErrs := []string{
		`settings: severity.bogus: unknown check "bogus"; checks: ` + strings.Join(checkIDs(), ", "),
		`settings: trace: unknown key; known keys: include, exclude, rubric, rubrics, severity, disable, synonyms, templates`,
	}
	if got := errStrings(errs); !slices.Equal(got, wantErrs) {
		t.Errorf("errors:\ngot  %q\nwant %q", got, wantErrs)
	}
	if c.Dir != dir || c.Path != "" || !slices.Equal(c.Include, []string{"docs/**"}) || c.Severity["placeholder"] != "hint" ||
		len(c.Rubrics) != 1 || c.Synonyms["slo"][0] != "uptime" || c.Disable != nil {
		t.Errorf("got %+v", c)
	}
	if got := c.Classify(filepath.Join(dir, "docs", "a.md")); got != Included {
		t.Errorf("classify relative to the workspace: %v", got)
	}
	if c, errs := FromSettings(dir, nil); c == nil || len(errs) > 0 {
		t.Errorf("nil settings: %v %v", c, errs)
	}
	if _, errs := FromSettings(dir, []any{"x"}); len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "settings: want a mapping") {
		t.Errorf("non-object settings: %v", errs)
	}
}

func TestMerge(t *testing.T) {
	root := t.TempDir()
	proj := filepath.Join(root, "proj")
	file, _ := Parse(filepath.Join(proj, ".designls.yaml"), []byte(`
include: [docs/**]
exclude: [docs/old/**]
severity: {placeholder: error}
disable: [no-title, empty-section]
synonyms: {slo: [uptime]}
`))
	editor, errs := FromSettings(root, map[string]any{
		"include":  []any{"proj/rfcs/**"},
		"severity": map[string]any{"no-title": "hint"},
		"disable":  []any{"placeholder"},
		"synonyms": map[string]any{"rollout": []any{"go-live"}},
	})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	m := file.Merge(editor)
	// Include came from the editor and stays relative to the workspace.
	if got := m.Classify(filepath.Join(proj, "rfcs", "a.md")); got != Included {
		t.Errorf("editor include: %v", got)
	}
	if got := m.Classify(filepath.Join(proj, "docs", "a.md")); got != Excluded {
		t.Errorf("file include should be replaced: %v", got)
	}
	if got := m.Classify(filepath.Join(proj, "docs", "old", "rfcs.md")); got != Excluded {
		t.Errorf("file exclude kept: %v", got)
	}
	wantSev := map[string]checks.Severity{"placeholder": checks.Off, "no-title": checks.Hint, "empty-section": checks.Off}
	if got := m.Options(filepath.Join(proj, "x.md")).Severity; !reflect.DeepEqual(got, wantSev) {
		t.Errorf("severity = %v, want %v", got, wantSev)
	}
	if len(m.Synonyms) != 2 || m.Dir != proj || m.Path != file.Path {
		t.Errorf("merged %+v", m)
	}
	// Neither side is modified.
	if len(file.Disable) != 2 || len(file.Synonyms) != 1 {
		t.Errorf("receiver modified: %+v", file)
	}
	var none *Config
	if got := none.Merge(editor); got.Classify(filepath.Join(root, "proj", "rfcs", "x.md")) != Included {
		t.Errorf("nil receiver merge lost include")
	}
	if got := file.Merge(nil); !slices.Equal(got.Include, file.Include) {
		t.Errorf("merge with nil changed config")
	}
}

func TestTemplateSet(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "tmpl", "design-review.md"), "---\nrubric: system-design\ntemplate:\n  title: Design review\n  description: Our team's review template.\n---\n\n# <Title>\n\n## Context\n\n- TODO: Why now.\n")
	write(t, filepath.Join(dir, "tmpl", "snippets", "slo.md"), "## Reliability targets\n\n- TODO: Our availability target.\n")
	write(t, filepath.Join(dir, "tmpl", "notes.txt"), "ignored: not Markdown")
	cfgPath := filepath.Join(dir, ".designls.yaml")
	c, errs := Parse(cfgPath, []byte("templates: tmpl\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	set, errs := c.TemplateSet()
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	tm, ok := set.Template("design-review")
	if !ok || tm.Title != "Design review" {
		t.Errorf("overlay template: %+v %v", tm, ok)
	}
	if _, ok := set.Template("system-design"); !ok {
		t.Error("built-in templates lost")
	}
	if sn, _ := set.Snippet("slo"); sn.Title != "Reliability targets" {
		t.Errorf("snippet overlay: %+v", sn)
	}
	if o := c.Options(filepath.Join(dir, "a.md")); o.Templates != set {
		t.Error("Options does not carry the template set")
	}

	missing, _ := Parse(cfgPath, []byte("# templates\n\ntemplates: nowhere\n"))
	set, errs = missing.TemplateSet()
	if set == nil || len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), cfgPath+":3:12: templates: cannot read templates folder") {
		t.Errorf("missing folder: %v", errs)
	}
	if o := missing.Options("a.md"); o.Templates != nil {
		t.Error("a broken template folder should leave the built-ins in place")
	}

	write(t, filepath.Join(dir, "bad", "snippets", "sla.md"), "## SLA\n")
	bad, _ := Parse(cfgPath, []byte("templates: bad\n"))
	t.Chdir(dir)
	_, errs = bad.TemplateSet()
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "bad/snippets/sla.md: ") {
		t.Errorf("bad overlay file: %v", errs)
	}
}

// TestKeys keeps Keys, the parser and the documentation in step: every key
// listed is accepted, and every key accepted is listed.
func TestKeys(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range Keys() {
		if seen[k.Name] {
			t.Errorf("%s listed twice", k.Name)
		}
		seen[k.Name] = true
		if k.Description == "" || !slices.Contains([]string{"string", "array", "object"}, k.Type) {
			t.Errorf("%s: type %q, description %q", k.Name, k.Type, k.Description)
		}
		// The default must itself be a valid setting.
		_, errs := FromSettings("", map[string]any{k.Name: k.Default})
		if len(errs) > 0 {
			t.Errorf("%s: default %v rejected: %v", k.Name, k.Default, errs)
		}
		// And a wrong shape must be rejected, proving the parser handles the key.
		var wrong any = map[string]any{"x": 1}
		if k.Type == "object" {
			wrong = []any{"x"}
		}
		if _, errs := FromSettings("", map[string]any{k.Name: wrong}); len(errs) == 0 {
			t.Errorf("%s: wrong shape accepted", k.Name)
		}
	}
	_, errs := FromSettings("", map[string]any{"nope": 1})
	if len(errs) != 1 {
		t.Errorf("unlisted key accepted")
	}
}

func TestErrorFormat(t *testing.T) {
	for _, tc := range []struct {
		e    Error
		want string
	}{
		{Error{File: "a.yaml", Line: 3, Col: 5, Key: "k", Msg: "m"}, "a.yaml:3:5: k: m"},
		{Error{File: "a.yaml", Line: 3, Msg: "m"}, "a.yaml:3: m"},
		{Error{File: "settings", Key: "k", Msg: "m"}, "settings: k: m"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}
