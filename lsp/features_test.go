package lsp

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/designls/designls/checks"
)

// checkRangesAgainstCore compares every published diagnostic with the
// core's own findings for the same text, converting the core's byte spans
// with the test's independent UTF-16 arithmetic.
func checkRangesAgainstCore(t *testing.T, text string, got []protocol.Diagnostic) {
	t.Helper()
	res := checks.Run("doc.md", []byte(text), nil)
	if len(res.Diagnostics) != len(got) {
		t.Fatalf("published %d diagnostics, the core finds %d", len(got), len(res.Diagnostics))
	}
	for i, d := range res.Diagnostics {
		want := protocol.Range{Start: positionUTF16(text, d.Span.Start), End: positionUTF16(text, d.Span.End)}
		g := got[i]
		if g.Range != want {
			t.Errorf("diagnostic %d (%s %s): range %v, want %v", i, d.Check, d.Concern, g.Range, want)
		}
		if g.Code != d.Check || g.Source != "designls" || g.Message != d.Message || int(g.Severity) != int(d.Severity) || g.Severity == 0 {
			t.Errorf("diagnostic %d: %+v does not match the core's %+v", i, g, d)
		}
		if g.CodeDescription == nil || string(g.CodeDescription.Href) != "https://github.com/designls/designls/blob/main/docs/rules/"+d.Check+".md" {
			t.Errorf("diagnostic %d: codeDescription %+v", i, g.CodeDescription)
		}
		if d.Concern != "" {
			data, _ := g.Data.(map[string]any)
			if data["concern"] != string(d.Concern) {
				t.Errorf("diagnostic %d: data %v, want concern %s", i, g.Data, d.Concern)
			}
		}
	}
}

func TestDiagnostics(t *testing.T) {
	c := newClient(t)
	c.initialize(nil, nil)
	for _, name := range []string{"partial.md", "partial-crlf.md", "structure.md"} {
		u := "file:///project/" + name
		text := fixture(t, name)
		c.open(u, text)
		pub := c.publication(u, 1)
		checkRangesAgainstCore(t, text, pub.Diagnostics)
		if name != "partial-crlf.md" {
			golden(t, "diagnostics-"+strings.TrimSuffix(name, ".md")+".json", pub.raw)
		}
	}
	// CRLF changes no position: every line keeps its characters.
	lf, crlf := c.publication("file:///project/partial.md", 1), c.publication("file:///project/partial-crlf.md", 1)
	if len(lf.Diagnostics) != len(crlf.Diagnostics) {
		t.Fatalf("LF and CRLF differ in number of diagnostics")
	}
	for i := range lf.Diagnostics {
		if lf.Diagnostics[i].Range != crlf.Diagnostics[i].Range {
			t.Errorf("diagnostic %d: LF %v, CRLF %v", i, lf.Diagnostics[i].Range, crlf.Diagnostics[i].Range)
		}
	}

	// Save publishes again; close clears.
	u := "file:///project/partial.md"
	before := len(c.publications(u))
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": u}})
	c.idle()
	if n := len(c.publications(u)); n != before+1 {
		t.Errorf("save published %d times, want once", n-before)
	}
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": u}})
	if last, _ := c.lastPublication(u); last.Diagnostics == nil || len(last.Diagnostics) != 0 {
		t.Errorf("close did not clear the diagnostics: %+v", last)
	}
}

func TestNonDesignDocsStayQuiet(t *testing.T) {
	c := newClient(t)
	c.initialize(nil, nil)
	u := "file:///project/README.md"
	c.open(u, "# Project\n\nSome notes. TODO: write more.\n")
	if pubs := c.publications(u); len(pubs) != 0 {
		t.Fatalf("a non-design doc got diagnostics: %+v", pubs)
	}
	c.idle()
	if pubs := c.publications(u); len(pubs) != 0 {
		t.Fatalf("a non-design doc got diagnostics: %+v", pubs)
	}
	// Adding front matter makes it a design doc; removing it clears.
	v := c.replace(u, "---\nrubric: system-design\n---\n# Project\n")
	if len(c.diagnostics(u, v)) == 0 {
		t.Fatalf("no diagnostics once the front matter names a rubric")
	}
	v = c.replace(u, "# Project\n")
	if d := c.diagnostics(u, v); len(d) != 0 {
		t.Fatalf("diagnostics not cleared when the doc stopped being a design doc: %v", d)
	}
	// Code lens, completion and hover say nothing either.
	var lenses []protocol.CodeLens
	c.callOK("textDocument/codeLens", map[string]any{"textDocument": map[string]any{"uri": u}}, &lenses)
	if len(lenses) != 0 {
		t.Errorf("code lens on a non-design doc: %v", lenses)
	}
	res := c.callOK("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": u}, "position": pos(0, 3)}, nil)
	if string(res) != "null" {
		t.Errorf("hover on a non-design doc: %s", res)
	}
}

