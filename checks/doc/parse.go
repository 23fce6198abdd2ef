package doc

import (
	"bytes"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/designls/designls/checks/recycle"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Document is one parsed Markdown file.
type Document struct {
	Name  string
	Src   []byte
	Lines LineIndex

	// FrontMatter spans the whole YAML front matter block including its
	// delimiter lines; FrontMatterBody spans the YAML between them. Both are
	// empty when the document has none.
	FrontMatter     Span
	FrontMatterBody Span

	// Root is a level-0 section spanning everything after the front matter;
	// its children are the top-level sections.
	Root *Section
	// Sections lists every section in document order.
	Sections []*Section
	// Blocks lists the top-level blocks in document order.
	Blocks []Block
	// Code lists every code block, fenced or indented, at any depth, in
	// order; the spans do not overlap.
	Code []Span
	// Comments lists every HTML comment outside code.
	Comments []Span
}

// Section is a heading and the content it governs.
type Section struct {
	Level int // 1-6; 0 for the root
	Title string
	// Heading spans the heading line(s), including the underline of a setext
	// heading and the final line ending.
	Heading Span
	// TitleSpan spans the heading's text.
	TitleSpan Span
	// Body runs from the end of the heading to the next heading of the same
	// or a higher level (so it includes subsections).
	Body Span
	// Own runs from the end of the heading to the next heading of any level.
	Own Span
	// Blocks are the top-level blocks inside Own.
	Blocks []Block

	Parent   *Section
	Children []*Section
	Index    int // position in Document.Sections; -1 for the root
	Setext   bool
}

// BlockKind classifies a top-level block.
type BlockKind uint8

const (
	Paragraph BlockKind = iota
	Heading
	List
	Quote
	Code
	HTML
	Table
	Rule
	Other
)

// Block is one top-level block. Its span runs from the start of its first
// line to the end of its last line, line ending included.
type Block struct {
	Kind BlockKind
	Span Span
}

var (
	blocksOnce sync.Once
	blocks     parser.Parser
	inlineOnce sync.Once
	inline     parser.Parser
)

// blockParser returns the parser every document goes through: CommonMark's
// blocks and nothing inline. The section tree, the block kinds and the
// code spans all come from blocks; inline parsing (emphasis, links, code
// spans) would cost about a fifth of the parse and feed nothing but heading
// titles, which titleText parses on their own when they hold markup.
//
// It deliberately imports no goldmark extension: importing
// goldmark/extension at all compiles the linkify regular expressions at
// package init, milliseconds that every run would pay. The one GFM block
// that matters to a reviewer, the table, is recognised from its delimiter
// row instead (isTable); strikethrough and task lists change no block.
//
// rawParagraphs is the only paragraph transformer: it stands in for
// goldmark's default one (link reference definitions) and calls it only
// when a paragraph could start with one. The block parsers are goldmark's
// defaults at their default priorities, three of them wrapped (see
// hiddenHeadings and listsAsParsed); TestBlockParsersAreTheDefaults keeps
// the list in step with goldmark's.
func blockParser() parser.Parser {
	blocksOnce.Do(func() {
		blocks = parser.NewParser(
			parser.WithBlockParsers(blockParsers()...),
			parser.WithParagraphTransformers(util.Prioritized(rawParagraphs{}, 100)),
		)
	})
	return blocks
}

func blockParsers() []util.PrioritizedValue {
	return []util.PrioritizedValue{
		util.Prioritized(hiddenHeadings{parser.NewSetextHeadingParser()}, 100),
		util.Prioritized(parser.NewThematicBreakParser(), 200),
		util.Prioritized(listsAsParsed{parser.NewListParser()}, 300),
		util.Prioritized(parser.NewListItemParser(), 400),
		util.Prioritized(parser.NewCodeBlockParser(), 500),
		util.Prioritized(hiddenHeadings{slabHeadings{parser.NewATXHeadingParser()}}, 600),
		util.Prioritized(parser.NewFencedCodeBlockParser(), 700),
		util.Prioritized(parser.NewBlockquoteParser(), 800),
		util.Prioritized(parser.NewHTMLBlockParser(), 900),
		util.Prioritized(slabParagraphs{}, 1000),
	}
}

// slabParagraphs parses paragraphs as goldmark's paragraph parser does,
// but draws the nodes and their lines from slabs instead of allocating
// them one by one: a node and a growing line array per paragraph were
// two fifths of the parse's bytes and most of its allocations.
//
// The slabs outlive the parse: nothing in a Document points into the
// syntax tree, so once the builder is done with it parseWith clears the
// nodes it used and shelves the slabs (see checks/recycle) for the next
// parse. Fresh slabs sized for each parse were still a third of its
// bytes, and the collector's work on them a large share of a check's cost.
//
// The lines of the paragraph opened last run from next in the current
// array and grow into the rest of it, which nothing else has been given.
// When the next paragraph opens, the previous one is closed and will not
// grow again, so its lines' length (which a setext heading made of it
// shares) is where the new one's start. A paragraph that outgrows the
// array moves to one of its own, as any slice does.
type slabParagraphs struct{}

var slabKey = parser.NewContextKey()

type paragraphSlab struct {
	// nodes and lines are chunks, kept across parses; node and line say
	// which chunk is in use and used how many of its nodes were given out.
	nodes [][]ast.Paragraph
	lines []text.Segments
	node  int
	used  int
	line  int
	// next is where the lines of the next paragraph start in lines[line].
	next   int
	newest *ast.Paragraph

	// heads are chunks of ATX heading nodes, each chunk with a line array
	// as long, whose i-th line is the i-th node's only one.
	heads    []headingChunk
	head     int
	headUsed int
}

type headingChunk struct {
	nodes []ast.Heading
	lines text.Segments
}

var slabPool = recycle.New(newSlab)

// release clears the nodes given out, which point into the parse's tree,
// and makes every chunk free to give out again. Line arrays hold no
// pointers and are overwritten before they are read.
func (s *paragraphSlab) release() {
	for i := 0; i < s.node; i++ {
		clear(s.nodes[i])
	}
	if s.node >= 0 {
		clear(s.nodes[s.node][:s.used])
	}
	s.node, s.used, s.line, s.next, s.newest = -1, 0, -1, 0, nil
	for i := 0; i < s.head; i++ {
		clear(s.heads[i].nodes)
	}
	if s.head >= 0 {
		clear(s.heads[s.head].nodes[:s.headUsed])
	}
	s.head, s.headUsed = -1, 0
}

// heading gives out a heading node of level whose lines are line alone,
// or none when line is nil.
func (s *paragraphSlab) heading(level, left int, line *text.Segment) *ast.Heading {
	if s.head < 0 || s.headUsed == len(s.heads[s.head].nodes) {
		s.head++
		s.headUsed = 0
		if s.head == len(s.heads) {
			// Sized as the paragraph chunks are, for a heading every 20
			// lines of 40 bytes.
			n := clamp(left/1600+4, 4, 128)
			c := headingChunk{nodes: make([]ast.Heading, n)}
			c.lines.AppendAll(noSegments[:n])
			s.heads = append(s.heads, c)
		}
	}
	c := &s.heads[s.head]
	k := s.headUsed
	s.headUsed++
	node := &c.nodes[k]
	node.Level = level
	if line != nil {
		lines := c.lines
		lines.SetSliced(k, k)
		lines.Append(*line)
		node.SetLines(&lines)
	}
	return node
}

func slabOf(pc parser.Context) *paragraphSlab {
	s, _ := pc.Get(slabKey).(*paragraphSlab)
	if s == nil {
		// A parse that did not come through parseWith: its slab is
		// garbage with its tree.
		s = newSlab()
		pc.Set(slabKey, s)
	}
	return s
}

func newSlab() *paragraphSlab { return &paragraphSlab{node: -1, line: -1, head: -1} }

// slabHeadings is goldmark's ATX heading parser with an Open of its own
// that draws the node and its line from the slabs: a node and a line
// array per heading were a sixth of the parse's bytes and half its
// allocations. It finds the heading's text as goldmark's Open does with
// no options set (no attributes; the IDs its Close would make are off
// too), which the tests that compare the parse with goldmark's plain one
// hold it to.
type slabHeadings struct{ parser.BlockParser }

func (slabHeadings) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	i := pos
	for i < len(line) && line[i] == '#' {
		i++
	}
	level := i - pos
	if i == pos || level > 6 {
		return nil, parser.NoChildren
	}
	_, at := reader.Position()
	left := len(reader.Source()) - at.Start
	if i == len(line) {
		// A lone run of '#' with no line ending after it; goldmark leaves
		// the reader where it is.
		return slabOf(pc).heading(level, left, nil), parser.NoChildren
	}
	l := util.TrimLeftSpaceLength(line[i:])
	if l == 0 {
		return nil, parser.NoChildren
	}
	start := min(i+l, len(line)-1)
	src := reader.Source()
	hl := text.NewSegment(segment.Start+start-segment.Padding, segment.Start+len(line)-segment.Padding)
	hl = hl.TrimRightSpace(src)
	if hl.Len() == 0 {
		reader.AdvanceToEOL()
		return slabOf(pc).heading(level, left, nil), parser.NoChildren
	}
	// A closing run of '#' is no part of the text when a space precedes
	// it; a text of nothing but '#' is empty.
	t := hl.Value(src)
	stop := len(t)
	if stop > 0 {
		j := stop - 1
		for t[j] == '#' && j > 0 {
			j--
		}
		if j == 0 && t[0] == '#' {
			reader.AdvanceToEOL()
			return slabOf(pc).heading(level, left, nil), parser.NoChildren
		}
		if j != stop-1 && util.IsSpace(t[j]) {
			stop = j - util.TrimRightSpaceLength(t[:j])
		}
	}
	hl.Stop = hl.Start + stop
	node := slabOf(pc).heading(level, left, &hl)
	reader.AdvanceToEOL()
	return node, parser.NoChildren
}

