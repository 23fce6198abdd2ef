package lsp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"

	"go.lsp.dev/jsonrpc2" // v0.10.0, pinned: see doc.go
)

// Options configure Serve.
type Options struct {
	// Log receives the server's own messages: problems with the client's
	// messages, recovered panics, configuration errors. It must not be the
	// protocol's output (stdout for `designls serve`); nil discards them.
	Log io.Writer
	// Version is reported to the client as serverInfo.version.
	Version string
}

// GCPercent is the garbage collector's target that designls-lsp runs
// with. Each keystroke's analysis is garbage by the next, so with Go's
// default of 100 the collector ran every few keystrokes on a long document
// and its assists made the slow tail of the latency; at 200, the p99 from
// a keystroke to its diagnostics on a 1,000-line document drops by about
// a quarter while 200 open documents still fit in under 50 MB resident
// (BenchmarkDidChange, BenchmarkOpenDocuments measure under it). A GOGC
// set by the user wins.
const GCPercent = 200

// ErrNoShutdown is returned by Serve when the client sent exit, or the
// input ended, without a shutdown request first; the process should then
// exit with status 1, as the protocol asks.
var ErrNoShutdown = errors.New("the client ended the session without a shutdown request")

// Serve runs a language server that reads requests from in and writes
// responses and notifications to out until the client sends exit, in
// ends or ctx is cancelled. It returns nil after shutdown followed by exit
// (or by the end of input), an error wrapping ErrNoShutdown when the
// session ended without shutdown, and any other error that stopped it.
//
// Serve does not close in or out, and writes nothing to out once it has
// returned. When it returns because ctx was
// cancelled, a read from in may still be blocked; closing in ends it.
func Serve(ctx context.Context, in io.Reader, out io.Writer, opts Options) error {
	lg := newLogger(opts.Log)
	st := newStream(in, out, lg)
	conn := jsonrpc2.NewConn(st)
	ctx, cancel := context.WithCancel(ctx)
	s := newServer(ctx, conn, st, lg, opts)
	conn.Go(ctx, s.handle)

	var err error
	select {
	case <-conn.Done():
		if e := conn.Err(); e != nil && !errors.Is(e, io.EOF) && !s.exited() {
			err = fmt.Errorf("reading from the client: %w", e)
		}
	case <-ctx.Done():
		err = ctx.Err()
		st.Close()
	}
	// Goroutines still running (an analysis, a request waiting on the
	// client) are not waited for: a core bug that never returns must not
	// keep the process alive. Cancelling stops those that can stop, and
	// closing the output guarantees none writes after Serve returns.
	cancel()
	st.closeOutput()
	if err != nil {
		return err
	}
	if !s.wasShutdown() {
		if s.exited() {
			return fmt.Errorf("exit: %w", ErrNoShutdown)
		}
		return fmt.Errorf("end of input: %w", ErrNoShutdown)
	}
	return nil
}

// logger writes the server's own messages. It is safe for concurrent use
// and for a nil receiver.
type logger struct {
	l *log.Logger
}

func newLogger(w io.Writer) *logger {
	if w == nil {
		w = io.Discard
	}
	return &logger{l: log.New(w, "designls: ", log.LstdFlags|log.Lmsgprefix)}
}

func (lg *logger) Printf(format string, args ...any) {
	if lg == nil {
		return
	}
	lg.l.Printf(format, args...)
}
