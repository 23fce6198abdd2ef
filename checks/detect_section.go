package checks

import (
	"bytes"
	"math/bits"
	"strings"

	"github.com/designls/designls/checks/doc"
	"github.com/designls/designls/checks/recycle"
)

// maxLabelWords is the longest heading that reads as a label ("Failure
// handling", "Upgrade / Downgrade Strategy") rather than a sentence.
const maxLabelWords = 6

// clusterBytes is how close two strong phrases must be to count as one.
const clusterBytes = 12

// secStat is what one scan learns about one section.
type secStat struct {
	sec *Section
	// heading weight per concern: weightAbout, weightHint or 0.
	head    [nConcerns]int8
	generic bool // the heading names no concern: the body decides
	aside   bool // the heading is about what the doc leaves out
	title   bool // the document's title

	// words counts the words of real content in the own text; media
	// reports an image, a table or a code block there.
	words int
	media bool
	// links reports a line that only points elsewhere; such a section is
	// not pending (it has an answer, elsewhere) but covers nothing.
	links bool
	// terms is this section's bit set of distinct body terms in its own
	// text; body is the union over the section and its subsections.
	terms, body []uint64
	// bodyWords and bodyMedia are words and media over Body.
	bodyWords int
	bodyMedia bool
	bodyLinks bool
	// ownScore and bodyScore are, per concern, the evidence in the own
	// text and in the whole body; the Strong arrays count strong terms.
	// They are left zero where decide does not read them.
	ownScore, bodyScore   [nConcerns]int16
	ownStrong, bodyStrong [nConcerns]uint8
	// window is, per concern, the best evidence found in a window of two
	// consecutive blocks of the own text, windowStrong the number of
	// strong phrases in it and first the first strong phrase of it.
	window       [nConcerns]int16
	windowStrong [nConcerns]uint8
	first        [nConcerns]Span
}

// hit is one body phrase found in a section's own text.
type hit struct {
	term  int32
	blk   int32
	s, se int32
}

// scanners keeps scan buffers between documents: a language server checks
// on every keystroke, and the buffers are the only allocation that grows
// with the document.
var scanners = recycle.New(func() *docScanner { return new(docScanner) })

// scanDocument scans the root's own text and then every section's.
func (x *docScanner) scanDocument(d *doc.Document, v *Vocabulary) []secStat {
	words := (len(v.termText) + 63) / 64
	n := len(d.Sections) + 1
	x.d, x.v, x.code, x.comments, x.nextSkip, x.covered = d, v, 0, 0, 0, 0
	x.sc.keep = &v.keep
	x.sc.pointers = &v.pointers
	x.slab = grow(x.slab, 2*n*words)
	clear(x.slab)
	x.stats = grow(x.stats, n)
	clear(x.stats)
	slab, stats := x.slab, x.stats
	title := docTitle(d)
	for i := range stats {
		st := &stats[i]
		st.terms = slab[2*i*words : (2*i+1)*words : (2*i+1)*words]
		st.body = slab[(2*i+1)*words : (2*i+2)*words : (2*i+2)*words]
		if i == 0 {
			st.sec = d.Root
			st.generic = true
		} else {
			st.sec = d.Sections[i-1]
			st.title = st.sec == title
			x.heading(st)
		}
		x.own(st)
		// A section about a concern with content of its own covers it,
		// whatever follows: decide reads no window of that concern.
		if i > 0 && !st.title && (st.words >= minWords || st.media) {
			for c, w := range st.head {
				if w == weightAbout {
					x.covered |= 1 << c
				}
			}
		}
		st.bodyWords = st.words
		st.bodyMedia = st.media
		st.bodyLinks = st.links
		copy(st.body, st.terms)
	}
	// Sections are in document order, so children follow their parent:
	// folding from the end adds every subsection into its parent.
	for i := n - 1; i >= 1; i-- {
		st := &stats[i]
		p := st.sec.Parent
		pi := 0
		if p != nil && p.Index >= 0 {
			pi = p.Index + 1
		}
		if st.aside || pi == 0 {
			continue
		}
		ps := &stats[pi]
		ps.bodyWords += st.bodyWords
		ps.bodyMedia = ps.bodyMedia || st.bodyMedia
		ps.bodyLinks = ps.bodyLinks || st.bodyLinks
		for k := range ps.body {
			ps.body[k] |= st.body[k]
		}
	}
	// decide reads a section's own scores only to ask whether it leads
	// under a generic heading, and its body scores only under a heading
	// that hints at a concern; it never reads the root's. Most sections
	// are neither, and summing their scores was a tenth of the branch
	// mispredictions of a detection.
	for i := 1; i < len(stats); i++ {
		st := &stats[i]
		if st.title {
			continue
		}
		if st.generic && !st.aside && (st.words >= minWords || st.media) {
			st.ownScore, st.ownStrong = v.scores(st.terms)
		}
		if hintsAny(st) && (st.bodyWords >= minWords || st.bodyMedia) {
			st.bodyScore, st.bodyStrong = v.scores(st.body)
		}
	}
	return stats
}

