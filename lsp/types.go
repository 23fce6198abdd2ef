package lsp

import (
	"encoding/json"

	"go.lsp.dev/protocol" // v0.12.0, pinned: see doc.go
)

// The types here are the protocol values that go.lsp.dev/protocol v0.12.0
// lacks (LSP 3.17 additions such as positionEncoding; inlay hints have
// theirs in inlay_hint.go) or types in a way
// that loses information (a change event's optional range, a diagnostic
// version of 0), and the few parts of initialize that designls reads.

// initializeParams is the part of initialize's params designls reads. It
// is decoded with encoding/json, which skips a member of an unexpected
// type and keeps the rest, so one odd capability cannot fail a session.
type initializeParams struct {
	RootURI               string                     `json:"rootUri"`
	RootPath              string                     `json:"rootPath"`
	WorkspaceFolders      []protocol.WorkspaceFolder `json:"workspaceFolders"`
	InitializationOptions json.RawMessage            `json:"initializationOptions"`
	Capabilities          clientCapabilities         `json:"capabilities"`
	ClientInfo            *struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"clientInfo"`
}

// clientCapabilities holds the client capabilities that change what
// designls sends.
type clientCapabilities struct {
	General struct {
		// PositionEncodings (3.17) lists the encodings the client offers,
		// in its order of preference.
		PositionEncodings []string `json:"positionEncodings"`
	} `json:"general"`
	Workspace struct {
		ApplyEdit             bool `json:"applyEdit"`
		Configuration         bool `json:"configuration"`
		DidChangeWatchedFiles struct {
			DynamicRegistration bool `json:"dynamicRegistration"`
		} `json:"didChangeWatchedFiles"`
	} `json:"workspace"`
	TextDocument struct {
		Completion struct {
			CompletionItem struct {
				SnippetSupport bool `json:"snippetSupport"`
			} `json:"completionItem"`
		} `json:"completion"`
		DocumentSymbol struct {
			HierarchicalDocumentSymbolSupport bool `json:"hierarchicalDocumentSymbolSupport"`
		} `json:"documentSymbol"`
		FoldingRange struct {
			RangeLimit int `json:"rangeLimit"`
		} `json:"foldingRange"`
		Hover struct {
			ContentFormat []string `json:"contentFormat"`
		} `json:"hover"`
		// InlayHint (3.17) is non-nil when the client shows inlay hints;
		// none of its members change what designls sends.
		InlayHint *struct{} `json:"inlayHint"`
	} `json:"textDocument"`
}

// initializeResult is InitializeResult with serverCapabilities.
type initializeResult struct {
	Capabilities serverCapabilities   `json:"capabilities"`
	ServerInfo   *protocol.ServerInfo `json:"serverInfo,omitempty"`
}

// serverCapabilities lists exactly what designls provides; protocol's
// ServerCapabilities has no positionEncoding.
type serverCapabilities struct {
	PositionEncoding       PositionEncoding                      `json:"positionEncoding"`
	TextDocumentSync       protocol.TextDocumentSyncOptions      `json:"textDocumentSync"`
	CompletionProvider     *protocol.CompletionOptions           `json:"completionProvider,omitempty"`
	HoverProvider          bool                                  `json:"hoverProvider"`
	CodeActionProvider     *protocol.CodeActionOptions           `json:"codeActionProvider,omitempty"`
	CodeLensProvider       *protocol.CodeLensOptions             `json:"codeLensProvider,omitempty"`
	DocumentSymbolProvider bool                                  `json:"documentSymbolProvider"`
	FoldingRangeProvider   bool                                  `json:"foldingRangeProvider"`
	InlayHintProvider      *inlayHintOptions                     `json:"inlayHintProvider,omitempty"`
	ExecuteCommandProvider *protocol.ExecuteCommandOptions       `json:"executeCommandProvider,omitempty"`
	Workspace              *protocol.ServerCapabilitiesWorkspace `json:"workspace,omitempty"`
}

// didChangeParams is DidChangeTextDocumentParams with change events whose
// range can be told apart from an absent one.
type didChangeParams struct {
	TextDocument   protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
	ContentChanges []changeEvent                            `json:"contentChanges"`
}

// changeEvent is one content change: Range nil means the whole document.
type changeEvent struct {
	Range *protocol.Range `json:"range,omitempty"`
	Text  string          `json:"text"`
}

// publishDiagnosticsParams sends a version even when it is 0, which
// protocol's type drops (and types as unsigned).
type publishDiagnosticsParams struct {
	URI         protocol.DocumentURI  `json:"uri"`
	Version     *int32                `json:"version,omitempty"`
	Diagnostics []protocol.Diagnostic `json:"diagnostics"`
}

// diagnosticData is a diagnostic's data: which concern it is about, so
// that code actions can match a diagnostic the client sends back to the
// current one by check and concern rather than by range.
type diagnosticData struct {
	Concern string `json:"concern"`
}

// didChangeConfigurationParams keeps settings raw: eglot sends {} and
// others null, both meaning defaults.
type didChangeConfigurationParams struct {
	Settings json.RawMessage `json:"settings"`
}

// executeCommandParams keeps arguments raw for each command to decode.
type executeCommandParams struct {
	Command   string            `json:"command"`
	Arguments []json.RawMessage `json:"arguments"`
}
