package checks

import (
	"bytes"
	"slices"

	"github.com/designls/designls/checks/doc"
)

// Placeholder reports text left for later: TODO and friends, fill-in
// prompts, and unedited template prompts.
var Placeholder = &Check{
	ID:       "placeholder",
	Title:    "Placeholder left in the document",
	Severity: Warning,
	Doc: `Reports text that stands in for an answer: the markers TODO, TBD, FIXME and XXX (in capitals, as
words), fill-in prompts in angle brackets such as ` + "`<describe the write path>`" + `, and the prompts
that designls's own section templates insert (` + "`- TODO: ...`" + `). Code blocks, inline code and
HTML comments are not checked.

A section holding nothing but placeholders does not cover its concern: designls reports its
prompts here instead of reporting the concern as missing.

## Why interviewers care

A placeholder is an unanswered question. In a mock round it is the first thing the
interviewer picks up on.

## Example

Before:

` + "```markdown" + `
## SLO

- TODO: Availability target over a window and p99 latency with a unit.
` + "```" + `

After:

` + "```markdown" + `
## SLO

99.95% of flag evaluations succeed per 30 days; p99 evaluation latency < 5 ms.
` + "```" + `

## Fix

Replace the placeholder with the answer.

## Disable

` + "`<!-- designls-disable placeholder -->`" + ` for the rest of a section, or
` + "`severity: {placeholder: off}`" + ` in ` + "`.designls.yaml`" + `.`,
	Run: func(pass *Pass) {
		d := pass.Doc
		hits := placeholderHits(d.Src)
		if len(hits) == 0 {
			return
		}
		for _, b := range d.Blocks {
			switch b.Kind {
			case doc.Code, doc.HTML, doc.Heading:
				continue
			}
			forEachPlaceholderHit(d, b.Span, hits, func(s Span, what string) {
				pass.Reportf(s, "placeholder left in the document: %s", what)
			})
		}
		for _, s := range d.Sections {
			forEachPlaceholderHit(d, s.TitleSpan, hits, func(sp Span, what string) {
				pass.Reportf(sp, "placeholder left in a heading: %s", what)
			})
		}
	},
}

var placeholderWords = [][]byte{[]byte("TODO"), []byte("TBD"), []byte("FIXME"), []byte("XXX")}

// forEachPlaceholder calls fn for each placeholder in span, skipping inline
// code, comments and nested code blocks. A placeholder at the start of a
// line covers the rest of that line, so that a prompt is one finding.
func forEachPlaceholder(d *doc.Document, span Span, fn func(Span, string)) {
	src := d.Src
	line := d.Lines.Line(span.Start)
	for ; line < d.Lines.Lines(); line++ {
		ls := d.Lines.LineStart(line)
		if ls >= span.End {
			return
		}
		le := d.Lines.LineEnd(src, line)
		if d.InCode(ls) {
			continue
		}
		scanLine(src, max(ls, span.Start), min(le, span.End), d, fn)
	}
}

// placeholderHits returns, in order, every offset of d's source where
// scanLine may find a placeholder: each "<" and each occurrence of a
// placeholder word. A line holding none of them holds no placeholder, and
// most lines hold none; the searches below are vectorised and much cheaper
// than reading each line byte by byte.
func placeholderHits(src []byte) []int {
	var hits []int
	for i := 0; ; i++ {
		k := bytes.IndexByte(src[i:], '<')
		if k < 0 {
			break
		}
		i += k
		hits = append(hits, i)
	}
	for _, w := range placeholderWords {
		// Overlapping matches too ("XXXX" holds "XXX" twice), so that no
		// place scanLine could match is left out.
		for i := 0; ; i++ {
			k := bytes.Index(src[i:], w)
			if k < 0 {
				break
			}
			i += k
			hits = append(hits, i)
		}
	}
	// One sorted run per search; there are few hits.
	slices.Sort(hits)
	return hits
}

// forEachPlaceholderHit is forEachPlaceholder reading only the lines of
// span that hold one of hits (from placeholderHits): the others cannot
// hold a placeholder, so the findings and their order are the same.
func forEachPlaceholderHit(d *doc.Document, span Span, hits []int, fn func(Span, string)) {
	src := d.Src
	k, _ := slices.BinarySearch(hits, span.Start)
	for k < len(hits) && hits[k] < span.End {
		line := d.Lines.Line(hits[k])
		ls, le := d.Lines.LineStart(line), d.Lines.LineEnd(src, line)
		if !d.InCode(ls) {
			scanLine(src, max(ls, span.Start), min(le, span.End), d, fn)
		}
		// Each line is read once, however many hits it holds.
		for k < len(hits) && hits[k] < le {
			k++
		}
	}
}

func scanLine(src []byte, start, end int, d *doc.Document, fn func(Span, string)) {
	ticks := 0
	for i := start; i < end; i++ {
		c := src[i]
		if !placeholderLead[c] {
			continue
		}
		switch {
		case c == '`':
			ticks++
		case ticks%2 == 1:
		case c == '<' && i+4 <= end && bytes.HasPrefix(src[i:end], []byte("<!--")):
			k := bytes.Index(src[i:end], []byte("-->"))
			if k < 0 {
				return
			}
			i += k + 2
		case c == '<':
			if j := fillIn(src[i:end]); j > 0 {
				fn(Span{Start: i, End: i + j}, string(src[i:i+j]))
				i += j - 1
			}
		case c == 'T' || c == 'F' || c == 'X':
			for _, w := range placeholderWords {
				if isWordAt(src, start, end, i, w) {
					stop := i + len(w)
					what := string(w)
					// "TODO: ..." opening a line or list item is one
					// prompt: report the whole line.
					if stop < end && src[stop] == ':' && onlyMarkersBefore(src, start, i) {
						stop = end
						what = string(bytes.TrimSpace(src[i:end]))
					}
					fn(Span{Start: i, End: stop}, what)
					i = stop - 1
					break
				}
			}
		}
	}
}

// placeholderLead marks the bytes scanLine acts on; it skips the rest.
var placeholderLead = [256]bool{'`': true, '<': true, 'T': true, 'F': true, 'X': true}

func isWordAt(src []byte, start, end, i int, w []byte) bool {
	if !bytes.HasPrefix(src[i:end], w) {
		return false
	}
	if i > start && isWordByte(src[i-1]) {
		return false
	}
	j := i + len(w)
	return j >= end || !isWordByte(src[j])
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// onlyMarkersBefore reports whether src[start:i] holds only list, quote or
// emphasis markers and spaces.
func onlyMarkersBefore(src []byte, start, i int) bool {
	for _, c := range src[start:i] {
		switch c {
		case ' ', '\t', '-', '*', '+', '>', '_', '[', ']':
		default:
			if c < '0' || c > '9' {
				if c != '.' && c != ')' {
					return false
				}
			}
		}
	}
	return true
}

// fillIn returns the length of a fill-in prompt such as "<describe the
// API>" at the start of b, or 0. A prompt is lower-case words with at least
// one space between them: that leaves out HTML tags, autolinks and generics
// such as List<String>.
func fillIn(b []byte) int {
	if len(b) < 4 || b[1] < 'a' || b[1] > 'z' {
		return 0
	}
	spaces := 0
	for j := 1; j < len(b) && j < 120; j++ {
		switch c := b[j]; {
		case c == '>':
			if spaces == 0 || b[j-1] == ' ' {
				return 0
			}
			return j + 1
		case c == ' ':
			spaces++
		case c == '=' || c == '"' || c == '/' || c == ':' || c == '<':
			return 0 // an attribute, a URL or a closing tag
		}
	}
	return 0
}
