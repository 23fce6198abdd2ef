package lsp

import (
	"context"
	"sort"

	"go.lsp.dev/protocol" // v0.12.0, pinned: see doc.go

	"github.com/designls/designls/checks/doc"
)

// foldingRange folds sections (to their last line of text), code blocks,
// multi-line HTML comments and the front matter, in any Markdown document.
// Ranges are whole lines, which every client supports.
func foldingRange(_ context.Context, s *server, snap *snapshot, _ *protocol.FoldingRangeParams) ([]protocol.FoldingRange, error) {
	a, err := snap.analysis()
	if err != nil {
		return nil, err
	}
	d := a.res.Doc
	out := []protocol.FoldingRange{}
	add := func(sp doc.Span, kind protocol.FoldingRangeKind) {
		end := trimTrailingSpace(d.Src, sp.Start, sp.End)
		if end <= sp.Start {
			return
		}
		first, last := a.m.Line(sp.Start), a.m.Line(end-1)
		if last > first {
			out = append(out, protocol.FoldingRange{StartLine: uint32(first), EndLine: uint32(last), Kind: kind})
		}
	}
	if !d.FrontMatter.Empty() {
		add(d.FrontMatter, "")
	}
	for _, sec := range d.Sections {
		add(doc.Span{Start: sec.Heading.Start, End: sec.Body.End}, protocol.RegionFoldingRange)
	}
	for _, c := range d.Code {
		add(c, "")
	}
	for _, c := range d.Comments {
		add(c, protocol.CommentFoldingRange)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].StartLine < out[j].StartLine })
	if limit := s.caps.TextDocument.FoldingRange.RangeLimit; limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}
