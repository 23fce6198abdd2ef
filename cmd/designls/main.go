package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3".
var version = "dev"

// runFunc is a subcommand: it gets the arguments after its name and returns
// the process's exit code.
type runFunc func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int

type command struct {
	usage   string // synopsis after "designls NAME"
	summary string
	run     runFunc
}

// commands holds every subcommand. Files register theirs from init, which
// lets serve.go (owned by the language server) add "serve" without this
// file knowing it.
var commands = map[string]command{}

// register adds a subcommand; usage is the synopsis after its name.
func register(name, usage, summary string, run runFunc) {
	if _, dup := commands[name]; dup {
		panic("designls: subcommand " + name + " registered twice")
	}
	commands[name] = command{usage: usage, summary: summary, run: run}
}

// Exit codes shared by every subcommand.
const (
	exitOK       = 0
	exitFindings = 1 // findings at or above --fail-on
	exitTrouble  = 2 // usage error, unreadable input or invalid config
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches to a subcommand; tests call it with buffers.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitTrouble
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				fmt.Fprintf(stdout, "usage: designls %s %s\n\n%s\n", args[1], c.usage, c.summary)
				return exitOK
			}
			fmt.Fprintf(stderr, "designls: unknown command %q\n", args[1])
			return exitTrouble
		}
		usage(stdout)
		return exitOK
	case "version", "-version", "--version":
		fmt.Fprintf(stdout, "designls %s\n", version)
		return exitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "designls: unknown command %q\n\n", args[0])
		usage(stderr)
		return exitTrouble
	}
	return c.run(ctx, args[1:], stdin, stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprint(w, "designls reviews Markdown system-design docs the way an interviewer would.\n\nusage: designls COMMAND [ARGS]\n\ncommands:\n")
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	names := []string{"version", "help"}
	for name := range commands {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		switch name {
		case "version":
			fmt.Fprintf(tw, "  %s\t%s\n", name, "print the version (also --version)")
		case "help":
			fmt.Fprintf(tw, "  %s\t%s\n", name, "show this help, or a command's with help COMMAND (also -h)")
		default:
			fmt.Fprintf(tw, "  %s\t%s\n", name, commands[name].summary)
		}
	}
	tw.Flush()
	fmt.Fprint(w, "\nExit codes: 0 fine, 1 findings at or above --fail-on, 2 usage error, unreadable file or invalid config.\n")
}

// newFlags makes a flag set whose errors and help go to stderr in the same
// shape for every subcommand.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		c := commands[name]
		fmt.Fprintf(stderr, "usage: designls %s %s\n\n%s\n", name, c.usage, c.summary)
		if hasFlags(fs) {
			fmt.Fprintln(stderr, "\nflags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

func hasFlags(fs *flag.FlagSet) bool {
	any := false
	fs.VisitAll(func(*flag.Flag) { any = true })
	return any
}

// parseFlags parses args allowing flags after positional arguments
// ("check docs --format json"), as people type them. Everything after "--"
// is positional. It returns the positional arguments, or an exit code when
// parsing ended the command (-h, or a usage error already printed).
func parseFlags(fs *flag.FlagSet, args []string) ([]string, int, bool) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitTrouble, false
		}
		rest := fs.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), 0, true
		}
		if len(rest) == 0 {
			return pos, 0, true
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// usageError reports a mistake in how a command was called.
func usageError(stderr io.Writer, name, format string, args ...any) int {
	fmt.Fprintf(stderr, "designls %s: %s\nrun 'designls help %s' for usage\n", name, fmt.Sprintf(format, args...), name)
	return exitTrouble
}

// oneOf is a flag value restricted to a list of words.
func oneOf(value string, allowed ...string) bool {
	return slices.Contains(allowed, value)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// quoteList joins words for messages: "a, b or c".
func quoteList(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}
