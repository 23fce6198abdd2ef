package checks

import (
	"encoding/binary"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/designls/designls/checks/recycle"
)

// wordIndex records where each ASCII word of a prose text starts, so that a
// phrase is found by looking its first word up instead of scanning the
// text: the follow-up and claim checks ask hundreds of phrases of every
// document, and a scan per phrase cost several times the parse.
//
// The distinct words are a dense array, found through an open-addressing
// table of their numbers. The build scans the text once to number every
// word and count each one's occurrences, then lays the occurrences out
// word by word, so a word's starts are one sorted slice of pos. It
// allocates a few flat arrays and nothing per word: a short-lived process
// pays for every fresh page it touches, so the arrays are kept small.
type wordIndex struct {
	b []byte
	// ids and at are scratch for the build, kept for the next one.
	ids, at []int32
	// heads, when set, is the filter the index was built with: only words
	// it passes are indexed, and a query it does not cover goes to full,
	// an index of every word built on first need.
	heads *headFilter
	full  *wordIndex
	words []wordSlot // distinct words in order of first use
	table []int32    // power-of-two sized; 0 is free, else a word's number + 1
	pos   []int32    // starts of words, grouped by word, each group sorted
	// prefixes caches the sorted starts of the words that begin with a
	// head, for phrases like "idempoten*", which every sentence may ask.
	prefixes map[string][]int32
	// prefixPos holds the slices of prefixes, one after the other: a
	// document asks some fifty prefixes, and each had its own allocation.
	prefixPos []int32
	// byLead lists the distinct words (by number) by their first two
	// bytes, built on the first prefix query: bucket k is
	// byLead[leads[k]:leads[k+1]].
	byLead   []int32
	leads    []int32
	hasLeads bool
}

// leadBuckets is the number of two-byte leads: each byte is a letter, a
// digit, or (for a one-letter word) nothing.
const leadBuckets = 37 * 37

func leadOf(c byte) int {
	switch {
	case 'a' <= c && c <= 'z':
		return int(c-'a') + 1
	case '0' <= c && c <= '9':
		return int(c-'0') + 27
	}
	return 0
}

// lead returns the bucket of a word by its first two bytes.
func lead(w []byte) int {
	k := leadOf(w[0]) * 37
	if len(w) > 1 {
		k += leadOf(w[1])
	}
	return k
}

// buildLeads sorts the distinct words into buckets by lead.
func (x *wordIndex) buildLeads() {
	x.leads = grow(x.leads, leadBuckets+1)
	clear(x.leads)
	for _, w := range x.words {
		x.leads[lead(x.word(w))+1]++
	}
	for k := 1; k <= leadBuckets; k++ {
		x.leads[k] += x.leads[k-1]
	}
	// Fill each bucket from its end, taking the words last to first, so
	// that a bucket lists its words in order of first use and no second
	// array of fill points is needed: a bucket's end is the next one's
	// start.
	x.byLead = grow(x.byLead, int(x.leads[leadBuckets]))
	for i := len(x.words) - 1; i >= 0; i-- {
		k := lead(x.word(x.words[i])) + 1
		x.leads[k]--
		x.byLead[x.leads[k]] = int32(i)
	}
	// Each bucket's end moved back to its start: shift the starts up.
	copy(x.leads[:leadBuckets], x.leads[1:])
	x.leads[leadBuckets] = int32(len(x.byLead))
	x.hasLeads = true
}

// wordSlot is one distinct word: its starts are pos[lo:hi].
type wordSlot struct {
	hash   uint32
	lo, hi int32
	n      int32 // length of the word
}

// word returns the text of w.
func (x *wordIndex) word(w wordSlot) []byte {
	p := x.pos[w.lo]
	return x.b[p : p+w.n]
}

// phraseWordByte is isPhraseWord as a table, for the index's scanning loop.
var phraseWordByte = func() (t [256]bool) {
	for c := range 256 {
		t[c] = isPhraseWord(byte(c))
	}
	return t
}()

