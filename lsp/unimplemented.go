package lsp

// What designls deliberately does not implement, and why. Requests not
// routed in dispatch.go are answered with -32601 (method not found);
// notifications not routed are ignored.
//
//   - textDocument/diagnostic (pull diagnostics): diagnostics are pushed
//     after every open, change and save, which every client supports; pull
//     may be added for clients that ask, never instead.
//   - textDocument/willSave, willSaveWaitUntil: designls never edits on
//     save.
//   - textDocument/formatting, rename, references, definition: designls
//     reviews documents, it is not a Markdown language server; those belong
//     to one (marksman) running beside it.
//   - workspace/symbol: documents that are not open are not indexed.
//   - window/workDoneProgress: analysis of one document takes milliseconds.