// hintsAny reports whether st's heading hints at some concern.
func hintsAny(st *secStat) bool {
	for _, w := range st.head {
		if w == weightHint {
			return true
		}
	}
	return false
}

// docTitle returns the section that titles the whole document: the first
// section, at level 1, when no other section is at level 1.
func docTitle(d *doc.Document) *Section {
	if len(d.Sections) == 0 || d.Sections[0].Level != 1 {
		return nil
	}
	for _, s := range d.Sections[1:] {
		if s.Level == 1 {
			return nil
		}
	}
	return d.Sections[0]
}

// docScanner carries the buffers of one document's scan.
type docScanner struct {
	d        *doc.Document
	v        *Vocabulary
	sc       scanner
	code     int // index of the next code block that may hold a line
	comments int // index of the next comment that may hold a line
	// skip lists text that is not the author's (a drill's quoted
	// prompt), sorted; next is the index of the next span that may hold
	// a line.
	skip     []Span
	nextSkip int
	blk      int // index into the current section's blocks
	blkID    int // number of the block being scanned, for windows
	hits     []hit
	// seen[t] == window marks term t as counted in the current window:
	// a new window needs no clearing, only a new number.
	seen   []uint32
	window uint32
	// covered marks the concerns that a section scanned already covers
	// for sure; noHits marks those whose hits the current section does
	// not record, since no window of theirs will be read: the covered
	// ones, or all in an aside, whose windows decide never reads.
	// everyWindow turns this off, for a test.
	covered, noHits uint32
	everyWindow     bool
	slab            []uint64 // term sets of all sections
	stats           []secStat
}

// release drops the references a pooled scanner would keep alive.
func (x *docScanner) release() {
	x.d, x.v, x.sc.keep, x.sc.pointers, x.skip = nil, nil, nil, nil, nil
	for i := range x.stats {
		x.stats[i].sec = nil
	}
}

// grow returns s resliced to n elements, reallocated only when too small.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// heading matches a section's title against the heading phrases.
func (x *docScanner) heading(st *secStat) {
	d := x.d
	s := st.sec
	x.sc.reset()
	x.sc.blk = 0
	ts := s.TitleSpan.Clamp(len(d.Src))
	lw := x.sc.line(d.Src, ts.Start, ts.End, false)
	toks := x.sc.toks
	named := false
	for i := 0; i < len(toks); {
		n := x.v.heading.match(&x.sc, toks, i, func(e *entry) {
			switch e.kind {
			case kindGeneric:
				st.generic = true
			case kindAside:
				st.aside = true
			case kindConcern:
				if e.weight > st.head[e.concern] {
					st.head[e.concern] = e.weight
				}
				named = true
			}
		})
		if n == 0 {
			n = 1
		}
		i += n
	}
	// A question mark may hide in emphasis: "**How does it fail?**".
	title := trimTitle(d.Text(ts))
	question := len(title) > 0 && title[len(title)-1] == '?'
	if question || lw.total > maxLabelWords {
		// A question asks for an answer, and a heading that reads like a
		// sentence names its topic in passing ("We'll scope the problem
		// to the following use cases"): only the body can tell.
		for c := range st.head {
			st.head[c] = min(st.head[c], weightHint)
		}
	}
	// A heading that names a concern is about it, even beside a generic
	// word ("Notes on the rollout"); one that names none leaves it to the
	// body.
	st.generic = !named && !st.aside
}