// noSegments gives a new line array its length without a second
// allocation: text.Segments can only be grown by copying from a slice.
var noSegments [1024]text.Segment

func (slabParagraphs) Trigger() []byte { return nil }

func (slabParagraphs) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	if util.IsBlank(line) {
		return nil, parser.NoChildren
	}
	s := slabOf(pc)
	if s.newest != nil {
		s.next += s.newest.Lines().Len()
	}
	// New chunks are sized for half the text left to parse: in the design
	// docs beside the project a paragraph line takes 63 bytes or more and
	// a paragraph 83 or more, so a chunk seldom outlasts its half. Chunks
	// kept from earlier parses are taken as they come.
	_, at := reader.Position()
	left := len(reader.Source()) - at.Start
	if s.line < 0 || s.next >= s.lines[s.line].Len() {
		s.line++
		s.next = 0
		if s.line == len(s.lines) {
			var lines text.Segments
			lines.AppendAll(noSegments[:clamp(left/128+8, 16, len(noSegments))])
			s.lines = append(s.lines, lines)
		}
	}
	if s.node < 0 || s.used == len(s.nodes[s.node]) {
		s.node++
		s.used = 0
		if s.node == len(s.nodes) {
			s.nodes = append(s.nodes, make([]ast.Paragraph, clamp(left/256+4, 4, 128)))
		}
	}
	node := &s.nodes[s.node][s.used]
	s.used++
	lines := s.lines[s.line]
	lines.SetSliced(s.next, s.next)
	lines.Append(segment)
	node.SetLines(&lines)
	s.newest = node
	reader.AdvanceToEOL()
	return node, parser.NoChildren
}

