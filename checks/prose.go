package checks

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"iter"
	"slices"

	"github.com/designls/designls/checks/doc"
	"github.com/designls/designls/checks/recycle"
	"github.com/designls/designls/templates"
)

// proseText is what the vocabulary checks read: the document's source
// lower-cased once, ASCII letters only, so that every byte offset still
// points at the same character, with front matter, HTML comments and
// template prompts blanked out. Prompts are guidance written by designls,
// not the writer's answer, and must neither answer a question nor raise
// one. Line endings are kept so that lines and sentences still split.
type proseText struct {
	b   []byte
	buf *proseBuf // holds b, from proseBufs
	// ignored lists the blanked spans in order, disjoint, for checks that
	// read the original source (the numbers) and must skip the same text.
	ignored []Span
	// words indexes b, on first use, keeping the words heads passes (all
	// of them when heads is nil).
	words *wordIndex
	heads *headFilter
	// allSentences caches the whole document's sentences, without and
	// with block quotes; callers must not modify them.
	allSentences [2][]Span
	// someSentences splits the same sentences a block at a time, for
	// checks that need only the few around their matches.
	someSentences [2]*blockSentences
}

// prose returns the document's prose text, computing it on first use: one
// lower-casing pass per document, shared by every check of the run.
func (p *Pass) prose() *proseText {
	if p.text == nil {
		p.text = newProseText(p.Doc)
		p.text.heads = checkFilter()
	}
	return p.text
}

func newProseText(d *doc.Document) *proseText {
	buf := proseBufs.Get()
	t := &proseText{b: buf.take(len(d.Src)), buf: buf}
	lowerASCII(t.b, d.Src)
	if !d.FrontMatter.Empty() {
		t.ignored = append(t.ignored, d.FrontMatter)
	}
	t.ignored = append(t.ignored, d.Comments...)
	// Only lines holding "TODO:" can be prompts: find those, not every line.
	for from := 0; ; {
		k := bytes.Index(d.Src[from:], []byte("TODO:"))
		if k < 0 {
			break
		}
		line := d.Lines.Line(from + k)
		s, e := d.Lines.LineStart(line), d.Lines.LineEnd(d.Src, line)
		if templates.IsPrompt(d.Src[s:e]) && !d.InCode(s) {
			t.ignored = append(t.ignored, Span{Start: s, End: e})
		}
		from = max(e, from+k+1)
	}
	sortSpans(t.ignored)
	t.blank(t.ignored)
	t.blank(urls(d))
	// A heading over nothing but prompts and comments answers nothing:
	// "Rollout and rollback" inserted from a template must not count as a
	// rollback plan. Blank such headings too.
	var hollow []Span
	for _, s := range d.Sections {
		if !t.hasContent(d, s) {
			hollow = append(hollow, s.TitleSpan)
		}
	}
	t.blank(hollow)
	t.ignored = mergeSpans(append(t.ignored, hollow...))
	return t
}

// proseBufs recycles the lower-cased copies of the runs' prose texts,
// which die with their run (see Analyze).
var proseBufs = recycle.New(func() *proseBuf { return new(proseBuf) })

type proseBuf struct{ b []byte }

// take returns the buffer resized to n bytes, whose content is stale.
func (p *proseBuf) take(n int) []byte {
	p.b = grow(p.b, n)
	return p.b
}

// release hands t's buffers to the next run; nothing may use t afterwards.
func (t *proseText) release() {
	if t.words != nil {
		t.words.release()
		t.words = nil
	}
	proseBufs.Put(t.buf, len(t.b))
	t.b, t.buf = nil, nil
}