// trimTitle strips the emphasis, code marks and space that may end a
// heading's title. It is bytes.TrimRight(t, "*_` \t") without building a
// set of the cutset on every call.
func trimTitle(t []byte) []byte {
	for len(t) > 0 && strings.IndexByte("*_` \t", t[len(t)-1]) >= 0 {
		t = t[:len(t)-1]
	}
	return t
}

// skipIndent skips spaces and tabs, and quote markers when quotes is set.
func skipIndent(b []byte, quotes bool) []byte {
	i := 0
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || quotes && b[i] == '>') {
		i++
	}
	return b[i:]
}

// startsListItem reports whether line opens a list item.
func startsListItem(line []byte) bool {
	t := skipIndent(line, true)
	if len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && (t[1] == ' ' || t[1] == '\t') {
		return true
	}
	j := 0
	for j < len(t) && t[j] >= '0' && t[j] <= '9' {
		j++
	}
	return j > 0 && j+1 < len(t) && (t[j] == '.' || t[j] == ')') && (t[j+1] == ' ' || t[j+1] == '\t')
}

// own scans the text between a section's heading and the next heading.
func (x *docScanner) own(st *secStat) {
	d := x.d
	src := d.Src
	own := st.sec.Own.Clamp(len(src))
	x.sc.reset()
	x.sc.prose = true
	defer func() { x.sc.prose = false }()
	x.blk, x.blkID = 0, 0
	x.hits = x.hits[:0]
	x.noHits = x.covered
	if st.aside {
		x.noHits = 1<<nConcerns - 1
	}
	if x.everyWindow {
		x.noHits = 0
	}
	for line := d.Lines.Line(own.Start); ; line++ {
		ls := d.Lines.LineStart(line)
		if ls >= own.End || line >= d.Lines.Lines() {
			break
		}
		le := min(d.Lines.LineEnd(src, line), own.End)
		ls = max(ls, own.Start)
		x.scanLine(st, ls, le)
		if le >= len(src) {
			break
		}
	}
	x.flush(st)
	x.windows(st, true)
}

// flush matches the words scanned so far and lets their buffers go. It runs
// at each block boundary, which no phrase spans, so that memory follows the
// largest block rather than the largest section; a block of more than
// maxBlockTokens words is cut, costing at most a phrase at the cut.
func (x *docScanner) flush(st *secStat) {
	x.sc.endSentence(false)
	x.match(st)
	x.sc.reset()
	x.windows(st, false)
	x.blkID++
}

const maxBlockTokens = 1 << 16

