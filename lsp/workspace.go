package lsp

import (
	"encoding/json"

	"go.lsp.dev/protocol" // v0.12.0, pinned: see doc.go
)

// didChangeConfiguration takes new settings. A client that answers
// workspace/configuration is asked for them (what it pushes may be a
// placeholder); any other sends them here, and an empty object or null
// means defaults.
func didChangeConfiguration(s *server, p *didChangeConfigurationParams) error {
	if s.caps.Workspace.Configuration {
		s.goBackground(s.cfg.pullSettings)
		return nil
	}
	var v any
	if len(p.Settings) > 0 {
		if err := json.Unmarshal(p.Settings, &v); err != nil {
			return err
		}
	}
	s.cfg.setSettings(v)
	return nil
}

// didChangeWatchedFiles reloads the configuration when a config file was
// created, changed or deleted.
func didChangeWatchedFiles(s *server, p *protocol.DidChangeWatchedFilesParams) error {
	for _, ch := range p.Changes {
		if ch != nil && isConfigFile(uriPath(ch.URI)) {
			s.cfg.invalidate(ch.Type.String() + " " + uriPath(ch.URI))
			return nil
		}
	}
	return nil
}

// didChangeWorkspaceFolders updates the folders that editor settings and
// untitled documents are relative to.
func didChangeWorkspaceFolders(s *server, p *protocol.DidChangeWorkspaceFoldersParams) error {
	s.cfg.mu.Lock()
	folders := append([]string(nil), s.cfg.folders...)
	s.cfg.mu.Unlock()
	removed := map[string]bool{}
	for _, f := range p.Event.Removed {
		removed[uriPath(protocol.DocumentURI(f.URI))] = true
	}
	kept := folders[:0]
	for _, f := range folders {
		if !removed[f] {
			kept = append(kept, f)
		}
	}
	for _, f := range p.Event.Added {
		if dir := uriPath(protocol.DocumentURI(f.URI)); dir != "" {
			kept = append(kept, dir)
		}
	}
	s.cfg.setFolders(kept)
	return nil
}