func (slabParagraphs) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, segment := reader.PeekLine()
	if util.IsBlank(line) {
		return parser.Close
	}
	node.Lines().Append(segment)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

// Close trims the lines as goldmark's parser does: the indentation of
// each, the trailing space of the last.
func (slabParagraphs) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	k := lines.Len()
	if k == 0 {
		node.Parent().RemoveChild(node.Parent(), node)
		return
	}
	src := reader.Source()
	for i := range k {
		seg := lines.At(i)
		lines.Set(i, seg.TrimLeftSpace(src))
	}
	last := lines.At(k - 1)
	lines.Set(k-1, last.TrimRightSpace(src))
}

func (slabParagraphs) CanInterruptParagraph() bool { return false }

func (slabParagraphs) CanAcceptIndentedLine() bool { return false }

// rawParagraphs runs as each paragraph closes. A parser with no inline
// parsers still walks every paragraph line by line after the block pass,
// making a text node per line: a third of the parse and of its
// allocations. Nothing here reads a paragraph's lines once it is closed
// (its span comes from its position and the next block's), so the
// transformer leaves it one empty line, which the walk skips at once.
// An empty line where its first line starts rather than none: a
// paragraph's position is the start of its first line, and the paragraph
// parser, which still closes the node, removes a paragraph with no lines.
// Keeping the node allocates nothing, where swapping in a raw node type
// would allocate one per paragraph. TestRawParagraphsMatchPlainParse holds
// the result to the plain parser's.
//
// A paragraph about to become a setext heading goes through the
// transformers too, and its lines become the heading's. Its closing line
// is the heading's underline, so a paragraph closed at such a line keeps
// its lines: at worst it is inline-walked.
type rawParagraphs struct{}

func (rawParagraphs) Transform(p *ast.Paragraph, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	lines := p.Lines()
	if mayDefineLink(lines, src) {
		parser.LinkReferenceParagraphTransformer.Transform(p, reader, pc)
		if p.Parent() == nil {
			return
		}
	}
	parent := p.Parent()
	if parent == nil {
		return
	}
	if line, _ := reader.PeekLine(); setextUnderline(line) {
		return
	}
	if lines.Len() == 0 {
		parent.RemoveChild(parent, p)
		return
	}
	at := lines.At(0).Start
	lines.SetSliced(0, 1)
	lines.Set(0, text.NewSegment(at, at))
}

// mayDefineLink reports whether a paragraph's first character other than
// white space is '[' (or it has none): a link reference definition can
// start nowhere else, and goldmark's transformer for them makes a block
// reader for every paragraph it is given, a tenth of the parse's bytes.
func mayDefineLink(lines *text.Segments, src []byte) bool {
	for i := range lines.Len() {
		// Padding stands for spaces, which would be skipped anyway.
		seg := lines.At(i)
		for _, c := range src[seg.Start:seg.Stop] {
			switch c {
			case ' ', '\t', '\n', '\r':
			case '[':
				return true
			default:
				return false
			}
		}
	}
	return true
}

// listsAsParsed is goldmark's list parser without what it does when a list
// closes: decide whether the list is tight and, if it is, replace each
// paragraph in it with a new text block, one allocation per item. Neither
// the tightness nor the node type is anything the document model reads
// (a list is a block and a place to look for code), and no other block
// parser looks at either.
type listsAsParsed struct{ parser.BlockParser }

func (listsAsParsed) Close(ast.Node, text.Reader, parser.Context) {}

// hiddenHeadings is one of goldmark's heading parsers, which also hides
// each heading it closes from the inline walk. The walk would make a text
// node per heading line, a tenth of the parse's bytes, only for titleText
// to join their text again; hiddenText reads the lines directly.
//
// Hiding allocates nothing: the last line's end is stored bitwise
// complemented. The walk reads nothing of a block whose first line starts
// at or after the end of its last line, and a negative end is that; no
// other parser reads a heading's lines once it is closed, and headingLine
// undoes the complement for the builder. Lines that hiddenText would not
// read exactly as the walk does (padded, or with an inner line not ending
// in "\n") stay as they are, to be walked.
type hiddenHeadings struct{ parser.BlockParser }

