// Command designls reviews Markdown system-design docs: which expected
// concerns they cover, what is missing, and sections to insert.
//
// This package owns the command line only: flags, which files to read,
// output formats and exit codes. What is wrong with a document is decided in
// package checks; configuration is package internal/config.
//
// Subcommands register from init (see register in main.go). serve.go adds
// "serve", which links no part of the language server: it finds the
// designls-lsp binary (beside this executable, then on PATH) and replaces
// this process with it (on Windows, runs it and passes its exit code on).
// Keeping the protocol libraries out of this binary keeps every other
// command's start-up short; a test in internal/arch enforces it.
//
// Exit codes of check: 0 when no finding is at or above --fail-on (default
// warning), 1 when one is, 2 for a usage error, an invalid config, or a file
// that could not be checked. Every other file is still checked and reported
// when one fails. A file cannot be checked when it is missing, unreadable,
// not a regular file, binary (it holds a NUL byte: "PATH: binary file, not
// Markdown") or larger than 4 MiB. A folder holding no Markdown to check is
// said so on stderr but is not an error. fix, new, templates, explain,
// review and drills use 0 and 2 only: a review's findings are its output,
// not a failure. review colours its text only when stdout is a terminal and
// NO_COLOR is unset or empty.
//
// Lines and columns in text and JSON output are 1-based and columns count
// bytes; an end column is just past the last byte. SARIF counts columns in
// Unicode code points (columnKind unicodeCodePoints), since it has no byte
// columns.
package main
