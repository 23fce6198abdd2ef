package lsp

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"go.lsp.dev/protocol" // v0.12.0, pinned: see doc.go

	"github.com/designls/designls/checks"
	"github.com/designls/designls/checks/edit"
	"github.com/designls/designls/internal/config"
)

// Code action kinds designls offers besides quickfix.
const (
	// insertMissingKind inserts every missing core section at once.
	insertMissingKind protocol.CodeActionKind = "source.designls.insertMissing"
	// templateKind starts a document from a template.
	templateKind protocol.CodeActionKind = "source.designls.template"
	// fixAllKind applies every safe mechanical fix. Inserting a section is
	// never one: it adds text the author must then write.
	fixAllKind protocol.CodeActionKind = "source.fixAll.designls"
)

// safeFixChecks lists the checks whose fixes are mechanical and safe to
// apply all at once, unseen: front-matter's only fix turns a misspelt
// rubric or drill name into the one known name within two edits of it.
// fixAllKind is advertised only while this list is not empty.
var safeFixChecks = map[string]bool{checks.FrontMatterCheck.ID: true}

func advertisedCodeActionKinds() []protocol.CodeActionKind {
	kinds := []protocol.CodeActionKind{protocol.QuickFix, insertMissingKind, templateKind}
	if len(safeFixChecks) > 0 {
		kinds = append(kinds, fixAllKind)
	}
	return kinds
}

// codeAction offers, for the version the request names:
//   - a quickfix per fix of each diagnostic at the range or named in the
//     request's context, matched by check and concern (clients differ in
//     which diagnostics they send back, and their ranges may be stale);
//   - the insertion of every missing core section at once;
//   - on an empty or non-design document, a start from each template.
//
// Every action carries its whole edit as plain changes: eglot never
// resolves actions, and not every client applies documentChanges.
func codeAction(_ context.Context, s *server, snap *snapshot, p *protocol.CodeActionParams) ([]protocol.CodeAction, error) {
	a, err := snap.analysis()
	if err != nil {
		return nil, err
	}
	want := func(k protocol.CodeActionKind) bool { return kindWanted(p.Context.Only, k) }
	actions := []protocol.CodeAction{}
	if a.design && want(protocol.QuickFix) {
		actions = append(actions, quickFixes(snap.uri, a, p)...)
	}
	if a.design && want(insertMissingKind) {
		if act, ok := insertMissingAction(snap.uri, a); ok {
			actions = append(actions, act)
		}
	}
	if a.design && len(safeFixChecks) > 0 && want(fixAllKind) {
		if act, ok := fixAllAction(snap.uri, a, safeFixChecks); ok {
			actions = append(actions, act)
		}
	}
	if want(templateKind) && (a.empty || !a.design && a.membership != config.Excluded) {
		actions = append(actions, templateActions(snap.uri, a)...)
	}
	return actions, nil
}

// kindWanted applies the request's only filter: a kind is wanted when it
// is, or is below, one of the listed kinds.
func kindWanted(only []protocol.CodeActionKind, k protocol.CodeActionKind) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if k == o || strings.HasPrefix(string(k), string(o)+".") {
			return true
		}
	}
	return false
}

// diagnosticKey identifies a diagnostic across versions: its check and
// concern when it has one, else its check and message.
func diagnosticKey(check, concern, message string) string {
	if concern != "" {
		return "c\x00" + check + "\x00" + concern
	}
	return "m\x00" + check + "\x00" + message
}

func clientDiagnosticKeys(ds []protocol.Diagnostic) map[string]bool {
	keys := map[string]bool{}
	for _, d := range ds {
		if d.Source != "" && d.Source != source {
			continue
		}
		check, _ := d.Code.(string)
		concern := ""
		if m, ok := d.Data.(map[string]any); ok {
			concern, _ = m["concern"].(string)
		}
		keys[diagnosticKey(check, concern, d.Message)] = true
		// Clients that drop data still send the message.
		keys[diagnosticKey(check, "", d.Message)] = true
	}
	return keys
}

// quickFixes lists the fixes of the diagnostics at the request's range or
// named in its context, core concerns first, then in template order: the
// order in which a person would add the sections.
func quickFixes(u protocol.DocumentURI, a *analysis, p *protocol.CodeActionParams) []protocol.CodeAction {
	req := a.m.Span(p.Range)
	named := clientDiagnosticKeys(p.Context.Diagnostics)
	rank := map[checks.Concern]int{}
	for i, c := range a.set.Order() {
		rank[checks.Concern(c)] = i + 1
		if info, _ := checks.LookupConcern(checks.Concern(c)); !info.Core {
			rank[checks.Concern(c)] += len(checks.Concerns)
		}
	}
	diags := slices.Clone(a.res.Diagnostics)
	slices.SortStableFunc(diags, func(x, y checks.Diagnostic) int { return cmp.Compare(rank[x.Concern], rank[y.Concern]) })
	var out []protocol.CodeAction
	for _, d := range diags {
		if len(d.Fixes) == 0 {
			continue
		}
		touches := d.Span.Start <= req.End && req.Start <= d.Span.End
		if !touches && !named[diagnosticKey(d.Check, string(d.Concern), d.Message)] && !named[diagnosticKey(d.Check, "", d.Message)] {
			continue
		}
		pd := toDiagnostic(u, a.m, d)
		for _, f := range d.Fixes {
			title := f.Message
			if title == "" {
				title = "Fix: " + d.Message
			}
			out = append(out, protocol.CodeAction{
				Title:       title,
				Kind:        protocol.QuickFix,
				Diagnostics: []protocol.Diagnostic{pd},
				IsPreferred: len(d.Fixes) == 1,
				Edit:        workspaceEdit(u, a.m, f.Edits),
			})
		}
	}
	return out
}

