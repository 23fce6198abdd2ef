package edit

import (
	"fmt"
	"slices"
)

// Edit replaces the bytes [Start, End) of a source with New. An insertion
// has Start == End.
type Edit struct {
	Start, End int
	New        string
}

// Apply returns src with edits applied. Edits may come in any order; they
// must lie inside src and must not overlap (two insertions at the same
// offset are applied in the order given). src is not modified.
func Apply(src []byte, edits []Edit) ([]byte, error) {
	sorted, err := Sort(len(src), edits)
	if err != nil {
		return nil, err
	}
	size := len(src)
	for _, e := range sorted {
		size += len(e.New) - (e.End - e.Start)
	}
	out := make([]byte, 0, size)
	last := 0
	for _, e := range sorted {
		out = append(out, src[last:e.Start]...)
		out = append(out, e.New...)
		last = e.End
	}
	return append(out, src[last:]...), nil
}

// Sort validates edits against a source of size bytes and returns them in
// source order, stable for insertions at one offset.
func Sort(size int, edits []Edit) ([]Edit, error) {
	sorted := slices.Clone(edits)
	slices.SortStableFunc(sorted, func(a, b Edit) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.End - b.End
	})
	prevEnd := 0
	for i, e := range sorted {
		if e.Start < 0 || e.End < e.Start || e.End > size {
			return nil, fmt.Errorf("edit [%d,%d) is outside the document of %d bytes", e.Start, e.End, size)
		}
		if i > 0 && e.Start < prevEnd {
			return nil, fmt.Errorf("edit [%d,%d) overlaps the edit before it, which ends at %d", e.Start, e.End, prevEnd)
		}
		prevEnd = e.End
	}
	return sorted, nil
}
