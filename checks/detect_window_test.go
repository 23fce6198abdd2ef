package checks

import (
	"math"
	"os"
	"reflect"
	"testing"

	"github.com/designls/designls/checks/doc"
)

// TestWindowNumbersWrap scans with the window numbers about to wrap
// around, as a long-lived pooled scanner eventually would, and expects
// the same evidence as a fresh scanner: a stale mark must never read as
// "already counted".
func TestWindowNumbersWrap(t *testing.T) {
	src, err := os.ReadFile("../cmd/designls/testdata/typical.md")
	if err != nil {
		t.Fatal(err)
	}
	d := doc.Parse("typical.md", src)
	v := DefaultVocabulary()
	want := windowEvidence(new(docScanner).scanDocument(d, v))
	for _, start := range []uint32{math.MaxUint32 - 3, math.MaxUint32} {
		x := new(docScanner)
		// Marks left from windows long ago, numbered like the first
		// windows after the wrap.
		x.seen = make([]uint32, len(v.termConcern))
		for i := range x.seen {
			x.seen[i] = uint32(1 + i%3)
		}
		x.window = start
		got := windowEvidence(x.scanDocument(d, v))
		for i := range want {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("window numbers from %d, section %d: evidence differs from a fresh scan:\n got %v\nwant %v",
					start, i, got[i], want[i])
				break
			}
		}
	}
}

type windowRow struct {
	window       [nConcerns]int16
	windowStrong [nConcerns]uint8
	first        [nConcerns]Span
}

func windowEvidence(stats []secStat) []windowRow {
	var rows []windowRow
	for _, st := range stats {
		rows = append(rows, windowRow{st.window, st.windowStrong, st.first})
	}
	return rows
}
