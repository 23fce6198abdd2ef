package checks

import (
	"sort"

	"github.com/designls/designls/checks/doc"
)

// blockSentences holds the whole document's sentences (as sentences
// returns them) split one prose block at a time, when first asked for.
// Most documents give a check only a few matches to place in their
// sentences; splitting every block of the document for them cost more
// than the check.
type blockSentences struct {
	blocks []Span // the prose blocks, in document order
	split  []splitBlock
	// sents holds the split blocks' sentences one block after the other,
	// each block's cut from it: one slice per block cost an allocation
	// or more each, most of what a run allocated.
	sents []Span
}

// splitBlock is one block's sentences, once split.
type splitBlock struct {
	sents []Span
	done  bool
}

// lazySentences returns the document's sentences, split on demand; quotes
// is as for sentences.
func (t *proseText) lazySentences(d *doc.Document, quotes bool) *blockSentences {
	q := 0
	if quotes {
		q = 1
	}
	if bs := t.someSentences[q]; bs != nil {
		return bs
	}
	// Every section's blocks are a run of d.Blocks, so there are no more
	// prose blocks than that: one allocation instead of growing by
	// doubling, which was most of the cost of this walk.
	bs := &blockSentences{blocks: make([]Span, 0, len(d.Blocks))}
	proseBlocks(d, Span{Start: 0, End: len(d.Src)}, quotes, func(b Span) { bs.blocks = append(bs.blocks, b) })
	bs.split = make([]splitBlock, len(bs.blocks))
	bs.sents = make([]Span, 0, 32)
	t.someSentences[q] = bs
	return bs
}

// of returns the sentences of block k.
func (bs *blockSentences) of(t *proseText, d *doc.Document, k int) []Span {
	if sp := &bs.split[k]; !sp.done {
		from := len(bs.sents)
		bs.sents = t.splitSentences(d, bs.blocks[k], bs.sents)
		// Capped, so that the next block appended cannot write into it;
		// when sents moves, earlier blocks keep the array they were cut
		// from.
		sp.sents, sp.done = bs.sents[from:len(bs.sents):len(bs.sents)], true
		if len(sp.sents) == 0 {
			sp.sents = nil
		}
	}
	return bs.split[k].sents
}

// extent returns the span from the start of the first sentence to the end
// of the last, and false when the document has none.
func (bs *blockSentences) extent(t *proseText, d *doc.Document) (Span, bool) {
	var out Span
	k := 0
	for ; k < len(bs.blocks); k++ {
		if s := bs.of(t, d, k); len(s) > 0 {
			out.Start = s[0].Start
			break
		}
	}
	if k == len(bs.blocks) {
		return Span{}, false
	}
	for j := len(bs.blocks) - 1; j >= k; j-- {
		if s := bs.of(t, d, j); len(s) > 0 {
			out.End = s[len(s)-1].End
			break
		}
	}
	return out, true
}

// at returns the sentence holding off and the one after it in the
// document (next is false after the last).
func (bs *blockSentences) at(t *proseText, d *doc.Document, off int) (cur, next Span, hasNext, ok bool) {
	// Blocks are disjoint and in order: the one holding off is the first
	// that ends after it.
	k := sort.Search(len(bs.blocks), func(i int) bool { return bs.blocks[i].End > off })
	if k == len(bs.blocks) || bs.blocks[k].Start > off {
		return Span{}, Span{}, false, false
	}
	sents := bs.of(t, d, k)
	i := sentenceAt(sents, off)
	if i < 0 {
		return Span{}, Span{}, false, false
	}
	if i+1 < len(sents) {
		return sents[i], sents[i+1], true, true
	}
	for j := k + 1; j < len(bs.blocks); j++ {
		if s := bs.of(t, d, j); len(s) > 0 {
			return sents[i], s[0], true, true
		}
	}
	return sents[i], Span{}, false, true
}

// sentencesHolding returns the document's sentences, in order, that hold
// the first word of some phrase of lists: the only ones in which those
// phrases can match. A check that asks many phrases of every sentence asks
// them of these instead, and only the blocks holding those words are
// split. A phrase whose first word is not indexed ("/v1") keeps every
// sentence.
func (t *proseText) sentencesHolding(d *doc.Document, quotes bool, lists ...phrases) []Span {
	at, ok := t.headStarts(lists)
	if !ok {
		return t.sentences(d, Span{Start: 0, End: len(d.Src)}, quotes)
	}
	c := holdingCursor{t: t, d: d, bs: t.lazySentences(d, quotes), at: at}
	var out []Span
	for s, ok := c.next(); ok; s, ok = c.next() {
		out = append(out, s)
	}
	return out
}

// holdingCursor walks the sentences of sentencesHolding, splitting
// blocks only as far as the caller reads: a check that stops at the first
// sentence that qualifies splits no block after it. (A cursor rather than
// an iterator: a range-over-func loop body is a closure, and the
// variables it shares with the check went to the heap.)
type holdingCursor struct {
	t    *proseText
	d    *doc.Document
	bs   *blockSentences
	at   []int32 // sorted offsets of the lists' first words, still to place
	all  []Span  // when some first word is not indexed: every sentence, still to yield
	last Span
	seen bool
}

// eachSentenceHolding returns a cursor over the sentences that
// sentencesHolding returns.
func (t *proseText) eachSentenceHolding(d *doc.Document, quotes bool, lists ...phrases) holdingCursor {
	at, ok := t.headStarts(lists)
	if !ok {
		return holdingCursor{all: t.sentences(d, Span{Start: 0, End: len(d.Src)}, quotes)}
	}
	return holdingCursor{t: t, d: d, bs: t.lazySentences(d, quotes), at: at}
}

// next returns the next sentence, in order and once each, and false after
// the last.
func (c *holdingCursor) next() (Span, bool) {
	if c.bs == nil {
		if len(c.all) == 0 {
			return Span{}, false
		}
		s := c.all[0]
		c.all = c.all[1:]
		return s, true
	}
	for len(c.at) > 0 {
		off := c.at[0]
		c.at = c.at[1:]
		s, _, _, ok := c.bs.at(c.t, c.d, int(off))
		if ok && (!c.seen || c.last != s) {
			c.last, c.seen = s, true
			return s, true
		}
	}
	return Span{}, false
}