func (p hiddenHeadings) Close(n ast.Node, reader text.Reader, pc parser.Context) {
	p.BlockParser.Close(n, reader, pc)
	// A setext heading whose text turned out to be link reference
	// definitions has given way to a paragraph.
	if n.Parent() == nil {
		return
	}
	src := reader.Source()
	lines := n.Lines()
	k := lines.Len()
	if k == 0 {
		return
	}
	for i := range k {
		seg := lines.At(i)
		if seg.Padding != 0 || seg.ForceNewline || seg.Start < 0 || seg.Stop < seg.Start || seg.Stop > len(src) {
			return
		}
		if i < k-1 && (seg.Stop == seg.Start || src[seg.Stop-1] != '\n') {
			return
		}
	}
	last := lines.At(k - 1)
	last.Stop = ^last.Stop
	lines.Set(k-1, last)
}

// headingLine returns line i of a heading as its parser left it, hidden
// or not.
func headingLine(lines *text.Segments, i int) text.Segment {
	seg := lines.At(i)
	if seg.Stop < 0 {
		seg.Stop = ^seg.Stop
	}
	return seg
}

func isHidden(h *ast.Heading) bool {
	lines := h.Lines()
	return lines.Len() > 0 && lines.At(lines.Len()-1).Stop < 0
}

// hiddenText returns what plainText would return for a hidden heading had
// the inline walk, with no inline parsers, made its text nodes: a node per
// line up to its line ending, less a hard line break's marker, trailing
// spaces trimmed unless the break is a backslash, then a space for each
// line break.
func hiddenText(h *ast.Heading, src []byte) []byte {
	lines := h.Lines()
	k := lines.Len()
	if k == 1 {
		// An ATX heading: one line, no line ending, no break.
		seg := headingLine(lines, 0)
		line := src[seg.Start:seg.Stop]
		if len(line) == 0 || line[len(line)-1] != '\n' {
			return line[:len(line)-util.TrimRightSpaceLength(line)]
		}
	}
	var buf []byte
	for i := range k {
		seg := headingLine(lines, i)
		line := src[seg.Start:seg.Stop]
		n := len(line)
		if n == 0 {
			continue
		}
		nl := line[n-1] == '\n'
		// Every line ending is a break, soft or hard; a hard one's marker
		// is not text.
		backslash := false
		switch {
		case !nl:
		case n >= 3 && line[n-2] == '\\' && line[n-3] != '\\' || n == 2 && line[n-2] == '\\':
			n, backslash = n-2, true
		case n >= 4 && line[n-3] == '\\' && line[n-2] == '\r' && line[n-4] != '\\' || n == 3 && line[n-3] == '\\' && line[n-2] == '\r':
			n, backslash = n-3, true
		case n >= 3 && line[n-3] == ' ' && line[n-2] == ' ':
			n -= 3
		case n >= 4 && line[n-4] == ' ' && line[n-3] == ' ' && line[n-2] == '\r':
			n -= 4
		}
		t := line[:n]
		if j := bytes.IndexByte(t, '\n'); j >= 0 {
			t = t[:j]
		}
		if !backslash {
			t = t[:len(t)-util.TrimRightSpaceLength(t)]
		}
		buf = append(buf, t...)
		if nl {
			buf = append(buf, ' ')
		}
	}
	return buf
}

// setextUnderline reports a line of only '=' or only '-' after up to three
// spaces, trailing spaces allowed: the line that makes a setext heading.
func setextUnderline(line []byte) bool {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	if i >= len(line) || line[i] != '=' && line[i] != '-' {
		return false
	}
	c := line[i]
	for i < len(line) && line[i] == c {
		i++
	}
	for ; i < len(line); i++ {
		if line[i] != ' ' && line[i] != '\t' && line[i] != '\n' && line[i] != '\r' {
			return false
		}
	}
	return true
}

// inlineParser returns plain CommonMark, built on the first heading that
// needs it. Both parsers come from goldmark/parser alone: the goldmark
// package itself would link its HTML renderer, whose package init every
// run would pay for nothing.
func inlineParser() parser.Parser {
	inlineOnce.Do(func() {
		inline = parser.NewParser(
			parser.WithBlockParsers(parser.DefaultBlockParsers()...),
			parser.WithInlineParsers(parser.DefaultInlineParsers()...),
			parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
		)
	})
	return inline
}

// Parse parses src. It never fails: any byte sequence is a document.
func Parse(name string, src []byte) *Document {
	return parseWith(blockParser(), name, src)
}

func parseWith(p parser.Parser, name string, src []byte) *Document {
	d := &Document{Name: name, Src: src, Lines: NewLineIndex(src)}
	base := d.parseFrontMatter()
	body := normalizeCR(src[base:])
	pc := parser.NewContext()
	slab := slabPool.Get()
	pc.Set(slabKey, slab)
	root := p.Parse(text.NewReader(body), parser.WithContext(pc))
	b := builder{d: d, base: base, size: len(src), body: body}
	b.build(root)
	// The tree is dead once built from: nothing in d points into it.
	slab.release()
	slabPool.Put(slab, len(src))
	return d
}

