package lsp

import (
	"context"
	"encoding/json"

	"go.lsp.dev/protocol" // v0.12.0, pinned: see doc.go
)

// requestHandler answers one request method. prepare runs on the reading
// goroutine: it decodes the params and captures what the request is about
// (the document's current version), so that the answer matches what the
// client had when it asked, whatever arrives while the answer is computed.
// The function it returns computes the answer on a goroutine of its own,
// or on the reading goroutine when sync is set (lifecycle requests, whose
// effect must precede the next message).
type requestHandler struct {
	sync    bool
	prepare func(s *server, params json.RawMessage) (func(ctx context.Context) (any, error), error)
}

// notificationHandler handles one notification on the reading goroutine.
type notificationHandler func(s *server, params json.RawMessage) error

// requests routes every request method designls answers. Each handler
// lives in the file of its method family.
var requests = map[string]requestHandler{
	"initialize": syncRequest(initialize),
	"shutdown":   syncRequest(shutdown),

	"textDocument/codeAction":     docRequest(func(p *protocol.CodeActionParams) protocol.DocumentURI { return p.TextDocument.URI }, codeAction, []protocol.CodeAction{}),
	"codeAction/resolve":          request(resolveCodeAction),
	"textDocument/hover":          docRequest(func(p *protocol.HoverParams) protocol.DocumentURI { return p.TextDocument.URI }, hover, (*protocol.Hover)(nil)),
	"textDocument/documentSymbol": docRequest(func(p *protocol.DocumentSymbolParams) protocol.DocumentURI { return p.TextDocument.URI }, documentSymbol, any([]protocol.DocumentSymbol{})),
	"textDocument/foldingRange":   docRequest(func(p *protocol.FoldingRangeParams) protocol.DocumentURI { return p.TextDocument.URI }, foldingRange, []protocol.FoldingRange{}),
	"textDocument/completion":     docRequest(func(p *protocol.CompletionParams) protocol.DocumentURI { return p.TextDocument.URI }, completion, emptyCompletion()),
	"completionItem/resolve":      request(resolveCompletionItem),
	"textDocument/codeLens":       docRequest(func(p *protocol.CodeLensParams) protocol.DocumentURI { return p.TextDocument.URI }, codeLens, []protocol.CodeLens{}),
	"textDocument/inlayHint":      docRequest(func(p *inlayHintParams) protocol.DocumentURI { return p.TextDocument.URI }, inlayHints, []inlayHint{}),
	"codeLens/resolve":            request(resolveCodeLens),
	"workspace/executeCommand":    request(executeCommand),
}

// notifications routes every notification designls acts on; others are
// ignored (see server.notification).
var notifications = map[string]notificationHandler{
	"initialized":                         notification(initialized),
	"textDocument/didOpen":                notification(didOpen),
	"textDocument/didChange":              notification(didChange),
	"textDocument/didSave":                notification(didSave),
	"textDocument/didClose":               notification(didClose),
	"workspace/didChangeConfiguration":    notification(didChangeConfiguration),
	"workspace/didChangeWatchedFiles":     notification(didChangeWatchedFiles),
	"workspace/didChangeWorkspaceFolders": notification(didChangeWorkspaceFolders),
}

// testRequests lets tests add methods (one that panics, one that waits to
// be cancelled) without those methods existing in the server.
var testRequests = map[string]requestHandler{}

func syncRequest[P, R any](fn func(ctx context.Context, s *server, p *P) (R, error)) requestHandler {
	h := request(fn)
	h.sync = true
	return h
}

func request[P, R any](fn func(ctx context.Context, s *server, p *P) (R, error)) requestHandler {
	return requestHandler{prepare: func(s *server, raw json.RawMessage) (func(context.Context) (any, error), error) {
		p := new(P)
		if err := decodeParams(raw, p); err != nil {
			return nil, err
		}
		return func(ctx context.Context) (any, error) { return fn(ctx, s, p) }, nil
	}}
}

// docRequest is request for methods about one document. A document that
// is not open gets none, the method's empty answer ([] where a list is
// expected: some clients reject null).
func docRequest[P, R any](uriOf func(*P) protocol.DocumentURI, fn func(ctx context.Context, s *server, snap *snapshot, p *P) (R, error), none R) requestHandler {
	return requestHandler{prepare: func(s *server, raw json.RawMessage) (func(context.Context) (any, error), error) {
		p := new(P)
		if err := decodeParams(raw, p); err != nil {
			return nil, err
		}
		snap := s.docs.snapshot(uriOf(p))
		if snap == nil {
			return func(context.Context) (any, error) { return none, nil }, nil
		}
		return func(ctx context.Context) (any, error) { return fn(ctx, s, snap, p) }, nil
	}}
}

func notification[P any](fn func(s *server, p *P) error) notificationHandler {
	return func(s *server, raw json.RawMessage) error {
		p := new(P)
		if err := decodeParams(raw, p); err != nil {
			return err
		}
		return fn(s, p)
	}
}