func TestVersionsNeedNotBeContiguous(t *testing.T) {
	c := newClient(t)
	c.initialize(nil, nil)
	u := "file:///project/a.md"
	c.openVersion(u, designDoc, 0)
	if d := c.diagnostics(u, 0); len(d) == 0 {
		t.Fatal("no diagnostics for version 0")
	}
	c.mu.Lock()
	c.docs[u].version = 41
	c.mu.Unlock()
	v := c.replace(u, designDoc+"\n## SLO\n\n99.9% of requests succeed within 200 ms over 30 days.\n")
	if v != 42 {
		t.Fatalf("version %d", v)
	}
	for _, d := range c.diagnostics(u, 42) {
		if d.Code == "missing-section" && d.Data.(map[string]any)["concern"] == "slo" {
			t.Errorf("SLO still reported after adding it: %v", d)
		}
	}
}

func TestIncrementalSync(t *testing.T) {
	c := newClient(t)
	c.initialize(nil, nil)
	u := "file:///project/a.md"
	text := "# Title 🚀\r\n\r\n限流 line\r\ncafe\u0301\tend"
	c.open(u, text)
	// Several changes in one notification, each relative to the text the
	// previous one left, one of them ending exactly at the end of file.
	c.edit(u,
		protocol.TextEdit{Range: protocol.Range{Start: pos(0, 8), End: pos(0, 10)}, NewText: "📒"}, // replace the emoji
		protocol.TextEdit{Range: protocol.Range{Start: pos(2, 1), End: pos(2, 2)}, NewText: "x"},  // 流 → x
		protocol.TextEdit{Range: protocol.Range{Start: pos(3, 6), End: pos(3, 9)}, NewText: "END\r\n"},
		protocol.TextEdit{Range: protocol.Range{Start: pos(4, 0), End: pos(4, 0)}, NewText: "tail"},
	)
	got, _ := c.serverText(u)
	if want := c.text(u); got != want {
		t.Fatalf("server text %q, client text %q", got, want)
	}
	if want := "# Title 📒\r\n\r\n限x line\r\ncafe\u0301\tEND\r\ntail"; got != want {
		t.Fatalf("text %q, want %q", got, want)
	}
	// A change without a range replaces everything.
	c.replace(u, "whole")
	if got, _ := c.serverText(u); got != "whole" {
		t.Fatalf("full replacement: %q", got)
	}
	// Deleting everything from 0:0 to the end.
	c.edit(u, protocol.TextEdit{Range: protocol.Range{Start: pos(0, 0), End: pos(0, 5)}, NewText: ""})
	if got, _ := c.serverText(u); got != "" {
		t.Fatalf("delete all: %q", got)
	}
}

func TestUTF8Negotiated(t *testing.T) {
	c := newClient(t)
	res := c.initialize(map[string]any{"general": map[string]any{"positionEncodings": []string{"utf-8", "utf-16"}}}, nil)
	var init struct {
		Capabilities struct {
			PositionEncoding string `json:"positionEncoding"`
		} `json:"capabilities"`
	}
	json.Unmarshal(res, &init)
	if init.Capabilities.PositionEncoding != "utf-8" {
		t.Fatalf("positionEncoding %q, want utf-8", init.Capabilities.PositionEncoding)
	}
	u := "file:///project/a.md"
	text := "---\nrubric: system-design\n---\n# Zürich 🚀 title\n"
	c.open(u, text)
	d := c.diagnostics(u, 1)
	title := strings.Index(text, "Zürich")
	end := strings.Index(text, " title") + len(" title")
	lineStart := strings.Index(text, "# ")
	if len(d) == 0 || d[0].Range.Start != pos(3, uint32(title-lineStart)) || d[0].Range.End != pos(3, uint32(end-lineStart)) {
		t.Fatalf("UTF-8 range of the title: %v", d[0].Range)
	}
}

