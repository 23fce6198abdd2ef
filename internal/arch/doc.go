// Package arch holds no code: its test enforces the import direction of
// STYLE.md, so that the analysis core never grows a dependency on the
// protocol layer or the command line, and the command line (which starts
// for every check) never links the protocol libraries.
package arch
