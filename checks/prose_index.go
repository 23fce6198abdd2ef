package checks

import (
	"slices"
	"sort"
	"strings"
)

// wordIndex records where each ASCII word of a prose text starts, so that a
// phrase is found by looking its first word up instead of scanning the
// text: the follow-up and claim checks ask hundreds of phrases of every
// document, and a scan per phrase cost several times the parse.
type wordIndex struct {
	s      string             // the text, copied once so keys need no allocation
	at     map[string][]int32 // word → sorted starts
	sorted []string           // distinct words, sorted; built for prefix queries
}

func newWordIndex(b []byte) *wordIndex {
	x := &wordIndex{s: string(b), at: make(map[string][]int32, len(b)/24)}
	for i := 0; i < len(b); {
		if !isPhraseWord(b[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(b) && isPhraseWord(b[j]) {
			j++
		}
		w := x.s[i:j]
		x.at[w] = append(x.at[w], int32(i))
		i = j
	}
	return x
}

// starts returns the sorted starts of words equal to head, or starting with
// it when prefix is set.
func (x *wordIndex) starts(head string, prefix bool) []int32 {
	if !prefix {
		return x.at[head]
	}
	if x.sorted == nil {
		x.sorted = make([]string, 0, len(x.at))
		for w := range x.at {
			x.sorted = append(x.sorted, w)
		}
		sort.Strings(x.sorted)
	}
	i := sort.SearchStrings(x.sorted, head)
	var out []int32
	n := 0
	for ; i < len(x.sorted) && strings.HasPrefix(x.sorted[i], head); i++ {
		out = append(out, x.at[x.sorted[i]]...)
		n++
	}
	if n > 1 {
		slices.Sort(out)
	}
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
		t.words = newWordIndex(t.b)
	}
	return t.words
}

// findIn returns the first match of p in t.b[span], like findPhrase.
func (t *proseText) findIn(span Span, p string) (Span, bool) {
	head, prefix, ok := phraseHead(p)
	if !ok {
		return findPhrase(t.b, span, p)
	}
	span = span.Clamp(len(t.b))
	starts := t.index().starts(head, prefix)
	k := sort.Search(len(starts), func(i int) bool { return int(starts[i]) >= span.Start })
	for ; k < len(starts) && int(starts[k]) < span.End; k++ {
		i := int(starts[k])
		if j := matchPhrase(t.b[:span.End], i, p); j >= 0 {
			return Span{Start: i, End: j}, true
		}
	}
	return Span{}, false
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
