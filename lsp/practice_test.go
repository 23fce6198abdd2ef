package lsp

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/designls/designls/checks"
)

// capacityURI holds testdata/capacity.md: equations on lines that start
// with emoji, after lines of CJK and Hangul, so that UTF-16 characters,
// UTF-8 bytes and code points all differ.
const capacityURI = "file:///project/capacity.md"

// spanOf returns the byte span of the first occurrence of sub in text.
func spanOf(t *testing.T, text, sub string) (int, int) {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in the fixture", sub)
	}
	return i, i + len(sub)
}

func TestScorecardCommand(t *testing.T) {
	c := newClient(t)
	c.initialize(nil, nil)
	text := fixture(t, "capacity.md")
	c.open(capacityURI, text)
	scorecardOf := func(u string) (map[string]json.RawMessage, string) {
		t.Helper()
		raw := c.callOK("workspace/executeCommand", map[string]any{"command": "designls.scorecard", "arguments": []any{map[string]any{"uri": u}}}, nil)
		var res map[string]json.RawMessage
		var md string
		if err := json.Unmarshal(raw, &res); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(res["markdown"], &md); err != nil {
			t.Fatalf("markdown: %v in %s", err, raw)
		}
		return res, md
	}

	// Both fields are the core's review of the text, nothing added.
	res, md := scorecardOf(capacityURI)
	want := checks.Review(checks.Run("/project/capacity.md", []byte(text), nil))
	if md != want.Markdown() {
		t.Errorf("markdown is not the core's:\ngot:\n%s\nwant:\n%s", md, want.Markdown())
	}
	var got, exp any
	json.Unmarshal(res["scorecard"], &got)
	json.Unmarshal(mustJSON(want), &exp)
	if !reflect.DeepEqual(got, exp) {
		t.Errorf("scorecard is not the core's:\ngot  %s\nwant %s", res["scorecard"], mustJSON(want))
	}
	if !strings.Contains(md, "| ~ | Capacity | Capacity (line 8)") || !strings.Contains(md, "30M QPS, not 3M QPS") || !strings.Contains(md, "drill `feature-flags`") {
		t.Errorf("the scorecard misses the capacity question or the drill:\n%s", md)
	}

	// The current version, not the one opened.
	c.replace(capacityURI, strings.Replace(text, "= 3M QPS", "= 30M QPS", 1))
	if _, md := scorecardOf(capacityURI); strings.Contains(md, "not 3M QPS") {
		t.Errorf("the scorecard of the new version still asks about 3M QPS:\n%s", md)
	}

	// A document that is not a design doc gets a note and no scorecard.
	c.open("file:///project/notes.md", "# Notes\n\n1,000 apps × 10K QPS = 10M QPS\n")
	res, md = scorecardOf("file:///project/notes.md")
	if _, has := res["scorecard"]; has || !strings.Contains(md, "Not a design doc") {
		t.Errorf("non-design doc: %v, %q", res, md)
	}
	if _, err := c.call("workspace/executeCommand", map[string]any{"command": "designls.scorecard", "arguments": []any{map[string]any{"uri": "file:///project/closed.md"}}}); err == nil || err.Code != -32602 {
		t.Errorf("scorecard of a document that is not open: %v", err)
	}
}

