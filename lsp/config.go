package lsp

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"unicode/utf8"

	"go.lsp.dev/protocol" // v0.12.0, pinned: see doc.go
	"go.lsp.dev/uri"      // v0.3.0, pinned: see doc.go

	"github.com/designls/designls/internal/config"
)

// configState is the configuration in force: .designls.yaml files found
// by walking up from each document, with the editor's settings laid over
// them. Files are found and read lazily, off the reading goroutine, and
// cached until something says they changed (a watched-file event, the save
// of a config file, new settings or workspace folders); then every open
// document is analysed again.
type configState struct {
	s *server

	mu      sync.Mutex
	gen     uint64 // bumped by every invalidation
	folders []string
	// initOptions and settings are the editor's settings as decoded JSON;
	// settings, once the client sends any, win.
	initOptions, settings any
	editor                *config.Config // from settings or initOptions; nil for none
	byDir                 map[string]string
	files                 map[string]*config.Config // merged config by config file path ("" for none)
	// broken lists the config files whose last check found errors, so that
	// fixing one clears its diagnostics even when no document uses it.
	broken map[string]bool
	// buffers holds config files open in the editor, by path.
	buffers map[string]*configBuffer
}

type configBuffer struct {
	uri  protocol.DocumentURI
	text []byte
}

func newConfigState(s *server) *configState {
	return &configState{
		s:       s,
		byDir:   map[string]string{},
		files:   map[string]*config.Config{},
		broken:  map[string]bool{},
		buffers: map[string]*configBuffer{},
	}
}

// init records initialize's workspace folders and initializationOptions.
func (c *configState) init(folders []string, initOptions any) {
	c.mu.Lock()
	c.folders = folders
	c.initOptions = initOptions
	c.mu.Unlock()
	c.rebuildEditor()
}

// settingsDir is the folder editor settings' globs are relative to.
func (c *configState) settingsDir() string {
	if len(c.folders) > 0 {
		return c.folders[0]
	}
	return ""
}

// designlsSection returns the designls settings in v, which clients send
// either as the section itself or wrapped in {"designls": ...}. An empty
// object, as eglot sends right after connecting, means no settings.
func designlsSection(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	if len(m) == 0 {
		return nil
	}
	if sec, ok := m["designls"]; ok {
		return designlsSection(sec)
	}
	return m
}

// setSettings replaces the editor settings and re-analyses everything.
func (c *configState) setSettings(v any) {
	c.mu.Lock()
	c.settings = designlsSection(v)
	c.mu.Unlock()
	c.rebuildEditor()
	c.invalidate("settings changed")
}

func (c *configState) rebuildEditor() {
	c.mu.Lock()
	v := c.settings
	if v == nil {
		v = designlsSection(c.initOptions)
	}
	dir := c.settingsDir()
	c.mu.Unlock()
	var editor *config.Config
	if v != nil {
		var errs []error
		editor, errs = config.FromSettings(dir, v)
		if len(errs) > 0 {
			c.s.showMessage(protocol.MessageTypeWarning, "editor settings: %v", errors.Join(errs...))
		}
	}
	c.mu.Lock()
	c.editor = editor
	c.mu.Unlock()
}

// setFolders replaces the workspace folders.
func (c *configState) setFolders(folders []string) {
	c.mu.Lock()
	c.folders = folders
	c.mu.Unlock()
	c.rebuildEditor()
	c.invalidate("workspace folders changed")
}

// forFile returns the configuration for a document; path "" (an untitled
// document) takes the first workspace folder's.
func (c *configState) forFile(path string) *config.Config {
	c.mu.Lock()
	dir := c.settingsDir()
	if path != "" {
		dir = filepath.Dir(path)
	}
	gen := c.gen
	cfgPath, found := c.byDir[dir]
	c.mu.Unlock()
	if !found && dir != "" {
		p, err := config.Find(dir)
		if err != nil {
			c.s.log.Printf("%v", err)
		}
		cfgPath = p
		c.mu.Lock()
		if c.gen == gen {
			c.byDir[dir] = cfgPath
		}
		c.mu.Unlock()
	}

	c.mu.Lock()
	merged, ok := c.files[cfgPath]
	editor := c.editor
	c.mu.Unlock()
	if ok {
		return merged
	}
	var file *config.Config
	var errs []error
	if cfgPath != "" {
		file, errs = config.Load(cfgPath)
	}
	// A broken file still gives a config: its valid keys, defaults for
	// the rest. Documents are checked with it, and the errors show on the
	// file.
	merged = file.Merge(editor)
	_, terrs := merged.TemplateSet()
	if cfgPath != "" {
		c.publish(cfgPath, append(errs, terrs...))
	} else if len(terrs) > 0 {
		c.s.showMessage(protocol.MessageTypeWarning, "templates: %v", errors.Join(terrs...))
	}
	c.mu.Lock()
	if c.gen == gen {
		if prev, ok := c.files[cfgPath]; ok {
			merged = prev
		} else {
			c.files[cfgPath] = merged
		}
	}
	c.mu.Unlock()
	return merged
}

// invalidate forgets every config file read so far and re-analyses every
// open document.
func (c *configState) invalidate(reason string) {
	c.s.log.Printf("reloading configuration: %s", reason)
	c.mu.Lock()
	c.gen++
	c.byDir = map[string]string{}
	c.files = map[string]*config.Config{}
	var recheck []string
	for p := range c.broken {
		recheck = append(recheck, p)
	}
	c.mu.Unlock()

	for _, d := range c.s.docs.all() {
		d.mu.Lock()
		if d.snap != nil {
			d.snap = c.s.newSnapshot(d, d.snap.version, d.snap.text)
		}
		d.mu.Unlock()
		c.s.scheduleDiagnostics(d)
	}
	if len(recheck) > 0 {
		sort.Strings(recheck)
		c.s.goBackground(func() {
			for _, p := range recheck {
				cfg, errs := config.Load(p)
				_, terrs := cfg.TemplateSet()
				c.publish(p, append(errs, terrs...))
			}
		})
	}
}

