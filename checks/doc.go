// Package checks is designls's analysis core. It owns the vocabulary of
// design-doc concerns, their detection in a parsed document, the rubrics that
// say which concerns a kind of document needs, and the checks: values with a
// stable ID, documentation, a default severity and a run function that
// reports diagnostics with byte spans and fixes.
//
// It knows nothing of the language server protocol, logs nothing and reads
// no files: callers hand it a name and bytes and get a Result back.
package checks
