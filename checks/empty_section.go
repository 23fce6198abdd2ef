package checks

import (
	"github.com/designls/designls/checks/doc"
)

// EmptySection reports headings with nothing under them.
var EmptySection = &Check{
	ID:       "empty-section",
	Title:    "Heading with no content",
	Severity: Warning,
	Doc: `Reports a heading whose section has no content: no text, list, table or code before the
next heading, and no subsections. HTML comments do not count as content.

## Why interviewers care

An empty heading promises an answer the document does not give. In a practice answer it is
usually a section you meant to come back to; an interviewer reads it as a gap.

## Example

Before:

` + "```markdown" + `
## Consistency

## Rollout
` + "```" + `

After:

` + "```markdown" + `
## Consistency

Writes go to the Raft leader and commit on a majority; reads are linearizable.
` + "```" + `

## Fix

Write the section, or delete the heading.

## Disable

` + "`<!-- designls-disable-next-line empty-section -->`" + ` above the heading, or
` + "`severity: {empty-section: off}`" + ` in ` + "`.designls.yaml`" + `.`,
	Run: func(pass *Pass) {
		for _, s := range pass.Doc.Sections {
			if len(s.Children) == 0 && !hasContent(s) {
				title := s.Title
				if title == "" {
					pass.Reportf(s.Heading, "empty heading with no content")
					continue
				}
				pass.Reportf(s.TitleSpan, "section %q has no content", title)
			}
		}
	},
}

// hasContent reports whether s has any block of its own besides comments.
func hasContent(s *doc.Section) bool {
	for _, b := range s.Blocks {
		if b.Kind != doc.HTML {
			return true
		}
	}
	return false
}
