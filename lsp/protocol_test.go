package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	"go.lsp.dev/protocol"
)

func frame(body string) string {
	return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body)
}

// TestFraming covers the base protocol: header names in any case, extra
// headers, and bad messages answered without ending the session.
func TestFraming(t *testing.T) {
	c := newClient(t)
	c.initialize(nil, nil)
	req := func(id string) string {
		return fmt.Sprintf(`{"jsonrpc":"2.0","id":%q,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///project/none.md"}}}`, id)
	}
	expectResult := func(id string) {
		t.Helper()
		m := c.rawReply(id)
		if string(m.ID) != fmt.Sprintf("%q", id) || m.Error != nil || string(m.Result) != "[]" {
			t.Errorf("reply to %s: id %s, error %v, result %s", id, m.ID, m.Error, m.Result)
		}
	}
	expectError := func(what string, id string, code int64) {
		t.Helper()
		m := c.rawReply(what)
		if string(m.ID) != id || m.Error == nil || m.Error.Code != code {
			t.Errorf("%s: got id %s, error %v; want id %s, code %d", what, m.ID, m.Error, id, code)
		}
	}

	body := req("raw-lower")
	c.writeRaw([]byte(fmt.Sprintf("content-length: %d\r\ncontent-type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n%s", len(body), body)))
	expectResult("raw-lower")

	body = req("raw-upper")
	c.writeRaw([]byte(fmt.Sprintf("CONTENT-LENGTH:%d\r\n\r\n%s", len(body), body)))
	expectResult("raw-upper")

	// A body that is not JSON: -32700 with a null ID, then reading goes on.
	c.writeRaw([]byte(frame(`{"jsonrpc":"2.0","id":"raw-x","method":`)))
	expectError("malformed JSON", "null", -32700)
	c.writeRaw([]byte(frame(req("raw-after-malformed"))))
	expectResult("raw-after-malformed")

	// A header line without a colon, then one without any length.
	c.writeRaw([]byte("this is not a header\r\n\r\n{}" + frame(req("raw-after-bad-header"))))
	expectError("bad header", "null", -32700)
	expectResult("raw-after-bad-header")
	c.writeRaw([]byte("Content-Type: application/json\r\n\r\n{}" + frame(req("raw-after-no-length"))))
	expectError("no length", "null", -32700)
	expectResult("raw-after-no-length")
	c.writeRaw([]byte("Content-Length: lots\r\n\r\n{}" + frame(req("raw-after-bad-length"))))
	expectError("bad length", "null", -32700)
	expectResult("raw-after-bad-length")

	// JSON that is not a request: -32600, with the ID when there is one.
	for _, tc := range []struct{ body, id string }{
		{`{"jsonrpc":"2.0","id":"raw-no-method"}`, `"raw-no-method"`},
		{`{"jsonrpc":"2.0","id":"raw-method-number","method":5}`, `"raw-method-number"`},
		{`{"jsonrpc":"1.0","id":"raw-old","method":"shutdown"}`, `"raw-old"`},
		{`{"jsonrpc":"2.0","id":"raw-scalar-params","method":"textDocument/hover","params":3}`, `"raw-scalar-params"`},
		{`{"jsonrpc":"2.0","id":1.5,"method":"textDocument/hover"}`, `1.5`},
		{`{"jsonrpc":"2.0","id":4294967296,"method":"textDocument/hover"}`, `4294967296`},
		{`{"jsonrpc":"2.0","id":{"a":1},"method":"textDocument/hover"}`, `null`},
		{`[{"jsonrpc":"2.0","id":"raw-batch","method":"shutdown"}]`, `null`},
		{`"just a string"`, `null`},
	} {
		c.writeRaw([]byte(frame(tc.body)))
		expectError(tc.body, tc.id, -32600)
	}
	c.writeRaw([]byte(frame(req("raw-still-alive"))))
	expectResult("raw-still-alive")
	if err := c.shutdownAndExit(); err != nil {
		t.Fatal(err)
	}
}

// TestPanicIsRecovered shows a panicking handler answered with an
// internal error, logged to the log (not the protocol stream), and the
// session going on.
func TestPanicIsRecovered(t *testing.T) {
	c := newClient(t)
	c.initialize(nil, nil)
	_, err := c.call("designls/test.panic", nil)
	if err == nil || err.Code != -32603 || !strings.Contains(err.Message, "test panic") {
		t.Fatalf("panicking request: got %v, want -32603 naming the panic", err)
	}
	if log := c.log.String(); !strings.Contains(log, "panic in designls/test.panic: test panic") || !strings.Contains(log, "goroutine") {
		t.Errorf("the panic and its stack are not in the log:\n%s", log)
	}
	c.open("file:///project/a.md", "# A\n")
	c.idle()
	if err := c.shutdownAndExit(); err != nil {
		t.Fatal(err)
	}
}

