package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func release(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "designls-linux-amd64")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, mode := range map[string]os.FileMode{"designls-lsp": 0o700, "designls": 0o755, "NOTES.md": 0o600} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("contents of "+name), mode); err != nil {
			t.Fatal(err)
		}
	}
	// A different time per run must not change the archive.
	os.Chtimes(filepath.Join(dir, "designls"), time.Now(), time.Now().Add(-time.Hour))
	return dir
}

var want = []struct {
	name string
	mode int64
}{
	{"designls-linux-amd64/NOTES.md", 0o644},
	{"designls-linux-amd64/designls", 0o755},
	{"designls-linux-amd64/designls-lsp", 0o755},
}

func packTwice(t *testing.T, ext string) []byte {
	t.Helper()
	var got [][]byte
	for range 2 {
		out := filepath.Join(t.TempDir(), "a"+ext)
		if err := pack(out, release(t)); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, data)
	}
	if !bytes.Equal(got[0], got[1]) {
		t.Errorf("%s: two packs of the same files differ", ext)
	}
	return got[0]
}

func TestTarGz(t *testing.T) {
	gz, err := gzip.NewReader(bytes.NewReader(packTwice(t, ".tar.gz")))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	for i := 0; ; i++ {
		hdr, err := tr.Next()
		if err == io.EOF {
			if i != len(want) {
				t.Errorf("%d entries, want %d", i, len(want))
			}
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(tr)
		if i >= len(want) || hdr.Name != want[i].name || hdr.Mode != want[i].mode || hdr.Uid != 0 || !hdr.ModTime.Equal(epoch) {
			t.Errorf("entry %d: %s mode %o uid %d time %v", i, hdr.Name, hdr.Mode, hdr.Uid, hdr.ModTime)
		} else if string(body) != "contents of "+filepath.Base(hdr.Name) {
			t.Errorf("%s holds %q", hdr.Name, body)
		}
	}
}

func TestZip(t *testing.T) {
	data := packTwice(t, ".zip")
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != len(want) {
		t.Fatalf("%d entries, want %d", len(zr.File), len(want))
	}
	for i, f := range zr.File {
		if f.Name != want[i].name || int64(f.Mode().Perm()) != want[i].mode {
			t.Errorf("entry %d: %s mode %o, want %s %o", i, f.Name, f.Mode().Perm(), want[i].name, want[i].mode)
		}
	}
}

func TestRefuses(t *testing.T) {
	dir := release(t)
	if err := pack(filepath.Join(t.TempDir(), "a.tgz"), dir); err == nil {
		t.Error("packed into a .tgz name; want an error naming the accepted suffixes")
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := pack(filepath.Join(t.TempDir(), "a.zip"), dir); err == nil {
		t.Error("packed a folder with a subfolder")
	}
}
