package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"

	segjson "github.com/segmentio/encoding/json"
	"go.lsp.dev/jsonrpc2" // v0.10.0, pinned: see doc.go
	"go.lsp.dev/protocol" // v0.12.0, pinned: see doc.go
)

// lifecycle is where the session is in the protocol's state machine.
type lifecycle int

const (
	uninitialized lifecycle = iota // before the initialize request
	running                        // after initialize, before shutdown
	shutDown                       // after shutdown; only exit is accepted
)

// server is one session with one client.
type server struct {
	ctx    context.Context // cancelled when Serve returns
	conn   jsonrpc2.Conn
	stream *stream
	log    *logger
	opts   Options
	active counter // background goroutines, for tests

	mu       sync.Mutex
	state    lifecycle
	exit     bool
	inflight map[string]context.CancelFunc // by idKey

	// Set by initialize on the reading goroutine before any other message
	// is handled, and read-only afterwards.
	enc  PositionEncoding
	caps clientCapabilities

	docs documents
	cfg  *configState
}

func newServer(ctx context.Context, conn jsonrpc2.Conn, st *stream, lg *logger, opts Options) *server {
	s := &server{
		ctx:      ctx,
		conn:     conn,
		stream:   st,
		log:      lg,
		opts:     opts,
		inflight: map[string]context.CancelFunc{},
		enc:      UTF16,
		docs:     documents{m: map[protocol.DocumentURI]*document{}},
	}
	s.cfg = newConfigState(s)
	return s
}

func (s *server) exited() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.exit
}

func (s *server) wasShutdown() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state == shutDown
}

// handle is the jsonrpc2 handler. It runs on the connection's only reading
// goroutine, so it must return quickly: requests other than the lifecycle
// ones continue on goroutines of their own. It never returns an error,
// which would make jsonrpc2 close the connection.
func (s *server) handle(_ context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	switch r := req.(type) {
	case *jsonrpc2.Call:
		s.call(r, reply)
	case *jsonrpc2.Notification:
		s.notification(r)
	}
	return nil
}

// goBackground runs background work (analysis, configuration) off the
// reading goroutine. f must give up when s.ctx is cancelled, as every
// wait on the client does. Tests wait for all such work through s.active.
func (s *server) goBackground(f func()) {
	s.active.add(1)
	go func() {
		defer s.active.add(-1)
		f()
	}()
}

// respondOnce wraps reply so that a request is answered exactly once, with
// an error every client understands: jsonrpc2 would send an error that is
// not a *jsonrpc2.Error with code 0, and would send nothing at all for a
// result it fails to encode.
func (s *server) respondOnce(c *jsonrpc2.Call, reply jsonrpc2.Replier) func(result any, err error) {
	var once sync.Once
	method := c.Method()
	return func(result any, err error) {
		once.Do(func() {
			var out any
			if err == nil {
				data, merr := segjson.Marshal(result)
				if merr != nil {
					s.log.Printf("%s: cannot encode the result: %v", method, merr)
					err = fmt.Errorf("cannot encode the result: %v", merr)
				} else {
					out = json.RawMessage(data)
				}
			}
			if err != nil {
				err = asRPCError(err)
			}
			if werr := reply(s.ctx, out, err); werr != nil && s.ctx.Err() == nil {
				s.log.Printf("%s: replying: %v", method, werr)
			}
		})
	}
}

func asRPCError(err error) *jsonrpc2.Error {
	var e *jsonrpc2.Error
	if errors.As(err, &e) {
		if e.Message != err.Error() {
			return &jsonrpc2.Error{Code: e.Code, Message: err.Error()}
		}
		return e
	}
	return &jsonrpc2.Error{Code: jsonrpc2.InternalError, Message: err.Error()}
}

