package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/designls/designls/lsp"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3",
// like designls's own, so that one release stamps both binaries the same.
var version = "dev"

const (
	exitOK      = 0
	exitSession = 1 // the session ended without shutdown, or failed
	exitUsage   = 2
)

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(lsp.GCPercent)
	}
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run serves one session; tests call it with pipes.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 1 && args[0] == "version" {
		fmt.Fprintf(stdout, "designls-lsp %s\n", version)
		return exitOK
	}
	fs := flag.NewFlagSet("designls-lsp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	// Clients add these when they start a server over stdio; stdio is the
	// only transport, so they change nothing.
	fs.Bool("stdio", true, "talk LSP over stdin and stdout (the only transport)")
	fs.Int("clientProcessId", 0, "accepted and ignored: the session ends when stdin does")
	showVersion := fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprint(stderr, "usage: designls-lsp [--stdio] [--version]\n\n"+
			"designls-lsp is designls's language server, speaking LSP on stdin and stdout.\n"+
			"Editors start it, usually as `designls serve`; see editors/.\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "designls-lsp: unexpected argument %q\nrun 'designls-lsp -h' for usage\n", fs.Arg(0))
		return exitUsage
	}
	if *showVersion {
		fmt.Fprintf(stdout, "designls-lsp %s\n", version)
		return exitOK
	}
	// stdout carries the protocol: everything else goes to stderr, which
	// editors show as the server's log.
	err := lsp.Serve(ctx, stdin, stdout, lsp.Options{Log: stderr, Version: version})
	if err != nil {
		if !errors.Is(err, lsp.ErrNoShutdown) {
			fmt.Fprintf(stderr, "designls-lsp: %v\n", err)
		}
		return exitSession
	}
	return exitOK
}