// normalizeCR returns src with every lone "\r" turned into "\n". CommonMark
// ends a line at a lone CR but goldmark does not; the substitution keeps every
// offset, so spans into the copy are spans into the original. The copy is made
// only when a lone CR exists.
func normalizeCR(src []byte) []byte {
	var out []byte
	for i := bytes.IndexByte(src, '\r'); i >= 0 && i < len(src); {
		if i+1 >= len(src) || src[i+1] != '\n' {
			if out == nil {
				out = bytes.Clone(src)
			}
			out[i] = '\n'
		}
		j := bytes.IndexByte(src[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	if out == nil {
		return src
	}
	return out
}

type builder struct {
	d    *Document
	base int
	size int
	// body is the text goldmark parsed: the source after base, lone CRs
	// made line feeds.
	body []byte
	// titles holds every section's title, one after another, so that the
	// titles are substrings of one string instead of a string each. It is
	// sized beforehand for the heading lines' bytes, which a title does
	// not outgrow but for a few character references (and then it grows,
	// leaving the titles already taken where they are).
	titles strings.Builder
}

func (b *builder) span(n ast.Node) Span { return NodeSpan(n, b.base, b.size) }

// nearby bounds how far lineStart and nextLine scan for a line ending
// before they ask the line index. Most offsets they get are a few bytes
// from one, and a short scan beats a bisection of the index, whose every
// probe can miss the cache on a long document; the bound keeps a
// megabyte-long line from making the scans quadratic.
const nearby = 64

// lineStart returns the start of the line holding offset, as
// Lines.LineStart(Lines.Line(offset)) does.
func (b *builder) lineStart(off int) int {
	src := b.d.Src
	off = clamp(off, 0, b.size)
	// The "\n" of a "\r\n" belongs to the line of its "\r".
	if off < len(src) && src[off] == '\n' && off > 0 && src[off-1] == '\r' {
		off--
	}
	for i := off; i > 0 && i > off-nearby; i-- {
		if c := src[i-1]; c == '\n' || c == '\r' {
			return i
		}
		if i == 1 {
			return 0
		}
	}
	if off == 0 {
		return 0
	}
	return b.d.Lines.LineStart(b.d.Lines.Line(off))
}

// nextLine returns the start of the line after the one holding offset, or
// the end of the source, as the line index would.
func (b *builder) nextLine(off int) int {
	src := b.d.Src
	off = clamp(off, 0, b.size)
	for i := off; i < len(src) && i < off+nearby; i++ {
		switch src[i] {
		case '\n':
			return i + 1
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				return i + 2
			}
			return i + 1
		}
		if i == len(src)-1 {
			return b.size
		}
	}
	if off == len(src) {
		return b.size
	}
	l := b.d.Lines.Line(off)
	if l+1 >= b.d.Lines.Lines() {
		return b.size
	}
	return b.d.Lines.LineStart(l + 1)
}

func (b *builder) build(root ast.Node) {
	d := b.d
	d.Root = &Section{Index: -1, Body: Span{b.base, b.size}, Own: Span{b.base, b.size}}

	// Sized by a first pass over the top-level nodes, not grown: on a long
	// document growing them cost more than the pass.
	count, headings, titleBytes := 0, 0, 0
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		count++
		if h, ok := n.(*ast.Heading); ok {
			headings++
			if k := h.Lines().Len(); k > 0 {
				titleBytes += max(headingLine(h.Lines(), k-1).Stop-headingLine(h.Lines(), 0).Start, 0)
			}
		}
	}
	b.titles.Grow(titleBytes)
	d.Blocks = make([]Block, count)
	// Each block ends where the next begins, so every start is known
	// before any block is finished.
	i := 0
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		// Never before base: a byte order mark shares the first line.
		d.Blocks[i].Span.Start = max(b.lineStart(b.blockStart(n)), b.base)
		i++
	}
	// Keep starts monotonic even if goldmark reports something odd.
	next := b.size
	for i := count - 1; i >= 0; i-- {
		d.Blocks[i].Span.Start = min(d.Blocks[i].Span.Start, next)
		next = d.Blocks[i].Span.Start
	}

	// A section's own blocks are a run of d.Blocks: the blocks after its
	// heading up to the next heading. Each section's Blocks is that run of
	// the one array, capped so that appending to it cannot spill over.
	d.Sections = make([]*Section, 0, headings)
	sections := make([]Section, headings)
	own, ownFrom := d.Root, 0
	closeOwn := func(to int) {
		own.Blocks = d.Blocks[ownFrom:to:to]
		if len(own.Blocks) == 0 {
			own.Blocks = nil
		}
	}
	stack := []*Section{d.Root}
	i = 0
	for n := root.FirstChild(); n != nil; n, i = n.NextSibling(), i+1 {
		blk := &d.Blocks[i]
		start, end := blk.Span.Start, b.size
		if i+1 < count {
			end = d.Blocks[i+1].Span.Start
		}
		blk.Kind = kindOf(n)
		blk.Span.End = b.trimBlank(start, end)
		if blk.Kind == Paragraph && isTable(d.Src, blk.Span) {
			blk.Kind = Table
		}
		b.collectCode(n, end)
		h, ok := n.(*ast.Heading)
		if !ok {
			continue
		}
		s := &sections[len(d.Sections)]
		b.section(s, h, start, end)
		for len(stack) > 1 && stack[len(stack)-1].Level >= s.Level {
			top := stack[len(stack)-1]
			top.Body.End = start
			stack = stack[:len(stack)-1]
		}
		s.Parent = stack[len(stack)-1]
		if prev := len(d.Sections); prev > 0 {
			d.Sections[prev-1].Own.End = start
		} else {
			d.Root.Own.End = start
		}
		closeOwn(i)
		s.Index = len(d.Sections)
		d.Sections = append(d.Sections, s)
		stack = append(stack, s)
		own, ownFrom = s, i+1
	}
	closeOwn(count)
	for _, s := range stack[1:] {
		s.Body.End = b.size
	}
	if k := len(d.Sections); k > 0 {
		d.Sections[k-1].Own.End = b.size
	}
	linkChildren(d)
	b.collectComments()
}

