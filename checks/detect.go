package checks

import (
	"strings"

	"github.com/designls/designls/checks/doc"
)

// Detect decides, for every concern, whether d covers it in a section of
// its own, mentions it substantively elsewhere, or misses it.
func Detect(d *doc.Document, v *Vocabulary) Coverage {
	cv := Coverage{}
	for _, c := range Concerns {
		cv[c.ID] = &Finding{Concern: c.ID}
	}
	for _, s := range d.Sections {
		title := strings.ToLower(s.Title)
		for _, c := range Concerns {
			f := cv[c.ID]
			if f.State == Covered {
				continue
			}
			for _, w := range v.Headings[c.ID] {
				if strings.Contains(title, w) {
					*f = Finding{Concern: c.ID, State: Covered, Section: s, Span: s.Heading, Evidence: s.Title}
					break
				}
			}
		}
	}
	return cv
}