// registerWatchers asks the client to report changes to config files,
// when it can; otherwise saving a config file in the editor is what
// reloads it.
func (c *configState) registerWatchers() {
	if !c.s.caps.Workspace.DidChangeWatchedFiles.DynamicRegistration {
		return
	}
	params := &protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID:     "designls-config-files",
		Method: "workspace/didChangeWatchedFiles",
		RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{
			// Two plain globs rather than one with braces, which not
			// every client's glob matcher supports.
			Watchers: []protocol.FileSystemWatcher{{GlobPattern: "**/.designls.yaml"}, {GlobPattern: "**/.designls.yml"}},
		},
	}}}
	if err := c.s.callClient(c.s.ctx, "client/registerCapability", params, nil); err != nil && c.s.ctx.Err() == nil {
		c.s.log.Printf("%v", err)
	}
}

// pullSettings asks the client for the "designls" settings section. A
// client with nothing to say answers [null], which means defaults.
func (c *configState) pullSettings() {
	var result []json.RawMessage
	params := &protocol.ConfigurationParams{Items: []protocol.ConfigurationItem{{Section: "designls"}}}
	if err := c.s.callClient(c.s.ctx, "workspace/configuration", params, &result); err != nil {
		if c.s.ctx.Err() == nil {
			c.s.log.Printf("%v", err)
		}
		return
	}
	var v any
	if len(result) > 0 && len(result[0]) > 0 {
		if err := json.Unmarshal(result[0], &v); err != nil {
			c.s.log.Printf("workspace/configuration: %v", err)
		}
	}
	c.setSettings(v)
}

// openConfig, changeConfig and closeConfig track a config file open in
// the editor, so that its mistakes show while it is edited. Documents keep
// using the saved file until it is saved.
func (c *configState) openConfig(u protocol.DocumentURI, path string, text []byte) {
	c.mu.Lock()
	c.buffers[path] = &configBuffer{uri: u, text: text}
	c.mu.Unlock()
	c.checkBuffer(path, text)
}

func (c *configState) changeConfig(u protocol.DocumentURI, path string, changes []changeEvent) {
	c.mu.Lock()
	b := c.buffers[path]
	var text []byte
	var err error
	if b != nil {
		if text, err = applyChanges(b.text, changes, c.s.enc); err == nil {
			b.text = text
		}
	}
	c.mu.Unlock()
	if b == nil || err != nil {
		c.s.log.Printf("change to %s: not open or not applicable: %v", u, err)
		return
	}
	c.checkBuffer(path, text)
}

func (c *configState) closeConfig(u protocol.DocumentURI, path string) {
	c.mu.Lock()
	delete(c.buffers, path)
	c.mu.Unlock()
	cfg, errs := config.Load(path)
	_, terrs := cfg.TemplateSet()
	c.publish(path, append(errs, terrs...))
}

func (c *configState) checkBuffer(path string, text []byte) {
	cfg, errs := config.Parse(path, text)
	_, terrs := cfg.TemplateSet()
	c.publish(path, append(errs, terrs...))
}

// publish shows a config file's errors as its diagnostics (none clears
// them). Errors without a line go on the first line.
func (c *configState) publish(path string, errs []error) {
	c.mu.Lock()
	u := protocol.DocumentURI(uri.File(path))
	var text []byte
	if b := c.buffers[path]; b != nil {
		u, text = b.uri, b.text
	}
	wasBroken := c.broken[path]
	if len(errs) > 0 {
		c.broken[path] = true
	} else {
		delete(c.broken, path)
	}
	c.mu.Unlock()
	if len(errs) == 0 && !wasBroken {
		return
	}
	if text == nil && len(errs) > 0 {
		text, _ = os.ReadFile(path)
	}
	m := NewMapper(text, c.s.enc)
	diags := []protocol.Diagnostic{}
	for _, err := range errs {
		line, col := 0, 0
		var ce *config.Error
		if errors.As(err, &ce) && ce.Line > 0 {
			line, col = ce.Line-1, ce.Col-1
		}
		start := m.LineStart(line)
		end := m.LineEnd(line)
		// The YAML parser counts columns in characters.
		for i := 0; i < col && start < end; i++ {
			_, size := utf8.DecodeRune(text[start:end])
			start += size
		}
		if line >= m.Lines() {
			start, end = len(text), len(text)
		}
		diags = append(diags, protocol.Diagnostic{
			Range:    m.Range(start, end),
			Severity: protocol.DiagnosticSeverityError,
			Source:   source,
			Message:  configMessage(err),
		})
	}
	c.s.log.Printf("configuration %s: %d problem(s)", path, len(diags))
	c.s.notify("textDocument/publishDiagnostics", &publishDiagnosticsParams{URI: u, Diagnostics: diags})
}

// configMessage drops the file and position from an error shown on that
// very file and position.
func configMessage(err error) string {
	var ce *config.Error
	if errors.As(err, &ce) {
		if ce.Key != "" {
			return fmt.Sprintf("%s: %s", ce.Key, ce.Msg)
		}
		return ce.Msg
	}
	return err.Error()
}
