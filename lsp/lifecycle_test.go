package lsp

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestRequestBeforeInitialize(t *testing.T) {
	c := newClient(t)
	_, err := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///project/a.md"}, "position": map[string]any{"line": 0, "character": 0}})
	if err == nil || err.Code != -32002 {
		t.Fatalf("hover before initialize: got %v, want error -32002", err)
	}
	// shutdown is a request like any other here.
	if _, err := c.call("shutdown", nil); err == nil || err.Code != -32002 {
		t.Fatalf("shutdown before initialize: got %v, want error -32002", err)
	}
	// Notifications before initialize are dropped, not answered.
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": "file:///project/a.md", "languageId": "markdown", "version": 1, "text": "---\nrubric: system-design\n---\n# T\n"}})
	c.initialize(nil, nil)
	if pubs := c.publications("file:///project/a.md"); len(pubs) != 0 {
		t.Errorf("a document opened before initialize got diagnostics: %v", pubs)
	}
	if _, ok := c.lastPublication("file:///project/a.md"); ok {
		t.Errorf("a document opened before initialize was kept")
	}
}

func TestLifecycle(t *testing.T) {
	c := newClient(t)
	res := c.initialize(nil, nil)
	golden(t, "initialize.json", res)

	if _, err := c.call("initialize", map[string]any{"capabilities": map[string]any{}}); err == nil || err.Code != -32600 {
		t.Errorf("second initialize: got %v, want error -32600", err)
	}
	if _, err := c.call("textDocument/noSuchThing", map[string]any{}); err == nil || err.Code != -32601 {
		t.Errorf("unknown request: got %v, want error -32601", err)
	}
	// Unknown $/ notifications are ignored silently; others are logged.
	c.notify("$/setTrace", map[string]any{"value": "off"})
	c.notify("$/somethingNew", nil)
	c.notify("custom/notification", nil)
	c.idle()
	if strings.Contains(c.log.String(), "somethingNew") {
		t.Errorf("an unknown $/ notification was logged:\n%s", c.log.String())
	}
	if !strings.Contains(c.log.String(), "ignoring notification custom/notification") {
		t.Errorf("an unknown notification was not logged:\n%s", c.log.String())
	}

	// null params, as some clients send for shutdown.
	res2, err := c.call("shutdown", json.RawMessage("null"))
	if err != nil || string(res2) != "null" {
		t.Fatalf("shutdown: %s, %v", res2, err)
	}
	if _, err := c.call("textDocument/hover", map[string]any{}); err == nil || err.Code != -32600 {
		t.Errorf("request after shutdown: got %v, want error -32600", err)
	}
	c.notify("exit", json.RawMessage("null"))
	if err := c.serveResult(); err != nil {
		t.Fatalf("Serve after shutdown and exit: %v, want nil", err)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := newClient(t)
	c.initialize(nil, nil)
	c.notify("exit", nil)
	if err := c.serveResult(); !errors.Is(err, ErrNoShutdown) {
		t.Fatalf("Serve after exit without shutdown: %v, want ErrNoShutdown", err)
	}
}

func TestExitBeforeInitialize(t *testing.T) {
	c := newClient(t)
	c.notify("exit", nil)
	if err := c.serveResult(); !errors.Is(err, ErrNoShutdown) {
		t.Fatalf("Serve after a bare exit: %v, want ErrNoShutdown", err)
	}
}

func TestEndOfInput(t *testing.T) {
	c := newClient(t)
	c.initialize(nil, nil)
	c.open("file:///project/a.md", "---\nrubric: system-design\n---\n# T\n")
	c.closeInput()
	if err := c.serveResult(); !errors.Is(err, ErrNoShutdown) {
		t.Fatalf("Serve at end of input without shutdown: %v, want ErrNoShutdown", err)
	}

	c = newClient(t)
	c.initialize(nil, nil)
	c.callOK("shutdown", nil, nil)
	c.closeInput()
	if err := c.serveResult(); err != nil {
		t.Fatalf("Serve at end of input after shutdown: %v, want nil", err)
	}
}

func TestAbsentParams(t *testing.T) {
	c := newClient(t)
	// initialize with no params at all, and every later message too.
	c.write(&message{ID: json.RawMessage(`"init"`), Method: "initialize"})
	c.mu.Lock()
	ch := make(chan *message, 1)
	c.pending[`"init"`] = ch
	c.mu.Unlock()
	if m := c.await("initialize", ch); m.Error != nil {
		t.Fatalf("initialize without params: %v", m.Error)
	}
	c.notify("initialized", nil)
	if _, err := c.call("textDocument/documentSymbol", nil); err != nil {
		t.Errorf("documentSymbol without params: %v", err)
	}
	if err := c.shutdownAndExit(); err != nil {
		t.Fatal(err)
	}
}