// indexHash hashes a word the way newWordIndex does: hashWord's hash,
// folded to 32 bits.
func indexHash(w string) uint32 {
	return uint32(hashWord([]byte(w)))
}

// newWordIndex indexes every word of b.
func newWordIndex(b []byte) *wordIndex { return buildWordIndex(b, nil) }

// buildWordIndex indexes the words of b that heads passes, or all of them
// when heads is nil.
func buildWordIndex(b []byte, heads *headFilter) *wordIndex {
	x := indexes.Get()
	x.b, x.heads = b, heads
	// Prose of n bytes has about n/6 words, and a design doc of n bytes
	// about n/24 distinct ones: the table is sized to hold those at most
	// half full, and doubles when more come.
	size := 256
	for size < len(b)/12 {
		size *= 2
	}
	x.table = grow(x.table, size)
	clear(x.table)
	x.words = grow(x.words, len(b)/24+16)[:0]
	// ids numbers each occurrence's word, in text order; while building,
	// a word's lo is where its first occurrence starts and hi counts them.
	ids := grow(x.ids, len(b)/6+16)[:0]
	// at is where each indexed word starts, when heads leaves words out.
	var at []int32
	if heads != nil {
		at = grow(x.at, len(b)/24+16)[:0]
	}
	defer func() { x.ids, x.at = ids, at }()
	for i := 0; i < len(b); {
		if !phraseWordByte[b[i]] {
			i++
			continue
		}
		j := i + 1
		for j < len(b) && phraseWordByte[b[j]] {
			j++
		}
		n := int32(j - i)
		// Most words are shorter than eight bytes: hash them from one
		// load, masked to the word, as hashWord would.
		var h32 uint32
		var short uint64 // the word's bytes, when it fits in one load
		if n < 8 && i+8 <= len(b) {
			short = binary.LittleEndian.Uint64(b[i:]) & (1<<(8*n) - 1)
			h32 = uint32(finishHash(uint64(n), short))
		} else {
			h32 = uint32(hashWord(b[i:j]))
		}
		if heads != nil {
			if !heads.passes(h32, b[i:j]) {
				i = j
				continue
			}
			at = append(at, int32(i))
		}
		mask := uint32(len(x.table) - 1)
		for k := h32 & mask; ; k = (k + 1) & mask {
			id := x.table[k] - 1
			if id < 0 {
				id = int32(len(x.words))
				x.table[k] = id + 1
				x.words = append(x.words, wordSlot{hash: h32, lo: int32(i), hi: 1, n: n})
				ids = append(ids, id)
				if 2*len(x.words) > len(x.table) {
					x.grow()
				}
				break
			}
			if w := &x.words[id]; w.hash == h32 && w.n == n && sameWord(b, int(w.lo), i, j, short) {
				w.hi++
				ids = append(ids, id)
				break
			}
		}
		i = j
	}
	// Give each word its stretch of pos, then walk the text again (word
	// boundaries only, no hashing) to fill the stretches in order; hi is
	// the fill point until it is done.
	off := int32(0)
	for k := range x.words {
		w := &x.words[k]
		count := w.hi
		w.lo, w.hi = off, off
		off += count
	}
	x.pos = grow(x.pos, int(off))
	if heads != nil {
		for k, i := range at {
			w := &x.words[ids[k]]
			x.pos[w.hi] = i
			w.hi++
		}
		return x
	}
	k := 0
	for i := 0; i < len(b); {
		if !phraseWordByte[b[i]] {
			i++
			continue
		}
		w := &x.words[ids[k]]
		k++
		x.pos[w.hi] = int32(i)
		w.hi++
		for i < len(b) && phraseWordByte[b[i]] {
			i++
		}
	}
	return x
}

