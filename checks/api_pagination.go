package checks

// APIPagination asks how list calls page through large results.
var APIPagination = &Check{
	ID:       "api-pagination",
	Title:    "List call with no pagination",
	Severity: Information,
	Doc: `In the section that covers the API, reports list calls (` + "`ListFlags`" + `, "returns a list of",
"list endpoint", ` + "`/search`" + `) when nothing in the document says how a caller pages through the
results: page tokens, cursors, page sizes, limit and offset, or a stream.

## Why interviewers care

A list call without pagination works in the demo and times out for the largest customer. Cursor
pagination with a maximum page size, and an ordering that is stable across pages, are what keep
list calls cheap as tenants grow.

## Example

Before:

` + "```markdown" + `
## API

ListRuns(pipeline) returns the runs of a pipeline, newest first.
` + "```" + `

After:

` + "```markdown" + `
## API

ListRuns(pipeline, page_size, page_token) returns up to page_size runs (default 50, at most 500),
newest first, and a next_page_token; tokens are opaque and stay valid for an hour.
` + "```" + `

## Fix

Give list calls a page size with a maximum and an opaque cursor, and say what order pages follow.

## Disable

` + "`<!-- designls-disable api-pagination -->`" + ` in the API section, or
` + "`severity: {api-pagination: off}`" + ` in ` + "`.designls.yaml`" + `.`,
	Run: runFollowUp(API, []ask{{
		question:  "How do list calls page through large results (a page token or cursor, a maximum page size)?",
		when:      listWords,
		whenCased: hasListCall,
		answers:   paginationWords,
		scope:     inDocument,
	}}),
}

var listWords = phrases{"list all", "lists all", "list endpoint*", "list call*", "list operation*", "list api*", "list request*",
	"returns a list", "return a list", "returns all", "return all", "get all", "fetch all", "search endpoint*", "search api", "/list", "/search"}

var paginationWords = phrases{"paginat*", "page token*", "page_token", "pagetoken", "next page*", "next_page*", "nextpagetoken", "cursor*",
	"continuation token*", "continue token*", "page size", "page_size", "pagesize", "per page", "per_page", "offset*", "max results", "maxresults",
	"stream*", "watch*"}