func codeActions(c *client, u string, rng protocol.Range, diags []protocol.Diagnostic, only ...string) []protocol.CodeAction {
	c.t.Helper()
	if diags == nil {
		diags = []protocol.Diagnostic{}
	}
	ctx := map[string]any{"diagnostics": diags}
	if len(only) > 0 {
		ctx["only"] = only
	}
	var actions []protocol.CodeAction
	c.callOK("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": u}, "range": rng, "context": ctx}, &actions)
	return actions
}

func titles(actions []protocol.CodeAction) []string {
	var out []string
	for _, a := range actions {
		out = append(out, fmt.Sprintf("%s [%s]", a.Title, a.Kind))
	}
	return out
}

func TestCodeActions(t *testing.T) {
	c := newClient(t)
	c.initialize(nil, nil)
	u := "file:///project/partial.md"
	text := fixture(t, "partial.md")
	c.open(u, text)
	diags := c.diagnostics(u, 1)
	title := diags[0].Range
	cursor := protocol.Range{Start: title.Start, End: title.Start}

	actions := codeActions(c, u, cursor, nil)
	golden(t, "codeaction-titles.json", mustJSON(titles(actions)))
	for _, a := range actions {
		if a.Edit == nil || len(a.Edit.Changes[protocol.DocumentURI(u)]) == 0 || a.Edit.DocumentChanges != nil {
			t.Errorf("%q carries no plain edit: %+v", a.Title, a.Edit)
		}
	}
	slo := findAction(actions, "Insert SLO section")
	if slo == nil {
		t.Fatalf("no SLO quick fix in %v", titles(actions))
	}
	golden(t, "codeaction-slo.json", mustJSON(slo))

	// Matching by check and concern: a diagnostic the client sends back
	// from an old version, with a stale range, still finds its fix; a
	// cursor elsewhere without it finds none.
	var sloDiag protocol.Diagnostic
	for _, d := range diags {
		if m, _ := d.Data.(map[string]any); m["concern"] == "slo" {
			sloDiag = d
		}
	}
	stale := sloDiag
	stale.Range = protocol.Range{Start: pos(40, 0), End: pos(40, 3)}
	elsewhere := protocol.Range{Start: pos(9, 0), End: pos(9, 0)}
	got := codeActions(c, u, elsewhere, []protocol.Diagnostic{stale}, "quickfix")
	if len(got) != 1 || got[0].Title != "Insert SLO section" {
		t.Errorf("actions for a stale SLO diagnostic: %v", titles(got))
	}
	// Without data (some clients drop it), the message still matches.
	stale.Data = nil
	if got := codeActions(c, u, elsewhere, []protocol.Diagnostic{stale}, "quickfix"); len(got) != 1 {
		t.Errorf("actions for a stale SLO diagnostic without data: %v", titles(got))
	}
	if got := codeActions(c, u, elsewhere, nil, "quickfix"); len(got) != 0 {
		t.Errorf("quick fixes away from any diagnostic: %v", titles(got))
	}
	// only filters by kind prefix.
	if got := codeActions(c, u, cursor, nil, "source"); len(got) != 1 || got[0].Kind != insertMissingKind {
		t.Errorf("only=source: %v", titles(got))
	}
	if got := codeActions(c, u, cursor, nil, "source.fixAll"); len(got) != 0 {
		t.Errorf("only=source.fixAll offered %v, but this document has no safe fixes", titles(got))
	}

	// The insert-missing action: edits never overlap, snippets sharing an
	// offset come in template order, and the result covers every core
	// concern.
	all := findAction(actions, "Insert missing core sections")
	if all == nil {
		t.Fatalf("no insert-missing action")
	}
	after, err := applyEdits(text, all.Edit.Changes[protocol.DocumentURI(u)])
	if err != nil {
		t.Fatalf("insert-missing edits: %v", err)
	}
	goldenText(t, "insert-missing.md", []byte(after))
	res := checks.Run("after.md", []byte(after), nil)
	for _, info := range checks.Concerns {
		f := res.Coverage.Get(info.ID)
		if info.Core && f.State == checks.Missing && f.Pending == nil {
			t.Errorf("after insert-missing, core concern %s has no section", info.ID)
		}
	}

	// codeAction/resolve gives the action back as it is.
	var resolved protocol.CodeAction
	c.callOK("codeAction/resolve", slo, &resolved)
	if mustJSONString(resolved) != mustJSONString(slo) {
		t.Errorf("resolve changed the action:\n%s\n%s", mustJSONString(resolved), mustJSONString(slo))
	}
}