// sameWord reports whether the word at b[lo:] equals b[i:j], comparing one
// masked load when the caller has it (short is non-zero) instead of
// calling into a byte comparison.
func sameWord(b []byte, lo, i, j int, short uint64) bool {
	if short != 0 && lo+8 <= len(b) {
		return binary.LittleEndian.Uint64(b[lo:])&(1<<(8*(j-i))-1) == short
	}
	return string(b[lo:lo+j-i]) == string(b[i:j])
}

// grow doubles the table.
func (x *wordIndex) grow() {
	x.table = make([]int32, 2*len(x.table))
	mask := uint32(len(x.table) - 1)
	for id, w := range x.words {
		k := w.hash & mask
		for x.table[k] != 0 {
			k = (k + 1) & mask
		}
		x.table[k] = int32(id) + 1
	}
}

// exact returns the sorted starts of the word w, whose indexHash is h.
func (x *wordIndex) exact(w string, h uint32) []int32 {
	mask := uint32(len(x.table) - 1)
	for k := h & mask; ; k = (k + 1) & mask {
		id := x.table[k] - 1
		if id < 0 {
			return nil
		}
		if s := x.words[id]; s.hash == h && int(s.n) == len(w) && string(x.word(s)) == w {
			return x.pos[s.lo:s.hi]
		}
	}
}

// starts returns the sorted starts of words equal to head, or starting with
// it when prefix is set.
func (x *wordIndex) starts(head string, prefix bool) []int32 {
	if askedHead != nil {
		askedHead(head, prefix)
	}
	if !prefix {
		// Most questions are for whole words: hash the word once for the
		// filter and the table.
		h := indexHash(head)
		if x.heads != nil && !x.heads.coversWord(head, h) {
			return x.fullIndex().exact(head, h)
		}
		return x.exact(head, h)
	}
	if x.heads != nil && !x.heads.coversPrefix(head) {
		return x.fullIndex().starts(head, prefix)
	}
	if out, ok := x.prefixes[head]; ok {
		return out
	}
	if !x.hasLeads {
		x.buildLeads()
	}
	// A head of two or more bytes shares its word's bucket; a one-byte
	// head may lead any bucket of its first byte.
	from, to := lead([]byte(head)), lead([]byte(head))+1
	if len(head) == 1 {
		to = from + 37
	}
	at := len(x.prefixPos)
	groups := 0
	for _, k := range x.byLead[x.leads[from]:x.leads[to]] {
		s := x.words[k]
		if s.n < int32(len(head)) {
			continue
		}
		if p := x.pos[s.lo]; string(x.b[p:p+int32(len(head))]) != head {
			continue
		}
		x.prefixPos = append(x.prefixPos, x.pos[s.lo:s.hi]...)
		groups++
	}
	// Capped, so that the next prefix appended cannot write into it; when
	// prefixPos moves, earlier slices keep the array they were cut from.
	out := x.prefixPos[at:len(x.prefixPos):len(x.prefixPos)]
	if len(out) == 0 {
		out = nil
	}
	if groups > 1 {
		slices.Sort(out)
	}
	if x.prefixes == nil {
		x.prefixes = make(map[string][]int32)
	}
	x.prefixes[head] = out
	return out
}

// phraseHead returns a phrase's first word and whether it may be only the
// start of a word ("idempoten*"). ok is false when the first word holds
// something other than ASCII letters and digits ("/v1", "isn't"): such
// phrases are matched by scanning.
func phraseHead(p string) (head string, prefix, ok bool) {
	head = p
	for k := 0; k < len(p); k++ {
		if c := p[k]; c == ' ' || c == '-' || c == '*' {
			head, prefix = p[:k], c == '*'
			break
		}
	}
	if head == "" {
		return "", false, false
	}
	for k := 0; k < len(head); k++ {
		if !isPhraseWord(head[k]) {
			return "", false, false
		}
	}
	return head, prefix, true
}

func (t *proseText) index() *wordIndex {
	if t.words == nil {
		t.words = buildWordIndex(t.b, t.heads)
	}
	return t.words
}

