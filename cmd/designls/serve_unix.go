//go:build unix

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"syscall"
)

// execServer replaces this process with the server, so that the editor's
// pipes, signals and the server's exit code reach it with nothing in
// between, and no second process stays alive for the session. It returns
// only when the exec failed.
func execServer(_ context.Context, bin string, args []string, _ io.Reader, _, stderr io.Writer) int {
	err := syscall.Exec(bin, append([]string{bin}, args...), os.Environ())
	fmt.Fprintln(stderr, describeExecError(bin, err))
	return 1
}
