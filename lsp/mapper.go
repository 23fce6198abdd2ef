package lsp

import (
	"unicode/utf8"

	"go.lsp.dev/protocol" // v0.12.0, pinned: see doc.go

	"github.com/designls/designls/checks/doc"
)

// PositionEncoding is how a position's character counts code units within
// its line, as negotiated in initialize (LSP 3.17 positionEncoding, which
// protocol v0.12.0 predates).
type PositionEncoding string

const (
	// UTF16 counts UTF-16 code units: the protocol's default and the only
	// encoding every client understands.
	UTF16 PositionEncoding = "utf-16"
	// UTF8 counts bytes; used only when the client offers it.
	UTF8 PositionEncoding = "utf-8"
)

// Mapper converts between the core's byte offsets and protocol positions
// for one version of one document. It is the only place in designls that
// knows a position's character is not a byte: everything it hands out and
// accepts on the byte side is a half-open offset into the source.
//
// Lines end at "\n", "\r\n" or a lone "\r", as both CommonMark and the LSP
// say, so the line numbers agree with doc.LineIndex. A character past the
// end of a line means the end of that line (as the specification asks),
// a line past the last means the end of the document, and a character in
// the middle of a UTF-16 surrogate pair or an offset in the middle of a
// UTF-8 sequence rounds down to the start of that character. Each byte of
// invalid UTF-8 counts as one character, U+FFFD, which is one UTF-16 unit.
type Mapper struct {
	src   []byte
	lines doc.LineIndex
	enc   PositionEncoding
}

// NewMapper returns a mapper for src. Any encoding other than UTF8 means
// UTF16.
func NewMapper(src []byte, enc PositionEncoding) *Mapper {
	return newMapperWithLines(src, doc.NewLineIndex(src), enc)
}

// newMapperWithLines reuses a line index already built by doc.Parse.
func newMapperWithLines(src []byte, lines doc.LineIndex, enc PositionEncoding) *Mapper {
	if enc != UTF8 {
		enc = UTF16
	}
	return &Mapper{src: src, lines: lines, enc: enc}
}

// Encoding returns the encoding positions are counted in.
func (m *Mapper) Encoding() PositionEncoding { return m.enc }

// Position returns the position of byte offset off, clamped to the source.
func (m *Mapper) Position(off int) protocol.Position {
	off = min(max(off, 0), len(m.src))
	line := m.lines.Line(off)
	start := m.lines.LineStart(line)
	// Inside a line ending means at the end of the line's content.
	off = min(off, m.lines.LineEnd(m.src, line))
	return protocol.Position{Line: uint32(line), Character: uint32(m.units(start, off))}
}

// units counts the code units from start up to off, both in one line;
// a character that off cuts in two is not counted.
func (m *Mapper) units(start, off int) int {
	if m.enc == UTF8 {
		return m.runeStart(start, off) - start
	}
	n := 0
	for i := start; i < off; {
		r, size := utf8.DecodeRune(m.src[i:])
		if i+size > off {
			break
		}
		n += utf16Len(r)
		i += size
	}
	return n
}

// runeStart moves off, which lies in the line starting at start, back to
// the start of the character it falls in.
func (m *Mapper) runeStart(start, off int) int {
	// A UTF-8 sequence is at most utf8.UTFMax bytes, so only the last few
	// bytes before off need decoding.
	i := max(start, off-utf8.UTFMax+1)
	for i < off {
		_, size := utf8.DecodeRune(m.src[i:])
		if i+size > off {
			// Decoding from a continuation byte yields one invalid byte,
			// so only a real sequence can straddle off, and it starts at i.
			return i
		}
		i += size
	}
	return off
}

func utf16Len(r rune) int {
	if r >= 0x10000 && r <= utf8.MaxRune {
		return 2
	}
	return 1
}

// Offset returns the byte offset of position p, clamped as described on
// Mapper.
func (m *Mapper) Offset(p protocol.Position) int {
	line := int(p.Line)
	if line >= m.lines.Lines() {
		return len(m.src)
	}
	start := m.lines.LineStart(line)
	end := m.lines.LineEnd(m.src, line)
	want := int(p.Character)
	if m.enc == UTF8 {
		return m.runeStart(start, min(start+want, end))
	}
	n, i := 0, start
	for i < end {
		r, size := utf8.DecodeRune(m.src[i:end])
		u := utf16Len(r)
		if n+u > want {
			break
		}
		n += u
		i += size
	}
	return i
}

// Range returns the range of the byte span [start, end).
func (m *Mapper) Range(start, end int) protocol.Range {
	return protocol.Range{Start: m.Position(start), End: m.Position(end)}
}

// SpanRange returns the range of a core span.
func (m *Mapper) SpanRange(s doc.Span) protocol.Range { return m.Range(s.Start, s.End) }

// Span returns the byte span of r. A range whose end precedes its start is
// taken as empty at its start.
func (m *Mapper) Span(r protocol.Range) doc.Span {
	start, end := m.Offset(r.Start), m.Offset(r.End)
	if end < start {
		end = start
	}
	return doc.Span{Start: start, End: end}
}

// Lines returns the number of lines; a source ending in a line ending has
// an empty last line.
func (m *Mapper) Lines() int { return m.lines.Lines() }

// Line returns the 0-based line holding offset.
func (m *Mapper) Line(off int) int { return m.lines.Line(off) }

// LineStart returns the offset at which line starts.
func (m *Mapper) LineStart(line int) int { return m.lines.LineStart(line) }

// LineEnd returns the offset at which line's content ends, before its
// line ending.
func (m *Mapper) LineEnd(line int) int { return m.lines.LineEnd(m.src, line) }
