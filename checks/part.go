package checks

import (
	"strings"

	"github.com/designls/designls/checks/doc"
)

// Part is something a rubric needs that is not one of the 16 concerns: the
// timeline of a postmortem, the mitigation of an incident walk-through, the
// lessons of a behavioural story. Parts are data, declared in parts.go and
// named by rubrics' requirements; their IDs are unique within a rubric and
// appear in diagnostics (Diagnostic.Part) and scorecards, never among the
// 16 concerns of Coverage.
//
// A part is covered by a section whose heading holds one of Headings (and
// none of NotHeadings) and that has content of its own, or in passing by
// Evidence phrases in the prose. Matching follows the phrases rules: lower
// case, a trailing "*" for any ending.
type Part struct {
	ID   string
	Name string
	// Covered says what covering the part means, for people.
	Covered string
	// Headings are words that make a section about the part.
	Headings []string
	// NotHeadings veto a heading match: "Customer-facing summary" is not
	// the summary.
	NotHeadings []string
	// Evidence are phrases that cover the part in passing; MinEvidence
	// distinct ones are needed (at least one).
	Evidence    []string
	MinEvidence int
	// Lead makes the prose between the title and the first section count as
	// the part, as a summary or a story's opening situation does.
	Lead bool
	// Template is the heading, in the rubric's document template, of the
	// section that answers the part: the missing-part fix inserts it.
	Template string
	// Quantified parts must state a figure (unquantified-result).
	Quantified bool
}

// PartFinding is the detected state of one part in one document, shaped
// like a concern's Finding.
type PartFinding struct {
	Part  *Part
	State State
	// Section is the covering section, or the one holding the evidence.
	Section *Section
	// Span is the covering heading, or the first evidence phrase.
	Span     Span
	Evidence string
	// Pending is a section about the part that holds nothing but prompts
	// or placeholders: the part is still missing, but nothing should insert
	// another section for it.
	Pending *Section
}

// PartCoverage holds one PartFinding per part of a rubric, by part ID.
type PartCoverage map[string]*PartFinding

// Get returns the finding for the part with the given ID, or a Missing one.
func (pc PartCoverage) Get(id string) *PartFinding {
	if f, ok := pc[id]; ok && f != nil {
		return f
	}
	return &PartFinding{}
}

// minPartWords is how many words a section about a part needs to cover it:
// a heading over "TBD" or prompts covers nothing.
const minPartWords = 4

// detectParts finds each part the rubric requires.
func detectParts(d *doc.Document, t *proseText, r *Rubric) PartCoverage {
	pc := PartCoverage{}
	for _, q := range r.Requires {
		if q.Part != nil {
			pc[q.Part.ID] = detectPart(d, t, q.Part)
		}
	}
	return pc
}

func detectPart(d *doc.Document, t *proseText, p *Part) *PartFinding {
	f := &PartFinding{Part: p}
	title := d.Title()
	for _, s := range d.Sections {
		if s == title || s.TitleSpan.Empty() {
			continue
		}
		// The template's own heading marks a section as the part's place,
		// but only heading words or evidence say the part is answered:
		// "Consumers and use cases" may never choose between REST and gRPC.
		named := headingMatches(s, p)
		placed := p.Template != "" && strings.EqualFold(strings.TrimSpace(s.Title), p.Template)
		if !named && !placed {
			continue
		}
		words := sectionWords(d, t, s)
		if named && words >= minPartWords {
			f.State, f.Section, f.Span, f.Evidence = Covered, s, s.Heading, s.Title
			f.Pending = nil
			return f
		}
		if words < minPartWords && f.Pending == nil {
			f.Pending = s
		}
	}
	if p.Lead && title != nil {
		lead := Span{Start: title.Own.Start, End: title.Own.End}
		if n := countWords(t.b, evidenceBlocks(d, lead)); n >= 15 {
			f.State, f.Section, f.Evidence = Mentioned, title, "the opening paragraphs"
			f.Span = evidenceBlocks(d, lead)[0]
			f.Pending = nil
			return f
		}
	}
	need := max(p.MinEvidence, 1)
	found, first := 0, Span{Start: -1}
	blocks := evidenceBlocks(d, Span{Start: 0, End: len(d.Src)})
	for _, e := range p.Evidence {
		for _, b := range blocks {
			if s, ok := t.findIn(b, e); ok {
				found++
				if first.Start < 0 || s.Start < first.Start {
					first = s
				}
				break
			}
		}
	}
	if found >= need {
		f.State, f.Span = Mentioned, first
		f.Section = d.SectionAt(first.Start)
		f.Evidence = string(d.Text(first))
		f.Pending = nil
	}
	return f
}

// headingMatches reports whether s's heading names part p. It reads the
// title itself: proseText blanks the titles of hollow sections, which are
// still where a part goes.
func headingMatches(s *Section, p *Part) bool {
	title := []byte(strings.ToLower(s.Title))
	all := Span{Start: 0, End: len(title)}
	return phrases(p.Headings).has(title, all) && !phrases(p.NotHeadings).has(title, all)
}

// evidenceBlocks returns the prose blocks inside span where a part's
// evidence may sit: paragraphs, lists and tables, not headings, code or
// quotes (a drill's prompt is quoted and must not answer itself).
func evidenceBlocks(d *doc.Document, span Span) []Span {
	var out []Span
	for s := range allSections(d) {
		if s.Own.End <= span.Start || s.Own.Start >= span.End {
			continue
		}
		for _, b := range s.Blocks {
			if b.Kind == doc.Paragraph || b.Kind == doc.List || b.Kind == doc.Table {
				if b.Span.Overlaps(span) {
					out = append(out, b.Span)
				}
			}
		}
	}
	if len(out) == 0 {
		out = append(out, Span{Start: span.Start, End: span.Start})
	}
	return out
}

// sectionWords counts the words of a section's prose and of its
// subsections, prompts and comments left out, placeholders not counted.
func sectionWords(d *doc.Document, t *proseText, s *Section) int {
	var blocks []Span
	for sec := range allSections(d) {
		if sec == s || (sec.Heading.Start >= s.Body.Start && sec.Heading.Start < s.Body.End) {
			for _, b := range sec.Blocks {
				if b.Kind != doc.Heading && b.Kind != doc.HTML {
					blocks = append(blocks, b.Span)
				}
			}
		}
	}
	return countWords(t.b, blocks)
}

// countWords counts words of two letters or more in the spans, leaving out
// the placeholder words; a run of CJK text counts one word per three bytes
// (one character).
func countWords(b []byte, spans []Span) int {
	n := 0
	for _, s := range spans {
		s = s.Clamp(len(b))
		for i := s.Start; i < s.End; {
			switch {
			case b[i] >= 0x80:
				n++
				i += 3
			case isPhraseWord(b[i]):
				j := i
				for j < s.End && isPhraseWord(b[j]) {
					j++
				}
				switch w := string(b[i:j]); {
				case len(w) < 2, w == "tbd", w == "todo", w == "tba", w == "fixme", w == "xxx", w == "na":
				default:
					n++
				}
				i = j
			default:
				i++
			}
		}
	}
	return n
}
