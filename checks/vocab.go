package checks

import (
	"cmp"
	"encoding/binary"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Vocabulary is what detection reads: per concern, the heading phrases that
// make a section about it and the body phrases that count as evidence, plus
// the headings that say nothing by themselves ("Design details"). The table
// behind DefaultVocabulary is in vocab_table.go; it is the one place to
// extend detection.
//
// Phrases are matched word by word after the text is lower-cased and split
// at anything that is not a letter or digit, and after a light plural
// stripping, so "Read-your-writes" matches "read your writes" and "SLOs"
// matches "slo". A word starting with '#' stands for a kind of number (see
// numberClass in detect_scan.go), e.g. "#nines" for "99.95%".
//
// A Vocabulary is immutable once built; use WithSynonyms to extend it.
type Vocabulary struct {
	table VocabularyTable

	heading  matcher
	body     matcher
	pointers matcher
	// keep holds every word any phrase uses, and the units that number
	// classes look at: the scanner keeps only those.
	keep bitFilter
	// strongTerms[i] reports whether body term i is strong evidence.
	strongTerms []bool
	// termText[i] is the phrase of term i, for debugging and evidence.
	termText    []string
	termConcern []int8
}

// ConcernTerms is one row of the vocabulary table.
type ConcernTerms struct {
	Concern Concern
	// About are heading phrases that make a section about the concern:
	// "Failure handling" is about degradation whatever its body says, as
	// long as it has one.
	About []string
	// Hints are heading phrases that suggest the concern; the body must
	// confirm it with evidence ("Graduation criteria" is rollout only when
	// it talks about feature gates or defaults).
	Hints []string
	// Strong are body phrases that a reviewer would accept as a sign of
	// the concern; Weak phrases only add to strong ones.
	Strong []string
	Weak   []string
}

// VocabularyTable is the source of a Vocabulary.
type VocabularyTable struct {
	Concerns []ConcernTerms
	// Generic headings say nothing about a concern by themselves ("Design
	// details", "Proposal"): the body of such a section decides.
	Generic []string
	// Aside headings name what a document leaves out or puts off
	// ("Non-goals", "Future work"): what their sections say covers nothing.
	Aside []string
	// Not phrases stop a shorter phrase from matching inside them: "API
	// server" is a component, not an API.
	Not []string
	// Pointers make a sentence with a link a pointer elsewhere ("see",
	// "refer to"): such a sentence covers nothing here. PointersAlone do so
	// without a link ("the linked content").
	Pointers, PointersAlone []string
}

// Weights of matches. A heading phrase is About or Hint; a body phrase is
// strong or weak evidence.
const (
	weightHint   = 1
	weightAbout  = 2
	weightWeak   = 1
	weightStrong = 3
)

// kinds of heading entries besides concern phrases.
const (
	kindConcern = iota
	kindGeneric // "Design details": the body decides
	kindAside   // "Non-goals": the section's body covers nothing
	kindNot     // shadows shorter phrases: "API server" is not about the API
)

// entry is one compiled phrase: its first word, the hashes of the words
// after it, and what a match means.
type entry struct {
	first   string
	rest    []uint64
	concern int8 // index into Concerns; -1 for generic and not entries
	kind    uint8
	weight  int8
	term    int  // body term ID
	caps    bool // matches only words written in capitals, like SQL keywords
}

// matcher maps the hash of a phrase's first word to the phrases starting
// with it, longest first, so the first phrase that matches is the longest.
// Words are hashed once as they are scanned; the filter, one bit per
// hash bucket, turns most words of running text away before the table.
type matcher struct {
	filter bitFilter
	// added collects phrases until seal sorts them into the table.
	added []keyedEntry
	// keys and lists are an open-addressing table from a first word's
	// hash to its phrases: a probe is cheaper than a map lookup on every
	// kept word.
	keys  []uint64
	lists [][]entry
	// class[k] is one more than the slot of number class k's phrases
	// ("#dur"), or 0: every number of a document looks them up, and the
	// slot never changes.
	class [numClasses]int32
}

type keyedEntry struct {
	h uint64
	e entry
}

// seal builds the probe table. Each hash's phrases are one run of a
// single sorted slice: longer phrases first, phrases of one length in the
// order added.
func (m *matcher) seal() {
	// Sort small pointer-free keys, not the entries themselves.
	type key struct {
		h    uint64
		n, i int32 // words after the first; order added
	}
	order := make([]key, len(m.added))
	for i, k := range m.added {
		order[i] = key{h: k.h, n: int32(len(k.e.rest)), i: int32(i)}
	}
	slices.SortFunc(order, func(a, b key) int {
		if a.h != b.h {
			return cmp.Compare(a.h, b.h)
		}
		if a.n != b.n {
			return cmp.Compare(b.n, a.n)
		}
		return cmp.Compare(a.i, b.i)
	})
	flat := make([]entry, len(order))
	distinct := 0
	for i, k := range order {
		flat[i] = m.added[k.i].e
		if i == 0 || k.h != order[i-1].h {
			distinct++
		}
	}
	size := 16
	for size < 2*distinct {
		size *= 2
	}
	m.keys = make([]uint64, size)
	m.lists = make([][]entry, size)
	for i := 0; i < len(order); {
		j := i + 1
		for j < len(order) && order[j].h == order[i].h {
			j++
		}
		h := order[i].h
		k := h & uint64(size-1)
		for m.keys[k] != 0 {
			k = (k + 1) & uint64(size-1)
		}
		// A zero hash would read as an empty slot; no word hashes to it
		// in practice.
		m.keys[k], m.lists[k] = h, flat[i:j:j]
		i = j
	}
	for c, h := range classHashes {
		if h == 0 {
			continue
		}
		for k := h & uint64(size-1); m.keys[k] != 0; k = (k + 1) & uint64(size-1) {
			if m.keys[k] == h {
				m.class[c] = int32(k) + 1
				break
			}
		}
	}
	m.added = nil
}

const filterWords = 256 // 16384 bits

func (m *matcher) add(k phraseKey, e entry) {
	if len(k.hashes) == 0 {
		return
	}
	h := k.hashes[0]
	e.first = k.first
	if len(k.hashes) > 1 {
		e.rest = k.hashes[1:]
	}
	m.added = append(m.added, keyedEntry{h: h, e: e})
	m.filter.add(h)
}

// lookup returns the phrases whose first word hashes to h.
func (m *matcher) lookup(h uint64) []entry {
	if !m.filter.has(h) || len(m.keys) == 0 {
		return nil
	}
	mask := uint64(len(m.keys) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch m.keys[i] {
		case h:
			return m.lists[i]
		case 0:
			return nil
		}
	}
}

// hashWord hashes a word eight bytes at a time. Words of up to seven
// bytes (nearly all of them) hash without collisions: the length and the
// bytes go through an invertible multiply. A match is confirmed on the
// first word's text anyway.
func hashWord(w []byte) uint64 {
	h := uint64(len(w))
	for len(w) >= 8 {
		h = (h ^ binary.LittleEndian.Uint64(w)) * hashMul1
		h ^= h >> 29
		w = w[8:]
	}
	var tail uint64
	for i := len(w) - 1; i >= 0; i-- {
		tail = tail<<8 | uint64(w[i])
	}
	return finishHash(h, tail)
}

func finishHash(h, tail uint64) uint64 {
	h = (h ^ tail) * hashMul2
	return h ^ h>>32
}

const (
	hashMul1 = 0x9e3779b97f4a7c15
	hashMul2 = 0xff51afd7ed558ccd
)

var concernIndex = func() map[Concern]int8 {
	m := make(map[Concern]int8, len(Concerns))
	for i, c := range Concerns {
		m[c.ID] = int8(i)
	}
	return m
}()

// NewVocabulary compiles a vocabulary from its table.
func NewVocabulary(t VocabularyTable) *Vocabulary {
	v := &Vocabulary{table: t}
	var sc scanner
	// One slab holds every phrase's word hashes: a table of a few thousand
	// phrases compiles with a handful of allocations, which matters because
	// every process compiles it before its first document.
	slab := make([]uint64, 0, 4096)
	words := func(phrase string) phraseKey {
		k := sc.phraseKey(phrase, &slab)
		for _, h := range k.hashes {
			v.keep.add(h)
		}
		return k
	}
	for _, set := range []map[string]bool{timeUnits, sizeUnits, countUnits} {
		for w := range set {
			v.keep.add(hashWord([]byte(w)))
		}
	}
	v.keep.add(hashWord([]byte("percentile")))
	for _, p := range t.Not {
		w := words(p)
		v.heading.add(w, entry{concern: -1, kind: kindNot})
		v.body.add(w, entry{concern: -1, kind: kindNot, term: -1})
	}
	for _, p := range t.Pointers {
		v.pointers.add(words(p), entry{concern: -1, kind: kindNot})
	}
	for _, p := range t.PointersAlone {
		v.pointers.add(words(p), entry{concern: -1, kind: kindNot, weight: pointsAlone})
	}
	for _, p := range t.Aside {
		v.heading.add(words(p), entry{concern: -1, kind: kindAside})
	}
	for _, p := range t.Generic {
		v.heading.add(words(p), entry{concern: -1, kind: kindGeneric})
	}
	for _, r := range t.Concerns {
		ci, ok := concernIndex[r.Concern]
		if !ok {
			continue
		}
		for _, p := range r.About {
			v.heading.add(words(p), entry{concern: ci, weight: weightAbout})
		}
		for _, p := range r.Hints {
			v.heading.add(words(p), entry{concern: ci, weight: weightHint})
		}
		addBody := func(list []string, w int8) {
			for _, p := range list {
				v.body.add(words(p), entry{concern: ci, weight: w, term: len(v.termText), caps: isCaps(p)})
				v.termText = append(v.termText, p)
				v.termConcern = append(v.termConcern, ci)
				v.strongTerms = append(v.strongTerms, w == weightStrong)
			}
		}
		addBody(r.Strong, weightStrong)
		addBody(r.Weak, weightWeak)
	}
	v.heading.seal()
	v.body.seal()
	v.pointers.seal()
	return v
}

// isCaps reports a phrase written in capitals ("FOR UPDATE"): it matches
// only text written so, which keeps SQL keywords apart from prose.
func isCaps(p string) bool {
	upper := false
	for _, r := range p {
		if unicode.IsLower(r) {
			return false
		}
		upper = upper || unicode.IsUpper(r)
	}
	return upper
}

// DefaultVocabulary returns the built-in vocabulary; callers must not
// modify it. It is compiled ahead of time (vocab_builtin.go): compiling it
// at run time cost every process more than checking a typical document.
func DefaultVocabulary() *Vocabulary {
	return &builtinVocabulary
}

// WithSynonyms returns a vocabulary in which each given phrase also makes a
// heading about its concern (configuration's "synonyms"). Unknown concerns
// are ignored; configuration validates them.
func (v *Vocabulary) WithSynonyms(syn map[Concern][]string) *Vocabulary {
	if len(syn) == 0 {
		return v
	}
	t := v.table
	t.Concerns = slices.Clone(t.Concerns)
	for i := range t.Concerns {
		if extra := syn[t.Concerns[i].Concern]; len(extra) > 0 {
			t.Concerns[i].About = append(slices.Clip(t.Concerns[i].About), extra...)
		}
	}
	return NewVocabulary(t)
}

// synonymCache keeps compiled vocabularies per synonym set: a language
// server re-checks on every keystroke with the same configuration, and
// compiling the table costs more than detecting in a typical document.
var synonymCache struct {
	sync.Mutex
	m map[string]*Vocabulary
}

func vocabularyFor(opts *Options) *Vocabulary {
	if len(opts.Synonyms) == 0 {
		return DefaultVocabulary()
	}
	key := synonymKey(opts.Synonyms)
	synonymCache.Lock()
	defer synonymCache.Unlock()
	if v, ok := synonymCache.m[key]; ok {
		return v
	}
	if synonymCache.m == nil || len(synonymCache.m) >= 32 {
		synonymCache.m = map[string]*Vocabulary{}
	}
	v := DefaultVocabulary().WithSynonyms(opts.Synonyms)
	synonymCache.m[key] = v
	return v
}

func synonymKey(syn map[Concern][]string) string {
	keys := make([]string, 0, len(syn))
	for c := range syn {
		keys = append(keys, string(c))
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k)
		for _, w := range syn[Concern(k)] {
			b.WriteByte(0)
			b.WriteString(w)
		}
		b.WriteByte(1)
	}
	return b.String()
}

