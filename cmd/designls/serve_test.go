package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
)

var (
	lspOnce sync.Once
	lspErr  error
)

// serverBeside builds designls-lsp next to the test's designls binary,
// stamped with the same version, and returns the folder holding both.
func serverBeside(t *testing.T) string {
	t.Helper()
	dir := filepath.Dir(binary)
	lspOnce.Do(func() {
		build := exec.Command("go", "build", "-ldflags", "-X main.version="+testVersion,
			"-o", filepath.Join(dir, exeName(serverName)), "../designls-lsp")
		if out, err := build.CombinedOutput(); err != nil {
			lspErr = fmt.Errorf("building designls-lsp: %v\n%s", err, out)
		}
	})
	if lspErr != nil {
		t.Fatal(lspErr)
	}
	return dir
}

// copyDesignls copies the designls binary alone into a new folder.
func copyDesignls(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(binary)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), filepath.Base(binary))
	if err := os.WriteFile(dst, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return dst
}

// session is a running `designls serve` driven over its stdio.
type session struct {
	t      *testing.T
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	stderr strings.Builder
}

func startServe(t *testing.T, bin, path string) *session {
	t.Helper()
	s := &session{t: t, cmd: exec.Command(bin, "serve", "--stdio")}
	s.cmd.Env = append(os.Environ(), "PATH="+path)
	s.cmd.Stderr = &s.stderr
	var err error
	if s.in, err = s.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	out, err := s.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	s.out = bufio.NewReader(out)
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.in.Close()
		s.cmd.Process.Kill()
		s.cmd.Wait()
	})
	return s
}

func (s *session) send(msg string) {
	s.t.Helper()
	if _, err := fmt.Fprintf(s.in, "Content-Length: %d\r\n\r\n%s", len(msg), msg); err != nil {
		s.t.Fatalf("writing to designls serve: %v (stderr: %s)", err, s.stderr.String())
	}
}

// reply reads messages until the response with the given id.
func (s *session) reply(id int) map[string]any {
	s.t.Helper()
	for {
		size := -1
		for {
			line, err := s.out.ReadString('\n')
			if err != nil {
				s.t.Fatalf("reading the reply to %d: %v (stderr: %s)", id, err, s.stderr.String())
			}
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				size, _ = strconv.Atoi(v)
			}
		}
		if size < 0 {
			s.t.Fatalf("a message without Content-Length (stderr: %s)", s.stderr.String())
		}
		body := make([]byte, size)
		if _, err := io.ReadFull(s.out, body); err != nil {
			s.t.Fatalf("reading a message body: %v", err)
		}
		var msg map[string]any
		if err := json.Unmarshal(body, &msg); err != nil {
			s.t.Fatalf("message %s: %v", body, err)
		}
		if got, ok := msg["id"].(float64); ok && int(got) == id && msg["method"] == nil {
			return msg
		}
	}
}

// exit sends exit, closes stdin and returns the process's exit code.
func (s *session) exit() int {
	s.t.Helper()
	s.send(`{"jsonrpc":"2.0","method":"exit"}`)
	s.in.Close()
	io.Copy(io.Discard, s.out)
	err := s.cmd.Wait()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	} else if err != nil {
		s.t.Fatalf("waiting for designls serve: %v", err)
	}
	return 0
}

const initialize = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}`

// TestServeRunsServer speaks a whole session to `designls serve` as an
// editor does, with designls-lsp found in each place serve looks.
func TestServeRunsServer(t *testing.T) {
	dir := serverBeside(t)
	empty := t.TempDir()
	cases := []struct {
		name      string
		bin, path string
	}{
		// A release archive or `go install ./cmd/...`: both in one folder,
		// and PATH leads nowhere.
		{"beside", binary, empty},
		// designls alone in its folder; the server is found on PATH.
		{"on PATH", copyDesignls(t), empty + string(os.PathListSeparator) + dir},
	}
	if runtime.GOOS != "windows" {
		// A package manager's bin folder holding a link to designls: the
		// server is beside the link's target, not beside the link.
		link := filepath.Join(t.TempDir(), "designls")
		if err := os.Symlink(binary, link); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, struct{ name, bin, path string }{"through a symlink", link, empty})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := startServe(t, c.bin, c.path)
			s.send(initialize)
			res, _ := s.reply(1)["result"].(map[string]any)
			info, _ := res["serverInfo"].(map[string]any)
			if info["name"] != "designls" || info["version"] != testVersion {
				t.Errorf("serverInfo = %v, want designls %s", info, testVersion)
			}
			s.send(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)
			s.send(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`)
			if r := s.reply(2); r["error"] != nil {
				t.Errorf("shutdown: %v", r["error"])
			}
			if code := s.exit(); code != 0 {
				t.Errorf("exit code %d after shutdown and exit, want 0; stderr:\n%s", code, s.stderr.String())
			}
		})
	}
}

// TestServeExitCodeWithoutShutdown checks that the server's exit code
// passes through serve: 1 when the client exits without shutdown.
func TestServeExitCodeWithoutShutdown(t *testing.T) {
	serverBeside(t)
	s := startServe(t, binary, t.TempDir())
	s.send(initialize)
	s.reply(1)
	if code := s.exit(); code != 1 {
		t.Errorf("exit code %d after exit without shutdown, want 1; stderr:\n%s", code, s.stderr.String())
	}
}

// TestServeNotFound checks what a user sees when only designls was
// installed: where serve looked and how to install the server.
func TestServeNotFound(t *testing.T) {
	bin := copyDesignls(t)
	s := startServe(t, bin, t.TempDir())
	s.in.Close()
	out, _ := io.ReadAll(s.out)
	err := s.cmd.Wait()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	}
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if len(out) != 0 {
		t.Errorf("stdout, the protocol stream, got %q", out)
	}
	msg := s.stderr.String()
	for _, want := range []string{
		"designls serve: the language server " + exeName(serverName) + " was not found",
		filepath.Join(filepath.Dir(bin), exeName(serverName)),
		exeName(serverName) + " on PATH",
		"go install ./cmd/...",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("stderr lacks %q:\n%s", want, msg)
		}
	}
}
