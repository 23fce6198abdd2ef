package lsp

import (
	"context"

	"go.lsp.dev/protocol" // v0.12.0, pinned: see doc.go

	"github.com/designls/designls/checks"
)

// The inlay hint types of LSP 3.17, which protocol v0.12.0 predates. Only
// what designls sends is declared: a plain string label, no kind (the
// value of an equation is neither a type nor a parameter name), no resolve.

// inlayHintParams are the params of textDocument/inlayHint.
type inlayHintParams struct {
	TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
	Range        protocol.Range                  `json:"range"`
}

// inlayHint is one hint: Label shown at Position, and the edits that write
// it into the text when the user accepts it.
type inlayHint struct {
	Position     protocol.Position       `json:"position"`
	Label        string                  `json:"label"`
	TextEdits    []protocol.TextEdit     `json:"textEdits,omitempty"`
	Tooltip      *protocol.MarkupContent `json:"tooltip,omitempty"`
	PaddingLeft  bool                    `json:"paddingLeft,omitempty"`
	PaddingRight bool                    `json:"paddingRight,omitempty"`
}

// inlayHintOptions is the server capability; designls resolves nothing
// later, every hint is complete.
type inlayHintOptions struct{}

// inlayHints shows, after each unfinished equation in the range
// ("1,000 apps × 10K QPS ="), the value it computes to. The "=" is
// already written, so the label is the value alone; after a placeholder
// ("TBD") it reads "→ 1 TB", what the placeholder stands for. Accepting
// the hint writes the value in, replacing the placeholder.
func inlayHints(_ context.Context, s *server, snap *snapshot, p *inlayHintParams) ([]inlayHint, error) {
	a, err := snap.analysis()
	if err != nil {
		return nil, err
	}
	hints := []inlayHint{}
	if !a.design || !checkOn(a, checks.CapacityMath.ID) {
		return hints, nil
	}
	within := a.m.Span(p.Range)
	for _, ev := range a.res.Arithmetic() {
		if ev.Verdict != "unfinished" || ev.Value == "" || ev.Hint.End < within.Start || ev.Hint.End > within.End {
			continue
		}
		// An empty hint sits just after the relation: the written value
		// needs a space before it. A placeholder is replaced as it is.
		label, newText := "→ "+ev.Value, ev.Value
		if ev.Hint.Start == ev.Hint.End {
			label, newText = ev.Value, " "+ev.Value
		}
		hints = append(hints, inlayHint{
			Position:    a.m.Position(ev.Hint.End),
			Label:       label,
			TextEdits:   []protocol.TextEdit{{Range: a.m.SpanRange(ev.Hint), NewText: newText}},
			Tooltip:     &protocol.MarkupContent{Kind: protocol.Markdown, Value: equationHover(ev)},
			PaddingLeft: true,
		})
	}
	return hints, nil
}
