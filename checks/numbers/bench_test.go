package numbers

import (
	"bytes"
	"os"
	"testing"
)

// benchDoc is the two testdata docs together: about 400 lines of design-doc
// prose, one with dense back-of-envelope arithmetic and tables, one with
// numbers only in passing.
func benchDoc(b *testing.B) []byte {
	b.Helper()
	var doc []byte
	for _, f := range []string{"testdata/design.md", "testdata/prose.md"} {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		doc = append(doc, src...)
	}
	return doc
}

func bench(b *testing.B, run func([]byte)) {
	doc := benchDoc(b)
	lines := bytes.Count(doc, []byte("\n"))
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		run(doc)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(lines), "ns/line")
}

func BenchmarkScan(b *testing.B)       { bench(b, func(d []byte) { Scan(d) }) }
func BenchmarkBudgets(b *testing.B)    { bench(b, func(d []byte) { Budgets(d) }) }
func BenchmarkQuantities(b *testing.B) { bench(b, func(d []byte) { Quantities(d) }) }
