package checks

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// refMatch is match as it was before it wrote out what body.match's
// callback does: it calls body.match with a function for each word.
func (x *docScanner) refMatch(st *secStat) {
	toks := x.sc.toks
	for i := 0; i < len(toks); {
		if !x.v.body.mayStart(&toks[i]) {
			i++ // a gap, or a word no phrase starts with
			continue
		}
		n := x.v.body.match(&x.sc, toks, i, func(e *entry) {
			if e.kind != kindConcern {
				return
			}
			t := uint(e.term) // a concern's term is never negative
			st.terms[t/64] |= 1 << (t % 64)
			if x.noHits>>uint(e.concern)&1 != 0 {
				return
			}
			x.hits = append(x.hits, hit{term: int32(t), blk: toks[i].blk, s: toks[i].s, se: toks[i+len(e.rest)].se})
		})
		if n == 0 {
			n = 1
		}
		i += n
	}
}

// TestMatchMatchesReference scans lines made of the vocabulary's own
// phrases, shadowing phrases, numbers, capitals and filler, and expects
// match to record the terms and hits that refMatch does, with concerns
// left out of the hits as a covered concern is.
func TestMatchMatchesReference(t *testing.T) {
	v := DefaultVocabulary()
	pieces := slices.Clone(v.termText)
	pieces = append(pieces, "api server", "API server", "FOR UPDATE", "for update", "99.95%", "p99", "5 ms",
		"10k", "2 million", "GET /v1/x", "the", "and", "of", "Rollback", "RETRIES", "café", "数据", "🙂")
	r := rand.New(rand.NewPCG(13, 14))
	for range 2000 {
		var src []byte
		for range 1 + r.IntN(10) {
			src = append(src, pieces[r.IntN(len(pieces))]...)
			src = append(src, " -/,"[r.IntN(4)])
		}
		noHits := uint32(r.Uint64()) & (1<<nConcerns - 1)
		if r.IntN(2) == 0 {
			noHits = 0
		}
		var got, want secStat
		words := (len(v.termText) + 63) / 64
		got.terms, want.terms = make([]uint64, words), make([]uint64, words)
		blk := int32(r.IntN(3))
		var a, b docScanner
		for _, x := range []*docScanner{&a, &b} {
			x.v = v
			x.noHits = noHits
			x.sc.keep = &v.keep
			x.sc.pointers = &v.pointers
			x.sc.blk = blk
			x.sc.line(src, 0, len(src), false)
		}
		a.match(&got)
		b.refMatch(&want)
		if !slices.Equal(got.terms, want.terms) || !slices.Equal(a.hits, b.hits) {
			t.Fatalf("match of %q (noHits %b):\n got terms %x hits %v\nwant terms %x hits %v",
				src, noHits, got.terms, a.hits, want.terms, b.hits)
		}
	}
}