// TestAnalysisPanic shows a panic in the analysis answered as an error
// and the next version analysed normally.
func TestAnalysisPanic(t *testing.T) {
	defer func() { analyzeHook = nil }()
	analyzeHook = func(_ protocol.DocumentURI, version int32) {
		if version == 1 {
			panic("analysis exploded")
		}
	}
	c := newClient(t)
	c.initialize(nil, nil)
	u := "file:///project/a.md"
	c.open(u, designDoc)
	c.idle()
	if _, err := c.call("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": u}}); err == nil || !strings.Contains(err.Message, "analysis exploded") {
		t.Errorf("symbols of a version whose analysis panicked: got %v", err)
	}
	v := c.replace(u, designDoc+"\nmore\n")
	if len(c.diagnostics(u, v)) == 0 {
		t.Errorf("no diagnostics after a version that analysed normally")
	}
}

// TestCancelNumericID cancels requests by numeric and string IDs, which
// protocol v0.12.0's own handler cannot do for numbers.
func TestCancelNumericID(t *testing.T) {
	c := newClient(t)
	c.initialize(nil, nil)
	id, ch := c.send("designls/test.block", nil)
	c.notify("$/cancelRequest", map[string]any{"id": json.RawMessage(id)})
	m := c.await("blocked request", ch)
	if m.Error == nil || m.Error.Code != -32800 {
		t.Fatalf("cancelled request %s: got error %v, result %s; want -32800", id, m.Error, m.Result)
	}

	c.writeRaw([]byte(frame(`{"jsonrpc":"2.0","id":"raw-block","method":"designls/test.block"}`)))
	c.notify("$/cancelRequest", map[string]any{"id": "raw-block"})
	if r := c.rawReply("blocked request with a string ID"); r.Error == nil || r.Error.Code != -32800 {
		t.Fatalf("cancelled request raw-block: got error %v; want -32800", r.Error)
	}
	// Cancelling what is already answered or unknown does nothing.
	c.notify("$/cancelRequest", map[string]any{"id": 12345})
	c.notify("$/cancelRequest", nil)
	c.idle()
}

// TestEveryRequestAnsweredOnce fires many requests of every kind at once;
// the client fails the test on any second answer (see newClient).
func TestEveryRequestAnsweredOnce(t *testing.T) {
	c := newClient(t)
	c.initialize(nil, nil)
	u := "file:///project/a.md"
	c.open(u, designDoc)
	methods := []string{"textDocument/hover", "textDocument/codeAction", "textDocument/documentSymbol", "textDocument/foldingRange",
		"textDocument/completion", "textDocument/codeLens", "textDocument/inlayHint", "designls/test.panic", "no/such/method", "designls/test.idle"}
	p := map[string]any{
		"textDocument": map[string]any{"uri": u},
		"position":     map[string]any{"line": 3, "character": 2},
		"range":        map[string]any{"start": map[string]any{"line": 3, "character": 0}, "end": map[string]any{"line": 3, "character": 0}},
		"context":      map[string]any{"diagnostics": []any{}},
	}
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		for _, m := range methods {
			_, ch := c.send(m, p)
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-ch
			}()
		}
	}
	wg.Wait()
}

// TestUntitled serves an untitled: document, on which uri.URI.Filename
// would panic.
func TestUntitled(t *testing.T) {
	c := newClient(t)
	c.initialize(nil, nil)
	u := "untitled:Untitled-1"
	c.open(u, designDoc)
	if diags := c.diagnostics(u, 1); len(diags) == 0 {
		t.Fatalf("no diagnostics for an untitled design doc")
	}
	var lenses []protocol.CodeLens
	c.callOK("textDocument/codeLens", map[string]any{"textDocument": map[string]any{"uri": u}}, &lenses)
	if len(lenses) != 1 {
		t.Errorf("code lenses on an untitled doc: %v", lenses)
	}
}

