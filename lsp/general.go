package lsp

import (
	"context"
	"encoding/json"
	"errors"

	"go.lsp.dev/jsonrpc2" // v0.10.0, pinned: see doc.go
	"go.lsp.dev/protocol" // v0.12.0, pinned: see doc.go
)

// initialize records what the client can do and says what designls
// provides. Its params are decoded leniently (see initializeParams).
func initialize(_ context.Context, s *server, raw *json.RawMessage) (*initializeResult, error) {
	var p initializeParams
	if len(*raw) > 0 {
		if err := json.Unmarshal(*raw, &p); err != nil {
			var te *json.UnmarshalTypeError
			if !errors.As(err, &te) {
				return nil, rpcErrorf(jsonrpc2.InvalidParams, "invalid initialize params: %v", err)
			}
			s.log.Printf("initialize: ignoring a capability of an unexpected type: %v", err)
		}
	}
	s.caps = p.Capabilities
	s.enc = negotiateEncoding(p.Capabilities.General.PositionEncodings)
	if p.ClientInfo != nil {
		s.log.Printf("client %s %s; positions in %s", p.ClientInfo.Name, p.ClientInfo.Version, s.enc)
	}

	var folders []string
	for _, f := range p.WorkspaceFolders {
		if dir := uriPath(protocol.DocumentURI(f.URI)); dir != "" {
			folders = append(folders, dir)
		}
	}
	if len(folders) == 0 {
		if dir := uriPath(protocol.DocumentURI(p.RootURI)); dir != "" {
			folders = append(folders, dir)
		} else if p.RootPath != "" {
			folders = append(folders, p.RootPath)
		}
	}
	var initOpts any
	if len(p.InitializationOptions) > 0 {
		if err := json.Unmarshal(p.InitializationOptions, &initOpts); err != nil {
			s.log.Printf("initializationOptions: %v", err)
		}
	}
	s.cfg.init(folders, initOpts)

	// Inlay hints are offered only to clients that show them: a client
	// that has never heard of them gains nothing from the request.
	var inlay *inlayHintOptions
	if p.Capabilities.TextDocument.InlayHint != nil {
		inlay = &inlayHintOptions{}
	}

	s.mu.Lock()
	s.state = running
	s.mu.Unlock()

	return &initializeResult{
		Capabilities: serverCapabilities{
			PositionEncoding: s.enc,
			TextDocumentSync: protocol.TextDocumentSyncOptions{
				OpenClose: true,
				// Incremental: typing in a long document then sends a few
				// bytes instead of the whole text. Change events are
				// decoded by didChangeParams, which keeps their range
				// optional.
				Change: protocol.TextDocumentSyncKindIncremental,
				Save:   &protocol.SaveOptions{},
			},
			CompletionProvider: &protocol.CompletionOptions{TriggerCharacters: []string{"#"}},
			HoverProvider:      true,
			CodeActionProvider: &protocol.CodeActionOptions{
				CodeActionKinds: advertisedCodeActionKinds(),
				// Every action carries its edit (eglot never resolves);
				// resolve is routed for clients that call it anyway.
				ResolveProvider: true,
			},
			CodeLensProvider:       &protocol.CodeLensOptions{},
			DocumentSymbolProvider: true,
			FoldingRangeProvider:   true,
			InlayHintProvider:      inlay,
			ExecuteCommandProvider: &protocol.ExecuteCommandOptions{Commands: commandNames()},
			Workspace: &protocol.ServerCapabilitiesWorkspace{
				WorkspaceFolders: &protocol.ServerCapabilitiesWorkspaceFolders{Supported: true, ChangeNotifications: true},
			},
		},
		ServerInfo: &protocol.ServerInfo{Name: "designls", Version: s.opts.Version},
	}, nil
}

// negotiateEncoding picks UTF-8 when the client offers it (no conversion
// at all) and UTF-16, the protocol's default, otherwise.
func negotiateEncoding(offered []string) PositionEncoding {
	for _, e := range offered {
		if PositionEncoding(e) == UTF8 {
			return UTF8
		}
	}
	return UTF16
}

// initialized starts what needs the client to answer: watching config
// files and pulling settings.
func initialized(s *server, _ *json.RawMessage) error {
	s.goBackground(s.cfg.registerWatchers)
	if s.caps.Workspace.Configuration {
		s.goBackground(s.cfg.pullSettings)
	}
	return nil
}

// shutdown stops publishing; the client then sends exit.
func shutdown(_ context.Context, s *server, _ *json.RawMessage) (any, error) {
	s.mu.Lock()
	s.state = shutDown
	for _, cancel := range s.inflight {
		cancel()
	}
	s.mu.Unlock()
	return nil, nil
}
