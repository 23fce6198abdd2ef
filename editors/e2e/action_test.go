package e2e

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/xeipuuv/gojsonschema"
	"go.yaml.in/yaml/v3"
)

// action is the part of action.yml a composite action runner reads.
type action struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	Name             string            `yaml:"name"`
	ID               string            `yaml:"id"`
	If               string            `yaml:"if"`
	Uses             string            `yaml:"uses"`
	With             map[string]string `yaml:"with"`
	Shell            string            `yaml:"shell"`
	WorkingDirectory string            `yaml:"working-directory"`
	Env              map[string]string `yaml:"env"`
	Run              string            `yaml:"run"`
}

var expr = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

// actionRun is one run of the action: the outputs it set and the log of
// its steps.
type actionRun struct {
	outputs map[string]string
	log     string
	err     error
}

// runAction plays action.yml's shell steps the way GitHub's runner does
// (bash -eo pipefail, expressions substituted, GITHUB_OUTPUT and
// GITHUB_PATH files) in workspace. `uses:` steps are checked but not run:
// the Go they would install is already here.
func runAction(t *testing.T, root, workspace string, inputs map[string]string) actionRun {
	t.Helper()
	text, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(text, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if a.Runs.Using != "composite" {
		t.Fatalf("action.yml runs.using = %q, want composite", a.Runs.Using)
	}
	for name := range inputs {
		if _, ok := a.Inputs[name]; !ok {
			t.Fatalf("action.yml has no input %q", name)
		}
	}
	temp := t.TempDir()
	ghOutput := filepath.Join(temp, "github_output")
	ghPath := filepath.Join(temp, "github_path")
	for _, f := range []string{ghOutput, ghPath} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	eval := func(s string) string {
		return expr.ReplaceAllStringFunc(s, func(m string) string {
			e := expr.FindStringSubmatch(m)[1]
			switch {
			case e == "github.action_path":
				return root
			case e == "runner.temp":
				return temp
			case strings.HasPrefix(e, "inputs."):
				name := strings.TrimPrefix(e, "inputs.")
				in, ok := a.Inputs[name]
				if !ok {
					t.Fatalf("action.yml uses undeclared input %q", name)
				}
				if v, ok := inputs[name]; ok {
					return v
				}
				return in.Default
			}
			t.Fatalf("action.yml: the test runner does not know the expression %q", m)
			return ""
		})
	}

	var log strings.Builder
	var runErr error
	for i, st := range a.Runs.Steps {
		if st.Uses != "" {
			if !strings.HasPrefix(st.Uses, "actions/setup-go@") || st.With["go-version-file"] != "${{ github.action_path }}/go.mod" {
				t.Errorf("step %d uses %s with %v; the test knows only actions/setup-go reading the action's go.mod", i, st.Uses, st.With)
			}
			continue
		}
		if st.Shell != "bash" {
			t.Fatalf("step %q: shell %q; composite run steps need an explicit shell, and this test runs bash", st.Name, st.Shell)
		}
		script := filepath.Join(temp, fmt.Sprintf("step%d.sh", i))
		if err := os.WriteFile(script, []byte(eval(st.Run)), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir = workspace
		if st.WorkingDirectory != "" {
			cmd.Dir = eval(st.WorkingDirectory)
		}
		cmd.Env = append(os.Environ(),
			"GITHUB_OUTPUT="+ghOutput, "GITHUB_PATH="+ghPath, "GITHUB_WORKSPACE="+workspace,
			"GOPROXY=off", // offline: modules come from the local cache
		)
		for k, v := range st.Env {
			cmd.Env = append(cmd.Env, k+"="+eval(v))
		}
		out, err := run(t, cmd)
		fmt.Fprintf(&log, "--- step %q\n%s", st.Name, out)
		if err != nil {
			runErr = fmt.Errorf("step %q: %w", st.Name, err)
			break
		}
	}

	outputs := map[string]string{}
	f, err := os.Open(ghOutput)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), "="); ok {
			outputs[k] = v
		}
	}
	// The action's outputs map to step outputs that must exist.
	for name, o := range a.Outputs {
		m := regexp.MustCompile(`^\$\{\{ steps\.check\.outputs\.([a-z-]+) \}\}$`).FindStringSubmatch(o.Value)
		if m == nil {
			t.Errorf("output %s = %q; the test knows only steps.check.outputs.*", name, o.Value)
			continue
		}
		if _, ok := outputs[m[1]]; !ok && runErr == nil {
			t.Errorf("output %s: step check set no %q", name, m[1])
		}
	}
	return actionRun{outputs: outputs, log: log.String(), err: runErr}
}

func actionWorkspace(t *testing.T) string {
	t.Helper()
	ws := filepath.Join(t.TempDir(), "workspace")
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "examples", "feature-flags.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(ws, "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ws, "docs", "feature-flags.md"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return ws
}

