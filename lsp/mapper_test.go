package lsp

import (
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

func pos(line, char uint32) protocol.Position { return protocol.Position{Line: line, Character: char} }

func TestMapper(t *testing.T) {
	// "a😀b" : 😀 is 4 bytes, 2 UTF-16 units. "é" written e + U+0301 is
	// 3 bytes, 2 units. 限 is 3 bytes, 1 unit.
	src := "a😀b\r\n\t限x\rcafe\u0301!\nend"
	m := NewMapper([]byte(src), UTF16)
	for _, tc := range []struct {
		off  int
		want protocol.Position
	}{
		{0, pos(0, 0)},
		{1, pos(0, 1)},  // before 😀
		{2, pos(0, 1)},  // inside 😀: rounds down
		{5, pos(0, 3)},  // after 😀
		{6, pos(0, 4)},  // end of line 0, before \r\n
		{7, pos(0, 4)},  // between \r and \n
		{8, pos(1, 0)},  // tab
		{9, pos(1, 1)},  // 限
		{12, pos(1, 2)}, // x
		{13, pos(1, 3)}, // lone \r
		{14, pos(2, 0)},
		{18, pos(2, 4)}, // combining accent
		{20, pos(2, 5)}, // after it
		{21, pos(2, 6)}, // \n
		{22, pos(3, 0)},
		{25, pos(3, 3)}, // end of source
		{99, pos(3, 3)}, // clamped
		{-5, pos(0, 0)},
	} {
		if got := m.Position(tc.off); got != tc.want {
			t.Errorf("Position(%d) = %v, want %v", tc.off, got, tc.want)
		}
	}
	for _, tc := range []struct {
		p    protocol.Position
		want int
	}{
		{pos(0, 0), 0},
		{pos(0, 1), 1},
		{pos(0, 2), 1}, // inside the surrogate pair: rounds down
		{pos(0, 3), 5},
		{pos(0, 4), 6},
		{pos(0, 40), 6}, // past the end of the line: its end
		{pos(1, 2), 12},
		{pos(2, 4), 18},
		{pos(2, 5), 20},
		{pos(3, 3), 25},
		{pos(4, 0), 25}, // past the last line: end of document
		{pos(100, 7), 25},
	} {
		if got := m.Offset(tc.p); got != tc.want {
			t.Errorf("Offset(%v) = %d, want %d", tc.p, got, tc.want)
		}
	}

	m8 := NewMapper([]byte(src), UTF8)
	if got := m8.Position(5); got != pos(0, 5) {
		t.Errorf("UTF-8 Position(5) = %v", got)
	}
	if got := m8.Position(3); got != pos(0, 1) {
		t.Errorf("UTF-8 Position inside 😀 = %v, want 0:1", got)
	}
	if got := m8.Offset(pos(1, 2)); got != 9 {
		t.Errorf("UTF-8 Offset(1:2) inside 限 = %d, want 9", got)
	}
	if got := m8.Offset(pos(1, 4)); got != 12 {
		t.Errorf("UTF-8 Offset(1:4) = %d, want 12", got)
	}

	// A range whose end precedes its start is empty at its start.
	if sp := m.Span(protocol.Range{Start: pos(1, 2), End: pos(0, 1)}); sp.Start != 12 || sp.End != 12 {
		t.Errorf("reversed range: %v", sp)
	}
	// Invalid UTF-8: each bad byte is one character.
	bad := NewMapper([]byte("a\xff\xfeb"), UTF16)
	if got := bad.Position(3); got != pos(0, 3) {
		t.Errorf("invalid UTF-8: Position(3) = %v", got)
	}
	if got := bad.Offset(pos(0, 2)); got != 2 {
		t.Errorf("invalid UTF-8: Offset(0:2) = %d", got)
	}
}

// refPosition is the specification written out plainly, for the fuzzer.
func refPosition(src string, off int, enc PositionEncoding) protocol.Position {
	off = min(max(off, 0), len(src))
	lines := splitLines(src)
	i := len(lines) - 1
	for i > 0 && lines[i].start > off {
		i--
	}
	l := lines[i]
	off = min(off, l.end)
	// Round down to the start of the character off falls in.
	start := l.start
	for j := range src[l.start:l.end] {
		if l.start+j > off {
			break
		}
		start = l.start + j
	}
	if off == l.end {
		start = l.end
	}
	if enc == UTF8 {
		return pos(uint32(i), uint32(start-l.start))
	}
	n := 0
	for _, r := range src[l.start:start] {
		n += len(utf16.Encode([]rune{r}))
	}
	return pos(uint32(i), uint32(n))
}

func FuzzMapper(f *testing.F) {
	f.Add([]byte("a😀b\r\n\t限x\rcafe\u0301!\nend"), 3, uint16(0), uint16(2))
	f.Add([]byte("\r\r\n\n"), 2, uint16(1), uint16(0))
	f.Add([]byte("\xf0\x9f\x98"), 1, uint16(0), uint16(1))
	f.Add([]byte("# 🚀\r\n"), 4, uint16(0), uint16(3))
	f.Fuzz(func(t *testing.T, src []byte, off int, line, char uint16) {
		for _, enc := range []PositionEncoding{UTF16, UTF8} {
			m := NewMapper(src, enc)
			p := m.Position(off)
			if want := refPosition(string(src), off, enc); p != want {
				t.Fatalf("%s Position(%d) of %q = %v, want %v", enc, off, src, p, want)
			}
			// Position then Offset lands on the start of the character.
			back := m.Offset(p)
			if m.Position(back) != p {
				t.Fatalf("%s Offset(%v) = %d, whose position is %v", enc, p, back, m.Position(back))
			}
			// Any position maps into the source, onto a character
			// boundary, no further than the position asked for.
			q := pos(uint32(line), uint32(char))
			o := m.Offset(q)
			if o < 0 || o > len(src) {
				t.Fatalf("%s Offset(%v) = %d out of range", enc, q, o)
			}
			if o < len(src) && o > 0 && !boundary(src, o) {
				t.Fatalf("%s Offset(%v) = %d splits a character of %q", enc, q, o, src)
			}
			if r := m.Position(o); int(q.Line) < m.Lines() && (r.Line != q.Line || r.Character > q.Character) {
				t.Fatalf("%s Offset(%v) = %d at %v, past the position", enc, q, o, r)
			}
		}
	})
}

// boundary reports whether o starts a character as decoding from the
// start of its line finds them.
func boundary(src []byte, o int) bool {
	lines := splitLines(string(src))
	for _, l := range lines {
		if o < l.start || o > l.end {
			continue
		}
		for i := l.start; i < l.end; {
			if i == o {
				return true
			}
			_, size := utf8.DecodeRune(src[i:l.end])
			i += size
		}
		return o == l.end
	}
	return true // inside a line ending
}
