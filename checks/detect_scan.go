package checks

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/designls/designls/templates"
)

// token is one word of scanned text. Its lower-cased, plural-stripped text
// is buf[b:e] of the scanner that made it; s and se locate it in the source.
//
// Words that no phrase uses are not kept one by one: a run of them is one
// empty gap token, which keeps phrases from matching across it.
type token struct {
	h     uint64 // hashWord of the text; 0 for a gap
	b, e  int32
	s, se int32
	class uint8
	caps  bool  // written in capitals in the source ("FOR UPDATE")
	blk   int32 // index of the block holding the token in its section
}

// Kinds of numbers, looked up in the vocabulary as "#name" words.
const (
	classNone  = iota
	classNum   // 42
	classNines // 99.9%: an availability-style figure
	classPct   // 10%
	classPctl  // p99, 99th percentile
	classDur   // 5 ms, 30s
	classCount // 10k, 2 million, 40,000
	classSize  // 2.7 TB
	classHTTP  // GET /path
	numClasses
)

var classKeys = [numClasses]string{"", "#num", "#nines", "#pct", "#pctl", "#dur", "#count", "#size", "#http"}

var classHashes = func() (h [numClasses]uint64) {
	for i, k := range classKeys {
		if k != "" {
			h[i] = hashWord([]byte(k))
		}
	}
	return h
}()

// scanner turns text into tokens. It keeps its buffers between calls so
// that a whole document is scanned with a handful of allocations.
type scanner struct {
	buf  []byte
	toks []token
	// keep, when set, holds the hashes of every word some phrase uses;
	// other words become gaps.
	keep *bitFilter
	// brackets holds, for each open '[' on the current line, the words
	// seen before it.
	brackets []int
	// numbers counts tokens on the current line that may be numbers.
	numbers int
	// numToks lists the current line's tokens that classify must look
	// at: those of the slow path and those like "p99". No other token
	// can be a number, and most lines with a number have many words.
	numToks []int32
	// words and cjk count the current line's words and CJK characters.
	words, cjk int
	// sent is the index of the first token of the current sentence, and
	// sentLink reports a link in it; pointers, when set, holds the phrases
	// that make a sentence with a link a pointer elsewhere ("see [X]").
	sent     int
	sentLink bool
	// sentPointer reports a word of some pointer phrase in the sentence.
	sentPointer bool
	pointers    *matcher
	// prose turns the sentence rules on; headings and phrases are not prose.
	prose bool
	// blk is stamped on every token made, as its block number.
	blk int32
}

// pointsAlone marks a pointer phrase that needs no link in its sentence
// ("refer to the linked content").
const pointsAlone = 2

// endSentence closes the current sentence. A question asks rather than
// answers, and a sentence that sends the reader elsewhere ("refer to
// [the security section]") answers nothing here: their words become gaps.
func (sc *scanner) endSentence(question bool) {
	if sc.sent > len(sc.toks) {
		sc.sent = len(sc.toks)
	}
	drop := question
	if !drop && sc.sentPointer && sc.pointers != nil {
		for i := sc.sent; i < len(sc.toks) && !drop; i++ {
			if !sc.pointers.filter.has(sc.toks[i].h) {
				continue
			}
			sc.pointers.match(sc, sc.toks, i, func(e *entry) {
				drop = sc.sentLink || e.weight == pointsAlone
			})
		}
	}
	if drop {
		for i := sc.sent; i < len(sc.toks); i++ {
			sc.toks[i].h, sc.toks[i].class = 0, classNone
		}
	}
	sc.sent, sc.sentLink, sc.sentPointer = len(sc.toks), false, false
}

// bitFilter is a set of word hashes that may have false positives.
type bitFilter [filterWords]uint64

func (f *bitFilter) add(h uint64)      { f[h/64%filterWords] |= 1 << (h % 64) }
func (f *bitFilter) has(h uint64) bool { return f[h/64%filterWords]&(1<<(h%64)) != 0 }

// lineTotal is the number of words on the line so far; CJK characters
// count half, since their words are one or two characters long.
func (sc *scanner) lineTotal() int { return sc.words + (sc.cjk+1)/2 }

