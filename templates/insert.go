package templates

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"github.com/designls/designls/checks/doc"
	"github.com/designls/designls/checks/edit"
)

// place is where one concern's snippet goes.
type place struct {
	concern string
	rank    int  // the concern's position in order
	offset  int  // before spot adjusts it: an anchor's body end or heading start, or the end of the source
	level   int  // heading level for the snippet
	after   bool // follows an earlier concern's section (rather than preceding a later one)
}

// InsertionPoint returns the byte offset at which the snippet for concern
// belongs in d and the heading level it takes there. present reports the
// section that already covers a concern, or nil; it may itself be nil.
//
// The snippet becomes a sibling placed after the whole body of the nearest
// earlier concern (in template order) that has a section; failing that,
// just before the section of the nearest later one; failing both, at the
// end of the document, one level below the title (level 2 by default). The
// document's title (a first H1 that has subsections or is the only H1) is
// never used as a sibling, since every concern belongs under it.
//
// ok is false when concern is unknown or already has a section, so a
// caller cannot offer a section twice. The offset is where the inserted
// text starts: the end of the last content line before the spot (blank
// lines stay after the snippet), a line start before the first block, or
// the end of the source. [Set.InsertEdit] adds the blank lines, and for a
// document whose last fence or HTML block is never closed the closing
// line, that keep the snippet a block of its own.
//
// One case is left alone: a heading indented by two or three spaces right
// after the spot continues the snippet's last list item.
func InsertionPoint(d *doc.Document, concern string, present func(concern string) *doc.Section) (offset, level int, ok bool) {
	r, known := rank[concern]
	if !known {
		return 0, 0, false
	}
	lookup := sectionsOf(d, present)
	p, ok := placeOf(d, r, &lookup)
	if !ok {
		return 0, 0, false
	}
	offset, _ = spot(d, p.offset)
	return offset, p.level, true
}

// InsertEdit returns the edit that inserts the snippet for concern into d,
// with the document's line ending. See [InsertionPoint] for where it goes
// and when ok is false.
func (s *Set) InsertEdit(d *doc.Document, concern string, present func(concern string) *doc.Section) (edit.Edit, bool) {
	// InsertEdits for one concern, without the slices it needs to group
	// several: this runs for every missing concern on every check.
	r, known := rank[concern]
	if !known || s.snippets[r] == nil {
		return edit.Edit{}, false
	}
	lookup := sectionsOf(d, present)
	p, ok := placeOf(d, r, &lookup)
	if !ok {
		return edit.Edit{}, false
	}
	return s.insertAt(d, []place{p}), true
}

