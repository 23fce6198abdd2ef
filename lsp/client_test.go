package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// The tests talk to Serve the way an editor does: JSON-RPC with
// Content-Length framing over a pair of pipes, every byte of the server's
// output parsed strictly.

// hangGuard bounds every wait for the server, so that a bug shows as a
// failure naming what was awaited instead of a test binary killed by its
// deadline. It is not a speed assertion: the server answers in
// milliseconds.
const hangGuard = 30 * time.Second

func init() {
	// designls/test.idle answers once every diagnostics goroutine has
	// finished, so a test can tell "nothing was published" from "not yet".
	testRequests["designls/test.idle"] = request(func(_ context.Context, s *server, _ *json.RawMessage) (any, error) {
		s.active.wait()
		return "idle", nil
	})
	// designls/test.text returns the server's copy of a document.
	testRequests["designls/test.text"] = docRequest(func(p *protocol.TextDocumentIdentifier) protocol.DocumentURI { return p.URI },
		func(_ context.Context, _ *server, snap *snapshot, _ *protocol.TextDocumentIdentifier) (any, error) {
			return map[string]any{"text": string(snap.text), "version": snap.version}, nil
		}, any(nil))
	// designls/test.panic panics, to show that one bad handler does not
	// take the session down.
	testRequests["designls/test.panic"] = request(func(context.Context, *server, *json.RawMessage) (any, error) {
		panic("test panic")
	})
	// designls/test.block waits until the request is cancelled.
	testRequests["designls/test.block"] = request(func(ctx context.Context, _ *server, _ *json.RawMessage) (any, error) {
		<-ctx.Done()
		return "unblocked", nil
	})
}