func findAction(actions []protocol.CodeAction, prefix string) *protocol.CodeAction {
	for i := range actions {
		if strings.HasPrefix(actions[i].Title, prefix) {
			return &actions[i]
		}
	}
	return nil
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

func mustJSONString(v any) string { return string(mustJSON(v)) }

func TestTemplates(t *testing.T) {
	c := newClient(t)
	c.initialize(nil, nil)
	empty := "file:///project/new.md"
	c.open(empty, "\n")
	actions := codeActions(c, empty, protocol.Range{}, nil)
	golden(t, "codeaction-templates.json", mustJSON(titles(actions)))
	sd := findAction(actions, "Start from template: system-design")
	if sd == nil {
		t.Fatalf("no system-design template in %v", titles(actions))
	}
	text, err := applyEdits(c.text(empty), sd.Edit.Changes[protocol.DocumentURI(empty)])
	if err != nil {
		t.Fatal(err)
	}
	v := c.replace(empty, text)
	diags := c.diagnostics(empty, v)
	for _, d := range diags {
		if d.Code == "missing-section" {
			t.Errorf("a fresh template misses a section: %s", d.Message)
		}
	}

	// A note with text gets the front matter that makes it a design doc,
	// its text kept.
	note := "file:///project/note.md"
	c.open(note, "# Queue\r\n\r\nSome text.\r\n")
	actions = codeActions(c, note, protocol.Range{}, nil)
	sd = findAction(actions, "Start from template: system-design")
	if sd == nil {
		t.Fatalf("no template for a non-design doc: %v", titles(actions))
	}
	text, err = applyEdits(c.text(note), sd.Edit.Changes[protocol.DocumentURI(note)])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(text, "---\r\nrubric: system-design\r\n") || !strings.HasSuffix(text, "\r\n# Queue\r\n\r\nSome text.\r\n") {
		t.Fatalf("template on a note: %q", text)
	}
	v = c.replace(note, text)
	if len(c.diagnostics(note, v)) == 0 {
		t.Errorf("no diagnostics once the note took a template's front matter")
	}
	// Now a design doc with text: no more template actions.
	if got := codeActions(c, note, protocol.Range{}, nil, string(templateKind)); len(got) != 0 {
		t.Errorf("template actions on a design doc with text: %v", titles(got))
	}
}

func TestHover(t *testing.T) {
	c := newClient(t)
	c.initialize(nil, nil)
	u := "file:///project/partial.md"
	c.open(u, fixture(t, "partial.md"))
	c.diagnostics(u, 1)
	hoverAt := func(line, char uint32) json.RawMessage {
		return c.callOK("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": u}, "position": pos(line, char)}, nil)
	}
	golden(t, "hover-api-heading.json", hoverAt(10, 4)) // "## API"
	golden(t, "hover-title.json", hoverAt(3, 5))        // the title, where missing-section sits
	if got := string(hoverAt(7, 3)); got != "null" {    // prose
		t.Errorf("hover on prose: %s", got)
	}
}

func TestSymbolsAndFolding(t *testing.T) {
	c := newClient(t)
	c.initialize(map[string]any{"textDocument": map[string]any{"documentSymbol": map[string]any{"hierarchicalDocumentSymbolSupport": true}}}, nil)
	u := "file:///project/structure.md"
	c.open(u, fixture(t, "structure.md"))
	golden(t, "symbols.json", c.callOK("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": u}}, nil))
	golden(t, "folding.json", c.callOK("textDocument/foldingRange", map[string]any{"textDocument": map[string]any{"uri": u}}, nil))

	flat := newClient(t)
	flat.initialize(nil, nil)
	flat.open(u, fixture(t, "structure.md"))
	golden(t, "symbols-flat.json", flat.callOK("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": u}}, nil))
}

