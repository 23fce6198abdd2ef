//go:build !unix

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
)

// execServer runs the server as a child, since Windows cannot replace a
// process's image: the child gets this process's standard streams, and its
// exit code becomes this one's.
func execServer(ctx context.Context, bin string, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = stdin, stdout, stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		if code := exit.ExitCode(); code >= 0 {
			return code
		}
		return 1
	default:
		fmt.Fprintln(stderr, describeExecError(bin, err))
		return 1
	}
}
