package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommit runs the hook in .pre-commit-hooks.yaml the way a user
// tries it, `pre-commit try-repo REPO designls --all-files`, on a fresh git
// repository holding the incomplete example design doc, and expects the
// hook to fail with designls's findings.
//
// try-repo clones a repository at HEAD (plus changes to tracked files), so
// the test gives it a snapshot of the working tree committed into a
// temporary repository: what is tested is what is on disk, as for every
// other test. pre-commit builds the hook with `go install ./...`; the test
// points it at the local module cache with the module proxy turned off, so
// it needs no network once `go mod download` has run.
func TestPreCommit(t *testing.T) {
	pc := need(t, "pre-commit", "apt-get install pre-commit")
	git := need(t, "git", "apt-get install git")
	root := repoRoot(t)

	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatalf("go env GOMODCACHE: %v", err)
	}
	gocache, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		t.Fatalf("go env GOCACHE: %v", err)
	}

	repo := filepath.Join(t.TempDir(), "repo")
	if err := os.MkdirAll(filepath.Join(repo, "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile(filepath.Join(root, "examples", "feature-flags.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, "docs", "feature-flags.md"), example, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "docs/feature-flags.md"}} {
		cmd := exec.Command(git, args...)
		cmd.Dir = repo
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}

	env, home := isolatedEnv(t,
		"GOMODCACHE="+strings.TrimSpace(string(modcache)),
		"GOCACHE="+strings.TrimSpace(string(gocache)),
		"GOPROXY=off",
		"GOFLAGS=-buildvcs=false -trimpath", // -trimpath: build-cache hits despite the snapshot's new path
		"GIT_AUTHOR_NAME=e2e", "GIT_AUTHOR_EMAIL=e2e@example.invalid",
		"GIT_COMMITTER_NAME=e2e", "GIT_COMMITTER_EMAIL=e2e@example.invalid",
	)
	env = append(env, "PRE_COMMIT_HOME="+filepath.Join(home, "pre-commit"))
	hooks := snapshot(t, git, root)
	cmd := exec.Command(pc, "try-repo", hooks, "designls", "--all-files", "--verbose")
	cmd.Dir, cmd.Env = repo, env
	out, err := run(t, cmd)
	text := string(out)
	defer func() {
		if t.Failed() {
			t.Logf("pre-commit output:\n%s", text)
			dump(t, "pre-commit log", filepath.Join(home, "pre-commit", "pre-commit.log"))
		}
	}()

	exit, ok := err.(*exec.ExitError)
	if !ok || exit.ExitCode() != 1 {
		t.Fatalf("pre-commit try-repo: %v; want exit status 1 (the hook found problems)", err)
	}
	if !strings.Contains(text, "designls") || !strings.Contains(text, "Failed") {
		t.Errorf("output does not show the designls hook failing")
	}
	if !strings.Contains(text, "docs/feature-flags.md") {
		t.Errorf("output does not name the checked file docs/feature-flags.md")
	}
	if !strings.Contains(text, "missing-section") {
		t.Errorf("output has no missing-section finding from designls check")
	}
	if strings.Contains(text, "Executable `designls` not found") || strings.Contains(text, "An unexpected error has occurred") {
		t.Errorf("the hook did not run designls")
	}
}

// snapshot commits the working tree of root (tracked files and untracked
// ones that are not ignored) into a new repository and returns its path.
func snapshot(t *testing.T, git, root string) string {
	t.Helper()
	list := exec.Command(git, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	list.Dir = root
	out, err := list.Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	dst := filepath.Join(t.TempDir(), "designls")
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		src := filepath.Join(root, name)
		st, err := os.Lstat(src)
		if err != nil || !st.Mode().IsRegular() {
			continue // deleted in the working tree, or not a plain file
		}
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		to := filepath.Join(dst, name)
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, data, st.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "-A"},
		{"-c", "user.name=e2e", "-c", "user.email=e2e@example.invalid", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "snapshot"},
	} {
		cmd := exec.Command(git, args...)
		cmd.Dir = dst
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s in the snapshot: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return dst
}
