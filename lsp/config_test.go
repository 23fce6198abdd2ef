package lsp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const plainDoc = "# Queue service\n\n## API\n\nPOST /v1/jobs enqueues a job; retries carry an idempotency key.\n"

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// lastDiagnostics waits until the server is idle and returns the last
// diagnostics published for uri (nil when none were).
func (c *client) lastDiagnostics(uri string) []json.RawMessage {
	c.t.Helper()
	p, ok := c.lastPublication(uri)
	if !ok {
		return nil
	}
	var out struct{ Diagnostics []json.RawMessage }
	json.Unmarshal(p.raw, &out)
	if out.Diagnostics == nil {
		out.Diagnostics = []json.RawMessage{}
	}
	return out.Diagnostics
}

func TestConfigIncludeAndWatch(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, ".designls.yaml")
	writeFile(t, cfg, "include: [\"docs/**/*.md\"]\n")
	doc := filepath.Join(dir, "docs", "queue.md")
	writeFile(t, doc, plainDoc)
	readme := filepath.Join(dir, "README.md")
	writeFile(t, readme, plainDoc)

	c := newClient(t)
	c.initializeIn(dir, map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}}, nil)
	c.open(fileURI(doc), plainDoc)
	c.open(fileURI(readme), plainDoc)
	if d := c.lastDiagnostics(fileURI(doc)); len(d) == 0 {
		t.Fatalf("an included doc without front matter got no diagnostics")
	}
	if d := c.lastDiagnostics(fileURI(readme)); d != nil {
		t.Fatalf("a doc outside include got diagnostics: %s", d)
	}
	c.mu.Lock()
	reqs := strings.Join(c.sawReqs, ",")
	c.mu.Unlock()
	if !strings.Contains(reqs, "client/registerCapability") {
		t.Errorf("no watcher registration with dynamic registration on; requests: %s", reqs)
	}

	// An invalid config shows on the config file; documents are still
	// checked, with the parts of the config that are valid.
	writeFile(t, cfg, "include: [\"docs/**/*.md\"]\nseverity:\n  missing-section: loud\n")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": fileURI(cfg), "type": 2}}})
	cfgDiags := c.lastDiagnostics(fileURI(cfg))
	if len(cfgDiags) != 1 || !strings.Contains(string(cfgDiags[0]), "missing-section") || !strings.Contains(string(cfgDiags[0]), `"line":2`) {
		t.Fatalf("diagnostics on the invalid config: %s", cfgDiags)
	}
	golden(t, "config-diagnostic.json", cfgDiags[0])
	if d := c.lastDiagnostics(fileURI(doc)); len(d) == 0 {
		t.Fatalf("documents are no longer checked with an invalid config")
	}

	// Fixed on disk, and watched: the config's diagnostics clear, and the
	// new include applies.
	writeFile(t, cfg, "include: [\"**/*.md\"]\n")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": fileURI(cfg), "type": 2}}})
	if d := c.lastDiagnostics(fileURI(cfg)); d == nil || len(d) != 0 {
		t.Fatalf("config diagnostics not cleared: %s", d)
	}
	if d := c.lastDiagnostics(fileURI(readme)); len(d) == 0 {
		t.Fatalf("the README is not checked after include widened")
	}
}

func TestConfigReloadOnSave(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, ".designls.yaml")
	writeFile(t, cfg, "include: [\"**/*.md\"]\n")
	doc := filepath.Join(dir, "notes.md")
	c := newClient(t)
	c.initializeIn(dir, nil, nil)
	c.open(fileURI(doc), plainDoc)
	if d := c.lastDiagnostics(fileURI(doc)); len(d) == 0 {
		t.Fatal("no diagnostics with include")
	}
	// Without watchers, saving the config file in the editor reloads it.
	writeFile(t, cfg, "include: [\"**/*.md\"]\nexclude: [\"notes.md\"]\n")
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": fileURI(cfg)}})
	if d := c.lastDiagnostics(fileURI(doc)); d == nil || len(d) != 0 {
		t.Fatalf("an excluded doc still has diagnostics: %s", d)
	}

	// A config file open in the editor is checked as it is typed.
	c.open(fileURI(cfg), "include: [\"**/*.md\"]\nrubrik: system-design\n")
	d := c.lastDiagnostics(fileURI(cfg))
	if len(d) != 1 || !strings.Contains(string(d[0]), "rubrik") {
		t.Fatalf("diagnostics of an open config file: %s", d)
	}
	c.replace(fileURI(cfg), "include: [\"**/*.md\"]\nrubric: system-design\n")
	if d := c.lastDiagnostics(fileURI(cfg)); d == nil || len(d) != 0 {
		t.Fatalf("diagnostics of the corrected config file: %s", d)
	}
}

