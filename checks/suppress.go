package checks

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/designls/designls/checks/doc"
)

// A suppression silences checks over a span: `<!-- designls-disable IDs -->`
// from where it stands to the end of the section that holds it, and on
// that section's heading, `<!-- designls-disable-next-line
// IDs -->` on the next line that has text. With no IDs, every check. An ID
// may name one concern or rubric part of a check: "missing-section/slo",
// "missing-part/timeline".
type suppression struct {
	span Span
	ids  []string // empty: all
}

type suppressionSet []suppression

func suppressions(d *doc.Document) suppressionSet {
	var set suppressionSet
	for _, c := range d.Comments {
		text := d.Text(c)
		inner := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(string(text), "<!--"), "-->"))
		var nextLine bool
		switch {
		case strings.HasPrefix(inner, "designls-disable-next-line"):
			inner, nextLine = inner[len("designls-disable-next-line"):], true
		case strings.HasPrefix(inner, "designls-disable"):
			inner = inner[len("designls-disable"):]
		default:
			continue
		}
		if inner != "" && inner[0] != ' ' && inner[0] != '\t' && inner[0] != '\n' && inner[0] != '\r' {
			continue // some other directive, such as designls-disabled
		}
		ids := strings.FieldsFunc(inner, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
		s := suppression{ids: ids}
		if nextLine {
			s.span = nextTextLine(d, c.End)
		} else {
			sec := d.SectionAt(c.Start)
			s.span = Span{Start: c.Start, End: sec.Body.End}
			// The section's heading too: findings about a whole section
			// (a follow-up question, a missing concern under the title)
			// sit on its heading, above the comment.
			if !sec.Heading.Empty() {
				set = append(set, suppression{span: sec.Heading, ids: ids})
			}
		}
		set = append(set, s)
	}
	return set
}

// nextTextLine returns the first line after offset that is not blank.
func nextTextLine(d *doc.Document, offset int) Span {
	line := d.Lines.Line(offset) + 1
	for ; line < d.Lines.Lines(); line++ {
		start, end := d.Lines.LineStart(line), d.Lines.LineEnd(d.Src, line)
		if len(bytes.TrimSpace(d.Src[start:end])) > 0 {
			return Span{Start: start, End: end + 1}
		}
	}
	return Span{}
}

func (set suppressionSet) suppressed(dg Diagnostic) bool {
	for _, s := range set {
		if !s.span.Contains(dg.Span.Start) {
			continue
		}
		if len(s.ids) == 0 {
			return true
		}
		for _, id := range s.ids {
			if id == dg.Check || (dg.Concern != "" && id == dg.Check+"/"+string(dg.Concern)) || (dg.Part != "" && id == dg.Check+"/"+dg.Part) {
				return true
			}
		}
	}
	return false
}

func decodeRune(b []byte) (rune, int) {
	r, size := utf8.DecodeRune(b)
	if size == 0 {
		size = 1
	}
	return r, size
}
