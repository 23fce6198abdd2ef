package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	segjson "github.com/segmentio/encoding/json"
	"go.lsp.dev/jsonrpc2" // v0.10.0, pinned: see doc.go
)

// maxHeaderLine and maxBody bound what one message may claim, so that a
// corrupt header cannot make the server allocate without limit.
const (
	maxHeaderLine = 4 << 10
	maxBody       = 256 << 20
)

// stream frames JSON-RPC messages with LSP's base protocol headers. It
// replaces jsonrpc2's own stream, which closes the connection on the first
// bad header or malformed body and only knows "Content-Length" spelled
// exactly so. Here header names are case-insensitive, and a message that
// cannot be used is answered on the spot (-32700 for bytes that are not
// JSON or a broken header, -32600 for JSON that is not a request) before
// reading goes on, so jsonrpc2's connection only ever sees good messages.
type stream struct {
	in  *bufio.Reader
	out io.Writer
	log *logger

	writeMu   sync.Mutex
	outClosed bool
	// stop makes Read report end of input: set after the exit
	// notification, whose handler runs on the reading goroutine, so no
	// read is in progress when it is set.
	stop atomic.Bool
}

func newStream(in io.Reader, out io.Writer, log *logger) *stream {
	return &stream{in: bufio.NewReaderSize(in, 64<<10), out: out, log: log}
}

// errHeader is a header block that cannot be used.
type errHeader struct{ msg string }

func (e *errHeader) Error() string { return e.msg }

// Read returns the next usable message. It returns io.EOF at the end of
// the input between messages and io.ErrUnexpectedEOF inside one.
func (s *stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	var first string // a header line already read while resynchronising
	for {
		if s.stop.Load() {
			return nil, 0, io.EOF
		}
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		length, err := s.readHeader(first)
		first = ""
		var bad *errHeader
		if errors.As(err, &bad) {
			s.log.Printf("bad message header: %s; skipping to the next header", bad.msg)
			s.writeError(nil, jsonrpc2.ParseError, "bad message header: "+bad.msg)
			if first, err = s.resync(); err != nil {
				return nil, 0, err
			}
			continue
		}
		if err != nil {
			return nil, 0, err
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(s.in, body); err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, 0, fmt.Errorf("reading a %d-byte message body: %w", length, err)
		}
		msg, ok := s.decode(body)
		if ok {
			return msg, int64(length), nil
		}
	}
}

// readHeader reads one header block and returns the content length. first,
// when not empty, is the block's first line, already read.
func (s *stream) readHeader(first string) (int, error) {
	length := -1
	seen := first != ""
	for {
		line := first
		first = ""
		if line == "" {
			var err error
			line, err = s.readLine()
			if err != nil {
				if err == io.EOF && seen {
					err = io.ErrUnexpectedEOF
				}
				return 0, err
			}
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if !seen {
				continue // stray blank lines between messages
			}
			if length < 0 {
				return 0, &errHeader{"no Content-Length header"}
			}
			return length, nil
		}
		seen = true
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return 0, &errHeader{fmt.Sprintf("header line %q has no colon", truncate(line, 40))}
		}
		if !strings.EqualFold(strings.TrimSpace(name), "content-length") {
			continue // Content-Type and anything else: nothing to do
		}
		n, err := strconv.Atoi(strings.TrimSpace(value))
		if err != nil || n < 0 || n > maxBody {
			return 0, &errHeader{fmt.Sprintf("Content-Length %q is not a length", truncate(value, 40))}
		}
		length = n
	}
}

