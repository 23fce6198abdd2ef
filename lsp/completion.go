package lsp

import (
	"context"
	"fmt"
	"strings"

	"go.lsp.dev/protocol" // v0.12.0, pinned: see doc.go

	"github.com/designls/designls/checks"
	"github.com/designls/designls/templates"
)

func emptyCompletion() *protocol.CompletionList {
	return &protocol.CompletionList{Items: []protocol.CompletionItem{}}
}

// completion offers, while a heading is being typed at the start of a
// line ("#", "## Sl"), a heading for each concern the document still
// misses, and a second item that inserts that concern's whole section
// template. Only design docs get them, and only outside code and front
// matter.
func completion(_ context.Context, s *server, snap *snapshot, p *protocol.CompletionParams) (*protocol.CompletionList, error) {
	a, err := snap.analysis()
	if err != nil {
		return nil, err
	}
	list := emptyCompletion()
	if !a.design {
		return list, nil
	}
	d := a.res.Doc
	off := a.m.Offset(p.Position)
	lineStart := a.m.LineStart(a.m.Line(off))
	prefix := string(d.Src[lineStart:off])
	hashes := len(prefix) - len(strings.TrimLeft(prefix, "#"))
	rest := prefix[hashes:]
	if hashes == 0 || hashes > 6 || rest != "" && rest[0] != ' ' || strings.ContainsAny(rest, "\r\n") ||
		d.InCode(lineStart) || d.FrontMatter.Contains(lineStart) {
		return list, nil
	}
	eol := lineEnding(d.Src)
	snippets := s.caps.TextDocument.Completion.CompletionItem.SnippetSupport
	rng := a.m.Range(lineStart, off)
	for i, c := range a.set.Order() {
		f := a.res.Coverage.Get(checks.Concern(c))
		if f.State != checks.Missing || f.Pending != nil {
			continue
		}
		if _, required := a.res.Rubric.Requirement(checks.Concern(c)); !required {
			continue
		}
		sn, ok := a.set.Snippet(c)
		if !ok {
			continue
		}
		level := hashes
		if level == 1 {
			// A lone "#" would make a second title; take the level the
			// section would have where the template order puts it.
			if _, l, ok := templates.InsertionPoint(d, c, a.res.Coverage.SectionOf); ok {
				level = l
			}
		}
		heading := strings.Repeat("#", level) + " " + sn.Title
		info, _ := checks.LookupConcern(checks.Concern(c))
		list.Items = append(list.Items, protocol.CompletionItem{
			Label:         sn.Title,
			Kind:          protocol.CompletionItemKindText,
			Detail:        info.Name + " section heading",
			Documentation: protocol.MarkupContent{Kind: protocol.Markdown, Value: "Covers **" + info.Name + "**: " + info.Covered + "."},
			FilterText:    heading,
			SortText:      fmt.Sprintf("%02d-a", i),
			TextEdit:      &protocol.TextEdit{Range: rng, NewText: heading},
		})
		text := strings.TrimSuffix(sn.Render(level, eol), eol)
		format := protocol.InsertTextFormatPlainText
		if snippets {
			text = escapeSnippet(text) + "$0"
			format = protocol.InsertTextFormatSnippet
		}
		list.Items = append(list.Items, protocol.CompletionItem{
			Label:            sn.Title + " (section template)",
			Kind:             protocol.CompletionItemKindSnippet,
			Detail:           "Insert the " + info.Name + " section with its prompts",
			FilterText:       heading,
			SortText:         fmt.Sprintf("%02d-b", i),
			InsertTextFormat: format,
			TextEdit:         &protocol.TextEdit{Range: rng, NewText: text},
		})
	}
	return list, nil
}

// escapeSnippet escapes the characters that snippet syntax gives meaning.
func escapeSnippet(s string) string {
	return strings.NewReplacer(`\`, `\\`, `$`, `\$`, `}`, `\}`).Replace(s)
}

// resolveCompletionItem returns the item as it is: items are complete.
func resolveCompletionItem(_ context.Context, _ *server, p *protocol.CompletionItem) (*protocol.CompletionItem, error) {
	return p, nil
}