// InsertEdits returns the edits that insert the snippets for every listed
// concern at once, in source order and never overlapping. Snippets that
// land at the same offset share one edit, in the order the template order
// implies, so they are separated by exactly one blank line. Unknown,
// repeated and already present concerns are skipped.
func (s *Set) InsertEdits(d *doc.Document, concerns []string, present func(concern string) *doc.Section) []edit.Edit {
	lookup := sectionsOf(d, present)
	var places []place
	var seen [len(order)]bool
	for _, c := range concerns {
		r, known := rank[c]
		if !known || s.snippets[r] == nil || seen[r] {
			continue
		}
		seen[r] = true
		if p, ok := placeOf(d, r, &lookup); ok {
			places = append(places, p)
		}
	}
	// At one offset, snippets that follow an earlier section come first,
	// since those that precede a later section must stay next to it.
	slices.SortFunc(places, func(a, b place) int {
		if c := cmp.Compare(a.offset, b.offset); c != 0 {
			return c
		}
		if a.after != b.after {
			if a.after {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.rank, b.rank)
	})
	var edits []edit.Edit
	for i := 0; i < len(places); {
		j := i + 1
		for j < len(places) && places[j].offset == places[i].offset {
			j++
		}
		edits = append(edits, s.insertAt(d, places[i:j]))
		i = j
	}
	return edits
}

// sections answers which section covers a concern, on behalf of the
// caller's present func.
type sections struct {
	present func(string) *doc.Section
	title   *doc.Section
	// asked and found remember present's answers by rank: placing every
	// concern at once would otherwise ask about each neighbour again for
	// each concern.
	asked [len(order)]bool
	found [len(order)]*doc.Section
}

func sectionsOf(d *doc.Document, present func(string) *doc.Section) sections {
	return sections{present: present, title: titleOf(d)}
}

// find returns the section covering the concern of rank r.
func (s *sections) find(r int) *doc.Section {
	if s.present == nil {
		return nil
	}
	if s.asked[r] {
		return s.found[r]
	}
	sec := s.present(order[r])
	if sec != nil && sec.Level < 1 {
		sec = nil
	}
	s.asked[r] = true
	s.found[r] = sec
	return sec
}

// anchor returns the section that a neighbouring snippet may be placed
// beside: any covering section but the title, which is every section's
// parent rather than a sibling.
func (s *sections) anchor(r int) *doc.Section {
	if sec := s.find(r); sec != s.title {
		return sec
	}
	return nil
}

// titleOf returns the document's title: a first section at level 1 that
// either has subsections or is the only level-1 section. A document that
// uses several bare H1s as its sections has no title.
func titleOf(d *doc.Document) *doc.Section {
	if len(d.Sections) == 0 || d.Sections[0].Level != 1 {
		return nil
	}
	t := d.Sections[0]
	if len(t.Children) > 0 {
		return t
	}
	for _, s := range d.Sections[1:] {
		if s.Level == 1 {
			return nil
		}
	}
	return t
}

// placeOf places the concern of rank r; ok is false when it has a section.
func placeOf(d *doc.Document, r int, lookup *sections) (place, bool) {
	if lookup.find(r) != nil {
		return place{}, false
	}
	concern := order[r]
	size := len(d.Src)
	for i := r - 1; i >= 0; i-- {
		if s := lookup.anchor(i); s != nil {
			return place{concern: concern, rank: r, offset: min(s.Body.End, size), level: s.Level, after: true}, true
		}
	}
	for i := r + 1; i < len(order); i++ {
		if s := lookup.anchor(i); s != nil {
			return place{concern: concern, rank: r, offset: min(s.Heading.Start, size), level: s.Level}, true
		}
	}
	return place{concern: concern, rank: r, offset: size, level: topLevel(d)}, true
}

// topLevel is the level of a new top-level section: one below the title,
// else that of the shallowest existing section, else 2.
func topLevel(d *doc.Document) int {
	if t := titleOf(d); t != nil {
		if len(t.Children) > 0 {
			return t.Children[0].Level
		}
		return 2
	}
	level := 2
	for i, s := range d.Root.Children {
		if i == 0 || s.Level < level {
			level = s.Level
		}
	}
	return level
}

// spot moves a placement offset p to where the inserted text starts: back
// over blank lines to the end of the last content, so that those blank lines
// end up separating the snippet from what follows. When p is the end of a
// document whose last block never closes, it also returns the line that
// closes that block, which must precede the snippet.
func spot(d *doc.Document, p int) (q int, closer string) {
	src := d.Src
	lower := contentStart(d)
	p = min(max(p, lower), len(src))
	if p == len(src) {
		if closer = unclosedBlock(d); closer != "" {
			return p, closer
		}
	}
	q = trimBlankLines(src, p, lower)
	if q == lower && d.FrontMatter.Empty() {
		// Nothing precedes to attach to: blank lines at the top stay there,
		// but a last line of spaces with no ending must not be appended to.
		for p > lower && src[p-1] != '\n' && src[p-1] != '\r' {
			p--
		}
		return p, ""
	}
	return q, ""
}

// insertAt builds one edit for the snippets that share an offset.
func (s *Set) insertAt(d *doc.Document, group []place) edit.Edit {
	src := d.Src
	eol := lineEnding(src)
	q, closer := spot(d, group[0].offset)

	lead := 0 // line endings before the first snippet
	switch {
	case closer != "":
		// The open block would swallow anything appended, but it runs to the
		// end anyway, so closing it changes nothing that was there.
	case onlyBlank(bytes.TrimPrefix(src[:q], []byte("\uFEFF"))):
		// Nothing but blank lines or a byte order mark precedes.
	case !endsWithLineEnding(src[:q]):
		lead = 2
	default:
		lead = 1
	}
	if lead > 0 && eol == "\n" && q > 0 && src[q-1] == '\r' {
		// After a lone CR the first LF would merge into one CRLF ending
		// and take a blank line with it.
		lead++
	}
	// Blank lines that spot skipped now follow the snippet and separate it
	// from what comes next; when there were none, add one.
	trail := q < len(src) && !blankLineAt(src, q)

	if closer == "" && len(group) == 1 {
		// The common case needs no new string: the cached rendering
		// already carries every separator it may take.
		pl := group[0]
		text := s.insertText(pl.concern, pl.rank, pl.level, eol)
		end := len(text)
		if !trail {
			end -= padAfter * len(eol)
		}
		return edit.Edit{Start: q, End: q, New: text[(padBefore-lead)*len(eol) : end]}
	}

	bare := func(pl place) string {
		text := s.insertText(pl.concern, pl.rank, pl.level, eol)
		return text[padBefore*len(eol) : len(text)-padAfter*len(eol)]
	}
	size := (lead + len(group)) * len(eol)
	if closer != "" {
		size += len(closer) + 3*len(eol)
	}
	for _, pl := range group {
		size += len(bare(pl))
	}
	var b strings.Builder
	b.Grow(size)
	if closer != "" {
		if !endsWithLineEnding(src) {
			b.WriteString(eol)
		}
		b.WriteString(closer)
		b.WriteString(eol)
		b.WriteString(eol)
	}
	for range lead {
		b.WriteString(eol)
	}
	for i, pl := range group {
		if i > 0 {
			b.WriteString(eol)
		}
		b.WriteString(bare(pl))
	}
	if trail {
		b.WriteString(eol)
	}
	return edit.Edit{Start: q, End: q, New: b.String()}
}

// contentStart is the first offset at which Markdown may be inserted: after
// the front matter and any byte order mark.
func contentStart(d *doc.Document) int {
	start := d.Root.Body.Start
	if start == 0 && bytes.HasPrefix(d.Src, []byte("\uFEFF")) {
		start = len("\uFEFF")
	}
	return start
}

// lineEnding returns the document's first line ending, "\n" if it has none.
func lineEnding(src []byte) string {
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

func endsWithLineEnding(b []byte) bool {
	return len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r')
}

// trimBlankLines moves p (a line start or the end of src) back over blank
// lines, but not before lower, so an insertion follows the last content.
func trimBlankLines(src []byte, p, lower int) int {
	for p > lower {
		ls := p
		if ls > 0 && src[ls-1] == '\n' {
			ls--
		}
		if ls > 0 && src[ls-1] == '\r' {
			ls--
		}
		// Walking back from the end of the line stops at the first
		// content byte, so a line of text is not scanned to its start.
		for ls > 0 && (src[ls-1] == ' ' || src[ls-1] == '\t') {
			ls--
		}
		if ls > 0 && src[ls-1] != '\n' && src[ls-1] != '\r' {
			break
		}
		if ls < lower {
			break
		}
		p = ls
	}
	return p
}

// blankLineAt reports whether the line starting at offset holds only spaces
// and tabs.
func blankLineAt(src []byte, offset int) bool {
	for _, c := range src[offset:] {
		switch c {
		case ' ', '\t':
		case '\r', '\n':
			return true
		default:
			return false
		}
	}
	return true
}

// onlyBlank reports whether b holds nothing but spaces, tabs and line
// endings.
func onlyBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

// unclosedBlock returns the line that closes the document's last top-level
// block when that block is a fenced code block, or an HTML block that only
// a terminator ends, left open: CommonMark runs those to the end of the
// document, where they would swallow an appended snippet. Otherwise "".
func unclosedBlock(d *doc.Document) string {
	if len(d.Blocks) == 0 {
		return ""
	}
	last := d.Blocks[len(d.Blocks)-1]
	if last.Kind != doc.Code && last.Kind != doc.HTML {
		// Only these can be left open; the usual last paragraph or list
		// is not worth copying out below.
		return ""
	}
	// The block's span ends at its last non-blank line.
	text := strings.ReplaceAll(string(d.Text(last.Span)), "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	first := strings.TrimLeft(lines[0], " ")
	if len(lines[0])-len(first) > 3 {
		return ""
	}
	switch last.Kind {
	case doc.Code:
		if first == "" || (first[0] != '`' && first[0] != '~') {
			return "" // an indented code block ends at any unindented line
		}
		closer := first[:len(first)-len(strings.TrimLeft(first, first[:1]))]
		if len(closer) < 3 {
			return ""
		}
		if len(lines) > 1 {
			end := strings.TrimLeft(lines[len(lines)-1], " ")
			after := strings.TrimLeft(end, closer[:1])
			if len(lines[len(lines)-1])-len(end) <= 3 && len(end)-len(after) >= len(closer) &&
				strings.TrimRight(after, " \t") == "" {
				return ""
			}
		}
		return closer
	case doc.HTML:
		// The CommonMark HTML blocks that end only at a terminator, not at
		// a blank line.
		closer, from := htmlTerminator(first)
		if closer != "" && !strings.Contains(strings.ToLower(text[len(lines[0])-len(first)+from:]), closer) {
			return closer
		}
	}
	return ""
}

// htmlTerminator returns what ends an HTML block opening with line, if only
// a terminator ends it, and how many bytes of line the opener takes.
func htmlTerminator(line string) (closer string, from int) {
	lower := strings.ToLower(line)
	for _, tag := range []string{"pre", "script", "style", "textarea"} {
		if rest, ok := strings.CutPrefix(lower, "<"+tag); ok && (rest == "" || strings.ContainsAny(rest[:1], " \t>")) {
			return "</" + tag + ">", 1 + len(tag)
		}
	}
	switch {
	case strings.HasPrefix(line, "<!--"):
		return "-->", 4
	case strings.HasPrefix(line, "<?"):
		return "?>", 2
	case strings.HasPrefix(line, "<![CDATA["):
		return "]]>", 9
	case len(line) > 2 && line[:2] == "<!" && ('a' <= lower[2] && lower[2] <= 'z'):
		return ">", 2
	}
	return "", 0
}