// linkChildren fills in every section's Children, in document order, as
// runs of one array: appending to each parent's list as its sections came
// grew the long ones (a title's dozens of sections) many times over.
func linkChildren(d *Document) {
	if len(d.Sections) == 0 {
		return
	}
	// Parents by Index+1, so that the root is 0.
	counts := make([]int, len(d.Sections)+1)
	for _, s := range d.Sections {
		counts[s.Parent.Index+1]++
	}
	all := make([]*Section, len(d.Sections))
	off := 0
	for i, n := range counts {
		if n == 0 {
			continue
		}
		p := d.Root
		if i > 0 {
			p = d.Sections[i-1]
		}
		p.Children = all[off : off : off+n]
		off += n
	}
	for _, s := range d.Sections {
		s.Parent.Children = append(s.Parent.Children, s)
	}
}

// blockStart returns the offset at which a top-level block begins.
func (b *builder) blockStart(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return clamp(b.base+p, 0, b.size)
	}
	return b.span(n).Start
}

// trimBlank moves end back over trailing blank lines so that a block's span
// ends with its last line of content. A line is blank when bytes.TrimSpace
// leaves nothing of it, so Unicode spaces such as U+3000 count.
//
// It scans back for the last character that is not a space and ends the
// block with that character's line. Decoding backwards agrees with
// decoding each line forwards on whether the line is all spaces: a line of
// valid spaces decodes the same both ways, and anything invalid is a
// RuneError, which is no space either way.
func (b *builder) trimBlank(start, end int) int {
	src := b.d.Src
	i := end
	for i > start {
		if c := src[i-1]; c < utf8.RuneSelf {
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f' {
				break
			}
			i--
			continue
		}
		r, size := utf8.DecodeLastRune(src[start:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= size
	}
	if i == start {
		// Nothing but blank lines, which only a start inside a line (after
		// a byte order mark) makes differ from start.
		return b.trimBlankLines(start, end)
	}
	for j := i; j < end; j++ {
		switch src[j] {
		case '\n':
			return j + 1
		case '\r':
			if j+1 < end && src[j+1] == '\n' {
				return j + 2
			}
			return j + 1
		}
	}
	return end
}

// trimBlankLines is trimBlank line by line.
func (b *builder) trimBlankLines(start, end int) int {
	src := b.d.Src
	for end > start {
		l := b.d.Lines.Line(end - 1)
		ls := b.d.Lines.LineStart(l)
		if ls < start {
			break
		}
		if len(bytes.TrimSpace(src[ls:end])) != 0 {
			break
		}
		end = ls
	}
	return end
}

func (b *builder) section(s *Section, h *ast.Heading, start, next int) {
	src := b.d.Src
	// s is fresh from a zeroed slab: set fields one by one rather than
	// copy a whole Section over it.
	s.Level, s.Setext = h.Level, isSetext(h, src[b.base:])
	lines := h.Lines()
	end := b.nextLine(start)
	if lines.Len() > 0 {
		first, last := headingLine(lines, 0), headingLine(lines, lines.Len()-1)
		s.TitleSpan = Span{b.base + first.Start, b.base + last.Stop}.Clamp(b.size)
		end = b.nextLine(s.TitleSpan.End - 1)
		if s.TitleSpan.Empty() {
			end = b.nextLine(s.TitleSpan.Start)
		}
		if s.Setext {
			end = b.nextLine(end)
		}
	} else {
		s.TitleSpan = Span{start, start}
	}
	if end > next {
		end = next
	}
	s.Heading = Span{start, end}
	s.Body = Span{end, end}
	s.Own = Span{end, end}
	from := b.titles.Len()
	b.titles.Write(titleText(h, src[b.base:], b.body))
	s.Title = b.titles.String()[from:]
}

func isSetext(h *ast.Heading, src []byte) bool {
	lines := h.Lines()
	if lines.Len() == 0 {
		p := h.Pos()
		return p >= 0 && p < len(src) && src[p] != '#'
	}
	// An ATX heading has a '#' before its text on the same line.
	i := headingLine(lines, 0).Start - 1
	for i >= 0 && (src[i] == ' ' || src[i] == '\t') {
		i--
	}
	return i < 0 || src[i] != '#'
}

// titleText returns a heading's title as a reader sees it: its lines
// joined, markup dropped ("The *data* model" reads "The data model"). A
// title with no markup characters is its own text; one with them is parsed
// inline on its own, as the only line of an ATX heading. src is the source
// after the front matter; body is what goldmark parsed, whose line endings
// a hidden heading's text depends on.
func titleText(h *ast.Heading, src, body []byte) []byte {
	var raw []byte
	if isHidden(h) {
		raw = hiddenText(h, body)
	} else {
		raw = plainText(h, src, false)
	}
	raw = bytes.TrimSpace(raw)
	if bytes.IndexAny(raw, "*_`[]<>!\\&~") < 0 {
		return raw
	}
	line := append([]byte("# "), raw...)
	root := inlineParser().Parse(text.NewReader(line))
	if hd, ok := root.FirstChild().(*ast.Heading); ok {
		return bytes.TrimSpace(plainText(hd, line, true))
	}
	return raw
}

// plainText concatenates the text of n's inline children, dropping markup.
// With resolve set, backslash escapes and character references outside
// code spans read as what they stand for ("1\\." as "1.", "&amp;" as "&").
func plainText(n ast.Node, src []byte, resolve bool) []byte {
	var buf []byte
	var walk func(n ast.Node, code bool)
	walk = func(n ast.Node, code bool) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch v := c.(type) {
			case *ast.Text:
				seg := v.Segment
				if seg.Start >= 0 && seg.Stop <= len(src) && seg.Start <= seg.Stop {
					t := src[seg.Start:seg.Stop]
					if resolve && !code {
						t = util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(t)))
					}
					buf = append(buf, t...)
				}
				if v.SoftLineBreak() || v.HardLineBreak() {
					buf = append(buf, ' ')
				}
			case *ast.String:
				buf = append(buf, v.Value...)
			case *ast.RawHTML:
				// Inline HTML is markup, not title text.
			case *ast.CodeSpan:
				walk(c, true)
			default:
				walk(c, code)
			}
		}
	}
	walk(n, false)
	return buf
}

