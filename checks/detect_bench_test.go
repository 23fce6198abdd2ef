package checks

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/designls/designls/checks/doc"
)

// benchDoc builds a document of about n lines from the detection fixtures,
// repeated with numbered titles so that every copy is its own section tree.
func benchDoc(tb testing.TB, n int) []byte {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(detectDir, "*.md"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no fixtures: %v", err)
	}
	var parts [][]byte
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		// One line-ending style per document, as real files have.
		parts = append(parts, bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")))
	}
	var b bytes.Buffer
	for i := 0; bytes.Count(b.Bytes(), []byte("\n")) < n; i++ {
		p := parts[i%len(parts)]
		fmt.Fprintf(&b, "# Part %d\n\n", i)
		// Demote the fixture's own headings one level so the parts nest.
		for _, line := range bytes.SplitAfter(p, []byte("\n")) {
			if bytes.HasPrefix(line, []byte("#")) && !bytes.HasPrefix(line, []byte("######")) {
				b.WriteByte('#')
			}
			b.Write(line)
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func BenchmarkDetect(b *testing.B) {
	for _, n := range []int{400, 10000} {
		src := benchDoc(b, n)
		lines := bytes.Count(src, []byte("\n"))
		b.Run(fmt.Sprintf("parse/%dlines", lines), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				doc.Parse("bench.md", src)
			}
		})
		d := doc.Parse("bench.md", src)
		v := DefaultVocabulary()
		b.Run(fmt.Sprintf("detect/%dlines", lines), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				Detect(d, v)
			}
		})
		b.Run(fmt.Sprintf("run/%dlines", lines), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				Run("bench.md", src, nil)
			}
		})
	}
}

// BenchmarkNewVocabulary measures compiling the built-in vocabulary, which
// every process pays once before its first document.
func BenchmarkNewVocabulary(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		NewVocabulary(defaultTable)
	}
}