func rpcErrorf(code jsonrpc2.Code, format string, args ...any) *jsonrpc2.Error {
	return &jsonrpc2.Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// call dispatches a request.
func (s *server) call(c *jsonrpc2.Call, reply jsonrpc2.Replier) {
	respond := s.respondOnce(c, reply)
	method := c.Method()
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch {
	case method == "initialize" && state != uninitialized:
		respond(nil, rpcErrorf(jsonrpc2.InvalidRequest, "initialize was already received"))
		return
	case state == uninitialized && method != "initialize":
		respond(nil, rpcErrorf(jsonrpc2.ServerNotInitialized, "%s before initialize", method))
		return
	case state == shutDown:
		respond(nil, rpcErrorf(jsonrpc2.InvalidRequest, "%s after shutdown", method))
		return
	}
	h, ok := requests[method]
	if !ok {
		h, ok = testRequests[method]
	}
	if !ok {
		respond(nil, rpcErrorf(jsonrpc2.MethodNotFound, "method not found: designls does not implement %s", method))
		return
	}
	var run func(context.Context) (any, error)
	_, err := s.safely(method, func() (any, error) {
		var err error
		run, err = h.prepare(s, c.Params())
		return nil, err
	})
	if err != nil {
		respond(nil, err)
		return
	}
	if h.sync {
		respond(s.safely(method, func() (any, error) { return run(s.ctx) }))
		return
	}
	ctx, cancel := context.WithCancel(s.ctx)
	key := idKey(c.ID())
	s.mu.Lock()
	s.inflight[key] = cancel
	s.mu.Unlock()
	go func() {
		result, err := s.safely(method, func() (any, error) { return run(ctx) })
		s.mu.Lock()
		delete(s.inflight, key)
		s.mu.Unlock()
		if ctx.Err() != nil && s.ctx.Err() == nil {
			result, err = nil, rpcErrorf(protocol.CodeRequestCancelled, "%s was cancelled", method)
		}
		cancel()
		respond(result, err)
	}()
}

// safely runs f, turning a panic into an internal error that is logged
// with its stack: a bug in one feature must not take the session down.
func (s *server) safely(method string, f func() (any, error)) (result any, err error) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Printf("panic in %s: %v\n%s", method, r, debug.Stack())
			result, err = nil, rpcErrorf(jsonrpc2.InternalError, "internal error in %s: %v", method, r)
		}
	}()
	return f()
}

// notification dispatches a notification. Notifications are handled in
// order on the reading goroutine: they only update state and schedule
// work, and their order matters (a change after an open).
func (s *server) notification(n *jsonrpc2.Notification) {
	method := n.Method()
	switch method {
	case "exit":
		s.mu.Lock()
		s.exit = true
		s.mu.Unlock()
		// The next read reports the end of input, which ends Serve.
		s.stream.stop.Store(true)
		return
	case "$/cancelRequest":
		s.cancelRequest(n.Params())
		return
	}
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	if state != running {
		if !strings.HasPrefix(method, "$/") {
			s.log.Printf("dropping %s: %s", method, map[lifecycle]string{uninitialized: "not initialized yet", shutDown: "shut down"}[state])
		}
		return
	}
	h, ok := notifications[method]
	if !ok {
		// $/ notifications are optional by definition; others are logged
		// so that a missing feature shows in the client's server log.
		if !strings.HasPrefix(method, "$/") {
			s.log.Printf("ignoring notification %s", method)
		}
		return
	}
	if _, err := s.safely(method, func() (any, error) { return nil, h(s, n.Params()) }); err != nil {
		s.log.Printf("%s: %v", method, err)
	}
}

// cancelRequest cancels an in-flight request. The ID is matched as it was
// sent: protocol v0.12.0 compares a float64 with an int32 and never finds
// numeric IDs, which all clients use.
func (s *server) cancelRequest(raw json.RawMessage) {
	var p struct {
		ID json.RawMessage `json:"id"`
	}
	if err := decodeParams(raw, &p); err != nil {
		s.log.Printf("$/cancelRequest: %v", err)
		return
	}
	key := rawIDKey(p.ID)
	s.mu.Lock()
	cancel := s.inflight[key]
	s.mu.Unlock()
	if cancel != nil {
		cancel()
	}
}

// decodeParams decodes params into p; absent and null params leave p at
// its zero value, since several methods have none and clients differ in
// how they say so.
func decodeParams(raw json.RawMessage, p any) error {
	if len(raw) == 0 || isNull(raw) {
		return nil
	}
	if err := segjson.Unmarshal(raw, p); err != nil {
		return rpcErrorf(jsonrpc2.InvalidParams, "invalid params: %v", err)
	}
	return nil
}

// notify sends a notification to the client, logging failures: a client
// that has gone away is noticed by the reading side.
func (s *server) notify(method string, params any) {
	if err := s.conn.Notify(s.ctx, method, params); err != nil && s.ctx.Err() == nil {
		s.log.Printf("sending %s: %v", method, err)
	}
}

// callClient sends a request to the client and decodes its result.
func (s *server) callClient(ctx context.Context, method string, params, result any) error {
	_, err := s.conn.Call(ctx, method, params, result)
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	return nil
}

// showMessage tells the user about something they must fix, such as bad
// settings, that has no document to attach a diagnostic to.
func (s *server) showMessage(typ protocol.MessageType, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	s.log.Printf("%s", msg)
	s.notify("window/showMessage", &protocol.ShowMessageParams{Type: typ, Message: "designls: " + msg})
}
