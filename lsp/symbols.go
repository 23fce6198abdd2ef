package lsp

import (
	"context"
	"strings"

	"go.lsp.dev/protocol" // v0.12.0, pinned: see doc.go

	"github.com/designls/designls/checks"
	"github.com/designls/designls/checks/doc"
)

// documentSymbol lists the sections as a tree, or flat with container
// names for clients without hierarchical support. Any Markdown document
// gets them, design doc or not. A section's detail names the concerns it
// covers.
func documentSymbol(_ context.Context, s *server, snap *snapshot, _ *protocol.DocumentSymbolParams) (any, error) {
	a, err := snap.analysis()
	if err != nil {
		return nil, err
	}
	covers := map[*doc.Section][]string{}
	for _, info := range checks.Concerns {
		if f := a.res.Coverage.Get(info.ID); f.State == checks.Covered && f.Section != nil {
			covers[f.Section] = append(covers[f.Section], info.Name)
		}
	}
	name := func(sec *doc.Section) string {
		if strings.TrimSpace(sec.Title) == "" {
			return "(empty heading)" // clients reject empty names
		}
		return sec.Title
	}
	rangeOf := func(sec *doc.Section) protocol.Range {
		return a.m.Range(sec.Heading.Start, trimTrailingSpace(a.res.Doc.Src, sec.Heading.Start, sec.Body.End))
	}
	selection := func(sec *doc.Section) protocol.Range {
		if sec.TitleSpan.Empty() {
			return a.m.Range(sec.Heading.Start, sec.Heading.Start)
		}
		return a.m.SpanRange(sec.TitleSpan)
	}

	if !s.caps.TextDocument.DocumentSymbol.HierarchicalDocumentSymbolSupport {
		out := []protocol.SymbolInformation{}
		for _, sec := range a.res.Doc.Sections {
			container := ""
			if sec.Parent != nil && sec.Parent.Level > 0 {
				container = name(sec.Parent)
			}
			out = append(out, protocol.SymbolInformation{
				Name:          name(sec),
				Kind:          protocol.SymbolKindString,
				Location:      protocol.Location{URI: snap.uri, Range: rangeOf(sec)},
				ContainerName: container,
			})
		}
		return out, nil
	}

	var build func(secs []*doc.Section) []protocol.DocumentSymbol
	build = func(secs []*doc.Section) []protocol.DocumentSymbol {
		out := make([]protocol.DocumentSymbol, 0, len(secs))
		for _, sec := range secs {
			out = append(out, protocol.DocumentSymbol{
				Name:           name(sec),
				Detail:         strings.Join(covers[sec], ", "),
				Kind:           protocol.SymbolKindString,
				Range:          rangeOf(sec),
				SelectionRange: selection(sec),
				Children:       build(sec.Children),
			})
		}
		return out
	}
	return build(a.res.Doc.Root.Children), nil
}

// trimTrailingSpace moves end back over white space, but not before
// start, so that a section's range ends with its last text.
func trimTrailingSpace(src []byte, start, end int) int {
	end = min(end, len(src))
	for end > start {
		switch src[end-1] {
		case ' ', '\t', '\n', '\r':
			end--
			continue
		}
		break
	}
	return end
}
