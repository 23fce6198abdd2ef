package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmacsEglot loads editors/emacs/designls.el into Emacs in batch mode
// with eglot, opens the example doc the way a user with eglot-ensure on
// markdown-mode-hook would, and checks that Flymake gets the server's
// diagnostics, that the SLO quick fix picked from eglot-code-actions
// applies and saves, that the slo diagnostic then goes, and that
// designls-scorecard and designls-insert-missing work.
func TestEmacsEglot(t *testing.T) {
	emacs := need(t, "emacs", "apt-get install emacs-nox elpa-eglot elpa-markdown-mode")
	bin := designls(t)
	root := repoRoot(t)
	doc := exampleDoc(t)
	dir := filepath.Dir(doc)
	tmp := t.TempDir()
	resultFile := filepath.Join(tmp, "result.json")
	events := filepath.Join(tmp, "eglot-events.log")
	newDoc := filepath.Join(dir, "new-design.md")

	// Without eglot or markdown-mode the scenario cannot run; say which.
	for _, lib := range []string{"eglot", "markdown-mode"} {
		probe := exec.Command(emacs, "--batch", "--eval", "(require '"+lib+")")
		if out, err := probe.CombinedOutput(); err != nil {
			msg := "emacs cannot load " + lib + " (install: apt-get install elpa-eglot elpa-markdown-mode): " + strings.TrimSpace(string(out))
			if strict() {
				t.Fatalf("%s; DESIGNLS_E2E=1 requires it", msg)
			}
			t.Skip(msg)
		}
	}

	env, _ := isolatedEnv(t,
		"DESIGNLS_BIN="+bin,
		"DESIGNLS_EL="+filepath.Join(root, "editors", "emacs", "designls.el"),
		"DESIGNLS_DOC="+doc,
		"DESIGNLS_RESULT="+resultFile,
		"DESIGNLS_EVENTS="+events,
		"DESIGNLS_NEW_DOC="+newDoc,
	)
	// --batch skips the user's init file but keeps the site files that put
	// Debian's elpa-* packages on the load path.
	cmd := exec.Command(emacs, "--batch", "-l", filepath.Join(root, "editors", "e2e", "testdata", "emacs_e2e.el"))
	cmd.Dir, cmd.Env = dir, env
	out, err := run(t, cmd)
	defer func() {
		if t.Failed() {
			t.Logf("emacs output:\n%s", out)
			dump(t, "eglot events", events)
		}
	}()
	if err != nil {
		t.Errorf("emacs: %v", err)
	}

	var s struct {
		scenario
		Templates []string `json:"templates"`
		NewName   string   `json:"new_name"`
		NewText   string   `json:"new_text"`
	}
	readScenario(t, resultFile, &s)
	checkScenario(t, &s.scenario)

	// designls-new listed the server's templates and opened the new file
	// with the chosen one.
	if !contains(s.Templates, "system-design") {
		t.Errorf("designls-templates = %q, want system-design among them", s.Templates)
	}
	if s.NewName != newDoc || !strings.Contains(s.NewText, "rubric: system-design") {
		t.Errorf("designls-new opened %q with:\n%s", s.NewName, s.NewText)
	}

	// designls-settings reached the server as initializationOptions and
	// survived eglot's empty didChangeConfiguration: missing-section is an
	// error instead of its default severity.
	if d := find(s.Before, "missing-section", "slo"); d != nil && d.Severity != 1 {
		t.Errorf("slo diagnostic severity = %d, want 1 (error) from designls-settings", d.Severity)
	}

	data, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(data), "\n#") <= strings.Count(s.AfterFixFile, "\n#") {
		t.Errorf("designls-insert-missing + save added no heading to the file:\n%s", data)
	}
}