func TestCompletion(t *testing.T) {
	c := newClient(t)
	c.initialize(map[string]any{"textDocument": map[string]any{"completion": map[string]any{"completionItem": map[string]any{"snippetSupport": true}}}}, nil)
	u := "file:///project/partial.md"
	text := fixture(t, "partial.md") + "\n#"
	c.open(u, text)
	end := positionUTF16(text, len(text))
	var list protocol.CompletionList
	c.callOK("textDocument/completion", map[string]any{"textDocument": map[string]any{"uri": u}, "position": end}, &list)
	var labels []string
	for _, it := range list.Items {
		labels = append(labels, it.Label)
		if it.TextEdit == nil || it.TextEdit.Range.Start.Line != end.Line || it.TextEdit.Range.End != end {
			t.Errorf("%s: edit %+v does not cover the typed heading", it.Label, it.TextEdit)
		}
	}
	golden(t, "completion-labels.json", mustJSON(labels))
	for _, it := range list.Items {
		if it.Label == "SLO (section template)" {
			golden(t, "completion-slo-snippet.json", mustJSON(it))
		}
		if it.Label == "API" || it.Label == "Data model" {
			t.Errorf("completion offers %s, which the document covers", it.Label)
		}
	}
	// Inside a code block: nothing.
	code := "file:///project/code.md"
	ctext := "---\nrubric: system-design\n---\n# T\n\n```sh\n#"
	c.open(code, ctext)
	c.callOK("textDocument/completion", map[string]any{"textDocument": map[string]any{"uri": code}, "position": positionUTF16(ctext, len(ctext))}, &list)
	if len(list.Items) != 0 {
		t.Errorf("completion inside a code block: %d items", len(list.Items))
	}
}

func TestCodeLensAndCommands(t *testing.T) {
	c := newClient(t)
	c.initialize(map[string]any{"workspace": map[string]any{"applyEdit": true}}, nil)
	u := "file:///project/partial.md"
	c.open(u, fixture(t, "partial.md"))
	golden(t, "codelens.json", c.callOK("textDocument/codeLens", map[string]any{"textDocument": map[string]any{"uri": u}}, nil))
	golden(t, "coverage.json", c.callOK("workspace/executeCommand", map[string]any{"command": "designls.coverage", "arguments": []any{map[string]any{"uri": u}}}, nil))
	var card struct{ Markdown string }
	c.callOK("workspace/executeCommand", map[string]any{"command": "designls.scorecard", "arguments": []any{map[string]any{"uri": u}}}, &card)
	goldenText(t, "scorecard.md", []byte(card.Markdown))
	golden(t, "templates.json", c.callOK("workspace/executeCommand", map[string]any{"command": "designls.listTemplates"}, nil))
	var tmpl struct{ Text string }
	c.callOK("workspace/executeCommand", map[string]any{"command": "designls.renderTemplate", "arguments": []any{map[string]any{"name": "postmortem"}}}, &tmpl)
	if !strings.HasPrefix(tmpl.Text, "---\nrubric:") {
		t.Errorf("renderTemplate postmortem: %q", tmpl.Text)
	}
	if _, err := c.call("workspace/executeCommand", map[string]any{"command": "designls.renderTemplate", "arguments": []any{"no-such"}}); err == nil || err.Code != -32602 {
		t.Errorf("renderTemplate of an unknown template: %v", err)
	}
	if _, err := c.call("workspace/executeCommand", map[string]any{"command": "designls.nope"}); err == nil {
		t.Errorf("an unknown command succeeded")
	}

	// insertMissing applies its edit through workspace/applyEdit.
	c.callOK("workspace/executeCommand", map[string]any{"command": "designls.insertMissing", "arguments": []any{map[string]any{"uri": u}}}, nil)
	c.mu.Lock()
	applied := c.applied
	c.mu.Unlock()
	if len(applied) != 1 || applied[0].uri != u {
		t.Fatalf("applyEdit requests: %+v", applied)
	}
	want, _ := applyEdits(c.text(u), findAction(codeActions(c, u, protocol.Range{}, nil, string(insertMissingKind)), "Insert missing").Edit.Changes[protocol.DocumentURI(u)])
	if applied[0].text != want {
		t.Errorf("insertMissing applied a different text than the code action")
	}
	// Once inserted, nothing is missing: the lens no longer inserts, and
	// the command asks for no edit.
	v := c.replace(u, applied[0].text)
	c.diagnostics(u, v)
	var lenses []protocol.CodeLens
	c.callOK("textDocument/codeLens", map[string]any{"textDocument": map[string]any{"uri": u}}, &lenses)
	// Sections holding only prompts still count as missing in the title,
	// but there is nothing left to insert.
	if len(lenses) != 1 || lenses[0].Command.Command == cmdInsertMissing {
		t.Errorf("lens after inserting everything: %+v", lenses)
	}
	c.callOK("workspace/executeCommand", map[string]any{"command": "designls.insertMissing", "arguments": []any{u}}, nil)
	c.mu.Lock()
	n := len(c.applied)
	c.mu.Unlock()
	if n != 1 {
		t.Errorf("insertMissing with nothing missing sent %d more edits", n-1)
	}
}