func TestEditorSettings(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "notes.md")
	c := newClient(t)
	c.initializeIn(dir, nil, map[string]any{"include": []string{"**/*.md"}})
	c.open(fileURI(doc), plainDoc)
	if d := c.lastDiagnostics(fileURI(doc)); len(d) == 0 {
		t.Fatal("initializationOptions include did not make the doc a design doc")
	}
	// eglot's {"settings":{}} right after connecting means defaults: the
	// initializationOptions stay.
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{}})
	if d := c.lastDiagnostics(fileURI(doc)); len(d) == 0 {
		t.Fatal("empty settings dropped the initializationOptions")
	}
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"designls": map[string]any{"exclude": []string{"notes.md"}}}})
	if d := c.lastDiagnostics(fileURI(doc)); d == nil || len(d) != 0 {
		t.Fatalf("settings excluding the doc left diagnostics: %s", d)
	}
	// Bad settings are shown to the user.
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"severity": "loud"}})
	c.idle()
	c.mu.Lock()
	var shown []string
	for _, m := range c.others {
		if m.Method == "window/showMessage" {
			shown = append(shown, string(m.Params))
		}
	}
	c.mu.Unlock()
	if len(shown) == 0 || !strings.Contains(shown[len(shown)-1], "severity") {
		t.Errorf("bad settings not shown: %v", shown)
	}
}

func TestWorkspaceConfiguration(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "notes.md")
	c := newClient(t)
	var asked []string
	settings := any(map[string]any{"include": []string{"**/*.md"}})
	c.handlers["workspace/configuration"] = func(raw json.RawMessage) (any, *rpcError) {
		c.mu.Lock()
		defer c.mu.Unlock()
		asked = append(asked, string(raw))
		return []any{settings}, nil
	}
	c.initializeIn(dir, map[string]any{"workspace": map[string]any{"configuration": true}}, nil)
	c.open(fileURI(doc), plainDoc)
	if d := c.lastDiagnostics(fileURI(doc)); len(d) == 0 {
		t.Fatal("settings from workspace/configuration were not applied")
	}
	c.mu.Lock()
	if len(asked) != 1 || !strings.Contains(asked[0], `"section":"designls"`) {
		t.Errorf("workspace/configuration requests: %v", asked)
	}
	// A client with nothing to say answers [null]: defaults.
	settings = nil
	c.mu.Unlock()
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	if d := c.lastDiagnostics(fileURI(doc)); d == nil || len(d) != 0 {
		t.Fatalf("[null] settings kept the include: %s", d)
	}
}

func TestWorkspaceFolders(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "docs", "notes.md")
	c := newClient(t)
	// Settings globs are relative to the first workspace folder, of which
	// there is none yet.
	c.initialize(nil, map[string]any{"include": []string{"docs/*.md"}})
	c.open(fileURI(doc), plainDoc)
	if d := c.lastDiagnostics(fileURI(doc)); d != nil {
		t.Fatalf("diagnostics before the folder the globs are relative to was added: %s", d)
	}
	c.notify("workspace/didChangeWorkspaceFolders", map[string]any{"event": map[string]any{
		"added": []any{map[string]any{"uri": fileURI(dir), "name": "ws"}}, "removed": []any{},
	}})
	if d := c.lastDiagnostics(fileURI(doc)); len(d) == 0 {
		t.Fatalf("no diagnostics once the workspace folder was added")
	}
	c.notify("workspace/didChangeWorkspaceFolders", map[string]any{"event": map[string]any{
		"added": []any{}, "removed": []any{map[string]any{"uri": fileURI(dir), "name": "ws"}},
	}})
	if d := c.lastDiagnostics(fileURI(doc)); d == nil || len(d) != 0 {
		t.Fatalf("diagnostics kept after the folder was removed: %s", d)
	}
}
