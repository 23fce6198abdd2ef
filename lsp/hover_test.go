package lsp

import (
	"encoding/json"
	"strings"
	"testing"

	"go.lsp.dev/protocol" // v0.12.0, pinned: see doc.go
)

// hoverValue returns the Markdown of the hover at byte offset off of text,
// "" for none.
func hoverValue(t *testing.T, c *client, u, text string, off int) string {
	t.Helper()
	raw := c.callOK("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": u}, "position": positionUTF16(text, off)}, nil)
	if string(raw) == "null" {
		return ""
	}
	var h protocol.Hover
	if err := json.Unmarshal(raw, &h); err != nil {
		t.Fatal(err)
	}
	return h.Contents.Value
}

// TestCapacityMathOff: a configuration that turns capacity-math off, by
// severity or by disable, takes the equation hovers and inlay hints with
// it, as it takes the diagnostics.
func TestCapacityMathOff(t *testing.T) {
	text := fixture(t, "capacity.md")
	whole := map[string]any{"start": pos(0, 0), "end": positionUTF16(text, len(text))}
	caps := map[string]any{"textDocument": map[string]any{"inlayHint": map[string]any{"dynamicRegistration": false}}}
	at := strings.Index(text, "10K QPS =")
	for _, tc := range []struct {
		name     string
		settings any
		on       bool
	}{
		{"default", nil, true},
		{"severity off", map[string]any{"severity": map[string]any{"capacity-math": "off"}}, false},
		{"disabled", map[string]any{"disable": []string{"capacity-math"}}, false},
		{"another check off", map[string]any{"disable": []string{"placeholder"}}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newClient(t)
			c.initialize(caps, tc.settings)
			c.open(capacityURI, text)
			hover := hoverValue(t, c, capacityURI, text, at)
			raw := c.callOK("textDocument/inlayHint", map[string]any{"textDocument": map[string]any{"uri": capacityURI}, "range": whole}, nil)
			if tc.on {
				if !strings.HasPrefix(hover, "**Arithmetic**") || string(raw) == "[]" {
					t.Errorf("capacity-math on: hover %q, hints %s", hover, raw)
				}
				if tc.settings != nil {
					return
				}
				// Settings that arrive later turn them off too.
				c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"severity": map[string]any{"capacity-math": "off"}}})
				c.idle()
				hover = hoverValue(t, c, capacityURI, text, at)
				raw = c.callOK("textDocument/inlayHint", map[string]any{"textDocument": map[string]any{"uri": capacityURI}, "range": whole}, nil)
			}
			if strings.Contains(hover, "Arithmetic") || string(raw) != "[]" {
				t.Errorf("capacity-math off: hover %q, hints %s", hover, raw)
			}
		})
	}
}