func (sc *scanner) reset() {
	sc.buf = sc.buf[:0]
	sc.toks = sc.toks[:0]
	sc.sent, sc.sentLink = 0, false
}

func (sc *scanner) text(t token) []byte { return sc.buf[t.b:t.e] }

// phraseKey is a vocabulary phrase split into words the way text is split:
// the text of its first word, which a match confirms, and every word's hash.
type phraseKey struct {
	first  string
	hashes []uint64
}

// phraseKey splits phrase, appending its hashes to *slab.
func (sc *scanner) phraseKey(phrase string, slab *[]uint64) phraseKey {
	var k phraseKey
	from := len(*slab)
	sc.phraseWords(phrase, func(w []byte, h uint64) {
		if len(*slab) == from {
			k.first = string(w)
		}
		*slab = append(*slab, h)
	})
	k.hashes = (*slab)[from:len(*slab):len(*slab)]
	return k
}

// phraseWords calls fn with each word of a vocabulary phrase and its hash;
// a word written "#name" is kept as a number-class key.
func (sc *scanner) phraseWords(phrase string, fn func(w []byte, h uint64)) {
	b := []byte(phrase)
	for i := 0; i < len(b); {
		if b[i] == ' ' || b[i] == '\t' {
			i++
			continue
		}
		j := i
		for j < len(b) && b[j] != ' ' && b[j] != '\t' {
			j++
		}
		if b[i] == '#' {
			fn(b[i:j], hashWord(b[i:j]))
		} else {
			sc.reset()
			sc.line(b, i, j, true)
			for _, t := range sc.toks {
				fn(sc.text(t), t.h)
			}
		}
		i = j
	}
	sc.reset()
}

// lineWords counts the words a line added: all of them, those outside
// link text, and the links (words of link text, and bare URLs).
type lineWords struct {
	total, inLink, outLink int
	image                  bool
}

// line appends the tokens of src[a:b], one line of text. Outside code it
// skips Markdown and HTML markup: link destinations, tags, bare URLs.
func (sc *scanner) line(src []byte, a, b int, code bool) lineWords {
	var lw lineWords
	sc.brackets = sc.brackets[:0]
	sc.numToks = sc.numToks[:0]
	sc.numbers, sc.words, sc.cjk = 0, 0, 0
	linkWords := 0
	for i := a; i < b; {
		c := src[i]
		kind := byteKind[c]
		if kind == kindSpace {
			i++
			continue
		}
		switch {
		case kind == kindASCIIWord:
			if !code && (c == 'h' || c == 'w') && urlAt(src, i, b) {
				for i < b && src[i] != ' ' && src[i] != '\t' && src[i] != ')' && src[i] != '>' {
					i++
				}
				lw.inLink++
				sc.sentLink = true
				continue
			}
			i = sc.word(src, i, b)
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(src[i:b])
			switch {
			case isCJK(r):
				sc.rune(r, i, i+n)
				i += n
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				// word always moves past a letter; the guard keeps a
				// mistake there from becoming an endless loop.
				if j := sc.word(src, i, b); j > i {
					i = j
				} else {
					i += n
				}
			default:
				i += n
			}
		case code:
			i++
		case c == '[':
			sc.brackets = append(sc.brackets, sc.lineTotal())
			i++
		case c == ']':
			if len(sc.brackets) == 0 {
				i++
				continue
			}
			open := sc.brackets[len(sc.brackets)-1]
			sc.brackets = sc.brackets[:len(sc.brackets)-1]
			if i+1 < b && (src[i+1] == '(' || src[i+1] == '[') {
				n := sc.lineTotal() - open
				linkWords += n
				lw.inLink += max(n, 1) // a link with no words still points elsewhere
				sc.sentLink = true
				i = skipBracketed(src, i+1, b)
				continue
			}
			i++
		case c == '!' && i+1 < b && src[i+1] == '[':
			lw.image = true
			i++
		case sc.prose && (c == '?' || c == '.' || c == '!' || c == ';'):
			// A '.' inside a number or a name ("k8s.io") ends a
			// sentence too early; that only shortens what a pointer
			// or a question drops.
			sc.endSentence(c == '?')
			i++
		case c == '<':
			j := tagEnd(src, i, b)
			if j < 0 {
				i++
				continue
			}
			if hasPrefixFold(src[i+1:j], "img") {
				lw.image = true
			}
			if hasPrefixFold(src[i+1:j], "http") {
				lw.inLink++
			}
			i = j
		default:
			i++
		}
	}
	lw.total = sc.lineTotal()
	lw.outLink = lw.total - linkWords
	if sc.numbers > 0 {
		sc.classify()
	}
	return lw
}

