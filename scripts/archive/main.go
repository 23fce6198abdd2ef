package main

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// epoch is every entry's time: 1980-01-01, the earliest a zip can say.
var epoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

type file struct {
	name string // slash-separated, under the folder's base name
	mode int64
	data []byte
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: archive OUT.tar.gz|OUT.zip FOLDER")
		os.Exit(2)
	}
	if err := pack(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintf(os.Stderr, "archive: %v\n", err)
		os.Exit(1)
	}
}

func pack(out, dir string) error {
	files, err := collect(dir)
	if err != nil {
		return err
	}
	var write func(io.Writer, []file) error
	switch {
	case strings.HasSuffix(out, ".tar.gz"):
		write = writeTarGz
	case strings.HasSuffix(out, ".zip"):
		write = writeZip
	default:
		return fmt.Errorf("%s: want a name ending in .tar.gz or .zip", out)
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := write(f, files); err != nil {
		f.Close()
		os.Remove(out)
		return fmt.Errorf("writing %s: %w", out, err)
	}
	return f.Close()
}

// collect reads the regular files directly in dir; a release folder has
// no subfolders, so one is an error rather than something to guess about.
func collect(dir string) ([]file, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	base := filepath.Base(filepath.Clean(dir))
	var files []file
	for _, e := range entries {
		if !e.Type().IsRegular() {
			return nil, fmt.Errorf("%s: not a regular file", filepath.Join(dir, e.Name()))
		}
		info, err := e.Info()
		if err != nil {
			return nil, err
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		mode := int64(0o644)
		if info.Mode().Perm()&0o111 != 0 || strings.HasSuffix(e.Name(), ".exe") {
			mode = 0o755
		}
		files = append(files, file{name: base + "/" + e.Name(), mode: mode, data: data})
	}
	if len(files) == 0 {
		return nil, errors.New(dir + ": no files to pack")
	}
	slices.SortFunc(files, func(a, b file) int { return strings.Compare(a.name, b.name) })
	return files, nil
}

func writeTarGz(w io.Writer, files []file) error {
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	// gzip's header time and name stay unset, as reproducibility wants.
	tw := tar.NewWriter(gz)
	for _, f := range files {
		hdr := &tar.Header{
			Typeflag: tar.TypeReg,
			Name:     f.name,
			Mode:     f.mode,
			Size:     int64(len(f.data)),
			ModTime:  epoch,
			Format:   tar.FormatUSTAR,
		}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if _, err := tw.Write(f.data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

func writeZip(w io.Writer, files []file) error {
	zw := zip.NewWriter(w)
	for _, f := range files {
		hdr := &zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: epoch}
		hdr.SetMode(os.FileMode(f.mode))
		fw, err := zw.CreateHeader(hdr)
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.data); err != nil {
			return err
		}
	}
	return zw.Close()
}
