package lsp

import (
	"encoding/json"
	"strings"
	"testing"

	"go.lsp.dev/protocol" // v0.12.0, pinned: see doc.go

	"github.com/designls/designls/templates"
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

// TestHeadingHoverTicksAnswers: a heading's hover ticks the points its
// section answers, quoting the words as written, and leaves the others
// open with what an answer gives; a section of unedited prompts ticks
// nothing. CRLF, CJK and emoji move nothing.
func TestHeadingHoverTicksAnswers(t *testing.T) {
	slo, _ := templates.Builtin().Snippet("slo")
	text := "---\nrubric: system-design\n---\n# 限流 service 🚀\n\n" +
		"## 🚦 Rollout\n\n" +
		"発売前に 1% of tenants get it, then 10%, then everyone, cell by cell.\n" +
		"A kill switch in the admin console stops enforcement without a deploy.\n\n" +
		"## Degradation\n\n" +
		"When the store is down the limiter serves the last_known_good limit.\n\n" +
		slo.Render(2, "\n")
	text = strings.ReplaceAll(text, "\n", "\r\n")
	c := newClient(t)
	c.initialize(nil, nil)
	u := "file:///project/limits.md"
	c.open(u, text)

	got := hoverValue(t, c, u, text, strings.Index(text, "## 🚦 Rollout")+3)
	for _, want := range []string{
		"This section covers **Rollout** (core)",
		"What interviewers look for here: 2 of 4 points addressed.\n\n",
		"- [x] Stages — \"1%\"\n",
		"\n- [ ] Guardrail metric: ",
		"\n- [ ] Rollback: ",
		"- [x] Kill switch — \"kill switch\"",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("rollout heading hover lacks %q:\n%s", want, got)
		}
	}

	// Markup in the evidence is escaped, so last_known_good is not read
	// as emphasis.
	got = hoverValue(t, c, u, text, strings.Index(text, "## Degradation")+3)
	if !strings.Contains(got, `- [x] Fallbacks — "last\_known\_good"`) || !strings.Contains(got, "2 of 4 points addressed") {
		t.Errorf("degradation heading hover:\n%s", got)
	}

	got = hoverValue(t, c, u, text, strings.Index(text, "## SLO")+3)
	if !strings.Contains(got, "is meant to cover (still template prompts or placeholders) **SLO**") ||
		!strings.Contains(got, "0 of 4 points addressed") || strings.Contains(got, "[x]") {
		t.Errorf("hover on an unedited snippet's heading:\n%s", got)
	}
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