func isASCIIWord(c byte) bool { return asciiWord[c] }

// isCJK reports scripts written without spaces between words; each of
// their characters is a token so that phrases (and synonyms) in them match.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// word appends the word starting at src[i] and returns where it ends. A
// number keeps its decimal point, thousands separators and a trailing '%'.
func (sc *scanner) word(src []byte, i, end int) int {
	sc.words++
	// A word that starts with a digit (a word of digits alone does) is a
	// number: the slow path reads those. Testing the first byte, known
	// before the word is read, decides this off the word's chain of work.
	if src[i] <= '9' {
		return sc.slowWord(src, i, end)
	}
	start := i
	// Fast path: a run of ASCII letters, lower-cased and stemmed on the
	// stack, kept only if some phrase uses it. Eight bytes are looked at
	// at a time: nearly every word ends inside its first eight, so the
	// loop rarely runs twice and the end of a word costs no mispredicted
	// branch per letter.
	var tmp [32 + 8]byte
	n := 0
	var lower uint64
	for {
		if i+8 > len(src) {
			// The last bytes of the document: one at a time.
			for i < end && asciiWord[src[i]] {
				if n < 32 {
					tmp[n] = src[i] | 0x20
				}
				lower |= uint64(src[i] & (src[i] >> 1) & 0x20)
				n++
				i++
			}
			break
		}
		x := binary.LittleEndian.Uint64(src[i:])
		r, mask := wordRun(x)
		if end-i < 8 {
			// The text ends inside these bytes (a line cut at a
			// comment): so does the word.
			r = min(r, end-i)
			mask &= 1<<(8*r) - 1
		}
		x &= mask
		// Setting bit 5 lower-cases a letter and leaves a digit alone.
		binary.LittleEndian.PutUint64(tmp[n:], x|0x2020202020202020&mask)
		lower |= x & (x >> 1) & 0x2020202020202020 // bit 5 of a letter: lower case
		n += r
		i += r
		if r < 8 || n >= 32 {
			if n >= 32 && i < end && asciiWord[src[i]] {
				n++ // longer than tmp holds
			}
			break
		}
	}
	// Long words and words that go on outside ASCII take the slow path
	// too; so does a word called at a wide letter, which read nothing.
	if n > 32 || i < end && src[i] >= utf8.RuneSelf {
		return sc.slowWord(src, start, end)
	}
	// Most words end in no 's' and need no stemming: testing for it here
	// keeps the call, and the registers it spills, off their path.
	m := n
	if n > 3 && tmp[n-1] == 's' {
		m = stem(tmp[:n])
	}
	w := tmp[:m]
	var h uint64
	if m < 8 {
		// tmp outlives the word: mask off what follows it.
		h = finishHash(uint64(m), binary.LittleEndian.Uint64(tmp[:8])&(1<<(8*m)-1))
	} else {
		h = hashWord(w)
	}
	class := uint8(classNone)
	// A method is written in capitals: most words fail the first test.
	if lower == 0 && i+1 < end && src[i] == ' ' && src[i+1] == '/' && isHTTPMethod(src[start:i]) {
		class = classHTTP
	}
	numeric := w[0] == 'p' && len(w) >= 3 && w[1] >= '0' && w[1] <= '9'
	if sc.keep != nil && class == classNone && !numeric && !sc.keep.has(h) {
		sc.gap()
		return i
	}
	if numeric {
		sc.numbers++
		sc.numToks = append(sc.numToks, int32(len(sc.toks)))
	}
	if sc.pointers != nil && sc.pointers.filter.has(h) {
		sc.sentPointer = true
	}
	// Short words hash without collisions, so their text is kept only
	// where something reads it: number classes and long words' checks.
	bs := len(sc.buf)
	if m >= 8 || numeric || class != classNone || sc.keep == nil {
		sc.buf = append(sc.buf, w...)
	}
	t := sc.push()
	t.h, t.b, t.e, t.s, t.se = h, int32(bs), int32(len(sc.buf)), int32(start), int32(i)
	t.class, t.caps = class, lower == 0 && n >= 2
	return i
}

