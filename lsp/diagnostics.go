package lsp

import (
	"sync"

	"go.lsp.dev/protocol" // v0.12.0, pinned: see doc.go

	"github.com/designls/designls/checks"
)

// ruleURL is where each check's documentation lives, docs/rules/<ID>.md,
// generated from the check's own Doc.
const ruleURL = "https://github.com/designls/designls/blob/main/docs/rules/"

// source names designls in every diagnostic.
const source = "designls"

// scheduleDiagnostics makes sure the document's latest snapshot gets its
// diagnostics published. At most one goroutine per document publishes; a
// change that arrives while it analyses only marks the document dirty, so
// the goroutine next analyses the latest version and every version in
// between is dropped, not queued. No timer is involved: the debounce is
// the analysis time itself, and an idle server has no goroutine running.
func (s *server) scheduleDiagnostics(d *document) {
	d.mu.Lock()
	d.dirty = true
	start := !d.running
	d.running = true
	d.mu.Unlock()
	if start {
		s.goBackground(func() { s.diagnose(d) })
	}
}

// counter counts background goroutines so that tests can wait until the
// server has published everything it will publish.
type counter struct {
	mu   sync.Mutex
	n    int
	idle *sync.Cond
}

func (c *counter) add(delta int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.idle == nil {
		c.idle = sync.NewCond(&c.mu)
	}
	c.n += delta
	if c.n == 0 {
		c.idle.Broadcast()
	}
}

// wait blocks until no background goroutine runs.
func (c *counter) wait() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.idle == nil {
		c.idle = sync.NewCond(&c.mu)
	}
	for c.n > 0 {
		c.idle.Wait()
	}
}

func (s *server) diagnose(d *document) {
	for {
		d.mu.Lock()
		if !d.dirty || !d.open || s.ctx.Err() != nil {
			d.running = false
			d.mu.Unlock()
			return
		}
		d.dirty = false
		snap := d.snap
		d.mu.Unlock()

		a, err := snap.analysis()
		if err != nil {
			continue // logged by analysis; a later version may do better
		}
		s.publish(d, snap, a)
	}
}

// publish sends the diagnostics of snap unless a newer version has come
// in meanwhile (its own publish follows) or the document was closed.
func (s *server) publish(d *document, snap *snapshot, a *analysis) {
	d.pubMu.Lock()
	defer d.pubMu.Unlock()
	d.mu.Lock()
	current := d.open && d.snap == snap && !d.dirty
	d.mu.Unlock()
	if !current || s.wasShutdown() {
		return
	}
	diags := []protocol.Diagnostic{}
	if a.design {
		diags = toDiagnostics(snap.uri, a)
	} else if !d.published {
		// Not a design doc, and nothing to clear: stay silent.
		return
	}
	version := snap.version
	s.notify("textDocument/publishDiagnostics", &publishDiagnosticsParams{URI: snap.uri, Version: &version, Diagnostics: diags})
	d.published = len(diags) > 0
}

// toDiagnostics converts the core's diagnostics of a design doc.
func toDiagnostics(u protocol.DocumentURI, a *analysis) []protocol.Diagnostic {
	out := make([]protocol.Diagnostic, 0, len(a.res.Diagnostics))
	for _, d := range a.res.Diagnostics {
		out = append(out, toDiagnostic(u, a.m, d))
	}
	return out
}

// toDiagnostic converts one diagnostic. Severity is always set (clients
// differ on what a missing one means), code is the check ID and data names
// the concern, which is how code actions find the diagnostic again.
func toDiagnostic(u protocol.DocumentURI, m *Mapper, d checks.Diagnostic) protocol.Diagnostic {
	sev := d.Severity
	if sev < checks.Error || sev > checks.Hint {
		sev = checks.Warning
	}
	pd := protocol.Diagnostic{
		Range:           m.SpanRange(d.Span),
		Severity:        protocol.DiagnosticSeverity(sev),
		Code:            d.Check,
		CodeDescription: &protocol.CodeDescription{Href: protocol.URI(ruleURL + d.Check + ".md")},
		Source:          source,
		Message:         d.Message,
	}
	if d.Concern != "" {
		pd.Data = diagnosticData{Concern: string(d.Concern)}
	}
	for _, r := range d.Related {
		pd.RelatedInformation = append(pd.RelatedInformation, protocol.DiagnosticRelatedInformation{
			Location: protocol.Location{URI: u, Range: m.SpanRange(r.Span)},
			Message:  r.Message,
		})
	}
	return pd
}
