package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

func init() {
	register("serve", "[--stdio]",
		"run the language server (designls-lsp, installed beside designls) over stdio; editors start it", runServe)
}

// serverName is the language server's binary. It is separate from
// designls so that every other command starts without the protocol
// libraries; see cmd/designls-lsp.
const serverName = "designls-lsp"

// runServe hands the session to designls-lsp, passing its arguments on.
// Its exit code is the server's: 0 after shutdown and exit, 1 when the
// client exited or went away without shutdown, and 1 when no server was
// found.
func runServe(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	bin, tried := findServer()
	if bin == "" {
		fmt.Fprintf(stderr, "designls serve: the language server %s was not found; looked at:\n", exeName(serverName))
		for _, t := range tried {
			fmt.Fprintf(stderr, "  %s\n", t)
		}
		fmt.Fprintf(stderr, "install it beside designls: from a clone, `go install ./cmd/...`; otherwise\n"+
			"`go install github.com/designls/designls/cmd/...@latest`, or unpack both binaries of a release archive\n")
		return 1
	}
	return execServer(ctx, bin, args, stdin, stdout, stderr)
}

// findServer returns the designls-lsp to run, or "" and the places it
// looked. The one beside this executable comes first, so that a release
// archive or `go install ./cmd/...` runs the server of the same build
// whatever PATH says; symlinks are resolved first, since package managers
// link designls into a bin folder that does not hold its sibling.
func findServer() (string, []string) {
	name := exeName(serverName)
	var tried []string
	if self, err := os.Executable(); err == nil {
		if real, err := filepath.EvalSymlinks(self); err == nil {
			self = real
		}
		candidate := filepath.Join(filepath.Dir(self), name)
		tried = append(tried, candidate)
		if isExecutable(candidate) {
			return candidate, tried
		}
	}
	// exec.LookPath refuses a match found through a relative PATH entry
	// (such as "."), which is what an editor's working folder would be.
	if found, err := exec.LookPath(name); err == nil {
		if abs, err := filepath.Abs(found); err == nil {
			return abs, tried
		}
	}
	tried = append(tried, name+" on PATH")
	return "", tried
}

func exeName(name string) string {
	if runtime.GOOS == "windows" {
		return name + ".exe"
	}
	return name
}

func isExecutable(path string) bool {
	st, err := os.Stat(path)
	if err != nil || st.IsDir() {
		return false
	}
	return runtime.GOOS == "windows" || st.Mode().Perm()&0o111 != 0
}

// describeExecError says why the server could not be started.
func describeExecError(bin string, err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err // the path is already in the message
	}
	return fmt.Sprintf("designls serve: starting %s: %v", bin, err)
}