// wordRun returns how many of the bytes of x, in memory order, are ASCII
// letters or digits before the first that is not, and the mask of those
// bytes. Each byte keeps seven low bits, so that no sum carries into the
// next byte; bytes with the high bit set are left out at the end. Both
// results come from the stop bits without a shift by a variable count,
// which would need a guard for a shift by 64.
func wordRun(x uint64) (n int, mask uint64) {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	low := x &^ highs
	digit := (low + (0x80-'0')*ones) &^ (low + (0x80-'9'-1)*ones)
	folded := low | 0x20*ones
	letter := (folded + (0x80-'a')*ones) &^ (folded + (0x80-'z'-1)*ones)
	word := (digit | letter) &^ x & highs
	stop := ^word & highs // the high bit of every byte that ends a word
	// The lowest stop bit moved to the bottom of its byte is one more than
	// the mask of the bytes below it; with no stop, 0 - 1 is all ones.
	return bits.TrailingZeros64(stop) / 8, (stop&-stop)>>7 - 1
}

// gap records a word that no phrase uses; runs of them share one token.
func (sc *scanner) gap() {
	if k := len(sc.toks); k > 0 && sc.toks[k-1].h == 0 {
		return
	}
	sc.push()
}

// push appends a token with only its block set and returns it for the
// caller to fill in place. Appending a filled token literal builds it on
// the stack with narrow stores and copies it with wide loads, which wait
// for those stores to retire: that stall was a fifth of a word's time.
func (sc *scanner) push() *token {
	sc.toks = append(sc.toks, token{})
	t := &sc.toks[len(sc.toks)-1]
	t.blk = sc.blk
	return t
}

// slowWord handles what the fast path does not: numbers, words with
// letters outside ASCII, and very long words.
func (sc *scanner) slowWord(src []byte, i, end int) int {
	start := i
	bs := len(sc.buf)
	for i < end && asciiWord[src[i]] {
		sc.buf = append(sc.buf, src[i]|0x20)
		i++
	}
	digits := len(sc.buf) > bs
	for _, c := range sc.buf[bs:] {
		if c > '9' {
			digits = false
			break
		}
	}
	if digits && i < end {
		i = sc.number(src, i, end)
	} else if i < end && src[i] >= utf8.RuneSelf {
		i = sc.wide(src, i, end)
	}
	if len(sc.buf) == bs {
		return i
	}
	if c := sc.buf[bs]; c >= '0' && c <= '9' {
		sc.numbers++
	}
	sc.buf = sc.buf[:bs+stem(sc.buf[bs:])]
	sc.numToks = append(sc.numToks, int32(len(sc.toks)))
	t := sc.push()
	t.h, t.b, t.e, t.s, t.se = hashWord(sc.buf[bs:]), int32(bs), int32(len(sc.buf)), int32(start), int32(i)
	return i
}

// number continues a run of digits: "99.95", "1,000", "99%", "5ms".
func (sc *scanner) number(src []byte, i, end int) int {
	for i < end {
		c := src[i]
		switch {
		case c >= '0' && c <= '9':
			sc.buf = append(sc.buf, c)
		case (c == '.' || c == ',') && i+1 < end && src[i+1] >= '0' && src[i+1] <= '9':
			sc.buf = append(sc.buf, c)
		case c == '%':
			sc.buf = append(sc.buf, c)
			return i + 1
		case asciiWord[c]:
			// A unit glued to the number: "5ms", "10k", "99th".
			for i < end && asciiWord[src[i]] {
				sc.buf = append(sc.buf, src[i]|0x20)
				i++
			}
			return i
		default:
			return i
		}
		i++
	}
	return i
}

