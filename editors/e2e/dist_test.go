package e2e

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// TestMakeDist builds the host platform with the Makefile's dist target and
// checks what a release needs: one archive holding designls and
// designls-lsp, both reporting the stamped version, serve finding the
// server beside it once unpacked, and SHA256SUMS listing exactly the
// archives with their real digests. The other platforms go through the same loop; building all six
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

	base := "designls-" + runtime.GOOS + "-" + runtime.GOARCH
	archive := base + ".tar.gz"
	if runtime.GOOS == "windows" {
		archive = base + ".zip"
	}
	bins := unpack(t, filepath.Join(dist, archive), base)

	// Both binaries carry the stamped version.
	for name, args := range map[string][]string{"designls": {"version"}, "designls-lsp": {"--version"}} {
		v, err := exec.Command(bins[name], args...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, args[0], err, v)
		}
		if strings.TrimSpace(string(v)) != name+" "+version {
			t.Errorf("%s %s printed %q, want %q", name, args[0], v, name+" "+version)
		}
	}

	// designls serve, unpacked as a user would, finds the server beside it
	// with PATH leading nowhere: a session without shutdown exits 1 and
	// says nothing about a missing server.
	serve := exec.Command(bins["designls"], "serve")
	serve.Env = append(os.Environ(), "PATH="+t.TempDir())
	out, err = serve.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 || strings.Contains(string(out), "not found") {
		t.Errorf("unpacked designls serve with no input: %v, output %q; want exit 1 from designls-lsp", err, out)
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
		if e.Name() != archive {
			t.Errorf("%s: make dist left it beside the archive", e.Name())
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
	for name, bin := range bins {
		data, err := os.ReadFile(bin)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), root) {
			t.Errorf("%s contains the source path %s; is -trimpath set?", name, root)
		}
	}
}

// unpack extracts a release archive into a temporary folder, checks that
// it holds exactly designls and designls-lsp under the folder base, and
// returns their paths by name.
func unpack(t *testing.T, archive, base string) map[string]string {
	t.Helper()
	ext := ""
	if runtime.GOOS == "windows" {
		ext = ".exe"
	}
	want := map[string]string{base + "/designls" + ext: "designls", base + "/designls-lsp" + ext: "designls-lsp"}
	dir := t.TempDir()
	bins := map[string]string{}
	add := func(name string, mode fs.FileMode, r io.Reader) {
		short, ok := want[name]
		if !ok {
			t.Errorf("%s holds %s; want only %s/designls%s and designls-lsp%s", filepath.Base(archive), name, base, ext, ext)
			return
		}
		if runtime.GOOS != "windows" && mode&0o111 == 0 {
			t.Errorf("%s: %s is not executable (mode %v)", filepath.Base(archive), name, mode)
		}
		dst := filepath.Join(dir, filepath.Base(name))
		data, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("%s: reading %s: %v", archive, name, err)
		}
		if err := os.WriteFile(dst, data, 0o755); err != nil {
			t.Fatal(err)
		}
		bins[short] = dst
	}
	f, err := os.Open(archive)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if strings.HasSuffix(archive, ".zip") {
		st, err := f.Stat()
		if err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(f, st.Size())
		if err != nil {
			t.Fatalf("%s: %v", archive, err)
		}
		for _, zf := range zr.File {
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			add(zf.Name, zf.Mode(), rc)
			rc.Close()
		}
	} else {
		gz, err := gzip.NewReader(f)
		if err != nil {
			t.Fatalf("%s: %v", archive, err)
		}
		tr := tar.NewReader(gz)
		for {
			hdr, err := tr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", archive, err)
			}
			add(hdr.Name, hdr.FileInfo().Mode(), tr)
		}
	}
	for name, short := range want {
		if bins[short] == "" {
			t.Fatalf("%s lacks %s", filepath.Base(archive), name)
		}
	}
	return bins
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
