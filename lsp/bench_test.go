package lsp

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/designls/designls/checks"
)

// benchDoc writes a design doc of about n lines: front matter, a title,
// and sections cycling through typical headings, each with prose holding
// numbers, a list, and now and then a code block or a table.
func benchDoc(n int) string {
	headings := []string{"Problem", "Goals and non-goals", "Capacity estimates", "Architecture", "API", "Data model",
		"Consistency", "Observability", "Notes", "Open questions", "Appendix"}
	var b strings.Builder
	b.WriteString("---\nrubric: system-design\n---\n# Rate limiter for the launch API\n\n")
	lines := 5
	for i := 0; lines < n; i++ {
		fmt.Fprintf(&b, "## %s %d\n\n", headings[i%len(headings)], i)
		b.WriteString("Tenants send 12,000 QPS at peak with p99 latency under 40 ms; each request reads one row of 200 bytes.\n")
		b.WriteString("Writes replicate to three zones; a stale read is bounded to 5 s, and 限流 limits apply per tenant.\n\n")
		b.WriteString("- the token bucket refills every 100 ms\n- burst capacity is 2× the steady rate\n- quotas are cached for 30 s\n\n")
		lines += 9
		switch i % 4 {
		case 1:
			b.WriteString("```go\nfunc Allow(tenant string) bool {\n\treturn bucket(tenant).Take(1)\n}\n```\n\n")
			lines += 6
		case 3:
			b.WriteString("| tier | QPS | burst |\n|---|---|---|\n| free | 10 | 20 |\n| pro | 1,000 | 2,000 |\n\n")
			lines += 5
		}
	}
	return b.String()
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted)-1) * p)
	return sorted[i]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// BenchmarkDidChange measures, through JSON-RPC over pipes, the time from
// a didChange that types one character to the publishDiagnostics of that
// version, beside the time checks.Run alone takes on the same document.
// Run with -benchtime=300x for percentiles worth reading.
func BenchmarkDidChange(b *testing.B) {
	// Measure under the collector's setting that designls-lsp runs with.
	defer debug.SetGCPercent(debug.SetGCPercent(GCPercent))
	for _, n := range []int{400, 1000, 10000} {
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			text := benchDoc(n)
			c := newClient(b)
			c.initialize(nil, nil)
			u := "file:///project/bench.md"
			c.open(u, text)
			c.diagnostics(u, 1)
			// Type in the middle of a prose line.
			lines := strings.Split(text, "\n")
			line := len(lines) / 2
			for !strings.HasPrefix(lines[line], "Tenants") {
				line++
			}
			at := protocol.Position{Line: uint32(line), Character: 10}

			lat := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				v := int32(i + 2)
				start := time.Now()
				c.notify("textDocument/didChange", map[string]any{
					"textDocument":   map[string]any{"uri": u, "version": v},
					"contentChanges": []any{map[string]any{"range": protocol.Range{Start: at, End: at}, "text": "x"}},
				})
				c.publication(u, v)
				lat = append(lat, time.Since(start))
				if i%64 == 63 {
					c.mu.Lock()
					c.pubs = c.pubs[:0]
					c.mu.Unlock()
				}
			}
			b.StopTimer()
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })

			// The same document, analysed alone, in the same run.
			src := []byte(text)
			runs := make([]time.Duration, 0, 50)
			for i := 0; i < cap(runs); i++ {
				start := time.Now()
				checks.Run("bench.md", src, nil)
				runs = append(runs, time.Since(start))
			}
			sort.Slice(runs, func(i, j int) bool { return runs[i] < runs[j] })

			b.ReportMetric(ms(percentile(lat, 0.50)), "p50-ms")
			b.ReportMetric(ms(percentile(lat, 0.99)), "p99-ms")
			b.ReportMetric(ms(percentile(runs, 0.50)), "run-p50-ms")
			b.ReportMetric(ms(percentile(runs, 0.99)), "run-p99-ms")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// residentMB reads the process's resident set from /proc; 0 where there
// is none.
func residentMB() float64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.Atoi(f[1])
	return float64(pages*os.Getpagesize()) / (1 << 20)
}

func heapMB() float64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// openMany opens n distinct 400-line design docs and waits for all their
// diagnostics; the client keeps no copy of the texts.
func openMany(c *client, n int) []string {
	var uris []string
	base := benchDoc(400)
	for i := 0; i < n; i++ {
		u := fmt.Sprintf("file:///project/doc%03d.md", i)
		text := strings.Replace(base, "Rate limiter", fmt.Sprintf("Rate limiter %d", i), 1)
		c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": u, "languageId": "markdown", "version": 1, "text": text}})
		uris = append(uris, u)
	}
	c.idle()
	c.mu.Lock()
	c.pubs = nil
	c.mu.Unlock()
	return uris
}

func closeAll(c *client, uris []string) {
	for _, u := range uris {
		c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": u}})
	}
	c.idle()
	c.mu.Lock()
	c.pubs = nil
	c.mu.Unlock()
}

// BenchmarkOpenDocuments reports the memory of 200 open 400-line
// documents, and after closing them: the Go heap in use and the process's
// resident set (which includes the test binary and the in-process client).
func BenchmarkOpenDocuments(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(GCPercent))
	c := newClient(b)
	c.initialize(nil, nil)
	baseHeap, baseRSS := heapMB(), residentMB()
	var openHeap, openRSS, closedHeap, closedRSS float64
	for i := 0; i < b.N; i++ {
		uris := openMany(c, 200)
		openHeap, openRSS = heapMB(), residentMB()
		closeAll(c, uris)
		debug.FreeOSMemory()
		closedHeap, closedRSS = heapMB(), residentMB()
	}
	b.ReportMetric(baseHeap, "base-heap-MB")
	b.ReportMetric(openHeap, "open-heap-MB")
	b.ReportMetric(closedHeap, "closed-heap-MB")
	b.ReportMetric(baseRSS, "base-rss-MB")
	b.ReportMetric(openRSS, "open-rss-MB")
	b.ReportMetric(closedRSS, "closed-rss-MB")
	b.ReportMetric(0, "ns/op")
}

// TestMemoryReturnsAfterClose checks that closing documents releases what
// opening them took: the server keeps nothing of a closed document.
func TestMemoryReturnsAfterClose(t *testing.T) {
	if testing.Short() {
		t.Skip("opens 200 documents")
	}
	c := newClient(t)
	c.initialize(nil, nil)
	base := heapMB()
	uris := openMany(c, 200)
	open := heapMB()
	closeAll(c, uris)
	closed := heapMB()
	t.Logf("heap: %.1f MB before, %.1f MB with 200 open 400-line docs, %.1f MB after closing them", base, open, closed)
	if open-base > 60 {
		t.Errorf("200 open documents take %.1f MB of heap", open-base)
	}
	if grown := closed - base; grown > (open-base)/4 {
		t.Errorf("closing every document left %.1f MB of the %.1f MB they took", grown, open-base)
	}
}