// findIn returns the first match of p in t.b[span], like findPhrase.
func (t *proseText) findIn(span Span, p string) (Span, bool) {
	head, prefix, ok := phraseHead(p)
	lead := 0
	if !ok {
		// "/api/" and "request_id" are found through the word they hold,
		// "api" and "request", when the index holds it; scanning the text
		// for them cost more than all the indexed phrases together.
		if lead, head, prefix, ok = phraseAnchor(p); !ok || !t.anchorIndexed(head, prefix) {
			return findPhrase(t.b, span, p)
		}
	}
	span = span.Clamp(len(t.b))
	starts := t.index().starts(head, prefix)
	// A match starts lead bytes before its word.
	k := sort.Search(len(starts), func(i int) bool { return int(starts[i])-lead >= span.Start })
	for ; k < len(starts) && int(starts[k])-lead < span.End; k++ {
		i := int(starts[k]) - lead
		if j := matchPhrase(t.b[:span.End], i, p); j >= 0 {
			return Span{Start: i, End: j}, true
		}
	}
	return Span{}, false
}

// phraseAnchor splits a phrase that phraseHead turns away at its first
// word: the lead bytes before that word, which must match literally (no
// space, hyphen or "*", which match runs of text), and the word, whose
// start in the text is then lead bytes after the match's. In "/api/" the
// word is "api" after a lead of one; in "request_id" it is "request",
// which ends where "_" follows it, as it must in the text. prefix is as
// for phraseHead. ok is false when the phrase has no such word.
func phraseAnchor(p string) (lead int, head string, prefix, ok bool) {
	k := 0
	for ; k < len(p) && !isPhraseWord(p[k]); k++ {
		if c := p[k]; c == ' ' || c == '-' || c == '*' {
			return 0, "", false, false
		}
	}
	e := k
	for e < len(p) && isPhraseWord(p[e]) {
		e++
	}
	if e == k {
		return 0, "", false, false
	}
	return k, p[k:e], e < len(p) && p[e] == '*', true
}

// anchorIndexed reports whether the index holds every word that
// starts(head, prefix) must return without a full index of the text: an
// anchor word the filter leaves out is cheaper to scan for than to index
// every word for.
func (t *proseText) anchorIndexed(head string, prefix bool) bool {
	if askedHead != nil {
		askedHead(head, prefix)
	}
	return t.heads == nil || t.heads.covers(head, prefix)
}

// findAllIn returns every non-overlapping match of p in t.b[span], like
// findAll.
func (t *proseText) findAllIn(span Span, p string) []Span {
	var out []Span
	for span.Start < span.End {
		m, ok := t.findIn(span, p)
		if !ok {
			break
		}
		out = append(out, m)
		span.Start = m.End
	}
	return out
}

// has, find and distinct are phrases' methods over the prose text, using
// the word index.
func (t *proseText) has(ps phrases, span Span) bool {
	for _, p := range ps {
		if _, ok := t.findIn(span, p); ok {
			return true
		}
	}
	return false
}

func (t *proseText) find(ps phrases, span Span) (Span, string, bool) {
	best, which := Span{Start: -1}, ""
	for _, p := range ps {
		if s, ok := t.findIn(span, p); ok && (best.Start < 0 || s.Start < best.Start) {
			best, which = s, p
		}
	}
	return best, which, best.Start >= 0
}

func (t *proseText) distinct(ps phrases, span Span) int {
	n := 0
	for _, p := range ps {
		if _, ok := t.findIn(span, p); ok {
			n++
		}
	}
	return n
}