func kindOf(n ast.Node) BlockKind {
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return Paragraph
	case *ast.Heading:
		return Heading
	case *ast.List:
		return List
	case *ast.Blockquote:
		return Quote
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return Code
	case *ast.HTMLBlock:
		return HTML
	case *ast.ThematicBreak:
		return Rule
	}
	return Other
}

// collectCode records every code block at or below the top-level block n,
// which ends at limit: a fence left open inside a list item or block quote
// ends with its container, not at the end of the document.
func (b *builder) collectCode(n ast.Node, limit int) {
	switch n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		start := b.lineStart(b.blockStart(n))
		end := b.span(n).End
		if fc, ok := n.(*ast.FencedCodeBlock); ok {
			end = min(b.fenceEnd(fc, start, end), limit)
		} else if end > start {
			end = b.nextLine(end - 1)
		}
		if end < start {
			end = start
		}
		// Keep Code sorted and disjoint, which InCode's bisection needs,
		// even if goldmark reports blocks that share a line.
		if k := len(b.d.Code); k > 0 && start < b.d.Code[k-1].End {
			b.d.Code[k-1].Start = min(b.d.Code[k-1].Start, start)
			b.d.Code[k-1].End = max(b.d.Code[k-1].End, end)
			return
		}
		b.d.Code = append(b.d.Code, Span{start, end})
		return
	case *ast.Paragraph, *ast.Heading, *ast.HTMLBlock, *ast.ThematicBreak:
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() == ast.TypeBlock {
			b.collectCode(c, limit)
		}
	}
}

// fenceEnd finds the end of the closing fence line of fc, or the end of the
// source when the fence is never closed.
func (b *builder) fenceEnd(fc *ast.FencedCodeBlock, start, contentEnd int) int {
	src := b.d.Src
	open := start
	for open < len(src) && (src[open] == ' ' || src[open] == '\t' || src[open] == '>') {
		open++
	}
	if open >= len(src) {
		return b.size
	}
	ch := src[open]
	n := 0
	for open+n < len(src) && src[open+n] == ch {
		n++
	}
	// Search from the line after the last content line (or after the opening
	// line when the block is empty) for a line that closes the fence.
	line := b.d.Lines.Line(start) + 1
	if contentEnd > start {
		line = b.d.Lines.Line(contentEnd-1) + 1
		if fc.Lines().Len() == 0 {
			line = b.d.Lines.Line(start) + 1
		}
	}
	for ; line < b.d.Lines.Lines(); line++ {
		ls := b.d.Lines.LineStart(line)
		le := b.d.Lines.LineEnd(src, line)
		t := bytes.TrimLeft(src[ls:le], " \t>")
		k := 0
		for k < len(t) && t[k] == ch {
			k++
		}
		if k >= n && len(bytes.TrimSpace(t[k:])) == 0 {
			return b.nextLine(ls)
		}
	}
	return b.size
}

var commentOpen = []byte("<!--")

