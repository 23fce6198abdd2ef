// Package edit owns text edits: byte-span replacements, the one function that
// applies them, and the conversion of "old text, new text" into minimal edits
// and unified diffs (both through go-diff).
package edit