// headStarts returns, sorted, where the first words of the phrases of
// lists occur; ok is false when some phrase's first word is not indexed.
func (t *proseText) headStarts(lists []phrases) (at []int32, ok bool) {
	// Gather the answers first and copy them out once, at their final
	// size: appending them one by one grew the result four or five times.
	var buf [64][]int32
	found, n := buf[:0], 0
	for _, ps := range lists {
		for _, p := range ps {
			head, prefix, ok := phraseHead(p)
			if !ok {
				return nil, false
			}
			if s := t.index().starts(head, prefix); len(s) > 0 {
				found = append(found, s)
				n += len(s)
			}
		}
	}
	if n == 0 {
		return nil, true
	}
	at = make([]int32, 0, n)
	for _, s := range found {
		at = append(at, s...)
	}
	slices.Sort(at)
	return at, true
}

// headFilter passes the words that the checks look phrases up by: the
// first words of their phrases, and for a phrase that may start a word
// ("idempoten*") every word with the same first three bytes. Nearly nine
// words in ten of a design doc are neither, and an index of only the rest
// costs half as much to build. It may pass more words than it must (its
// bits are shared), never fewer, and a query decides by the same bits
// whether the index holds every word it needs.
type headFilter struct {
	exact bitFilter // by indexHash of a whole word
	lead  bitFilter // by leadHash of a word's first three bytes
}

// leadHash hashes the first three bytes of w, which has at least three.
func leadHash(w []byte) uint64 {
	return (uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16) * hashMul1 >> 40
}

func (f *headFilter) add(head string, prefix bool) {
	if prefix {
		if len(head) >= 3 {
			f.lead.add(leadHash([]byte(head)))
		}
		return
	}
	f.exact.add(uint64(indexHash(head)))
}

// passes reports whether the word w, whose indexHash is h, is indexed.
func (f *headFilter) passes(h uint32, w []byte) bool {
	return f.exact.has(uint64(h)) || len(w) >= 3 && f.lead.has(leadHash(w))
}

// covers reports whether an index built with f holds every word that
// starts(head, prefix) must return.
func (f *headFilter) covers(head string, prefix bool) bool {
	if prefix {
		return f.coversPrefix(head)
	}
	return f.coversWord(head, indexHash(head))
}

// coversWord is covers for the whole word w, whose indexHash is h.
func (f *headFilter) coversWord(w string, h uint32) bool {
	return f.exact.has(uint64(h)) || f.coversPrefix(w)
}

func (f *headFilter) coversPrefix(head string) bool {
	return len(head) >= 3 && f.lead.has(leadHash([]byte(head)))
}

// fullIndex returns an index of every word of the same text, built once.
func (x *wordIndex) fullIndex() *wordIndex {
	if x.full == nil {
		x.full = newWordIndex(x.b)
	}
	return x.full
}

// checkFilter passes the heads the built-in checks ask for (generated into
// index_heads.go): a phrase from anywhere else (configuration, a check
// added since) is still found, through the full index.
var checkFilter = sync.OnceValue(func() *headFilter { return newHeadFilter(checkHeads[:]) })

func newHeadFilter(heads []string) *headFilter {
	f := new(headFilter)
	for _, h := range heads {
		head, prefix := strings.CutSuffix(h, "*")
		f.add(head, prefix)
	}
	return f
}

// askedHead, when set (by the test that generates indexHeads), is called
// with every query.
var askedHead func(head string, prefix bool)

// indexes recycles the arrays of the word indexes that runs build and
// drop: a language server indexes the document on every keystroke, and a
// batch run every file, and these arrays are most of what a run allocates.
var indexes = recycle.New(func() *wordIndex { return new(wordIndex) })

// release hands x's arrays to the next index; nothing may use x, or a
// slice it returned, afterwards.
func (x *wordIndex) release() {
	if x.full != nil {
		x.full.release()
	}
	// The prefix cache keeps its table, which grew to hold a document's
	// questions, but none of its entries.
	clear(x.prefixes)
	size := len(x.b)
	*x = wordIndex{table: x.table, words: x.words, ids: x.ids, at: x.at, pos: x.pos, leads: x.leads, byLead: x.byLead,
		prefixes: x.prefixes, prefixPos: x.prefixPos[:0]}
	indexes.Put(x, size)
}
