package lsp

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

func diagKey(d protocol.Diagnostic) string {
	concern := ""
	if m, ok := d.Data.(map[string]any); ok {
		concern, _ = m["concern"].(string)
	}
	return fmt.Sprintf("%v|%s|%s", d.Code, concern, d.Message)
}

func keyCounts(ds []protocol.Diagnostic) map[string]int {
	out := map[string]int{}
	for _, d := range ds {
		out[diagKey(d)]++
	}
	return out
}

func before(a, b protocol.Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

// TestFixScenario plays a user: for each missing-section diagnostic in
// turn, ask for code actions where it sits, pick its quick fix, apply the
// edit to the client's own copy (with the test's own UTF-16 arithmetic),
// send it back as incremental changes, and check that exactly that
// diagnostic disappeared. New diagnostics may only appear inside the
// inserted text (the section's prompts are placeholders until written).
func TestFixScenario(t *testing.T) {
	for _, name := range []string{"partial.md", "partial-crlf.md", "unicode.md"} {
		t.Run(name, func(t *testing.T) {
			c := newClient(t)
			c.initialize(nil, nil)
			u := "file:///project/" + name
			c.open(u, fixture(t, name))
			version := int32(1)
			diags := c.diagnostics(u, version)
			fixed := 0
			for {
				var target *protocol.Diagnostic
				for i := range diags {
					if diags[i].Code == "missing-section" {
						target = &diags[i]
						break
					}
				}
				if target == nil {
					break
				}
				// Neovim sends every diagnostic on the cursor's line.
				var onLine []protocol.Diagnostic
				for _, d := range diags {
					if d.Range.Start.Line == target.Range.Start.Line {
						onLine = append(onLine, d)
					}
				}
				actions := codeActions(c, u, protocol.Range{Start: target.Range.Start, End: target.Range.Start}, onLine, "quickfix")
				var action *protocol.CodeAction
				for i := range actions {
					if len(actions[i].Diagnostics) == 1 && diagKey(actions[i].Diagnostics[0]) == diagKey(*target) {
						action = &actions[i]
					}
				}
				if action == nil {
					t.Fatalf("no quick fix for %q among %v", target.Message, titles(actions))
				}
				edits := action.Edit.Changes[protocol.DocumentURI(u)]
				oldText := c.text(u)
				newText, err := applyEdits(oldText, edits)
				if err != nil {
					t.Fatalf("%s: %v", action.Title, err)
				}
				// Changes in a notification apply one after the other:
				// send the workspace edit's edits from the last to the
				// first so that each range is still valid.
				sorted := append([]protocol.TextEdit(nil), edits...)
				sort.Slice(sorted, func(i, j int) bool { return before(sorted[j].Range.Start, sorted[i].Range.Start) })
				version = c.edit(u, sorted...)
				if got := c.text(u); got != newText {
					t.Fatalf("sequential application differs from the workspace edit")
				}
				next := c.diagnostics(u, version)

				// Exactly the fixed diagnostic is gone.
				oldKeys, newKeys := keyCounts(diags), keyCounts(next)
				for k, n := range oldKeys {
					want := n
					if k == diagKey(*target) {
						want = n - 1
					}
					if newKeys[k] != want {
						t.Errorf("after %q: %q appears %d times, want %d", action.Title, k, newKeys[k], want)
					}
				}
				// Anything new lies inside the inserted text.
				if len(edits) == 1 {
					start, _ := offsetUTF16(oldText, edits[0].Range.Start)
					lo := positionUTF16(newText, start)
					hi := positionUTF16(newText, start+len(edits[0].NewText))
					for _, d := range next {
						if oldKeys[diagKey(d)] == 0 && (before(d.Range.Start, lo) || before(hi, d.Range.End)) {
							t.Errorf("after %q: new diagnostic outside the inserted text: %s at %v (inserted %v-%v)", action.Title, diagKey(d), d.Range, lo, hi)
						}
					}
				}
				// Idempotent: the fix is not offered again.
				for _, a := range codeActions(c, u, protocol.Range{Start: target.Range.Start, End: target.Range.Start}, nil) {
					if a.Title == action.Title {
						t.Errorf("%q is still offered after applying it", a.Title)
					}
				}
				diags = next
				fixed++
			}
			if fixed == 0 {
				t.Fatalf("no missing-section fix was exercised")
			}
			server, _ := c.serverText(u)
			if server != c.text(u) {
				t.Fatalf("the server's text differs from the client's")
			}
			if name == "partial-crlf.md" && strings.Count(server, "\n") != strings.Count(server, "\r\n") {
				t.Errorf("fixes brought bare line feeds into a CRLF document")
			}
		})
	}
}
