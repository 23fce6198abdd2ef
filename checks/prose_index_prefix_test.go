package checks

import (
	"slices"
	"testing"
)

// TestPrefixStartsShareNoTail holds the prefix answers, cut from one
// array, to being apart: appending to one (as a caller may) must not
// change the next, and a recycled index answers for its new text only.
func TestPrefixStartsShareNoTail(t *testing.T) {
	text := []byte("retry retries retried rollback rollout roll café 使用 retry\r\nroll\tretrying")
	x := buildWordIndex(text, nil)
	// As a recycled index has it: room for both answers in one array.
	x.prefixPos = make([]int32, 0, 64)
	re := x.starts("retr", true)
	ro := x.starts("rol", true)
	want := slices.Clone(ro)
	_ = append(re, -1, -1, -1)
	if got := x.starts("rol", true); !slices.Equal(got, want) || !slices.Equal(ro, want) {
		t.Errorf("appending to one prefix's starts changed another's: %v, want %v", got, want)
	}
	if len(re) != 5 || len(want) != 4 {
		t.Errorf("starts: retr* %v, rol* %v; want five and four", re, want)
	}
	x.release()
	y := buildWordIndex([]byte("rollout retry"), nil)
	defer y.release()
	if got := y.starts("rol", true); !slices.Equal(got, []int32{0}) {
		t.Errorf("a recycled index answered rol* with %v, want [0]", got)
	}
}
