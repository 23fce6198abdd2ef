// Package golden compares test output with golden files, the one way every
// package's tests do it: with update set, the file is rewritten instead.
package golden

import (
	"os"
	"testing"
)

// Check compares got with the golden file at path, or rewrites the file
// when update is set (the tests' -update flag).
func Check(t testing.TB, path, got string, update bool) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update to accept it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}
