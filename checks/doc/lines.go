package doc

import "bytes"

// Position is a 1-based line and a 1-based byte column, as the command line
// prints them. A tab counts as one column, as does each byte of a multi-byte
// character.
type Position struct {
	Line, Col int
}

// LineIndex maps byte offsets to line starts. It treats "\r\n", a lone "\r"
// and "\n" each as one line ending, as CommonMark does.
type LineIndex struct {
	starts []int // byte offset at which each line starts; starts[0] == 0
	size   int
}

// NewLineIndex indexes the line starts of src.
func NewLineIndex(src []byte) LineIndex {
	// Counting first sizes starts exactly: growing it by appends copied
	// and threw away about as many bytes as it finally held.
	lf := bytes.Count(src, []byte("\n"))
	cr := bytes.Count(src, []byte("\r"))
	if cr > 0 {
		lf += cr - bytes.Count(src, []byte("\r\n"))
	}
	starts := make([]int, 1, lf+1)
	if cr == 0 {
		// Only "\n" ends lines: let IndexByte find them.
		for i := 0; ; {
			k := bytes.IndexByte(src[i:], '\n')
			if k < 0 {
				return LineIndex{starts: starts, size: len(src)}
			}
			i += k + 1
			starts = append(starts, i)
		}
	}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return LineIndex{starts: starts, size: len(src)}
}

// Lines returns the number of lines; a source ending in a line ending has an
// empty last line, like an editor shows.
func (x LineIndex) Lines() int { return len(x.starts) }

// Line returns the 0-based line that contains offset, after clamping offset
// to the source.
func (x LineIndex) Line(offset int) int {
	offset = clamp(offset, 0, x.size)
	// The first start after offset, found by bisection.
	lo, hi := 0, len(x.starts)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if x.starts[mid] > offset {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo - 1
}

// LineStart returns the offset at which 0-based line starts, clamped to the
// existing lines.
func (x LineIndex) LineStart(line int) int {
	return x.starts[clamp(line, 0, len(x.starts)-1)]
}

// LineEnd returns the offset just past the content of 0-based line, before
// its line ending.
func (x LineIndex) LineEnd(src []byte, line int) int {
	line = clamp(line, 0, len(x.starts)-1)
	end := x.size
	if line+1 < len(x.starts) {
		end = x.starts[line+1]
	}
	for end > x.starts[line] && (src[end-1] == '\n' || src[end-1] == '\r') {
		end--
	}
	return end
}

// Position converts offset into a 1-based line and byte column. Offsets
// outside the source are clamped to it.
func (x LineIndex) Position(offset int) Position {
	offset = clamp(offset, 0, x.size)
	l := x.Line(offset)
	return Position{Line: l + 1, Col: offset - x.starts[l] + 1}
}

// Offset converts a 1-based line and byte column back to an offset, clamped
// to the source.
func (x LineIndex) Offset(p Position) int {
	if p.Line < 1 {
		return 0
	}
	if p.Line > len(x.starts) {
		return x.size
	}
	return clamp(x.starts[p.Line-1]+p.Col-1, x.starts[p.Line-1], x.size)
}
