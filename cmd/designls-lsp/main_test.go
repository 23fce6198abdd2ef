package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func runWith(args []string, stdin string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"-version"}, {"version"}} {
		code, out, _ := runWith(args, "")
		if code != 0 || out != "designls-lsp dev\n" {
			t.Errorf("%v: exit %d, stdout %q", args, code, out)
		}
	}
}

func TestUsage(t *testing.T) {
	code, out, errs := runWith([]string{"-h"}, "")
	if code != 0 || out != "" || !strings.Contains(errs, "usage: designls-lsp") || !strings.Contains(errs, "-clientProcessId") {
		t.Errorf("-h: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	for _, args := range [][]string{{"--no-such-flag"}, {"serve"}, {"--stdio", "extra"}} {
		code, out, errs := runWith(args, "")
		if code != 2 || out != "" || errs == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and a message", args, code, out, errs)
		}
	}
}

// The flags editors add are accepted, and a session that ends without
// shutdown exits 1 with nothing on the protocol stream.
func TestNoShutdownExitsOne(t *testing.T) {
	for _, args := range [][]string{nil, {"--stdio"}, {"--stdio", "--clientProcessId=4242"}, {"--clientProcessId", "4242"}} {
		code, out, errs := runWith(args, "")
		if code != 1 || out != "" {
			t.Errorf("%v with empty input: exit %d, stdout %q, stderr %q; want exit 1", args, code, out, errs)
		}
	}
}
