package lsp

import (
	"fmt"

	"go.lsp.dev/protocol" // v0.12.0, pinned: see doc.go
)

// didOpen starts tracking a document (or restarts: a second open replaces
// the text) and schedules its diagnostics.
func didOpen(s *server, p *protocol.DidOpenTextDocumentParams) error {
	u := p.TextDocument.URI
	path := uriPath(u)
	if isConfigFile(path) {
		s.cfg.openConfig(u, path, []byte(p.TextDocument.Text))
		return nil
	}
	s.docs.mu.Lock()
	d := s.docs.m[u]
	if d == nil {
		d = &document{uri: u, path: path}
		s.docs.m[u] = d
	}
	s.docs.mu.Unlock()

	d.mu.Lock()
	d.open = true
	d.snap = s.newSnapshot(d, p.TextDocument.Version, []byte(p.TextDocument.Text))
	d.mu.Unlock()
	s.scheduleDiagnostics(d)
	return nil
}

func (s *server) newSnapshot(d *document, version int32, text []byte) *snapshot {
	return &snapshot{s: s, uri: d.uri, path: d.path, version: version, text: text}
}

// didChange applies the changes in order. Versions are taken as given:
// they need not be contiguous.
func didChange(s *server, p *didChangeParams) error {
	u := p.TextDocument.URI
	if path := uriPath(u); isConfigFile(path) {
		s.cfg.changeConfig(u, path, p.ContentChanges)
		return nil
	}
	d := s.docs.get(u)
	if d == nil {
		return fmt.Errorf("change to %s, which is not open", u)
	}
	d.mu.Lock()
	text, err := applyChanges(d.snap.text, p.ContentChanges, s.enc)
	if err == nil {
		d.snap = s.newSnapshot(d, p.TextDocument.Version, text)
	}
	d.mu.Unlock()
	if err != nil {
		return fmt.Errorf("change to %s: %w", u, err)
	}
	s.scheduleDiagnostics(d)
	return nil
}

// applyChanges applies content changes one after the other, each range
// being relative to the text the previous ones left. A change without a
// range replaces everything.
func applyChanges(text []byte, changes []changeEvent, enc PositionEncoding) ([]byte, error) {
	for i, c := range changes {
		if c.Range == nil {
			text = []byte(c.Text)
			continue
		}
		sp := NewMapper(text, enc).Span(*c.Range)
		if sp.Start > len(text) || sp.End > len(text) {
			return nil, fmt.Errorf("change %d: range outside the document", i+1)
		}
		next := make([]byte, 0, len(text)-(sp.End-sp.Start)+len(c.Text))
		next = append(next, text[:sp.Start]...)
		next = append(next, c.Text...)
		next = append(next, text[sp.End:]...)
		text = next
	}
	return text, nil
}

// didSave republishes a document's diagnostics, or reloads the
// configuration when the saved file is one.
func didSave(s *server, p *protocol.DidSaveTextDocumentParams) error {
	u := p.TextDocument.URI
	if path := uriPath(u); isConfigFile(path) {
		s.cfg.invalidate("saved " + path)
		return nil
	}
	if d := s.docs.get(u); d != nil {
		s.scheduleDiagnostics(d)
	}
	return nil
}

// didClose forgets a document and clears its diagnostics.
func didClose(s *server, p *protocol.DidCloseTextDocumentParams) error {
	u := p.TextDocument.URI
	if path := uriPath(u); isConfigFile(path) {
		s.cfg.closeConfig(u, path)
		return nil
	}
	s.docs.mu.Lock()
	d := s.docs.m[u]
	delete(s.docs.m, u)
	s.docs.mu.Unlock()
	if d == nil {
		return nil
	}
	d.mu.Lock()
	d.open = false
	d.snap = nil
	d.mu.Unlock()

	d.pubMu.Lock()
	defer d.pubMu.Unlock()
	s.notify("textDocument/publishDiagnostics", &publishDiagnosticsParams{URI: u, Diagnostics: []protocol.Diagnostic{}})
	d.published = false
	return nil
}