// wide continues a word into letters outside ASCII ("café", "naïve").
func (sc *scanner) wide(src []byte, i, end int) int {
	for i < end {
		c := src[i]
		if c < utf8.RuneSelf {
			if !asciiWord[c] {
				return i
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			sc.buf = append(sc.buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:end])
		if isCJK(r) || !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			return i
		}
		sc.buf = utf8.AppendRune(sc.buf, unicode.ToLower(r))
		i += n
	}
	return i
}

// byteKind sorts bytes for the scanning loop: most bytes between words are
// spaces and punctuation that need no further look.
var byteKind = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
			t[c] = kindASCIIWord
		case c >= utf8.RuneSelf:
			t[c] = kindWide
		case c == '[' || c == ']' || c == '!' || c == '<' || c == '?' || c == '.' || c == ';':
			t[c] = kindMarkup
		default:
			t[c] = kindSpace
		}
	}
	return t
}()

const (
	kindSpace     = iota
	kindASCIIWord // a letter or digit: a word starts, or a URL
	kindWide      // the first byte of a character outside ASCII
	kindMarkup
)

var asciiWord = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

func (sc *scanner) rune(r rune, s, e int) {
	sc.cjk++
	bs := len(sc.buf)
	sc.buf = utf8.AppendRune(sc.buf, r)
	t := sc.push()
	t.h, t.b, t.e, t.s, t.se = hashWord(sc.buf[bs:]), int32(bs), int32(len(sc.buf)), int32(s), int32(e)
}

// stem strips English plurals so that "retries", "SLOs" and "indexes"
// match "retry", "slo" and "index". It works in place and returns the new
// length of w.
func stem(w []byte) int {
	n := len(w)
	if n <= 3 || w[n-1] != 's' {
		return n
	}
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return n
		}
	}
	switch {
	case n > 4 && w[n-3] == 'i' && w[n-2] == 'e':
		w[n-3] = 'y'
		return n - 2
	case w[n-2] == 's' || w[n-2] == 'u' || w[n-2] == 'i':
		return n
	case n > 4 && w[n-2] == 'e' && (w[n-3] == 'x' || w[n-3] == 's' && w[n-4] == 's'):
		return n - 2
	}
	return n - 1
}

func isHTTPMethod(w []byte) bool {
	switch string(w) {
	case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD":
		return true
	}
	return false
}

