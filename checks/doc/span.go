package doc

import (
	"github.com/yuin/goldmark/ast"
)

// Span is a half-open byte range [Start, End) into a document's source.
type Span struct {
	Start, End int
}

// Len returns the number of bytes in s.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether s covers no bytes.
func (s Span) Empty() bool { return s.End <= s.Start }

// Contains reports whether offset lies inside s.
func (s Span) Contains(offset int) bool { return offset >= s.Start && offset < s.End }

// Overlaps reports whether s and t share at least one byte.
func (s Span) Overlaps(t Span) bool { return s.Start < t.End && t.Start < s.End }

// Clamp returns s restricted to [0, n], with Start <= End.
func (s Span) Clamp(n int) Span {
	s.Start = clamp(s.Start, 0, n)
	s.End = clamp(s.End, 0, n)
	if s.End < s.Start {
		s.End = s.Start
	}
	return s
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// NodeSpan returns the bytes that goldmark's node n covers, offset by base
// (the position at which the parsed slice starts in the whole source) and
// clamped to a source of n bytes. goldmark reports positions relative to the
// slice it parsed and can point past its end, so every node position in this
// module goes through here. A node with no recorded position yields an empty
// span at base.
func NodeSpan(n ast.Node, base, size int) Span {
	start, end := -1, -1
	grow := func(s, e int) {
		if start < 0 || s < start {
			start = s
		}
		if e > end {
			end = e
		}
	}
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		switch v := n.(type) {
		case *ast.Text:
			grow(v.Segment.Start, v.Segment.Stop)
		case *ast.String:
			// Generated text: no position of its own.
		default:
			if n.Type() == ast.TypeBlock {
				lines := n.Lines()
				for i := 0; i < lines.Len(); i++ {
					seg := lines.At(i)
					grow(seg.Start, seg.Stop)
				}
			}
			if p := n.Pos(); p >= 0 {
				grow(p, p)
			}
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c)
		}
	}
	walk(n)
	if start < 0 {
		return Span{base, base}.Clamp(size)
	}
	return Span{base + start, base + end}.Clamp(size)
}
