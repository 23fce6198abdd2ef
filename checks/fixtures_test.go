package checks

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// fixtures returns the names of this package's Markdown fixtures, sorted,
// and their contents.
func fixtures(t testing.TB) ([]string, map[string][]byte) {
	t.Helper()
	names, err := filepath.Glob("testdata/*/*.md")
	if err != nil || len(names) < 50 {
		t.Fatalf("want the fixtures, got %d (%v)", len(names), err)
	}
	slices.Sort(names)
	srcs := make(map[string][]byte, len(names))
	for _, f := range names {
		if srcs[f], err = os.ReadFile(f); err != nil {
			t.Fatal(err)
		}
	}
	return names, srcs
}