// missingCore returns the core concerns that have a fix inserting their
// section, in template order: the ones a person would add first.
func missingCore(a *analysis) []string {
	fixable := map[string]bool{}
	for _, d := range a.res.Diagnostics {
		if info, ok := checks.LookupConcern(d.Concern); ok && info.Core && len(d.Fixes) > 0 {
			fixable[string(d.Concern)] = true
		}
	}
	var out []string
	for _, c := range a.set.Order() {
		if fixable[c] {
			out = append(out, c)
		}
	}
	return out
}

// insertMissingEdits inserts the sections of every missing core concern.
// The template set combines snippets that land at one offset into one
// edit, in template order, so the edits never overlap.
func insertMissingEdits(a *analysis) ([]edit.Edit, []string) {
	concerns := missingCore(a)
	if len(concerns) == 0 {
		return nil, nil
	}
	return a.set.InsertEdits(a.res.Doc, concerns, a.res.Coverage.SectionOf), concerns
}

func insertMissingAction(u protocol.DocumentURI, a *analysis) (protocol.CodeAction, bool) {
	edits, concerns := insertMissingEdits(a)
	if len(edits) == 0 {
		return protocol.CodeAction{}, false
	}
	return protocol.CodeAction{
		Title: fmt.Sprintf("Insert missing core sections (%s)", concernNames(concerns)),
		Kind:  insertMissingKind,
		Edit:  workspaceEdit(u, a.m, edits),
	}, true
}

func concernNames(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = id
		if info, ok := checks.LookupConcern(checks.Concern(id)); ok {
			names[i] = info.Name
		}
	}
	return strings.Join(names, ", ")
}

// fixAllAction applies the first fix of every diagnostic of the safe
// checks, skipping any fix whose edits would overlap one already taken.
func fixAllAction(u protocol.DocumentURI, a *analysis, safe map[string]bool) (protocol.CodeAction, bool) {
	var taken []edit.Edit
	for _, d := range a.res.Diagnostics {
		if !safe[d.Check] || len(d.Fixes) == 0 {
			continue
		}
		candidate := append(append([]edit.Edit(nil), taken...), d.Fixes[0].Edits...)
		if _, err := edit.Apply(a.res.Doc.Src, candidate); err != nil {
			continue
		}
		taken = candidate
	}
	if len(taken) == 0 {
		return protocol.CodeAction{}, false
	}
	return protocol.CodeAction{Title: "Fix all safe designls findings", Kind: fixAllKind, Edit: workspaceEdit(u, a.m, taken)}, true
}

// templateActions start a document from each template. An empty document
// is replaced by the template; any other gets the template's front matter,
// which makes it a design doc of the template's rubric, and keeps its
// text: the sections then come from the missing-section fixes.
func templateActions(u protocol.DocumentURI, a *analysis) []protocol.CodeAction {
	src := a.res.Doc.Src
	var out []protocol.CodeAction
	for _, t := range a.set.List() {
		var e edit.Edit
		switch {
		case a.empty:
			e = edit.Edit{Start: 0, End: len(src), New: t.Text}
		case !a.res.Doc.FrontMatter.Empty():
			if a.res.FrontMatter.Rubric != "" || t.Rubric == "" {
				continue
			}
			eol := lineEnding(src)
			e = edit.Edit{Start: a.res.Doc.FrontMatterBody.Start, End: a.res.Doc.FrontMatterBody.Start, New: "rubric: " + t.Rubric + eol}
		default:
			fm := frontMatterOf(t.Text)
			if fm == "" {
				continue
			}
			eol := lineEnding(src)
			at := 0
			if bytes.HasPrefix(src, []byte("\uFEFF")) {
				at = len("\uFEFF")
			}
			e = edit.Edit{Start: at, End: at, New: strings.ReplaceAll(fm, "\n", eol) + eol}
		}
		out = append(out, protocol.CodeAction{
			Title: "Start from template: " + t.Name,
			Kind:  templateKind,
			Edit:  workspaceEdit(u, a.m, []edit.Edit{e}),
		})
	}
	return out
}

// frontMatterOf returns a template's front matter block, delimiters and
// final line ending included, or "".
func frontMatterOf(text string) string {
	if !strings.HasPrefix(text, "---\n") {
		return ""
	}
	end := strings.Index(text[4:], "\n---\n")
	if end < 0 {
		return ""
	}
	return text[:4+end+5]
}

// lineEnding returns the first line ending of src, "\n" when it has none.
func lineEnding(src []byte) string {
	if i := bytes.IndexAny(src, "\r\n"); i >= 0 && src[i] == '\r' {
		if i+1 < len(src) && src[i+1] == '\n' {
			return "\r\n"
		}
		return "\r"
	}
	return "\n"
}

// workspaceEdit converts core edits of one document into plain changes.
func workspaceEdit(u protocol.DocumentURI, m *Mapper, edits []edit.Edit) *protocol.WorkspaceEdit {
	return &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{u: textEdits(m, edits)}}
}

func textEdits(m *Mapper, edits []edit.Edit) []protocol.TextEdit {
	out := make([]protocol.TextEdit, 0, len(edits))
	for _, e := range edits {
		out = append(out, protocol.TextEdit{Range: m.Range(e.Start, e.End), NewText: e.New})
	}
	return out
}

// resolveCodeAction returns the action as it is: every action designls
// sends is already complete.
func resolveCodeAction(_ context.Context, _ *server, p *protocol.CodeAction) (*protocol.CodeAction, error) {
	return p, nil
}