func TestEquationHover(t *testing.T) {
	text := fixture(t, "capacity.md")
	for _, enc := range []PositionEncoding{UTF16, UTF8} {
		t.Run(string(enc), func(t *testing.T) {
			c := newClient(t)
			caps := map[string]any{}
			if enc == UTF8 {
				caps = map[string]any{"general": map[string]any{"positionEncodings": []string{"utf-8", "utf-16"}}}
			}
			c.initialize(caps, nil)
			c.open(capacityURI, text)
			// The test's own arithmetic: bytes for UTF-8, UTF-16 units
			// otherwise.
			position := func(off int) protocol.Position {
				if enc == UTF8 {
					lines := splitLines(text)
					p := positionUTF16(text, off)
					return protocol.Position{Line: p.Line, Character: uint32(off - lines[p.Line].start)}
				}
				return positionUTF16(text, off)
			}
			hoverAt := func(off int) (string, protocol.Range, json.RawMessage) {
				t.Helper()
				raw := c.callOK("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": capacityURI}, "position": position(off)}, nil)
				var h protocol.Hover
				if string(raw) == "null" {
					return "", protocol.Range{}, raw
				}
				if err := json.Unmarshal(raw, &h); err != nil {
					t.Fatal(err)
				}
				return h.Contents.Value, *h.Range, raw
			}

			// A right one, pointed at inside "× 10K".
			start, end := spanOf(t, text, "1,000 apps × 10K QPS = 10M QPS")
			value, rng, raw := hoverAt(strings.Index(text, "10K QPS ="))
			if value != "**Arithmetic**: `1,000 apps × 10K QPS` = 10M QPS ✓" {
				t.Errorf("hover on a right equation: %q", value)
			}
			if want := (protocol.Range{Start: position(start), End: position(end)}); rng != want {
				t.Errorf("range %v, want %v", rng, want)
			}
			if enc == UTF16 {
				golden(t, "hover-equation.json", raw)
				// The emoji before it is two UTF-16 units and four bytes:
				// "- 🚀 Average: " is 14 units.
				if rng.Start.Character != 14 {
					t.Errorf("equation starts at character %d, want 14", rng.Start.Character)
				}
			} else if rng.Start.Character != 16 {
				t.Errorf("equation starts at byte %d, want 16", rng.Start.Character)
			}

			// A wrong one: the right value, the written one, and the rule
			// of the finding on it.
			start, end = spanOf(t, text, "1,000 apps × 30K QPS = 3M QPS")
			value, rng, _ = hoverAt(strings.Index(text, "3M QPS at peak"))
			if !strings.HasPrefix(value, "**Arithmetic**: `1,000 apps × 30K QPS` = 30M QPS ✗ (written: 3M QPS)\n\n---\n\n") ||
				!strings.Contains(value, "(`capacity-math`)") {
				t.Errorf("hover on a wrong equation: %q", value)
			}
			if rng.Start != position(start) || rng.End.Line != position(end).Line {
				t.Errorf("range %v does not start at the equation (%v)", rng, position(start))
			}

			// An unfinished one shows its value.
			value, _, _ = hoverAt(strings.Index(text, "86,400"))
			if value != "**Arithmetic**: `10M QPS × 86,400 s/day` = 864B requests/day" {
				t.Errorf("hover on an unfinished equation: %q", value)
			}

			// Prose with a number is no equation.
			if value, _, _ := hoverAt(strings.Index(text, "5 ms P99")); value != "" {
				t.Errorf("hover on prose: %q", value)
			}
		})
	}
}

