package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/designls/designls/lsp"
)

func init() {
	register("serve", "[--stdio]",
		"run the language server, speaking LSP on stdin and stdout (editors start it; see editors/)", runServe)
}

// runServe runs one language server session. Its exit code is the
// protocol's, not the other commands': 0 after shutdown and exit, 1 when
// the client exited or went away without shutdown.
func runServe(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	// Clients add these when they start a server over stdio; stdio is the
	// only transport, so they change nothing.
	fs.Bool("stdio", true, "talk LSP over stdin and stdout (the only transport)")
	fs.Int("clientProcessId", 0, "accepted and ignored: the session ends when stdin does")
	rest, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return usageError(stderr, "serve", "unexpected argument %q", rest[0])
	}
	// stdout carries the protocol: everything else goes to stderr, which
	// editors show as the server's log.
	err := lsp.Serve(ctx, stdin, stdout, lsp.Options{Log: stderr, Version: version})
	if err != nil {
		if !errors.Is(err, lsp.ErrNoShutdown) {
			fmt.Fprintf(stderr, "designls serve: %v\n", err)
		}
		return 1
	}
	return 0
}
