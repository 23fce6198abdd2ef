package numbers

import (
	"encoding/binary"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// Byte-level helpers shared by the quantity lexer, the equation scanner and
// the budget finder. They work on raw bytes and decode UTF-8 only where a
// non-ASCII rune can change the answer.

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'A' <= c&^0x20 && c&^0x20 <= 'Z' }

// Prose is mostly letters, spaces and punctuation, so the searches for
// digits below test eight bytes at a time. Each word keeps seven low bits
// per byte, so that no sum carries into the next byte, and bytes with the
// high bit set are dropped at the end.
const ones, highs = 0x0101010101010101, 0x8080808080808080

// digitBits sets the high bit of each byte of x (high bits clear) that is
// '0'..'9'.
func digitBits(x uint64) uint64 { return (x + (0x80-'0')*ones) &^ (x + (0x80-'9'-1)*ones) }

// nextCandidate returns the first index at or after i that holds a digit
// or "(", where a figure or a chain may start.
func nextCandidate(b []byte, i int) int {
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		x := w &^ highs
		paren := ^((x ^ '('*ones) + 0x7f*ones) // high bit set for '('
		if m := (digitBits(x) | paren) &^ w & highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for i < len(b) && !isDigit(b[i]) && b[i] != '(' {
		i++
	}
	return i
}

// nextDigit returns the first index at or after i that holds a digit.
func nextDigit(b []byte, i int) int {
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		if m := digitBits(w&^highs) &^ w & highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for i < len(b) && !isDigit(b[i]) {
		i++
	}
	return i
}

// nextFigure returns the first index in [i, end) where a figure may start:
// a digit that is not inside a word, a version or a name. It returns end
// when there is none.
func nextFigure(b []byte, i, end int) int {
	for {
		i = nextDigit(b[:end], i)
		if i >= end || startAllowed(b, i) {
			return i
		}
		// The digits right after it are inside the same word, so none of
		// them may start a figure either.
		for i++; i < end && isDigit(b[i]); i++ {
		}
	}
}

// inlineSpace returns the byte length of a space that can sit inside a line
// of prose (space, tab, no-break and thin spaces), or 0.
func inlineSpace(b []byte, i int) int {
	if i >= len(b) {
		return 0
	}
	switch b[i] {
	case ' ', '\t':
		return 1
	case 0xC2:
		if i+1 < len(b) && b[i+1] == 0xA0 { // no-break space
			return 2
		}
	case 0xE2:
		if i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0x89 || b[i+2] == 0xAF || b[i+2] == 0x8A) {
			return 3 // thin, narrow no-break, hair space
		}
	}
	return 0
}

func skipInline(b []byte, i int) int {
	// Plain spaces and tabs are nearly all the spaces met; only the lead
	// bytes of the wide spaces need inlineSpace's longer test.
	for i < len(b) {
		switch b[i] {
		case ' ', '\t':
			i++
		case 0xC2, 0xE2:
			n := inlineSpace(b, i)
			if n == 0 {
				return i
			}
			i += n
		default:
			return i
		}
	}
	return i
}

// wordRune reports whether r continues a word: a digit, a letter of a
// script written with spaces between words, or a combining mark. Ideographs
// do not count, because Chinese and Japanese put figures right against them
// ("共1,000个应用") and the figure must still be found.
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		c := byte(r)
		return isDigit(c) || isLetter(c) || c == '_'
	}
	if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) {
		return true
	}
	return unicode.IsLetter(r) && (unicode.Is(unicode.Latin, r) || unicode.Is(unicode.Greek, r) || unicode.Is(unicode.Cyrillic, r))
}

// boundaryAt reports whether a word may end before b[i].
func boundaryAt(b []byte, i int) bool {
	if i >= len(b) {
		return true
	}
	if b[i] < utf8.RuneSelf {
		return !wordRune(rune(b[i]))
	}
	r, _ := utf8.DecodeRune(b[i:])
	return !wordRune(r)
}

// startAllowed reports whether a figure may begin at b[i]: not inside an
// identifier ("p99", "k8s", "v1.2"), a path, an anchor or a port.
func startAllowed(b []byte, i int) bool {
	if i == 0 {
		return true
	}
	c := b[i-1]
	if c < utf8.RuneSelf {
		switch c {
		case '.', ':', '/', '#', '@', '\\', '&', '-', '^':
			// "-5" after a word or digit is part of a name or a range;
			// after a space it is a sign the figure does not keep.
			if c == '-' && (i < 2 || inlineSpace(b, i-2) > 0 || b[i-2] == '\n' || b[i-2] == '\r') {
				return true
			}
			return false
		}
		return !wordRune(rune(c))
	}
	r, _ := utf8.DecodeLastRune(b[:i])
	return !wordRune(r)
}

// wordAt returns the end of the run of ASCII letters starting at i.
func wordAt(b []byte, i int) int {
	for i < len(b) && isLetter(b[i]) {
		i++
	}
	return i
}

// skipToken returns the end of the run of word runes and joining
// punctuation starting at i, so a rejected token ("1.2.3", "2024-09-30",
// "2FA") is skipped whole and none of its digits starts a figure.
func skipToken(b []byte, i int) int {
	for i < len(b) {
		c := b[i]
		if c < utf8.RuneSelf {
			if wordRune(rune(c)) || ((c == '.' || c == '-' || c == ':' || c == '/' || c == ',') && i+1 < len(b) && isDigit(b[i+1])) {
				i++
				continue
			}
			return i
		}
		r, n := utf8.DecodeRune(b[i:])
		if !wordRune(r) {
			return i
		}
		i += n
	}
	return i
}

// hasWordFold reports whether b[i:] starts with the lower-case ASCII word
// w, ignoring case, and the word ends there.
func hasWordFold(b []byte, i int, w string) bool {
	if i+len(w) > len(b) {
		return false
	}
	for k := 0; k < len(w); k++ {
		c := b[i+k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[k] {
			return false
		}
	}
	return boundaryAt(b, i+len(w))
}

// lowerInto returns w with ASCII letters lower-cased, in buf, so that a
// word can be matched by a switch on its spelling without allocating. ok
// is false when w is longer than buf; no word looked for is that long.
func lowerInto(buf, w []byte) (lower []byte, ok bool) {
	if len(w) > len(buf) {
		return nil, false
	}
	for i, c := range w {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)], true
}

// hasPrefix reports whether b[i:] starts with s.
func hasPrefix(b []byte, i int, s string) bool {
	return i+len(s) <= len(b) && string(b[i:i+len(s)]) == s
}

// lineStart returns the offset just after the previous line break.
func lineStart(b []byte, i int) int {
	for i > 0 && b[i-1] != '\n' && b[i-1] != '\r' {
		i--
	}
	return i
}