type rpcError struct {
	Code    int64  `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return fmt.Sprintf("%d: %s", e.Code, e.Message) }

type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

type publication struct {
	URI         string                `json:"uri"`
	Version     *int32                `json:"version"`
	Diagnostics []protocol.Diagnostic `json:"diagnostics"`
	raw         json.RawMessage
}

// client is an editor in a test.
type client struct {
	t      testing.TB
	toSrv  *io.PipeWriter
	fromIn *io.PipeReader
	served chan error
	log    *syncBuffer

	mu        sync.Mutex
	nextID    int
	pending   map[string]chan *message
	answered  map[string]bool
	pubs      []publication
	pubSignal chan struct{}
	others    []*message // other notifications
	docs      map[string]*clientDoc
	// handlers answer the server's requests, by method.
	handlers map[string]func(params json.RawMessage) (any, *rpcError)
	// strays are responses nobody waited for: to unknown IDs, or second
	// answers.
	strays []string
	// raw replies to messages sent with writeRaw, in order.
	rawReplies chan *message
	readErr    error
	readDone   chan struct{}
	sawReqs    []string
	applied    []appliedEdit

	outMu     sync.Mutex
	outCond   *sync.Cond
	outbox    [][]byte
	outClosed bool
}

type clientDoc struct {
	text    string
	version int32
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// newClient starts a server and a client connected to it. The session is
// ended when the test ends, if the test did not end it.
func newClient(t testing.TB) *client {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &client{
		t:          t,
		toSrv:      inW,
		fromIn:     outR,
		served:     make(chan error, 1),
		log:        &syncBuffer{},
		pending:    map[string]chan *message{},
		answered:   map[string]bool{},
		pubSignal:  make(chan struct{}),
		docs:       map[string]*clientDoc{},
		handlers:   map[string]func(json.RawMessage) (any, *rpcError){},
		rawReplies: make(chan *message, 100),
		readDone:   make(chan struct{}),
	}
	c.handlers["client/registerCapability"] = func(json.RawMessage) (any, *rpcError) { return nil, nil }
	c.handlers["workspace/configuration"] = func(json.RawMessage) (any, *rpcError) { return []any{nil}, nil }
	c.handlers["workspace/applyEdit"] = c.applyEditRequest
	go func() {
		err := Serve(context.Background(), inR, outW, Options{Log: c.log, Version: "test"})
		outW.Close()
		inR.Close()
		c.served <- err
	}()
	c.outCond = sync.NewCond(&c.outMu)
	go c.readLoop()
	go c.writeLoop()
	t.Cleanup(func() {
		c.closeInput()
		<-c.readDone
		select {
		case <-c.served:
		case <-time.After(hangGuard):
			t.Errorf("Serve did not return after its input closed")
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		for _, s := range c.strays {
			t.Errorf("a second response to one request: %s", s)
		}
		for len(c.rawReplies) > 0 {
			m := <-c.rawReplies
			t.Errorf("unexpected response: id %s, error %v, result %s", m.ID, m.Error, m.Result)
		}
		if c.readErr != nil {
			t.Errorf("reading the server's output: %v", c.readErr)
		}
		if t.Failed() {
			t.Logf("server log:\n%s", c.log.String())
		}
	})
	return c
}

// readLoop parses every frame the server writes; anything that is not a
// well-formed frame of JSON-RPC fails the test, which is how the tests
// show that nothing but the protocol reaches stdout.
func (c *client) readLoop() {
	defer close(c.readDone)
	r := bufio.NewReader(c.fromIn)
	for {
		body, err := readFrame(r)
		if err != nil {
			if err != io.EOF {
				c.mu.Lock()
				c.readErr = err
				c.mu.Unlock()
			}
			return
		}
		var m message
		if err := json.Unmarshal(body, &m); err != nil || m.JSONRPC != "2.0" {
			c.mu.Lock()
			c.readErr = fmt.Errorf("not a JSON-RPC 2.0 message: %s", body)
			c.mu.Unlock()
			return
		}
		switch {
		case m.Method != "" && m.ID != nil:
			c.serveRequest(&m)
		case m.Method != "":
			c.mu.Lock()
			if m.Method == "textDocument/publishDiagnostics" {
				var p publication
				if err := json.Unmarshal(m.Params, &p); err != nil {
					c.readErr = err
				}
				p.raw = m.Params
				c.pubs = append(c.pubs, p)
				close(c.pubSignal)
				c.pubSignal = make(chan struct{})
			} else {
				c.others = append(c.others, &m)
			}
			c.mu.Unlock()
		default:
			key := string(m.ID)
			c.mu.Lock()
			ch := c.pending[key]
			delete(c.pending, key)
			if ch == nil {
				// Not a request sent with call: an answer to a message
				// written raw, which the test reads from rawReplies,
				// unless it answers an ID a second time.
				if !c.answered[key] {
					if key != "null" {
						c.answered[key] = true
					}
					c.mu.Unlock()
					c.rawReplies <- &m
					continue
				}
				c.strays = append(c.strays, string(body))
			}
			c.answered[key] = true
			c.mu.Unlock()
			if ch != nil {
				ch <- &m
			}
		}
	}
}

func readFrame(r *bufio.Reader) ([]byte, error) {
	line, err := r.ReadString('\n')
	if err != nil {
		if err == io.EOF && line == "" {
			return nil, io.EOF
		}
		return nil, fmt.Errorf("reading a header: %w (read %q)", err, line)
	}
	value, ok := strings.CutPrefix(line, "Content-Length: ")
	if !ok || !strings.HasSuffix(value, "\r\n") {
		return nil, fmt.Errorf("bad header line %q", line)
	}
	n, err := strconv.Atoi(strings.TrimSuffix(value, "\r\n"))
	if err != nil {
		return nil, fmt.Errorf("bad length in %q", line)
	}
	if blank, err := r.ReadString('\n'); err != nil || blank != "\r\n" {
		return nil, fmt.Errorf("header not ended by a blank line: %q", blank)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, fmt.Errorf("reading a %d-byte body: %w", n, err)
	}
	return body, nil
}

func (c *client) serveRequest(m *message) {
	c.mu.Lock()
	h := c.handlers[m.Method]
	c.sawReqs = append(c.sawReqs, m.Method)
	c.mu.Unlock()
	reply := message{JSONRPC: "2.0", ID: m.ID}
	if h == nil {
		reply.Error = &rpcError{Code: -32601, Message: "client does not handle " + m.Method}
	} else {
		res, rerr := h(m.Params)
		if rerr != nil {
			reply.Error = rerr
		} else {
			reply.Result, _ = json.Marshal(res)
		}
	}
	c.write(&reply)
}

func (c *client) write(m *message) {
	m.JSONRPC = "2.0"
	body, err := json.Marshal(m)
	if err != nil {
		c.t.Fatalf("encoding: %v", err)
	}
	c.writeRaw([]byte(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body)))
}

// writeRaw writes bytes as they are, for tests of the framing. Writes are
// queued and written by one goroutine, as an editor's are: a client that
// blocked on writing while the server blocked on writing to it would
// deadlock over the unbuffered pipes.
func (c *client) writeRaw(b []byte) {
	c.outMu.Lock()
	c.outbox = append(c.outbox, b)
	c.outMu.Unlock()
	c.outCond.Signal()
}

func (c *client) writeLoop() {
	for {
		c.outMu.Lock()
		for len(c.outbox) == 0 && !c.outClosed {
			c.outCond.Wait()
		}
		if len(c.outbox) == 0 {
			c.outMu.Unlock()
			c.toSrv.Close()
			return
		}
		b := c.outbox[0]
		c.outbox = c.outbox[1:]
		c.outMu.Unlock()
		if _, err := c.toSrv.Write(b); err != nil {
			c.t.Errorf("writing to the server: %v", err)
		}
	}
}

// closeInput closes the server's input once everything queued is written.
func (c *client) closeInput() {
	c.outMu.Lock()
	c.outClosed = true
	c.outMu.Unlock()
	c.outCond.Signal()
}

func params(v any) json.RawMessage {
	if v == nil {
		return nil
	}
	if raw, ok := v.(json.RawMessage); ok {
		return raw
	}
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// send sends a request and returns a channel for its response.
func (c *client) send(method string, p any) (json.RawMessage, chan *message) {
	c.mu.Lock()
	c.nextID++
	id := json.RawMessage(strconv.Itoa(c.nextID))
	ch := make(chan *message, 1)
	c.pending[string(id)] = ch
	c.mu.Unlock()
	c.write(&message{ID: id, Method: method, Params: params(p)})
	return id, ch
}

func (c *client) await(method string, ch chan *message) *message {
	c.t.Helper()
	select {
	case m := <-ch:
		return m
	case <-time.After(hangGuard):
		c.t.Fatalf("no response to %s", method)
		return nil
	}
}

// call sends a request and waits for its response.
func (c *client) call(method string, p any) (json.RawMessage, *rpcError) {
	c.t.Helper()
	_, ch := c.send(method, p)
	m := c.await(method, ch)
	return m.Result, m.Error
}

// callOK calls and decodes the result, failing on an error response.
func (c *client) callOK(method string, p any, result any) json.RawMessage {
	c.t.Helper()
	res, err := c.call(method, p)
	if err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
	if result != nil {
		if err := json.Unmarshal(res, result); err != nil {
			c.t.Fatalf("%s: decoding %s: %v", method, res, err)
		}
	}
	return res
}

func (c *client) notify(method string, p any) {
	c.write(&message{Method: method, Params: params(p)})
}

// initialize runs the handshake with the given capabilities and
// initializationOptions.
func (c *client) initialize(caps any, initOptions any) json.RawMessage {
	c.t.Helper()
	if caps == nil {
		caps = map[string]any{}
	}
	p := map[string]any{"processId": nil, "rootUri": nil, "capabilities": caps}
	if initOptions != nil {
		p["initializationOptions"] = initOptions
	}
	res := c.callOK("initialize", p, nil)
	c.notify("initialized", map[string]any{})
	return res
}

// initializeIn is initialize with a workspace folder.
func (c *client) initializeIn(dir string, caps any, initOptions any) json.RawMessage {
	c.t.Helper()
	if caps == nil {
		caps = map[string]any{}
	}
	p := map[string]any{
		"processId":        nil,
		"rootUri":          fileURI(dir),
		"workspaceFolders": []any{map[string]any{"uri": fileURI(dir), "name": "ws"}},
		"capabilities":     caps,
	}
	if initOptions != nil {
		p["initializationOptions"] = initOptions
	}
	res := c.callOK("initialize", p, nil)
	c.notify("initialized", map[string]any{})
	return res
}

// rawReply waits for the answer to a message written raw.
func (c *client) rawReply(what string) *message {
	c.t.Helper()
	select {
	case m := <-c.rawReplies:
		return m
	case <-time.After(hangGuard):
		c.t.Fatalf("no response to %s", what)
		return nil
	}
}

// serverText returns the server's copy of a document and its version.
func (c *client) serverText(uri string) (string, int32) {
	c.t.Helper()
	var res struct {
		Text    string `json:"text"`
		Version int32  `json:"version"`
	}
	c.callOK("designls/test.text", map[string]any{"uri": uri}, &res)
	return res.Text, res.Version
}

// idle waits until the server has published everything it will.
func (c *client) idle() {
	c.t.Helper()
	c.callOK("designls/test.idle", nil, nil)
}

func (c *client) open(uri, text string) {
	c.openVersion(uri, text, 1)
}

func (c *client) openVersion(uri, text string, version int32) {
	c.mu.Lock()
	c.docs[uri] = &clientDoc{text: text, version: version}
	c.mu.Unlock()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "markdown", "version": version, "text": text,
	}})
}

// replace sends the whole new text as a change with no range, and returns
// the new version.
func (c *client) replace(uri, text string) int32 {
	c.mu.Lock()
	d := c.docs[uri]
	d.text = text
	d.version++
	v := d.version
	c.mu.Unlock()
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": v},
		"contentChanges": []any{map[string]any{"text": text}},
	})
	return v
}

// edit sends incremental changes, applying them to the client's copy with
// the test's own UTF-16 arithmetic, and returns the new version.
func (c *client) edit(uri string, edits ...protocol.TextEdit) int32 {
	c.t.Helper()
	c.mu.Lock()
	d := c.docs[uri]
	var changes []any
	for _, e := range edits {
		text, err := applyUTF16(d.text, e)
		if err != nil {
			c.mu.Unlock()
			c.t.Fatalf("applying %+v: %v", e, err)
		}
		d.text = text
		changes = append(changes, map[string]any{"range": e.Range, "text": e.NewText})
	}
	d.version++
	v := d.version
	c.mu.Unlock()
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": v},
		"contentChanges": changes,
	})
	return v
}

func (c *client) text(uri string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.docs[uri].text
}

// diagnostics waits for the diagnostics of uri at version.
func (c *client) diagnostics(uri string, version int32) []protocol.Diagnostic {
	c.t.Helper()
	return c.publication(uri, version).Diagnostics
}

func (c *client) publication(uri string, version int32) publication {
	c.t.Helper()
	deadline := time.After(hangGuard)
	for {
		c.mu.Lock()
		for i := len(c.pubs) - 1; i >= 0; i-- {
			p := c.pubs[i]
			if p.URI == uri && p.Version != nil && *p.Version == version {
				c.mu.Unlock()
				return p
			}
		}
		signal := c.pubSignal
		c.mu.Unlock()
		select {
		case <-signal:
		case <-deadline:
			c.t.Fatalf("no diagnostics for %s version %d; got %v", uri, version, c.publications(uri))
		}
	}
}

// publications returns every publication for uri so far.
func (c *client) publications(uri string) []publication {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []publication
	for _, p := range c.pubs {
		if p.URI == uri {
			out = append(out, p)
		}
	}
	return out
}

// lastPublication waits for idleness and returns the last publication for
// uri, and whether there is one.
func (c *client) lastPublication(uri string) (publication, bool) {
	c.t.Helper()
	c.idle()
	pubs := c.publications(uri)
	if len(pubs) == 0 {
		return publication{}, false
	}
	return pubs[len(pubs)-1], true
}

func fileURI(path string) string { return string(uri.File(path)) }

// applyEditRequest answers workspace/applyEdit by applying the edit to
// the client's copies.
func (c *client) applyEditRequest(raw json.RawMessage) (any, *rpcError) {
	var p struct {
		Edit protocol.WorkspaceEdit `json:"edit"`
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, &rpcError{Code: -32602, Message: err.Error()}
	}
	for uri, edits := range p.Edit.Changes {
		c.mu.Lock()
		d := c.docs[string(uri)]
		c.mu.Unlock()
		if d == nil {
			return map[string]any{"applied": false, "failureReason": "not open"}, nil
		}
		text, err := applyEdits(d.text, edits)
		if err != nil {
			return map[string]any{"applied": false, "failureReason": err.Error()}, nil
		}
		c.mu.Lock()
		c.applied = append(c.applied, appliedEdit{uri: string(uri), text: text})
		c.mu.Unlock()
	}
	return map[string]any{"applied": true}, nil
}

type appliedEdit struct {
	uri, text string
}

// shutdown ends the session properly and returns what Serve returned.
func (c *client) shutdownAndExit() error {
	c.t.Helper()
	c.callOK("shutdown", nil, nil)
	c.notify("exit", nil)
	return c.serveResult()
}

func (c *client) serveResult() error {
	c.t.Helper()
	select {
	case err := <-c.served:
		c.served <- err // for Cleanup
		return err
	case <-time.After(hangGuard):
		c.t.Fatalf("Serve did not return")
		return nil
	}
}

// The test's own position arithmetic, written independently of Mapper:
// lines split at \r\n, \r and \n, characters counted in UTF-16 units.

type lineInfo struct{ start, end int } // content, without the line ending

func splitLines(text string) []lineInfo {
	var out []lineInfo
	start := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			out = append(out, lineInfo{start, i})
			start = i + 1
		case '\r':
			out = append(out, lineInfo{start, i})
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	return append(out, lineInfo{start, len(text)})
}

func offsetUTF16(text string, p protocol.Position) (int, error) {
	lines := splitLines(text)
	if int(p.Line) >= len(lines) {
		return 0, fmt.Errorf("line %d past the %d lines", p.Line, len(lines))
	}
	l := lines[p.Line]
	units := 0
	for i, r := range text[l.start:l.end] {
		if units == int(p.Character) {
			return l.start + i, nil
		}
		if units > int(p.Character) {
			return 0, fmt.Errorf("character %d splits a character", p.Character)
		}
		units += len(utf16.Encode([]rune{r}))
	}
	if units == int(p.Character) {
		return l.end, nil
	}
	return 0, fmt.Errorf("character %d past the end of line %d (%d units)", p.Character, p.Line, units)
}

func positionUTF16(text string, off int) protocol.Position {
	lines := splitLines(text)
	i := len(lines) - 1
	for i > 0 && lines[i].start > off {
		i--
	}
	l := lines[i]
	return protocol.Position{Line: uint32(i), Character: uint32(len(utf16.Encode([]rune(text[l.start:min(off, l.end)]))))}
}

func applyUTF16(text string, e protocol.TextEdit) (string, error) {
	start, err := offsetUTF16(text, e.Range.Start)
	if err != nil {
		return "", err
	}
	end, err := offsetUTF16(text, e.Range.End)
	if err != nil {
		return "", err
	}
	if end < start {
		return "", fmt.Errorf("range ends before it starts")
	}
	return text[:start] + e.NewText + text[end:], nil
}

// applyEdits applies edits that all refer to the original text, as a
// WorkspaceEdit's do, rejecting overlaps.
func applyEdits(text string, edits []protocol.TextEdit) (string, error) {
	type span struct {
		start, end int
		text       string
	}
	var spans []span
	for _, e := range edits {
		s, err := offsetUTF16(text, e.Range.Start)
		if err != nil {
			return "", err
		}
		en, err := offsetUTF16(text, e.Range.End)
		if err != nil {
			return "", err
		}
		spans = append(spans, span{s, en, e.NewText})
	}
	for i := range spans {
		for j := range spans {
			if i != j && spans[i].start < spans[j].end && spans[j].start < spans[i].end {
				return "", fmt.Errorf("edits overlap")
			}
			if i < j && spans[i].start == spans[j].start && spans[i].end == spans[i].start && spans[j].end == spans[j].start {
				return "", fmt.Errorf("two insertions at one offset: their order is undefined")
			}
		}
	}
	// Apply from the end so earlier offsets stay valid.
	for i := 0; i < len(spans); i++ {
		for j := i + 1; j < len(spans); j++ {
			if spans[j].start > spans[i].start {
				spans[i], spans[j] = spans[j], spans[i]
			}
		}
	}
	for _, s := range spans {
		text = text[:s.start] + s.text + text[s.end:]
	}
	return text, nil
}
