package golden

import (
	"path/filepath"
	"testing"
)

// recorder captures failures so that Check's own failures can be asserted.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }
func (r *recorder) Helper()               {}

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.golden")
	r := &recorder{TB: t}
	Check(r, path, "new", false)
	if !r.failed {
		t.Fatal("a missing golden file did not fail")
	}
	Check(t, path, "v1\n", true)
	Check(t, path, "v1\n", false)
	r = &recorder{TB: t}
	Check(r, path, "v2\n", false)
	if !r.failed {
		t.Fatal("a changed output did not fail")
	}
}
