// Command designls-lsp is designls's language server: it speaks the
// Language Server Protocol on stdin and stdout until the client sends
// shutdown and exit. Editors usually start it as `designls serve`, which
// finds this binary and replaces itself with it.
//
// It is a binary of its own so that the command line stays small: the
// protocol libraries (go.lsp.dev/protocol pulls in zap, which pulls in
// net/http and crypto/tls) cost milliseconds of package initialisation at
// every start, and `designls check` runs far more often than a server
// starts. This package owns only the process: flags, the version, exit
// codes. Everything the server does is package lsp.
//
// Exit codes: 0 after shutdown followed by exit (or the end of input), 1
// when the session ended without shutdown or failed, 2 for a usage error.
package main