// skipBracketed skips the "(...)" or "[...]" at src[i], nesting included.
func skipBracketed(src []byte, i, end int) int {
	open := src[i]
	closeB := byte(')')
	if open == '[' {
		closeB = ']'
	}
	depth := 0
	for ; i < end; i++ {
		switch src[i] {
		case open:
			depth++
		case closeB:
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return end
}

// tagEnd returns the offset after the HTML tag or autolink at src[i], or
// -1. "p99 < 5 ms" is not a tag, and neither is a fill-in prompt, which
// the caller skips as a tag anyway since it is not content.
func tagEnd(src []byte, i, end int) int {
	if i+1 >= end {
		return -1
	}
	c := src[i+1]
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '!') {
		return -1
	}
	// A tag ends on its line and soon; looking no further keeps a line
	// of many '<' linear.
	k := bytes.IndexByte(src[i:min(end, i+maxTagBytes)], '>')
	if k < 0 {
		return -1
	}
	return i + k + 1
}

const maxTagBytes = 512

// urlAt reports a bare URL starting at src[i]. It runs at every word that
// starts with h or w ("which", "we"), and one four-byte load turns nearly
// all of those away.
func urlAt(src []byte, i, end int) bool {
	rest := src[i:end]
	if len(rest) < len("www.") {
		return false
	}
	switch binary.LittleEndian.Uint32(rest) {
	case 'h' | 't'<<8 | 't'<<16 | 'p'<<24:
		if !bytes.HasPrefix(rest, []byte("http://")) && !bytes.HasPrefix(rest, []byte("https://")) {
			return false
		}
	case 'w' | 'w'<<8 | 'w'<<16 | '.'<<24:
	default:
		return false
	}
	return i == 0 || !isASCIIWord(src[i-1])
}

func hasPrefixFold(b []byte, p string) bool {
	return len(b) >= len(p) && bytes.EqualFold(b[:len(p)], []byte(p))
}

// classify sets the number class of the current line's tokens listed in
// numToks, looking at the word after a number for its unit ("5 ms",
// "2 million").
func (sc *scanner) classify() {
	for _, i := range sc.numToks {
		t := &sc.toks[i]
		if t.class != classNone || t.h == 0 {
			continue // classified already, or dropped with its sentence
		}
		w := sc.buf[t.b:t.e]
		if len(w) == 0 || w[0] > '9' && w[0] != 'p' {
			continue
		}
		var next uint64
		if int(i)+1 < len(sc.toks) {
			next = sc.toks[i+1].h
		}
		t.class = numberClass(w, next)
	}
}

// numberClass classifies one word given the word after it.
func numberClass(w []byte, next uint64) uint8 {
	if w[0] == 'p' && len(w) >= 3 && w[1] == '9' || string(w) == "p50" || string(w) == "p75" {
		if allDigits(w[1:]) {
			return classPctl
		}
		return classNone
	}
	if w[0] < '0' || w[0] > '9' {
		return classNone
	}
	k := 0
	for k < len(w) && (w[k] >= '0' && w[k] <= '9' || w[k] == '.' || w[k] == ',') {
		k++
	}
	suffix := string(w[k:])
	// The unit is glued to the number ("5ms") or the next word ("5 ms"),
	// whose hash is all that is kept of it.
	unit := next
	if suffix != "" {
		unit = hashWord(w[k:])
	}
	// Most numbers need no value: only a percentage (nines or not) and a
	// bare count (large or not) read it.
	switch {
	case suffix == "%":
		if val := parseNumber(w[:k]); val >= 99 && val < 100 || val == 99 {
			return classNines
		}
		return classPct
	case (suffix == "th" || suffix == "" || suffix == "st") && next == percentileHash:
		return classPctl
	case unitClasses.of(unit) != classNone:
		return unitClasses.of(unit)
	case suffix == "" && atLeast10000(w[:k]):
		return classCount
	case suffix == "":
		return classNum
	}
	return classNone
}

// unitClasses maps the hash of a unit word to the class of a number
// followed by it. Every number of a document is looked up here, so it is a
// small probe table rather than a map.
var unitClasses = func() *unitTable {
	t := new(unitTable)
	for _, u := range []struct {
		class uint8
		words map[string]bool
	}{{classDur, timeUnits}, {classSize, sizeUnits}, {classCount, countUnits}} {
		for w := range u.words {
			t.add(hashWord([]byte(w)), u.class)
		}
	}
	return t
}()

// unitTable is an open-addressing set of unit hashes with their classes;
// it holds a few dozen units and is kept at most half full.
type unitTable struct {
	n     int
	slots [128]struct {
		h     uint64
		class uint8
	}
}

func (t *unitTable) add(h uint64, class uint8) {
	if t.n++; 2*t.n > len(t.slots) {
		panic("checks: too many unit words for unitTable; make it larger")
	}
	k := h % uint64(len(t.slots))
	for t.slots[k].class != classNone {
		k = (k + 1) % uint64(len(t.slots))
	}
	t.slots[k].h, t.slots[k].class = h, class
}

func (t *unitTable) of(h uint64) uint8 {
	for k := h % uint64(len(t.slots)); t.slots[k].class != classNone; k = (k + 1) % uint64(len(t.slots)) {
		if t.slots[k].h == h {
			return t.slots[k].class
		}
	}
	return classNone
}

var percentileHash = hashWord([]byte("percentile"))

var (
	timeUnits = setOf("ms", "millisecond", "msec", "s", "sec", "second", "us", "µs", "microsecond", "ns",
		"min", "minute", "h", "hr", "hour", "day", "week")
	sizeUnits = setOf("b", "byte", "kb", "mb", "gb", "tb", "pb", "kib", "mib", "gib", "tib", "pib",
		"kilobyte", "megabyte", "gigabyte", "terabyte", "petabyte")
	countUnits = setOf("k", "m", "mm", "bn", "thousand", "million", "billion", "trillion", "qps", "rps")
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if (c < '0' || c > '9') && c != '.' {
			return false
		}
	}
	return len(b) > 0
}