// collectComments finds HTML comments outside code blocks and code spans.
func (b *builder) collectComments() {
	src := b.d.Src
	code := b.d.Code
	ci := 0
	for i := b.base; i < len(src); {
		k := bytes.Index(src[i:], commentOpen)
		if k < 0 {
			return
		}
		start := i + k
		for ci < len(code) && code[ci].End <= start {
			ci++
		}
		if ci < len(code) && code[ci].Contains(start) {
			i = code[ci].End
			continue
		}
		end := len(src)
		if e := bytes.Index(src[start+4:], []byte("-->")); e >= 0 {
			end = start + 4 + e + 3
		}
		if !inCodeSpan(src, b.lineStart(start), start) {
			b.d.Comments = append(b.d.Comments, Span{start, end})
		}
		i = end
	}
}

// inCodeSpan reports whether pos follows an odd number of backticks on its
// line, which is how a comment written as `<!-- x -->` looks.
func inCodeSpan(src []byte, lineStart, pos int) bool {
	return bytes.Count(src[lineStart:pos], []byte("`"))%2 == 1
}

// parseFrontMatter finds a YAML front matter block at the top of the source
// and returns the offset at which the Markdown after it begins.
func (d *Document) parseFrontMatter() int {
	src := d.Src
	start := 0
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		start = 3
	}
	if !isDelimLine(src, start, d.Lines.LineEnd(src, 0), "---") {
		// A byte order mark is not text: goldmark would read "\uFEFF# X"
		// as a paragraph.
		return start
	}
	for line := 1; line < d.Lines.Lines(); line++ {
		ls := d.Lines.LineStart(line)
		le := d.Lines.LineEnd(src, line)
		if isDelimLine(src, ls, le, "---") || isDelimLine(src, ls, le, "...") {
			end := len(src)
			if line+1 < d.Lines.Lines() {
				end = d.Lines.LineStart(line + 1)
			}
			d.FrontMatter = Span{0, end}
			d.FrontMatterBody = Span{d.Lines.LineStart(1), ls}
			return end
		}
	}
	return 0
}

func isDelimLine(src []byte, start, end int, delim string) bool {
	if start > end {
		return false
	}
	return string(bytes.TrimRight(src[start:end], " \t")) == delim
}

// Text returns the source bytes of s.
func (d *Document) Text(s Span) []byte {
	s = s.Clamp(len(d.Src))
	return d.Src[s.Start:s.End]
}

// Title returns the first level-1 section, or nil.
func (d *Document) Title() *Section {
	for _, s := range d.Sections {
		if s.Level == 1 {
			return s
		}
	}
	return nil
}

// SectionAt returns the innermost section whose heading or body holds
// offset, or the root.
func (d *Document) SectionAt(offset int) *Section {
	var best *Section = d.Root
	for _, s := range d.Sections {
		if s.Heading.Start > offset {
			break
		}
		if offset < s.Body.End || (offset == s.Body.End && s.Body.End == len(d.Src)) {
			best = s
		}
	}
	return best
}

// InCode reports whether offset lies inside a code block.
func (d *Document) InCode(offset int) bool {
	// Code is sorted and its spans do not overlap: bisect for the last
	// block starting at or before offset.
	lo, hi := 0, len(d.Code)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if d.Code[mid].Start <= offset {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo > 0 && d.Code[lo-1].Contains(offset)
}

// isTable reports whether the paragraph at span is a GFM table: its second
// line is a delimiter row such as "| --- | :---: |" with as many cells as
// the header row has.
func isTable(src []byte, span Span) bool {
	text := src[span.Start:span.End]
	nl := bytes.IndexByte(text, '\n')
	if nl < 0 {
		return false
	}
	header := bytes.TrimRight(text[:nl], "\r")
	rest := text[nl+1:]
	if k := bytes.IndexByte(rest, '\n'); k >= 0 {
		rest = rest[:k]
	}
	delim := bytes.TrimSpace(bytes.TrimRight(rest, "\r"))
	// Most paragraphs' second line is text: reject it before splitting.
	for _, c := range delim {
		if c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t' {
			return false
		}
	}
	// The row holds no backslash, so every pipe in it splits.
	row := outerPipes(delim)
	cells := 0
	for {
		cell, more, found := bytes.Cut(row, []byte("|"))
		cell = bytes.TrimSpace(cell)
		cell = bytes.TrimPrefix(cell, []byte(":"))
		cell = bytes.TrimSuffix(cell, []byte(":"))
		if len(cell) == 0 || len(bytes.Trim(cell, "-")) != 0 {
			return false
		}
		cells++
		if !found {
			break
		}
		row = more
	}
	if cells != tableCells(bytes.TrimSpace(header)) {
		return false
	}
	// A lone "---" under a line is a setext heading, not a table.
	return cells > 1 || bytes.IndexByte(delim, '|') >= 0
}

// outerPipes drops a table row's optional outer pipes.
func outerPipes(row []byte) []byte {
	row = bytes.TrimPrefix(row, []byte("|"))
	if bytes.HasSuffix(row, []byte("|")) && !bytes.HasSuffix(row, []byte("\\|")) {
		row = row[:len(row)-1]
	}
	return row
}

// tableCells counts the cells of a table row, split on unescaped pipes.
func tableCells(row []byte) int {
	row = outerPipes(row)
	n := 1
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return n
}
