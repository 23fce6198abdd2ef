package lsp

import (
	"os"
	"testing"
)

// designDoc is a design doc (its front matter names a rubric) that misses
// most sections.
const designDoc = "---\nrubric: system-design\n---\n# Feature flags\n\n## API\n\nGET /v1/flags/{key} returns the flag; writes are idempotent.\n"

func fixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