// parseNumber reads "1,000", "99.95" and "99,9" (a decimal comma: a comma
// not followed by exactly three digits).
func parseNumber(b []byte) float64 {
	// Most figures are whole numbers, which need no float parsing; below
	// 2^53 their value is exactly what ParseFloat would return.
	if len(b) <= 15 {
		var n uint64
		for _, c := range b {
			if c < '0' || c > '9' {
				return parseDecimal(b)
			}
			n = n*10 + uint64(c-'0')
		}
		if len(b) > 0 {
			return float64(n)
		}
	}
	return parseDecimal(b)
}

// atLeast10000 reports parseNumber(b) >= 10000 without parsing a float:
// b is digits with '.' and ',' between them, so once its separators are
// read as parseDecimal reads them, the value is at least 10000 exactly
// when it is a valid number whose whole part has five significant digits.
func atLeast10000(b []byte) bool {
	digits, point := 0, false
	for i := 0; i < len(b) && i < 32; i++ {
		c := b[i]
		switch {
		case c >= '0' && c <= '9':
			if !point && (digits > 0 || c != '0') {
				digits++
			}
			continue
		case c != '.' && c != ',':
			return parseNumber(b) >= 10000 // not a number parseDecimal reads this way
		case c == ',':
			j := i + 1
			for j < len(b) && b[j] >= '0' && b[j] <= '9' {
				j++
			}
			if j-i-1 == 3 {
				continue // thousands
			}
		}
		if point {
			return false // a second point: parseDecimal fails and returns 0
		}
		point = true
	}
	if len(b) > 32 {
		return parseNumber(b) >= 10000 // parseDecimal reads only the first 32 bytes kept
	}
	return digits >= 5
}

// parseDecimal is parseNumber for any number, separators included.
func parseDecimal(b []byte) float64 {
	var buf [32]byte
	out := buf[:0]
	for i := 0; i < len(b) && len(out) < len(buf); i++ {
		c := b[i]
		if c == ',' {
			j := i + 1
			for j < len(b) && b[j] >= '0' && b[j] <= '9' {
				j++
			}
			if j-i-1 == 3 {
				continue
			}
			c = '.'
		}
		out = append(out, c)
	}
	f, err := strconv.ParseFloat(string(out), 64)
	if err != nil {
		return 0
	}
	return f
}

// Kinds of lines for detection.
const (
	lineContent = iota
	lineBlank
	lineFiller // placeholder, template prompt or a bare "N/A"
	lineLabel  // "**Pros:**", "*What fails?*": introduces an answer, is none
)

// classifyLine tells content from lines that hold no answer: template
// prompts, TODO/TBD lines and answers such as "N/A" or "None".
func classifyLine(line []byte) int {
	k := 0
	for k < len(line) && (line[k] == ' ' || line[k] == '\t') {
		k++
	}
	if k < len(line) && (line[k] == '-' || line[k] == '*' || line[k] == '+') && templates.IsPrompt(line) {
		return lineFiller
	}
	t := trimMarkers(line)
	if len(t) == 0 {
		if k == len(line) || line[k] == '\r' || line[k] == '\n' {
			return lineBlank
		}
		return lineFiller
	}
	switch t[0] {
	case 'T', 'F', 'X':
		for _, w := range placeholderWords {
			if bytes.HasPrefix(t, w) && (len(t) == len(w) || !isWordByte(t[len(w)])) {
				return lineFiller
			}
		}
	case 'n', 'N':
		if hasPrefixFold(t, "n/a") || hasPrefixFold(t, "not applicable") {
			return lineFiller
		}
	}
	if isLabel(t) {
		return lineLabel
	}
	if len(t) <= 16 {
		bare := t
		for len(bare) > 0 && bytes.IndexByte([]byte(" \t.!*_`:;"), bare[len(bare)-1]) >= 0 {
			bare = bare[:len(bare)-1]
		}
		// Every nil answer is at most nilAnswerBytes long and starts
		// with one of a few bytes: most short lines need no comparing.
		if len(bare) <= nilAnswerBytes && nilAnswerStart[bare0(bare)] {
			for _, w := range nilAnswers {
				if bytes.EqualFold(bare, []byte(w)) {
					return lineFiller
				}
			}
		}
	}
	return lineContent
}

