package e2e

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// TestMakeDist builds the host platform with the Makefile's dist target and
// checks what a release needs: the binary runs and reports the stamped
// version, and SHA256SUMS lists exactly the binaries with their real
// digests. The other platforms go through the same loop; building all six
// here would only cost time.
func TestMakeDist(t *testing.T) {
	mk := need(t, "make", "apt-get install make")
	root := repoRoot(t)

	text, err := os.ReadFile(filepath.Join(root, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^PLATFORMS\s*\?=\s*(.*)$`).FindSubmatch(text)
	if m == nil {
		t.Fatal("Makefile sets no default PLATFORMS")
	}
	got := strings.Fields(string(m[1]))
	for _, os := range []string{"linux", "darwin", "windows"} {
		for _, arch := range []string{"amd64", "arm64"} {
			want := os + "/" + arch
			if !contains(got, want) {
				t.Errorf("default PLATFORMS %q lacks %s", got, want)
			}
		}
	}

	dist := t.TempDir()
	host := runtime.GOOS + "/" + runtime.GOARCH
	const version = "v9.8.7-e2e"
	cmd := exec.Command(mk, "-C", root, "dist", "PLATFORMS="+host, "DIST="+dist, "VERSION="+version)
	cmd.Env = append(os.Environ(), "GOFLAGS=-buildvcs=false")
	out, err := run(t, cmd)
	if err != nil {
		t.Fatalf("make dist: %v\n%s", err, out)
	}

	name := "designls-" + runtime.GOOS + "-" + runtime.GOARCH
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	bin := filepath.Join(dist, name)
	v, err := exec.Command(bin, "version").CombinedOutput()
	if err != nil {
		t.Fatalf("%s version: %v\n%s", bin, err, v)
	}
	if strings.TrimSpace(string(v)) != "designls "+version {
		t.Errorf("%s version printed %q, want %q", name, v, "designls "+version)
	}

	sums := readSums(t, filepath.Join(dist, "SHA256SUMS"))
	entries, err := os.ReadDir(dist)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() == "SHA256SUMS" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dist, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.Sum256(data)
		if sums[e.Name()] != hex.EncodeToString(h[:]) {
			t.Errorf("SHA256SUMS has %q for %s, want %x", sums[e.Name()], e.Name(), h)
		}
		delete(sums, e.Name())
	}
	for name := range sums {
		t.Errorf("SHA256SUMS lists %s, which is not in the dist folder", name)
	}

	// Paths of the build machine must not end up in a release binary.
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), root) {
		t.Errorf("%s contains the source path %s; is -trimpath set?", name, root)
	}
}

func readSums(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sums := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 2 {
			t.Errorf("%s: malformed line %q", path, sc.Text())
			continue
		}
		sums[strings.TrimPrefix(fields[1], "*")] = fields[0]
	}
	return sums
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
