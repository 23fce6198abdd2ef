package e2e

import (
	"fmt"
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
	// FloatScorecard is :DesignlsScorecard's text with scorecard = 'float'.
	FloatScorecard  string `json:"float_scorecard"`
	FloatIsFloating bool   `json:"float_is_floating"`
	// LSPConfig is what lsp/designls.lua returned after setup().
	LSPConfig struct {
		Cmd         []string       `json:"cmd"`
		Filetypes   []string       `json:"filetypes"`
		RootMarkers []string       `json:"root_markers"`
		InitOptions map[string]any `json:"init_options"`
		Settings    map[string]any `json:"settings"`
	} `json:"lsp_config"`
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

	// setup{disable = {'placeholder'}} reached the server: the inserted
	// section's TODO prompts raised no placeholder diagnostics.
	if n := count(s.AfterFix, "placeholder"); n > 0 {
		t.Errorf("%d placeholder diagnostics after the fix, though setup() disabled the check", n)
	}

	// The default scorecard display is a floating window with the same
	// report (Neovim restyles Markdown there, so compare the gist).
	first, _, _ := strings.Cut(s.Scorecard, "\n")
	if !s.FloatIsFloating || !strings.Contains(s.FloatScorecard, first) || !strings.Contains(s.FloatScorecard, "SLO") {
		t.Errorf("floating scorecard (in a floating window: %v) is not the report:\n%s", s.FloatIsFloating, s.FloatScorecard)
	}

	// lsp/designls.lua, Neovim 0.11's base config, reflects setup().
	c := s.LSPConfig
	if len(c.Cmd) != 2 || c.Cmd[0] != bin || c.Cmd[1] != "serve" {
		t.Errorf("lsp/designls.lua cmd = %q, want [%s serve]", c.Cmd, bin)
	}
	if len(c.Filetypes) != 1 || c.Filetypes[0] != "markdown" {
		t.Errorf("lsp/designls.lua filetypes = %q", c.Filetypes)
	}
	if !contains(c.RootMarkers, ".designls.yaml") {
		t.Errorf("lsp/designls.lua root_markers = %q, want .designls.yaml among them", c.RootMarkers)
	}
	if fmt.Sprint(c.InitOptions["disable"]) != "[placeholder]" {
		t.Errorf("lsp/designls.lua init_options = %v, want disable [placeholder]", c.InitOptions)
	}
	if sec, _ := c.Settings["designls"].(map[string]any); fmt.Sprint(sec["disable"]) != "[placeholder]" {
		t.Errorf("lsp/designls.lua settings = %v, want designls.disable [placeholder]", c.Settings)
	}

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
	if lsp := filepath.Join(filepath.Dir(bin), "designls-lsp"); !strings.Contains(s.Health, "language server: "+lsp) {
		t.Errorf("checkhealth does not report the language server %s beside designls:\n%s", lsp, s.Health)
	}
	if !regexp.MustCompile(`OK:? server version: designls \S+`).MatchString(s.Health) {
		t.Errorf("checkhealth does not report the server version:\n%s", s.Health)
	}
	if strings.Contains(s.Health, "ERROR") {
		t.Errorf("checkhealth reports an error:\n%s", s.Health)
	}
}