func TestInlayHints(t *testing.T) {
	text := fixture(t, "capacity.md")
	whole := map[string]any{"start": pos(0, 0), "end": positionUTF16(text, len(text))}
	hintsOf := func(c *client, u string, rng any) ([]inlayHint, json.RawMessage) {
		t.Helper()
		var hints []inlayHint
		raw := c.callOK("textDocument/inlayHint", map[string]any{"textDocument": map[string]any{"uri": u}, "range": rng}, &hints)
		return hints, raw
	}

	// serverCaps decodes the capabilities of an initialize result.
	serverCaps := func(raw json.RawMessage) map[string]json.RawMessage {
		var init struct {
			Capabilities map[string]json.RawMessage
		}
		if err := json.Unmarshal(raw, &init); err != nil || len(init.Capabilities) == 0 {
			t.Fatalf("initialize result %s: %v", raw, err)
		}
		return init.Capabilities
	}

	// A client that shows inlay hints is offered them.
	c := newClient(t)
	caps := serverCaps(c.initialize(map[string]any{"textDocument": map[string]any{"inlayHint": map[string]any{"dynamicRegistration": false}}}, nil))
	if got := string(caps["inlayHintProvider"]); got != "{}" {
		t.Errorf("inlayHintProvider = %q for a client with inlay hints", got)
	}
	c.open(capacityURI, text)
	hints, raw := hintsOf(c, capacityURI, whole)
	golden(t, "inlay-hints.json", raw)
	if len(hints) != 2 {
		t.Fatalf("%d hints, want the two unfinished equations: %+v", len(hints), hints)
	}
	_, afterEq := spanOf(t, text, "86,400 s/day =")
	tbd, afterTBD := spanOf(t, text, "TBD")
	for i, want := range []struct {
		label string
		at    int
		line  string
	}{
		{"864B requests/day", afterEq, "- 🧮 Per day: 10M QPS × 86,400 s/day = 864B requests/day"},
		{"→ 1 TB", afterTBD, "- Storage: 2 KB × 500M = 1 TB"},
	} {
		h := hints[i]
		if h.Label != want.label || h.Position != positionUTF16(text, want.at) || !h.PaddingLeft {
			t.Errorf("hint %d: %q at %v, want %q at %v", i, h.Label, h.Position, want.label, positionUTF16(text, want.at))
		}
		// Accepting the hint writes the value in.
		got := text
		for _, e := range h.TextEdits {
			var err error
			if got, err = applyUTF16(got, e); err != nil {
				t.Fatalf("hint %d: %v", i, err)
			}
		}
		if lines := splitLines(got); !strings.Contains(got, want.line+"\n") {
			t.Errorf("hint %d accepted gives %q", i, got[lines[positionUTF16(text, want.at).Line].start:lines[positionUTF16(text, want.at).Line].end])
		}
	}
	if hints[1].TextEdits[0].Range.Start != positionUTF16(text, tbd) {
		t.Errorf("the TBD placeholder is not what the hint replaces: %v", hints[1].TextEdits[0].Range)
	}

	// CRLF moves no position.
	crlf := "file:///project/capacity-crlf.md"
	c.open(crlf, strings.ReplaceAll(text, "\n", "\r\n"))
	if got, _ := hintsOf(c, crlf, whole); !reflect.DeepEqual(got, hints) {
		t.Errorf("CRLF hints differ:\n%+v\n%+v", got, hints)
	}

	// Only hints in the range asked for.
	line := positionUTF16(text, afterTBD).Line
	hints, _ = hintsOf(c, capacityURI, map[string]any{"start": pos(line, 0), "end": pos(line+1, 0)})
	if len(hints) != 1 || hints[0].Label != "→ 1 TB" {
		t.Errorf("hints on the storage line: %+v", hints)
	}
	// A finished document has none; a non-design doc none either.
	c.replace(capacityURI, strings.NewReplacer("86,400 s/day =", "86,400 s/day = 864B requests/day", "= TBD", "= 1 TB").Replace(text))
	if hints, raw := hintsOf(c, capacityURI, whole); len(hints) != 0 || string(raw) != "[]" {
		t.Errorf("hints after finishing every equation: %s", raw)
	}
	c.open("file:///project/notes.md", "# Notes\n\n1,000 apps × 10K QPS =\n")
	if _, raw := hintsOf(c, "file:///project/notes.md", whole); string(raw) != "[]" {
		t.Errorf("hints on a non-design doc: %s", raw)
	}

	// A client that never heard of inlay hints is not offered them.
	plain := newClient(t)
	if _, has := serverCaps(plain.initialize(nil, nil))["inlayHintProvider"]; has {
		t.Errorf("inlayHintProvider offered to a client without inlay hints")
	}
	// null is as good as absent.
	nullCaps := newClient(t)
	if _, has := serverCaps(nullCaps.initialize(map[string]any{"textDocument": map[string]any{"inlayHint": nil}}, nil))["inlayHintProvider"]; has {
		t.Errorf("inlayHintProvider offered to a client whose inlayHint capability is null")
	}
}
