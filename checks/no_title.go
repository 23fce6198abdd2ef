package checks

// NoTitle reports a document without a level-1 heading.
var NoTitle = &Check{
	ID:       "no-title",
	Title:    "No title",
	Severity: Information,
	Doc: `Reports a document with no level-1 heading (` + "`# Title`" + ` or a setext ` + "`===`" + ` heading).

## Why interviewers care

The title states what is being designed. A design answer that starts without one makes the
reader guess the prompt, and tools that index documents (editors' outlines, search) show it
as untitled.

## Example

Before:

` + "```markdown" + `
## API
` + "```" + `

After:

` + "```markdown" + `
# Rate limiter for the public API

## API
` + "```" + `

## Fix

Add a level-1 heading at the top that names the system.

## Disable

` + "`severity: {no-title: off}`" + ` in ` + "`.designls.yaml`" + `.`,
	Run: func(pass *Pass) {
		if pass.Doc.Title() == nil {
			pass.Reportf(titleAnchor(pass), "document has no title (a level-1 heading)")
		}
	},
}