// TestFixAllFrontMatterTypo: a misspelt rubric draws a quick fix and the
// fixAll action, both writing the known name; applying fixAll clears the
// finding and leaves every other byte alone. CRLF and CJK text around it.
func TestFixAllFrontMatterTypo(t *testing.T) {
	c := newClient(t)
	init := c.initialize(nil, nil)
	if !slices.Contains(codeActionKinds(t, init), "source.fixAll.designls") {
		t.Fatalf("source.fixAll.designls not advertised: %v", codeActionKinds(t, init))
	}
	u := "file:///project/typo.md"
	text := "---\r\nrubric: sytem-design\r\ndrill: feature-flag\r\n---\r\n# 機能フラグ 🚩 service\r\n\r\nA flag service.\r\n"
	c.open(u, text)
	diags := c.diagnostics(u, 1)
	var fm []protocol.Diagnostic
	for _, d := range diags {
		if d.Code == "front-matter" {
			fm = append(fm, d)
		}
	}
	if len(fm) != 2 {
		t.Fatalf("front-matter diagnostics: %v", fm)
	}
	quick := codeActions(c, u, fm[0].Range, fm[:1], "quickfix")
	if len(quick) != 1 || quick[0].Title != `Change to "system-design"` {
		t.Fatalf("quick fixes at the rubric: %v", titles(quick))
	}
	all := codeActions(c, u, protocol.Range{}, nil, "source.fixAll")
	if len(all) != 1 || all[0].Kind != "source.fixAll.designls" || all[0].Edit == nil {
		t.Fatalf("fixAll: %v", titles(all))
	}
	fixed, err := applyEdits(text, all[0].Edit.Changes[protocol.DocumentURI(u)])
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(strings.Replace(text, "sytem-design", "system-design", 1), "feature-flag\r", "feature-flags\r", 1)
	if fixed != want {
		t.Fatalf("fixAll made\n%q\nwant\n%q", fixed, want)
	}
	v := c.replace(u, fixed)
	for _, d := range c.diagnostics(u, v) {
		if d.Code == "front-matter" {
			t.Errorf("still reported after fixAll: %s", d.Message)
		}
	}
	if got := codeActions(c, u, protocol.Range{}, nil, "source.fixAll"); len(got) != 0 {
		t.Errorf("fixAll offered with nothing left to fix: %v", titles(got))
	}
}

// codeActionKinds reads the code action kinds an initialize result
// advertises.
func codeActionKinds(t *testing.T, init json.RawMessage) []string {
	t.Helper()
	var r struct {
		Capabilities struct {
			CodeActionProvider struct {
				CodeActionKinds []string `json:"codeActionKinds"`
			} `json:"codeActionProvider"`
		} `json:"capabilities"`
	}
	if err := json.Unmarshal(init, &r); err != nil {
		t.Fatal(err)
	}
	return r.Capabilities.CodeActionProvider.CodeActionKinds
}