// TestEmptyListsAreArrays checks that no list in any answer is null,
// which Helix rejects.
func TestEmptyListsAreArrays(t *testing.T) {
	c := newClient(t)
	c.initialize(nil, nil)
	plain := "file:///project/notes.md"
	c.open(plain, "")
	design := "file:///project/design.md"
	c.open(design, designDoc)
	td := func(u string) map[string]any { return map[string]any{"uri": u} }
	for _, tc := range []struct {
		method string
		params any
		want   string
	}{
		{"textDocument/documentSymbol", map[string]any{"textDocument": td(plain)}, `[]`},
		{"textDocument/foldingRange", map[string]any{"textDocument": td(plain)}, `[]`},
		{"textDocument/codeLens", map[string]any{"textDocument": td(plain)}, `[]`},
		{"textDocument/inlayHint", map[string]any{"textDocument": td(plain), "range": map[string]any{"start": map[string]any{"line": 0, "character": 0}, "end": map[string]any{"line": 9, "character": 0}}}, `[]`},
		{"textDocument/inlayHint", map[string]any{"textDocument": td(design), "range": map[string]any{"start": map[string]any{"line": 0, "character": 0}, "end": map[string]any{"line": 9, "character": 0}}}, `[]`},
		{"textDocument/inlayHint", map[string]any{"textDocument": td("file:///project/unopened.md"), "range": map[string]any{"start": map[string]any{"line": 0, "character": 0}, "end": map[string]any{"line": 0, "character": 0}}}, `[]`},
		{"textDocument/completion", map[string]any{"textDocument": td(plain), "position": map[string]any{"line": 0, "character": 0}}, `{"isIncomplete":false,"items":[]}`},
		{"textDocument/completion", map[string]any{"textDocument": td(design), "position": map[string]any{"line": 7, "character": 3}}, `{"isIncomplete":false,"items":[]}`},
		{"textDocument/codeAction", map[string]any{"textDocument": td(plain), "range": map[string]any{"start": map[string]any{"line": 0, "character": 0}, "end": map[string]any{"line": 0, "character": 0}}, "context": map[string]any{"diagnostics": []any{}, "only": []string{"quickfix"}}}, `[]`},
		{"textDocument/codeAction", map[string]any{"textDocument": td("file:///project/unopened.md"), "range": map[string]any{"start": map[string]any{"line": 0, "character": 0}, "end": map[string]any{"line": 0, "character": 0}}, "context": map[string]any{"diagnostics": []any{}}}, `[]`},
		{"workspace/executeCommand", map[string]any{"command": "designls.listTemplates"}, ``},
	} {
		res, err := c.call(tc.method, tc.params)
		if err != nil {
			t.Errorf("%s: %v", tc.method, err)
			continue
		}
		if tc.want != "" && string(res) != tc.want {
			t.Errorf("%s: got %s, want %s", tc.method, res, tc.want)
		}
		if strings.Contains(string(res), "null") {
			t.Errorf("%s: null in %s", tc.method, res)
		}
	}
	c.notify("textDocument/didClose", map[string]any{"textDocument": td(design)})
	pub, _ := c.lastPublication(design)
	if !strings.Contains(string(pub.raw), `"diagnostics":[]`) {
		t.Errorf("clearing diagnostics on close sent %s", pub.raw)
	}
}

// TestSlowAnalysisDoesNotBlock holds the first analysis while changes
// come in: they are accepted at once (the reading goroutine is free), the
// versions in between are never published, and the last one is.
func TestSlowAnalysisDoesNotBlock(t *testing.T) {
	release := make(chan struct{})
	entered := make(chan int32, 1)
	var once sync.Once
	defer func() { analyzeHook = nil }()
	analyzeHook = func(_ protocol.DocumentURI, version int32) {
		if version == 1 {
			entered <- version
			<-release
		}
	}
	defer once.Do(func() { close(release) })
	c := newClient(t)
	c.initialize(nil, nil)
	u := "file:///project/a.md"
	c.open(u, designDoc)
	<-entered // version 1 is being analysed, and stays so until released
	var last int32
	for i := 0; i < 10; i++ {
		last = c.edit(u, protocol.TextEdit{Range: endRange(c.text(u)), NewText: "x"})
	}
	// Answered while version 1 is still being analysed.
	text, version := c.serverText(u)
	if version != last || text != c.text(u) {
		t.Fatalf("server has version %d %q, client %d %q", version, text, last, c.text(u))
	}
	once.Do(func() { close(release) })
	c.diagnostics(u, last)
	c.idle()
	for _, p := range c.publications(u) {
		if *p.Version != last {
			t.Errorf("published superseded version %d (latest %d)", *p.Version, last)
		}
	}
}

func endRange(text string) protocol.Range {
	p := positionUTF16(text, len(text))
	return protocol.Range{Start: p, End: p}
}

// TestNilLog runs a session with no log writer at all: protocol.NewServer
// would panic on a nil logger.
func TestNilLog(t *testing.T) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- Serve(context.Background(), inR, outW, Options{})
		outW.Close()
	}()
	go io.Copy(io.Discard, outR)
	fmt.Fprint(inW, frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`))
	fmt.Fprint(inW, frame(`{"jsonrpc":"2.0","id":2,"method":"designls/test.panic"}`))
	fmt.Fprint(inW, frame(`{"jsonrpc":"2.0","id":3,"method":"shutdown"}`))
	fmt.Fprint(inW, frame(`{"jsonrpc":"2.0","method":"exit"}`))
	if err := <-done; err != nil {
		t.Fatalf("Serve: %v", err)
	}
	inW.Close()
}
