// Package lsp is designls's language server: the only package that speaks
// the Language Server Protocol. It owns the JSON-RPC framing, the server's
// lifecycle, the store of open documents and their versions, the Mapper
// between the core's byte offsets and protocol positions, and the
// conversion of the core's diagnostics, fixes and templates into protocol
// values. It decides nothing about what is wrong with a document: every
// finding and every edit comes from package checks and package templates,
// recomputed for the version a request names.
//
// One file per method family holds its handlers (text_synchronization.go,
// code_action.go, hover.go, ...); unimplemented.go lists what is
// deliberately left out.
//
// # Pinned protocol libraries
//
// go.lsp.dev/protocol v0.12.0, go.lsp.dev/jsonrpc2 v0.10.0 and
// go.lsp.dev/uri v0.3.0 are pinned together: jsonrpc2 v1.x changed the
// Handler signature and does not build with protocol v0.12.0. Their known
// traps are worked around here rather than patched:
//
//   - jsonrpc2's stream drops the connection on a bad header or body and
//     only accepts "Content-Length" spelled exactly so: stream.go frames
//     messages itself and answers bad ones with -32700 or -32600.
//   - jsonrpc2 serves messages one at a time and never recovers a panic:
//     requests run on their own goroutines under recover, analysis runs off
//     the reading goroutine, and each request gets exactly one reply.
//   - protocol's $/cancelRequest handling matches IDs as int32 while JSON
//     numbers decode as float64, so numeric IDs are never cancelled:
//     cancellation is handled here.
//   - protocol.NewServer panics on a nil logger and its context keys for
//     the logger and the client are both struct{}, so one overwrites the
//     other: the server is not built with NewServer, logs go to
//     Options.Log (stderr in the CLI) and never to stdout, the protocol
//     stream.
//   - protocol's ServerHandler rejects absent or null params and does not
//     route codeAction/resolve: dispatch.go routes methods itself.
//   - uri.URI.Filename panics on anything but file: URIs: untitled:
//     documents are handled by URI alone.
//   - TextDocumentContentChangeEvent.Range is not a pointer, so a full
//     replacement cannot be told from an insertion at 0:0: change events are
//     decoded with a type of our own.
//   - 3.17 additions have types of our own: positionEncoding in types.go,
//     inlay hints in inlay_hint.go.
package lsp
