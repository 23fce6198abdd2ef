package checks

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"os"
	"reflect"
	"testing"

	"github.com/designls/designls/checks/doc"
)

// TestWindowNumbersWrap scans with the window numbers about to wrap
// around, as a long-lived pooled scanner eventually would, and expects
// the same evidence as a fresh scanner: a stale mark must never read as
// "already counted".
func TestWindowNumbersWrap(t *testing.T) {
	src, err := os.ReadFile("../cmd/designls/testdata/typical.md")
	if err != nil {
		t.Fatal(err)
	}
	d := doc.Parse("typical.md", src)
	v := DefaultVocabulary()
	want := windowEvidence(new(docScanner).scanDocument(d, v))
	for _, start := range []uint32{math.MaxUint32 - 3, math.MaxUint32} {
		x := new(docScanner)
		// Marks left from windows long ago, numbered like the first
		// windows after the wrap.
		x.seen = make([]uint32, len(v.termConcern))
		for i := range x.seen {
			x.seen[i] = uint32(1 + i%3)
		}
		x.window = start
		got := windowEvidence(x.scanDocument(d, v))
		for i := range want {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("window numbers from %d, section %d: evidence differs from a fresh scan:\n got %v\nwant %v",
					start, i, got[i], want[i])
				break
			}
		}
	}
}

type windowRow struct {
	window       [nConcerns]int16
	windowStrong [nConcerns]uint8
	first        [nConcerns]Span
}

func windowEvidence(stats []secStat) []windowRow {
	var rows []windowRow
	for _, st := range stats {
		rows = append(rows, windowRow{st.window, st.windowStrong, st.first})
	}
	return rows
}

// refWindows is windows as it was before it relied on hits coming in
// block order: it finds each block's first hit by comparing neighbours
// and filters the hits to keep one by one.
func (x *docScanner) refWindows(st *secStat, final bool) {
	hits := x.hits
	v := x.v
	if len(x.seen) < len(v.termConcern) {
		x.seen = make([]uint32, len(v.termConcern))
		x.window = 0
	}
	seen := x.seen[:len(v.termConcern)]
	cur := int32(x.blkID)
	// first and lastEnd are read only for a concern with a strong phrase
	// in the window, which sets them first.
	var first, lastEnd [nConcerns]int32
	for i := 0; i < len(hits); i++ {
		if i > 0 && hits[i].blk == hits[i-1].blk {
			continue
		}
		if !final && hits[i].blk >= cur {
			break
		}
		j := i
		for j < len(hits) && hits[j].blk <= hits[i].blk+1 {
			j++
		}
		if x.window++; x.window == 0 {
			clear(x.seen) // the numbers wrapped around: no old mark may match
			x.window = 1
		}
		var score [nConcerns]int16
		var strong [nConcerns]uint8
		var strongSet uint32 // concerns with a strong phrase in the window
		for k := i; k < j; k++ {
			h := &hits[k]
			t := uint32(h.term)
			if seen[t] == x.window {
				continue
			}
			seen[t] = x.window
			c := v.termConcern[t]
			// Strong phrases side by side ("authentication and
			// authorization", "alternatives and trade-offs") are one
			// sign, not two.
			if v.strongTerms[t] && (strong[c] == 0 || h.s-lastEnd[c] >= clusterBytes) {
				if strong[c] == 0 {
					first[c] = int32(k)
					strongSet |= 1 << c
				}
				strong[c]++
				score[c] += weightStrong
				lastEnd[c] = h.se
			} else {
				score[c] += weightWeak
			}
		}
		for ; strongSet != 0; strongSet &= strongSet - 1 {
			c := bits.TrailingZeros32(strongSet)
			if score[c] > st.window[c] {
				st.window[c] = score[c]
				st.windowStrong[c] = strong[c]
				h := hits[first[c]]
				st.first[c] = Span{Start: int(h.s), End: int(h.se)}
			}
		}
	}
	keep := x.hits[:0]
	if !final {
		for _, h := range hits {
			if h.blk >= cur {
				keep = append(keep, h)
			}
		}
	}
	x.hits = keep
}

// TestWindowsMatchReference feeds random hits, block by block as flush
// does, to windows and to refWindows and expects the same evidence:
// terms repeated inside and across blocks, strong terms close together
// and apart, blocks without hits and sections that end mid-window.
func TestWindowsMatchReference(t *testing.T) {
	v := DefaultVocabulary()
	r := rand.New(rand.NewPCG(7, 8))
	// A few terms per concern, strong and weak, so that windows repeat
	// terms and concerns often.
	var terms []int32
	var count [4][2]int
	for i, c := range v.termConcern {
		strong := 0
		if v.strongTerms[i] {
			strong = 1
		}
		if c < 4 && count[c][strong] < 3 {
			count[c][strong]++
			terms = append(terms, int32(i))
		}
	}
	for range 3000 {
		var got, want secStat
		a, b := new(docScanner), new(docScanner)
		a.v, b.v = v, v
		blocks := 1 + r.IntN(8)
		pos := int32(0)
		for blk := range blocks {
			a.blkID, b.blkID = blk, blk
			for range r.IntN(5) {
				pos += int32(r.IntN(20))
				h := hit{term: terms[r.IntN(len(terms))], blk: int32(blk), s: pos, se: pos + int32(1+r.IntN(8))}
				a.hits = append(a.hits, h)
				b.hits = append(b.hits, h)
			}
			a.windows(&got, false)
			b.refWindows(&want, false)
		}
		a.blkID, b.blkID = blocks, blocks
		a.windows(&got, true)
		b.refWindows(&want, true)
		if got.window != want.window || got.windowStrong != want.windowStrong || got.first != want.first {
			t.Fatalf("windows differ:\n got %v %v %v\nwant %v %v %v", got.window, got.windowStrong, got.first,
				want.window, want.windowStrong, want.first)
		}
		if len(a.hits) != 0 || len(b.hits) != 0 {
			t.Fatalf("hits left after the last window: %d, reference %d", len(a.hits), len(b.hits))
		}
	}
}
