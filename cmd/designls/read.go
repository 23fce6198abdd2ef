package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
)

// maxDocSize caps what designls reads. A design doc is tens of kilobytes
// and the longest public ones a few hundred; a file over this is generated
// or mistaken. At the cap, a file that is all short sections already takes
// over a second and a quarter of a gigabyte to check, and a 50 MB one would
// take ten times that for nothing a reader could act on.
const maxDocSize = 4 << 20

// errBinary marks a file that is not text.
var errBinary = errors.New("binary file, not Markdown")

// readDoc reads a file to check. It refuses anything but a regular file
// (a FIFO or device would block or never end), files over maxDocSize, and
// binary files: a NUL byte never occurs in Markdown text.
func readDoc(path string) ([]byte, error) {
	// Stat before opening: opening a FIFO blocks until a writer comes.
	fi, err := os.Stat(path)
	if err != nil {
		return nil, errors.New(describe(err))
	}
	if !fi.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if fi.Size() > maxDocSize {
		return nil, tooLarge(fi.Size())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, errors.New(describe(err))
	}
	defer f.Close()
	// Size the buffer from Stat, plus one byte to see a file that grew.
	buf := make([]byte, 0, fi.Size()+1)
	for {
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, errors.New(describe(err))
		}
		if len(buf) > maxDocSize {
			return nil, tooLarge(int64(len(buf)))
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
	if bytes.IndexByte(buf, 0) >= 0 {
		return nil, errBinary
	}
	return buf, nil
}

func tooLarge(size int64) error {
	return fmt.Errorf("file is too large to be a design doc (%.1f MiB; the limit is %d MiB), not checked", float64(size)/(1<<20), maxDocSize>>20)
}