// readLine reads one line, bounded by maxHeaderLine.
func (s *stream) readLine() (string, error) {
	var b []byte
	for {
		chunk, err := s.in.ReadSlice('\n')
		b = append(b, chunk...)
		if len(b) > maxHeaderLine {
			return string(b[:maxHeaderLine]), nil // reported as a bad header line
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && len(b) > 0 && err == io.EOF {
			return "", io.ErrUnexpectedEOF
		}
		return string(b), err
	}
}

// resync discards input up to the next "Content-Length" header, in any
// case, and returns that header's line. After a bad header the length of
// what follows is unknown, and the next message's header is the first
// place from which reading can safely go on.
func (s *stream) resync() (string, error) {
	const want = "content-length"
	matched := 0
	for {
		c, err := s.in.ReadByte()
		if err != nil {
			return "", err
		}
		switch {
		case lower(c) == want[matched]:
			matched++
		case lower(c) == want[0]:
			matched = 1
		default:
			matched = 0
		}
		if matched == len(want) {
			rest, err := s.readLine()
			if err != nil && err != io.EOF {
				return "", err
			}
			return want + rest, nil
		}
	}
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// probe is the envelope of any JSON-RPC message, with every member kept
// raw so that its type can be checked before jsonrpc2 sees it.
type probe struct {
	JSONRPC json.RawMessage `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Method  json.RawMessage `json:"method"`
	Params  json.RawMessage `json:"params"`
	Result  json.RawMessage `json:"result"`
	Error   json.RawMessage `json:"error"`
}

// decode turns a body into a message, or answers it with an error and
// returns false.
func (s *stream) decode(body []byte) (jsonrpc2.Message, bool) {
	if !json.Valid(body) {
		s.log.Printf("message body is not JSON: %s", truncate(string(body), 80))
		s.writeError(nil, jsonrpc2.ParseError, "message body is not valid JSON")
		return nil, false
	}
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '{' {
		s.writeError(nil, jsonrpc2.InvalidRequest, "a message must be a JSON object (batches are not part of LSP)")
		return nil, false
	}
	var p probe
	if err := segjson.Unmarshal(body, &p); err != nil {
		s.writeError(nil, jsonrpc2.ParseError, "message body is not valid JSON")
		return nil, false
	}
	id, idOK := decodeID(p.ID)
	present := func(raw json.RawMessage) bool { return len(raw) > 0 }
	invalid := func(format string, args ...any) (jsonrpc2.Message, bool) {
		var echo json.RawMessage
		if present(p.ID) && !isNull(p.ID) && (p.ID[0] == '"' || isNumber(p.ID)) {
			echo = p.ID
		}
		msg := fmt.Sprintf(format, args...)
		s.log.Printf("invalid request: %s", msg)
		s.writeError(echo, jsonrpc2.InvalidRequest, msg)
		return nil, false
	}
	if present(p.JSONRPC) && string(bytes.TrimSpace(p.JSONRPC)) != `"2.0"` {
		return invalid(`"jsonrpc" must be "2.0"`)
	}
	if !present(p.Method) {
		if present(p.ID) && (present(p.Result) || present(p.Error)) {
			if !idOK {
				s.log.Printf("dropping a response with id %s: designls never sent it", p.ID)
				return nil, false
			}
			var rerr error
			if present(p.Error) && !isNull(p.Error) {
				var e jsonrpc2.Error
				if err := json.Unmarshal(p.Error, &e); err != nil {
					e = jsonrpc2.Error{Code: jsonrpc2.InternalError, Message: "malformed error in response: " + string(p.Error)}
				}
				rerr = &e
			}
			resp, _ := jsonrpc2.NewResponse(id, rawResult(p.Result), rerr)
			return resp, true
		}
		return invalid(`a request needs a "method"`)
	}
	var method string
	if err := json.Unmarshal(p.Method, &method); err != nil {
		return invalid(`"method" must be a string`)
	}
	if present(p.Params) && !isNull(p.Params) {
		if c := bytes.TrimSpace(p.Params)[0]; c != '{' && c != '[' {
			return invalid(`"params" of %s must be an object or an array`, method)
		}
	}
	params := rawParams(p.Params)
	if !present(p.ID) {
		n, _ := jsonrpc2.NewNotification(method, params)
		return n, true
	}
	if !idOK {
		return invalid(`"id" of %s must be a string or an integer that fits in 32 bits`, method)
	}
	c, _ := jsonrpc2.NewCall(id, method, params)
	return c, true
}

// rawParams keeps params as they came, with absent and null both becoming
// null, so that handlers decode them once.
func rawParams(raw json.RawMessage) segjson.RawMessage {
	if len(raw) == 0 {
		return segjson.RawMessage("null")
	}
	return segjson.RawMessage(raw)
}

func rawResult(raw json.RawMessage) segjson.RawMessage {
	if len(raw) == 0 {
		return segjson.RawMessage("null")
	}
	return segjson.RawMessage(raw)
}

// decodeID converts a request ID into jsonrpc2's, which holds a string or
// an int32. Anything else cannot be echoed back through jsonrpc2 and is
// refused; the empty string is refused because jsonrpc2 would write it back
// as the number 0.
func decodeID(raw json.RawMessage) (jsonrpc2.ID, bool) {
	if len(raw) == 0 {
		return jsonrpc2.ID{}, false
	}
	if raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) != nil || s == "" {
			return jsonrpc2.ID{}, false
		}
		return jsonrpc2.NewStringID(s), true
	}
	if !isNumber(raw) {
		return jsonrpc2.ID{}, false
	}
	f, err := strconv.ParseFloat(string(raw), 64)
	if err != nil || f != math.Trunc(f) || f < math.MinInt32 || f > math.MaxInt32 {
		return jsonrpc2.ID{}, false
	}
	return jsonrpc2.NewNumberID(int32(f)), true
}

func isNull(raw json.RawMessage) bool { return string(bytes.TrimSpace(raw)) == "null" }

func isNumber(raw json.RawMessage) bool {
	return len(raw) > 0 && (raw[0] == '-' || '0' <= raw[0] && raw[0] <= '9')
}

// idKey names a request ID the same way for jsonrpc2's ID and for the raw
// ID in $/cancelRequest: "#5" for numbers, a quoted string for strings.
func idKey(id jsonrpc2.ID) string { return fmt.Sprintf("%q", id) }

// rawIDKey is idKey for an ID as it appears in JSON; "" when it cannot be
// one of ours.
func rawIDKey(raw json.RawMessage) string {
	id, ok := decodeID(raw)
	if !ok {
		return ""
	}
	return idKey(id)
}

// Write sends one message.
func (s *stream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	data, err := segjson.Marshal(msg)
	if err != nil {
		return 0, fmt.Errorf("encoding a message: %w", err)
	}
	return s.writeFrame(data)
}

func (s *stream) writeFrame(data []byte) (int64, error) {
	frame := make([]byte, 0, len(data)+32)
	frame = append(frame, "Content-Length: "...)
	frame = strconv.AppendInt(frame, int64(len(data)), 10)
	frame = append(frame, "\r\n\r\n"...)
	frame = append(frame, data...)
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if s.outClosed {
		return 0, errOutputClosed
	}
	n, err := s.out.Write(frame)
	if err != nil {
		return int64(n), fmt.Errorf("writing a message: %w", err)
	}
	return int64(n), nil
}

// writeError answers a message that never reaches jsonrpc2. id is the raw
// ID to echo, or nil for null.
func (s *stream) writeError(id json.RawMessage, code jsonrpc2.Code, message string) {
	if len(id) == 0 {
		id = json.RawMessage("null")
	}
	data, err := json.Marshal(struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      json.RawMessage `json:"id"`
		Error   jsonrpc2.Error  `json:"error"`
	}{"2.0", id, jsonrpc2.Error{Code: code, Message: message}})
	if err != nil {
		return
	}
	if _, err := s.writeFrame(data); err != nil {
		s.log.Printf("%v", err)
	}
}

var errOutputClosed = errors.New("the session has ended")

// closeOutput makes every later write fail without touching out.
func (s *stream) closeOutput() {
	s.writeMu.Lock()
	s.outClosed = true
	s.writeMu.Unlock()
}

// Close stops reading. The input and output belong to the caller of Serve,
// which closes them if it wants to.
func (s *stream) Close() error {
	s.stop.Store(true)
	return nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