// scanLine adds one line of a section's own text.
func (x *docScanner) scanLine(st *secStat, ls, le int) {
	d := x.d
	src := d.Src
	for x.nextSkip < len(x.skip) && x.skip[x.nextSkip].End <= ls {
		x.nextSkip++
	}
	if x.nextSkip < len(x.skip) && x.skip[x.nextSkip].Start <= ls {
		return
	}
	// Leave out HTML comments: template guidance usually hides in them.
	for x.comments < len(d.Comments) && d.Comments[x.comments].End <= ls {
		x.comments++
	}
	if x.comments < len(d.Comments) {
		c := d.Comments[x.comments]
		if c.Start <= ls && c.End >= le {
			return
		}
		if c.Start < le {
			// Scan around the comment(s) on this line.
			if c.Start > ls {
				x.scanLine(st, ls, c.Start)
			}
			if c.End < le {
				x.comments++
				x.scanLine(st, c.End, le)
			}
			return
		}
	}
	for x.code < len(d.Code) && d.Code[x.code].End <= ls {
		x.code++
	}
	inCode := x.code < len(d.Code) && d.Code[x.code].Start <= ls
	text := src[ls:le]
	if inCode {
		t := skipIndent(text, true)
		if bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")) {
			st.media = true
			return
		}
	} else {
		switch classifyLine(text) {
		case lineBlank:
			return
		case lineFiller:
			return
		case lineLabel:
			return
		}
	}
	blocks := st.sec.Blocks
	if x.blk+1 < len(blocks) && blocks[x.blk+1].Span.Start <= ls || len(x.sc.toks) > maxBlockTokens {
		x.flush(st)
		for x.blk+1 < len(blocks) && blocks[x.blk+1].Span.Start <= ls {
			x.blk++
		}
	}
	if !inCode && startsListItem(text) {
		x.sc.endSentence(false)
	}
	mark := len(x.sc.toks)
	bufMark := len(x.sc.buf)
	x.sc.blk = int32(x.blkID)
	lw := x.sc.line(src, ls, le, inCode)
	if lw.image {
		st.media = true
	}
	if !inCode && lw.inLink > 0 && lw.outLink <= 3 {
		// A line that only points elsewhere answers nothing here.
		x.sc.toks = x.sc.toks[:mark]
		x.sc.buf = x.sc.buf[:bufMark]
		st.links = true
		return
	}
	if t := skipIndent(text, false); inCode || len(t) > 0 && t[0] == '|' {
		st.media = true
	}
	st.words += lw.total
}

// match looks the scanned words up in the body phrases and records the
// distinct terms found and the hits that windows will score.
func (x *docScanner) match(st *secStat) {
	toks := x.sc.toks
	body := &x.v.body
	for i := 0; i < len(toks); {
		t := &toks[i]
		if !body.mayStart(t) {
			i++ // a gap, or a word no phrase starts with
			continue
		}
		// body.match, written out with what its callback would do: the
		// calls, through a function value too, spilled and reloaded
		// more registers than the work itself takes on most words. The
		// first pass is over the word's phrases, the second over its
		// number class's.
		list := body.phrases(&x.sc, t)
		after := toks[i+1:]
		best := 0
		for pass := 0; ; pass++ {
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
				if e.kind != kindConcern {
					continue
				}
				term := uint(e.term) // a concern's term is never negative
				st.terms[term/64] |= 1 << (term % 64)
				if x.noHits>>uint(e.concern)&1 == 0 {
					x.hits = append(x.hits, hit{term: int32(term), blk: t.blk, s: t.s, se: toks[i+n].se})
				}
			}
			k := body.class[t.class]
			if pass > 0 || k == 0 {
				break
			}
			list = body.lists[k-1]
		}
		i += max(best, 1)
	}
}

// windows scores every window of two consecutive blocks: a mention must be
// substantive in one place, not a word here and a word there. Until the
// section ends (final), a window is scored once both its blocks are
// complete, and the hits no later window needs are dropped, so hits never
// pile up over a long section.
func (x *docScanner) windows(st *secStat, final bool) {
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
	// Hits come in block order, since blocks are numbered as scanned: a
	// window starts at each block's first hit and ends after the next
	// block's last.
	for i, next := 0, 0; i < len(hits); i = next {
		blk := hits[i].blk
		if !final && blk >= cur {
			break
		}
		for next < len(hits) && hits[next].blk == blk {
			next++
		}
		j := next
		for j < len(hits) && hits[j].blk == blk+1 {
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
	// The hits later windows need are those of the current block: the
	// last ones.
	k := len(hits)
	for !final && k > 0 && hits[k-1].blk >= cur {
		k--
	}
	x.hits = hits[:copy(hits, hits[k:])]
}