// nilAnswers are whole-line answers that say nothing.
var nilAnswers = []string{"none", "no", "na", "tbd", "tba", "todo", "nothing", "n.a", "-", "—", "...", "…",
	"none yet", "not yet"}

// nilAnswerBytes is the length of the longest nil answer, and
// nilAnswerStart holds the first bytes of nil answers, in either case:
// a line longer or starting otherwise is none of them.
var nilAnswerBytes, nilAnswerStart = func() (n int, start [256]bool) {
	for _, w := range nilAnswers {
		n = max(n, len(w))
		start[w[0]] = true
		// EqualFold matches ASCII letters in either case, and the K and
		// S that fold to non-ASCII letters start no nil answer.
		if c := w[0]; c >= 'a' && c <= 'z' {
			start[c-'a'+'A'] = true
		}
	}
	return n, start
}()

// bare0 is the first byte of b, or 0 when b is empty (the empty line
// matches no nil answer either).
func bare0(b []byte) byte {
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

// isLabel reports whether t (a line without its list markers and leading
// emphasis) is a run-in heading: emphasized text ending in ':' or '?'. It
// names what follows; what follows is the content.
func isLabel(t []byte) bool {
	for len(t) > 0 && (t[len(t)-1] == ' ' || t[len(t)-1] == '\t') {
		t = t[:len(t)-1]
	}
	n := len(t)
	if n < 2 {
		return false
	}
	end := n
	for end > 0 && (t[end-1] == '*' || t[end-1] == '_') {
		end--
	}
	if end == n && !(t[n-1] == ':' || t[n-1] == '?') {
		return false
	}
	if end == n {
		// "**Pros**:" ends in ':' after the emphasis.
		k := n - 1
		for k > 0 && (t[k-1] == '*' || t[k-1] == '_') {
			k--
		}
		return k < n-1 && bytes.IndexAny(t[:k], "*_") < 0
	}
	if end == 0 || !(t[end-1] == ':' || t[end-1] == '?') {
		return false
	}
	// The emphasis must wrap the whole line, not close mid-line.
	return bytes.IndexAny(t[:end], "*_") < 0
}

// trimMarkers strips indentation and the quote, list, task-box and
// emphasis markers at the start of a line, and trailing space.
func trimMarkers(line []byte) []byte {
	t := line
	for len(t) > 0 && (t[len(t)-1] == ' ' || t[len(t)-1] == '\t' || t[len(t)-1] == '\r' || t[len(t)-1] == '\n') {
		t = t[:len(t)-1]
	}
	for {
		before := len(t)
		for len(t) > 0 && (t[0] == ' ' || t[0] == '\t' || t[0] == '>') {
			t = t[1:]
		}
		switch {
		case len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && (t[1] == ' ' || t[1] == '\t'):
			t = t[2:]
		case len(t) >= 3 && t[0] == '[' && t[2] == ']' && (t[1] == ' ' || t[1] == 'x' || t[1] == 'X'):
			t = t[3:]
		default:
			j := 0
			for j < len(t) && t[j] >= '0' && t[j] <= '9' {
				j++
			}
			if j > 0 && j+1 < len(t) && (t[j] == '.' || t[j] == ')') && (t[j+1] == ' ' || t[j+1] == '\t') {
				t = t[j+2:]
			}
		}
		for len(t) > 0 && (t[0] == '*' || t[0] == '_') {
			t = t[1:]
		}
		if len(t) == before {
			return t
		}
	}
}
