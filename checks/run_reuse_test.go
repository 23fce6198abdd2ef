package checks

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestRunsShareNoBuffers holds the recycling of a run's buffers (the word
// index) to leaving every finished result alone: each fixture's result is
// rendered when its run ends and again after every other run, in turn and
// on several goroutines at once, and must not change.
func TestRunsShareNoBuffers(t *testing.T) {
	files, docs := fixtures(t)
	// Everything a run reports, with sections by position rather than by
	// pointer, so that two runs of one document render alike.
	render := func(r *Result) string {
		var b strings.Builder
		fmt.Fprintf(&b, "%v\n%+v\n", r.Diagnostics, r.FrontMatter)
		for _, c := range Concerns {
			f := r.Coverage.Get(c.ID)
			fmt.Fprintf(&b, "%s %v %v %q %v %v\n", c.ID, f.State, f.Span, f.Evidence, sectionAt(f.Section), sectionAt(f.Pending))
		}
		ids := slices.Sorted(maps.Keys(r.Parts))
		for _, id := range ids {
			f := r.Parts[id]
			fmt.Fprintf(&b, "%s %v %v %q %v %v\n", id, f.State, f.Span, f.Evidence, sectionAt(f.Section), sectionAt(f.Pending))
		}
		return b.String()
	}
	results := make([]*Result, len(files))
	want := make([]string, len(files))
	for i, f := range files {
		results[i] = Run(f, docs[files[i]], nil)
		want[i] = render(results[i])
	}
	for i := range files {
		if got := render(results[i]); got != want[i] {
			t.Fatalf("%s: result changed after later runs:\n%s\nwas\n%s", files[i], got, want[i])
		}
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range files {
				i := (k + g*len(files)/4) % len(files)
				if got := render(Run(files[i], docs[files[i]], nil)); got != want[i] {
					t.Errorf("%s: a run beside others gave\n%s\nnot\n%s", files[i], got, want[i])
				}
			}
		})
	}
	wg.Wait()
}

// sectionAt names a section by its heading's span, or "-".
func sectionAt(s *Section) string {
	if s == nil {
		return "-"
	}
	return fmt.Sprint(s.Heading)
}