// match calls fn for every entry of the longest phrase starting at
// toks[i] (a phrase listed for several concerns matches for each) and
// returns the phrase's length in words, or 0.
func (m *matcher) match(sc *scanner, toks []token, i int, fn func(*entry)) int {
	t := &toks[i]
	best := longest(toks, i, m.phrases(sc, t), 0, fn)
	if k := m.class[t.class]; k != 0 {
		best = longest(toks, i, m.lists[k-1], best, fn)
	}
	return best
}

// longest calls fn for the entries of list that match at toks[i] and are
// no shorter than best or than the longest before them, and returns the
// length of the longest.
func longest(toks []token, i int, list []entry, best int, fn func(*entry)) int {
	// The words after toks[i] are sliced once: each entry compares its
	// rest with their start.
	after := toks[i+1:]
	for k := range list {
		e := &list[k]
		n := len(e.rest)
		if n+1 < best {
			break // the list is longest first
		}
		if n > len(after) || !restMatches(after[:n], e.rest) || e.caps && !allCaps(toks[i:i+n+1]) {
			continue
		}
		best = n + 1
		fn(e)
	}
	return best
}

// phrases returns the phrases that start with the word t, or none when
// another word shares its hash.
func (m *matcher) phrases(sc *scanner, t *token) []entry {
	list := m.lookup(t.h)
	if len(list) > 0 && t.e > t.b && string(sc.text(*t)) != list[0].first {
		return nil
	}
	return list
}

// mayStart reports whether some phrase of m may start at t, cheaply
// enough to test before every word: most words start none.
func (m *matcher) mayStart(t *token) bool {
	return t.h != 0 && (t.class != classNone || m.filter.has(t.h))
}

func allCaps(toks []token) bool {
	for _, t := range toks {
		if !t.caps {
			return false
		}
	}
	return true
}

// restMatches reports whether each of toks, as many as rest holds, is the
// word or the number class hashed in rest.
func restMatches(toks []token, rest []uint64) bool {
	toks = toks[:len(rest)]
	for j, h := range rest {
		t := &toks[j]
		if t.h != h && (t.class == classNone || classHashes[t.class] != h) {
			return false
		}
	}
	return true
}

// scores sums, per concern, the weights of the distinct terms in set and
// counts the strong ones.
func (v *Vocabulary) scores(set []uint64) (score [nConcerns]int16, strong [nConcerns]uint8) {
	for w, word := range set {
		for word != 0 {
			b := bits.TrailingZeros64(word)
			word &^= 1 << b
			t := w*64 + b
			c := v.termConcern[t]
			if v.strongTerms[t] {
				score[c] += weightStrong
				strong[c]++
			} else {
				score[c] += weightWeak
			}
		}
	}
	return score, strong
}
