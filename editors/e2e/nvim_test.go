package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

type nvimScenario struct {
	scenario
	Filetype string `json:"filetype"`
	Log      string `json:"log"`
	NewText  string `json:"new_text"`
	NewName  string `json:"new_name"`
	Health   string `json:"health"`
}

// TestNeovim runs the plugin in editors/nvim in headless Neovim against the
// real server: diagnostics arrive, the SLO quick fix chosen from the code
// action menu applies and is saved, the slo diagnostic goes, and the
// plugin's commands work.
func TestNeovim(t *testing.T) {
	nvim := need(t, "nvim", "apt-get install neovim (0.7 or newer)")
	bin := designls(t)
	root := repoRoot(t)
	doc := exampleDoc(t)
	dir := filepath.Dir(doc)
	newDoc := filepath.Join(dir, "new-design.md")
	resultFile := filepath.Join(t.TempDir(), "result.json")
	script := filepath.Join(root, "editors", "e2e", "testdata", "nvim_e2e.lua")

	env, home := isolatedEnv(t,
		"DESIGNLS_BIN="+bin,
		"DESIGNLS_PLUGIN="+filepath.Join(root, "editors", "nvim"),
		"DESIGNLS_DOC="+doc,
		"DESIGNLS_NEW_DOC="+newDoc,
		"DESIGNLS_RESULT="+resultFile,
	)
	cmd := exec.Command(nvim, "--headless", "--clean", "-n", "-i", "NONE", "-u", script)
	cmd.Dir, cmd.Env = dir, env
	out, err := run(t, cmd)

	var s nvimScenario
	defer func() {
		if t.Failed() {
			t.Logf("nvim output:\n%s", out)
			log := s.Log
			if log == "" {
				log = filepath.Join(home, "cache", "nvim", "lsp.log")
			}
			dump(t, "Neovim LSP log", log)
		}
	}()
	if err != nil {
		t.Errorf("nvim: %v", err)
	}
	readScenario(t, resultFile, &s)
	if s.Filetype != "markdown" {
		t.Errorf("filetype of the doc = %q, want markdown", s.Filetype)
	}
	checkScenario(t, &s.scenario)

	// :DesignlsInsertMissing wrote more sections, and :write saved them.
	data, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(data), "\n#") <= strings.Count(s.AfterFixFile, "\n#") {
		t.Errorf(":DesignlsInsertMissing + :write added no heading to the file:\n%s", data)
	}

	// :DesignlsNew system-design FILE opened FILE with the template.
	if s.NewName != newDoc {
		t.Errorf(":DesignlsNew opened %q, want %q", s.NewName, newDoc)
	}
	if !strings.Contains(s.NewText, "rubric: system-design") {
		t.Errorf(":DesignlsNew text lacks the rubric front matter:\n%s", s.NewText)
	}
	if saved, err := os.ReadFile(newDoc); err != nil || !strings.Contains(string(saved), "rubric: system-design") {
		t.Errorf("the new doc was not written: %v\n%s", err, saved)
	}

	// :checkhealth designls found the binary and its version.
	if !strings.Contains(s.Health, "server binary: "+bin) {
		t.Errorf("checkhealth does not report the binary %s:\n%s", bin, s.Health)
	}
	if !regexp.MustCompile(`OK:? server version: designls \S+`).MatchString(s.Health) {
		t.Errorf("checkhealth does not report the server version:\n%s", s.Health)
	}
	if strings.Contains(s.Health, "ERROR") {
		t.Errorf("checkhealth reports an error:\n%s", s.Health)
	}
}
