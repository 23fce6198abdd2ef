// Package doc owns the document model that every check reads: a Markdown file
// parsed once with goldmark into a tree of sections with byte spans, plus the
// front matter, code fences and HTML comments that checks must treat
// differently from prose.
//
// Every position in this package is a half-open byte offset into the source.
// Conversions to lines and columns (LineIndex) happen only for output; the
// language server converts to UTF-16 in its own layer.
package doc
