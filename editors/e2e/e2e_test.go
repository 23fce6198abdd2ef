package e2e

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// runTimeout bounds one editor or tool run. Editors bound each of their
// own waits more tightly (stepTimeout), so this only catches a hang.
const runTimeout = 3 * time.Minute

// stepTimeout bounds each wait inside an editor scenario.
const stepTimeout = 30 * time.Second

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// strict reports whether missing tools are failures (CI) rather than skips.
func strict() bool { return os.Getenv("DESIGNLS_E2E") == "1" }

// need returns the path of tool, or skips the test (fails it in strict
// mode) with what to install.
func need(t *testing.T, tool, install string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err == nil {
		return path
	}
	msg := fmt.Sprintf("%s not found on PATH (install: %s)", tool, install)
	if strict() {
		t.Fatalf("%s; DESIGNLS_E2E=1 requires it", msg)
	}
	t.Skip(msg + "; set DESIGNLS_E2E=1 to make this a failure")
	return ""
}

// repoRoot is the module root: two levels above this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Dir(filepath.Dir(wd))
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("no go.mod two levels above %s: %v", wd, err)
	}
	return root
}

// designls builds cmd/designls and cmd/designls-lsp into one folder once
// per test binary and returns designls's path: editors start `designls
// serve`, which runs the designls-lsp beside it. DESIGNLS_E2E_BIN names a
// designls to test instead, such as one unpacked from `make dist`, with
// its designls-lsp beside it.
func designls(t *testing.T) string {
	t.Helper()
	if bin := os.Getenv("DESIGNLS_E2E_BIN"); bin != "" {
		abs, err := filepath.Abs(bin)
		if err != nil {
			t.Fatal(err)
		}
		return abs
	}
	root := repoRoot(t)
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "designls-e2e-")
		if binErr != nil {
			return
		}
		name := "designls"
		if runtime.GOOS == "windows" {
			name += ".exe"
		}
		binPath = filepath.Join(binDir, name)
		// -o with a trailing separator names a folder for both binaries.
		cmd := exec.Command("go", "build", "-o", binDir+string(filepath.Separator), "./cmd/designls", "./cmd/designls-lsp")
		cmd.Dir = root
		out, err := cmd.CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build ./cmd/designls ./cmd/designls-lsp: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// exampleDoc copies examples/feature-flags.md into a fresh git repository
// (so editors take it as the project root) and returns its path.
func exampleDoc(t *testing.T) string {
	t.Helper()
	src := filepath.Join(repoRoot(t), "examples", "feature-flags.md")
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("rubric: system-design")) {
		t.Fatalf("%s no longer declares rubric: system-design; the editor tests rely on it", src)
	}
	if bytes.Contains(data, []byte("## SLO")) {
		t.Fatalf("%s has an SLO section; the editor tests need it missing", src)
	}
	dir := filepath.Join(t.TempDir(), "project")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// A real repository, as users have: eglot lists a project's files
	// with git, and a bare .git folder would make that fail.
	if git, err := exec.LookPath("git"); err == nil {
		if out, err := exec.Command(git, "init", "-q", dir).CombinedOutput(); err != nil {
			t.Fatalf("git init: %v\n%s", err, out)
		}
	} else if err := os.MkdirAll(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "feature-flags.md")
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// isolatedEnv is the environment with HOME and the XDG folders moved into
// a temporary folder, so that a developer's editor configuration, plugins
// and caches cannot change the outcome.
func isolatedEnv(t *testing.T, extra ...string) ([]string, string) {
	t.Helper()
	home := filepath.Join(t.TempDir(), "home")
	for _, d := range []string{"config", "data", "state", "cache"} {
		if err := os.MkdirAll(filepath.Join(home, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "NVIM_APPNAME", "VIMINIT", "EMACSLOADPATH":
			continue
		}
		env = append(env, kv)
	}
	env = append(env,
		"HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"),
		"XDG_DATA_HOME="+filepath.Join(home, "data"),
		"XDG_STATE_HOME="+filepath.Join(home, "state"),
		"XDG_CACHE_HOME="+filepath.Join(home, "cache"),
		fmt.Sprintf("DESIGNLS_STEP_TIMEOUT_MS=%d", stepTimeout.Milliseconds()),
	)
	return append(env, extra...), home
}

// run runs cmd with runTimeout and no standard input (so that a prompt
// fails instead of hanging) and returns its combined output.
func run(t *testing.T, cmd *exec.Cmd) ([]byte, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()
	c := exec.CommandContext(ctx, cmd.Path, cmd.Args[1:]...)
	c.Dir, c.Env = cmd.Dir, cmd.Env
	c.Stdin = nil
	c.WaitDelay = 5 * time.Second
	var buf bytes.Buffer
	c.Stdout, c.Stderr = &buf, &buf
	err := c.Run()
	if ctx.Err() != nil {
		err = fmt.Errorf("%v: killed after %v", err, runTimeout)
	}
	return buf.Bytes(), err
}

// dump logs a file (an editor's log) under a heading, for failures.
func dump(t *testing.T, title, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Logf("%s: %v", title, err)
		return
	}
	defer f.Close()
	// The end of a log says most about a failure; keep the last 64 KiB.
	const keep = 64 << 10
	if st, err := f.Stat(); err == nil && st.Size() > keep {
		f.Seek(st.Size()-keep, io.SeekStart)
	}
	data, _ := io.ReadAll(f)
	t.Logf("----- %s (%s) -----\n%s\n----- end of %s -----", title, path, data, title)
}