// lowerASCII writes src to dst with ASCII capitals lower-cased and every
// other byte (UTF-8 sequences included) unchanged; dst must be as long as
// src. It works eight bytes at a time: this copy is made of every
// document on every run.
func lowerASCII(dst, src []byte) {
	const ones = 0x0101010101010101
	i := 0
	for ; i+8 <= len(src); i += 8 {
		x := binary.LittleEndian.Uint64(src[i:])
		// With each byte's top bit cleared no sum below carries into the
		// next byte; bytes that had it set (UTF-8) are masked out after.
		h := x & (0x7f * ones)
		atLeastA := h + (0x80-'A')*ones // top bit set where h >= 'A'
		pastZ := h + (0x80-'Z'-1)*ones  // top bit set where h > 'Z'
		capital := atLeastA &^ pastZ &^ x & (0x80 * ones)
		binary.LittleEndian.PutUint64(dst[i:], x|capital>>2) // 0x80>>2 is the case bit
	}
	for ; i < len(src); i++ {
		c := src[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst[i] = c
	}
}

// urls returns the web addresses of the prose: their words ("/api/",
// "consistency" in a link to a glossary) say nothing about the design.
// Addresses in code blocks are kept, since there they are the API.
func urls(d *doc.Document) []Span {
	var out []Span
	src := d.Src
	for i := 0; i < len(src); {
		k := bytes.Index(src[i:], []byte("://"))
		if k < 0 {
			break
		}
		j := i + k
		start := j
		for start > 0 && isPhraseWord(src[start-1]) {
			start--
		}
		end := j + 3
		for end < len(src) && src[end] > ' ' && src[end] != ')' && src[end] != '>' && src[end] != ']' && src[end] != '"' {
			end++
		}
		if start < j && !d.InCode(start) {
			out = append(out, Span{Start: start, End: end})
		}
		i = end
	}
	return out
}

func (t *proseText) blank(spans []Span) {
	for _, s := range spans {
		for i := s.Start; i < s.End && i < len(t.b); i++ {
			if t.b[i] != '\n' && t.b[i] != '\r' {
				t.b[i] = ' '
			}
		}
	}
}

// hasContent reports whether s or a subsection has a letter or digit
// outside headings, once comments and prompts are blanked.
func (t *proseText) hasContent(d *doc.Document, s *Section) bool {
	for _, sec := range d.Sections[s.Index:] {
		if sec != s && sec.Heading.Start >= s.Body.End {
			break
		}
		for _, b := range sec.Blocks {
			if b.Kind == doc.Heading {
				continue
			}
			for _, c := range t.b[b.Span.Start:min(b.Span.End, len(t.b))] {
				if isPhraseWord(c) || c >= 0x80 {
					return true
				}
			}
		}
	}
	return false
}

// isIgnored reports whether offset lies in blanked-out text.
func (t *proseText) isIgnored(off int) bool {
	// ignored is sorted and disjoint (see mergeSpans): bisect for the last
	// span starting at or before off.
	lo, hi := 0, len(t.ignored)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if t.ignored[mid].Start <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo > 0 && t.ignored[lo-1].Contains(off)
}

// mergeSpans sorts spans and joins those that overlap or touch.
func mergeSpans(ss []Span) []Span {
	sortSpans(ss)
	out := ss[:0]
	for _, s := range ss {
		if k := len(out); k > 0 && s.Start <= out[k-1].End {
			out[k-1].End = max(out[k-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

func sortSpans(ss []Span) {
	slices.SortStableFunc(ss, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
}

// phrases is a vocabulary table: lower-case phrases matched at word starts
// in proseText. A space or hyphen in a phrase matches any run of spaces,
// hyphens, underscores and line breaks, so "fail open" also finds
// "fail-open" and "fail_open". A phrase ending in "*" matches any word that
// starts with it ("idempoten*" finds "idempotent" and "idempotency"), and
// one inside a phrase any ending of that word ("single point* of
// failure"); otherwise the match must end at a word boundary. Phrases that start or
// end with punctuation ("/v1", "429") anchor only where they have a letter
// or digit.
type phrases []string

// find returns the first match of any phrase in text[span], and the phrase.
func (ps phrases) find(text []byte, span Span) (Span, string, bool) {
	best, which := Span{Start: -1}, ""
	for _, p := range ps {
		if s, ok := findPhrase(text, span, p); ok && (best.Start < 0 || s.Start < best.Start) {
			best, which = s, p
		}
	}
	return best, which, best.Start >= 0
}

// has reports whether any phrase occurs in text[span].
func (ps phrases) has(text []byte, span Span) bool {
	for _, p := range ps {
		if _, ok := findPhrase(text, span, p); ok {
			return true
		}
	}
	return false
}

// distinct counts the phrases that occur in text[span].
func (ps phrases) distinct(text []byte, span Span) int {
	n := 0
	for _, p := range ps {
		if _, ok := findPhrase(text, span, p); ok {
			n++
		}
	}
	return n
}

// findPhrase finds the first match of p in text[span].
func findPhrase(text []byte, span Span, p string) (Span, bool) {
	span = span.Clamp(len(text))
	head := p
	for k := 0; k < len(p); k++ {
		if p[k] == ' ' || p[k] == '-' || p[k] == '*' {
			head = p[:k]
			break
		}
	}
	if head == "" {
		return Span{}, false
	}
	for from := span.Start; from < span.End; {
		k := bytes.Index(text[from:span.End], []byte(head))
		if k < 0 {
			break
		}
		i := from + k
		from = i + 1
		if isPhraseWord(head[0]) && i > 0 && isPhraseWord(text[i-1]) {
			continue
		}
		if j := matchPhrase(text[:span.End], i, p); j >= 0 {
			return Span{Start: i, End: j}, true
		}
	}
	return Span{}, false
}

// matchPhrase returns the end of p matched at text[i:], or -1.
func matchPhrase(text []byte, i int, p string) int {
	j := i
	for k := 0; k < len(p); k++ {
		switch c := p[k]; {
		case c == '*':
			for j < len(text) && isPhraseWord(text[j]) {
				j++
			}
			if k == len(p)-1 {
				return j
			}
		case c == ' ' || c == '-':
			n := j
			for n < len(text) && isPhraseSep(text[n]) {
				n++
			}
			if n == j {
				return -1
			}
			j = n
		default:
			if j >= len(text) || text[j] != c {
				return -1
			}
			j++
		}
	}
	if isPhraseWord(p[len(p)-1]) && j < len(text) && isPhraseWord(text[j]) {
		return -1
	}
	return j
}

// isPhraseWord is true for ASCII letters and digits only: the vocabulary
// is ASCII, and in CJK text a word runs straight into the next character,
// so any other byte is a boundary.
func isPhraseWord(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
}

func isPhraseSep(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '_'
}

// proseKinds are the blocks whose text is prose: where claims are made.
func isProseBlock(k doc.BlockKind) bool {
	return k == doc.Paragraph || k == doc.List || k == doc.Quote || k == doc.Table
}

// allSections yields the root and every section, the units that own
// blocks, without gathering them into a slice first.
func allSections(d *doc.Document) iter.Seq[*Section] {
	return func(yield func(*Section) bool) {
		if !yield(d.Root) {
			return
		}
		for _, s := range d.Sections {
			if !yield(s) {
				return
			}
		}
	}
}

// sentences returns the sentences of prose inside span, in order: the
// paragraphs, list items, quotes and table rows of every section, split at
// sentence ends. Code blocks, headings and blanked text are skipped. With
// quotes false, block quotes are skipped too (a drill's prompt is quoted).
func (t *proseText) sentences(d *doc.Document, span Span, quotes bool) []Span {
	// Several checks split the whole document; do it once per run.
	whole := span.Start <= 0 && span.End >= len(d.Src)
	q := 0
	if quotes {
		q = 1
	}
	if whole && t.allSentences[q] != nil {
		return t.allSentences[q]
	}
	// Design docs run about one sentence per 60 bytes: start near that
	// rather than doubling up to it.
	out := make([]Span, 0, min(span.Len(), len(d.Src))/64+8)
	defer func() {
		if whole {
			t.allSentences[q] = out
		}
	}()
	proseBlocks(d, span, quotes, func(bs Span) { out = t.splitSentences(d, bs, out) })
	return out
}

// proseBlocks calls fn, in document order, with the part inside span of
// every block whose sentences sentences returns.
func proseBlocks(d *doc.Document, span Span, quotes bool, fn func(bs Span)) {
	for s := range allSections(d) {
		if s.Own.End <= span.Start || s.Own.Start >= span.End {
			continue
		}
		for _, b := range s.Blocks {
			if !isProseBlock(b.Kind) || (!quotes && b.Kind == doc.Quote) || !b.Span.Overlaps(span) {
				continue
			}
			fn(Span{Start: max(b.Span.Start, span.Start), End: min(b.Span.End, span.End)})
		}
	}
}

// splitSentences appends the sentences of one block. A sentence ends at
// ".", "!", "?" or ";" followed by a space or line end (not after "e.g.",
// "i.e.", "vs." or inside "99.9"), at an ideographic full stop, at a blank
// line, where a list item or table row starts, and at code.
func (t *proseText) splitSentences(d *doc.Document, bs Span, out []Span) []Span {
	b := t.b
	start := bs.Start
	emit := func(end int) {
		s := trimSpan(b, Span{Start: start, End: end})
		if s.Len() > 1 && hasLetter(b[s.Start:s.End]) {
			out = append(out, s)
		}
	}
	code, ignored := spansAfter(d.Code, bs.Start), spansAfter(t.ignored, bs.Start)
	for ls := bs.Start; ls < bs.End; {
		le := bs.End
		if k := bytes.IndexByte(b[ls:bs.End], '\n'); k >= 0 {
			le = ls + k + 1
		}
		// Lines come in order, so the code and blanked spans that may
		// hold this one are found by moving forward, not by bisecting.
		for len(code) > 0 && code[0].End <= ls {
			code = code[1:]
		}
		for len(ignored) > 0 && ignored[0].End <= ls {
			ignored = ignored[1:]
		}
		skip := len(code) > 0 && code[0].Contains(ls) || len(ignored) > 0 && ignored[0].Contains(ls)
		j := ls
		for j < bs.End && (b[j] == ' ' || b[j] == '\t' || b[j] == '>') {
			j++
		}
		if skip || j >= bs.End || b[j] == '\n' || b[j] == '\r' || startsItem(b[j:bs.End]) {
			emit(ls)
			start = ls
			if skip {
				start, ls = le, le
				continue
			}
		}
		for i := ls; i < le; i++ {
			if !sentenceByte[b[i]] {
				continue
			}
			switch c := b[i]; {
			case c == '.' || c == '!' || c == '?' || c == ';':
				if i+1 < bs.End && b[i+1] != ' ' && b[i+1] != '\n' && b[i+1] != '\r' && b[i+1] != '\t' {
					continue
				}
				if c == '.' && abbreviationBefore(b, start, i) {
					continue
				}
				emit(i + 1)
				start = i + 1
			case c == 0xE3 && i+2 < bs.End && b[i+1] == 0x80 && b[i+2] == 0x82: // 。
				emit(i + 3)
				start = i + 3
				i += 2
			case c == 0xEF && i+2 < bs.End && b[i+1] == 0xBC && (b[i+2] == 0x81 || b[i+2] == 0x9F): // ！？
				emit(i + 3)
				start = i + 3
				i += 2
			}
		}
		ls = le
	}
	emit(bs.End)
	return out
}

// spansAfter returns the tail of ss, sorted and disjoint, that ends after
// off.
func spansAfter(ss []Span, off int) []Span {
	k, _ := slices.BinarySearchFunc(ss, off, func(s Span, off int) int { return cmp.Compare(s.End, off+1) })
	return ss[k:]
}

// sentenceByte marks the bytes that may end a sentence: the ASCII stops
// and the lead bytes of the CJK ones.
var sentenceByte = func() (t [256]bool) {
	for _, c := range []byte{'.', '!', '?', ';', 0xE3, 0xEF} {
		t[c] = true
	}
	return t
}()

// startsItem reports whether a line (after indentation) opens a list item
// or a table row.
func startsItem(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	switch b[0] {
	case '|':
		return true
	case '-', '*', '+':
		return len(b) > 1 && (b[1] == ' ' || b[1] == '\t')
	}
	j := 0
	for j < len(b) && j < 9 && '0' <= b[j] && b[j] <= '9' {
		j++
	}
	return j > 0 && j+1 < len(b) && (b[j] == '.' || b[j] == ')') && (b[j+1] == ' ' || b[j+1] == '\t')
}

// abbreviationBefore reports whether the "." at i closes a short
// abbreviation ("e.g.", "i.e.", "vs.", "etc." mid-sentence) rather than a
// sentence.
func abbreviationBefore(b []byte, start, i int) bool {
	j := i
	for j > start && (isPhraseWord(b[j-1]) || b[j-1] == '.') {
		j--
	}
	switch string(b[j:i]) {
	case "e.g", "i.e", "vs", "cf", "approx", "incl", "etc", "eg", "ie", "a.k.a", "aka", "fig", "no", "mr", "ms", "dr":
		return true
	}
	return false
}

func trimSpan(b []byte, s Span) Span {
	for s.Start < s.End && isTrim(b[s.Start]) {
		s.Start++
	}
	for s.End > s.Start && isTrim(b[s.End-1]) {
		s.End--
	}
	return s
}

func isTrim(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '|' || c == '-' || c == '*'
}

func hasLetter(b []byte) bool {
	for _, c := range b {
		if 'a' <= c && c <= 'z' || c >= 0x80 {
			return true
		}
	}
	return false
}

func hasDigit(b []byte) bool {
	for _, c := range b {
		if '0' <= c && c <= '9' {
			return true
		}
	}
	return false
}

// negated reports whether the words just before offset i in a sentence
// deny what follows: "not highly available", "no strong consistency",
// "rather than real-time".
func negated(b []byte, sentence Span, i int) bool {
	from := max(sentence.Start, i-40)
	window := b[from:i]
	for _, w := range negations {
		if _, ok := findPhrase(window, Span{Start: 0, End: len(window)}, w); ok {
			return true
		}
	}
	return false
}

// negations are the words that turn a claim into its denial when they
// come shortly before it in the same sentence.
var negations = phrases{"not", "no", "never", "without", "instead of", "rather than", "non", "neither", "nor", "weaker than", "unlike", "isn't", "aren't", "don't", "doesn't", "won't", "cannot"}