// TestActionSARIF runs the composite action on a workspace holding the
// incomplete example and validates the SARIF it writes against the SARIF
// 2.1.0 schema: the file GitHub's upload-sarif step would send.
func TestActionSARIF(t *testing.T) {
	need(t, "bash", "apt-get install bash")
	root := repoRoot(t)
	ws := actionWorkspace(t)
	r := runAction(t, root, ws, map[string]string{"paths": "docs", "sarif-file": "out/designls.sarif"})
	if r.err != nil {
		t.Fatalf("%v\n%s", r.err, r.log)
	}
	if r.outputs["exit-code"] != "0" {
		t.Errorf("exit-code = %q with fail-on none, want 0\n%s", r.outputs["exit-code"], r.log)
	}
	if r.outputs["sarif-file"] != "out/designls.sarif" {
		t.Errorf("sarif-file = %q", r.outputs["sarif-file"])
	}
	data, err := os.ReadFile(filepath.Join(ws, "out", "designls.sarif"))
	if err != nil {
		t.Fatalf("no SARIF written: %v\n%s", err, r.log)
	}
	// Validate the bytes themselves: go-sarif's Report.Validate checks its
	// own re-encoding, which adds empty fields the schema rejects.
	res, err := gojsonschema.Validate(gojsonschema.NewStringLoader(sarifSchema(t)), gojsonschema.NewBytesLoader(data))
	if err != nil {
		t.Fatalf("validating SARIF: %v", err)
	}
	for _, e := range res.Errors() {
		t.Errorf("SARIF fails the 2.1.0 schema: %s", e)
	}
	// The same check must reject a broken report, or it proves nothing.
	broken := strings.Replace(string(data), `"version": "2.1.0"`, `"version": "2.0"`, 1)
	if broken == string(data) {
		t.Errorf(`SARIF has no "version": "2.1.0"`)
	} else if res, err := gojsonschema.Validate(gojsonschema.NewStringLoader(sarifSchema(t)), gojsonschema.NewStringLoader(broken)); err != nil || res.Valid() {
		t.Errorf("the schema check accepted version 2.0 (err %v)", err)
	}
	rep, err := sarif.FromBytes(data)
	if err != nil {
		t.Fatalf("SARIF does not parse: %v", err)
	}

	found := false
	for _, run := range rep.Runs {
		for _, res := range run.Results {
			if res.RuleID == nil || *res.RuleID != "missing-section" {
				continue
			}
			for _, loc := range res.Locations {
				if loc.PhysicalLocation != nil && loc.PhysicalLocation.ArtifactLocation != nil &&
					loc.PhysicalLocation.ArtifactLocation.URI != nil &&
					strings.HasSuffix(*loc.PhysicalLocation.ArtifactLocation.URI, "docs/feature-flags.md") {
					found = true
				}
			}
		}
	}
	if !found {
		t.Errorf("SARIF has no missing-section result located in docs/feature-flags.md:\n%s", data)
	}
}

// sarifSchema returns the SARIF 2.1.0 JSON schema that go-sarif bundles,
// read from its source in the module cache (the package does not export
// it, and the test should not carry a copy of its own).
func sarifSchema(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/owenrumney/go-sarif/v3").Output()
	if err != nil {
		t.Fatalf("go list go-sarif: %v", err)
	}
	src := filepath.Join(strings.TrimSpace(string(out)), "pkg", "report", "v210", "sarif", "schema.go")
	text, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(string(text), "`")
	end := strings.LastIndex(string(text), "`")
	if start < 0 || end <= start {
		t.Fatalf("%s: no schema literal", src)
	}
	schema := string(text[start+1 : end])
	if !strings.Contains(schema, "2.1.0") {
		t.Fatalf("%s: not the SARIF 2.1.0 schema", src)
	}
	return schema
}

// TestActionFailOn checks that fail-on makes the step fail on findings,
// and that inputs cannot inject shell code.
func TestActionFailOn(t *testing.T) {
	need(t, "bash", "apt-get install bash")
	root := repoRoot(t)

	ws := actionWorkspace(t)
	r := runAction(t, root, ws, map[string]string{"paths": "docs", "fail-on": "warning"})
	if r.err == nil {
		t.Errorf("the action passed with fail-on warning on an incomplete doc\n%s", r.log)
	}
	if r.outputs["exit-code"] != "1" {
		t.Errorf("exit-code = %q, want 1\n%s", r.outputs["exit-code"], r.log)
	}
	if !strings.Contains(r.log, "::error::") {
		t.Errorf("no ::error:: annotation in the log\n%s", r.log)
	}
	if _, err := os.Stat(filepath.Join(ws, "designls.sarif")); err != nil {
		t.Errorf("the report must be written even when the step fails: %v", err)
	}

	ws = actionWorkspace(t)
	r = runAction(t, root, ws, map[string]string{"paths": "docs $(touch injected) `touch injected2`"})
	for _, f := range []string{"injected", "injected2"} {
		if _, err := os.Stat(filepath.Join(ws, f)); err == nil {
			t.Errorf("the paths input ran shell code: %s exists", f)
		}
	}
	if r.outputs["exit-code"] != "2" {
		t.Errorf("exit-code = %q for paths that do not exist, want 2\n%s", r.outputs["exit-code"], r.log)
	}
}
