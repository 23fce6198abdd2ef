package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// userDocs are the pages that take a user from nothing to a working
// integration.
func userDocs(t *testing.T, root string) []string {
	t.Helper()
	files := []string{"docs/README.md", "docs/install.md", "docs/github-action.md"}
	for _, e := range []string{"nvim", "emacs", "helix", "zed", "sublime"} {
		files = append(files, "editors/"+e+"/README.md")
	}
	pages, err := filepath.Glob(filepath.Join(root, "docs", "editors", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 6 {
		t.Errorf("docs/editors has %d pages, want one per editor (6)", len(pages))
	}
	for _, p := range pages {
		rel, _ := filepath.Rel(root, p)
		files = append(files, filepath.ToSlash(rel))
	}
	return files
}

var mdLink = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// TestDocLinks checks that every relative link in the user docs points at
// a file of the repository.
func TestDocLinks(t *testing.T) {
	root := repoRoot(t)
	for _, f := range userDocs(t, root) {
		text, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Error(err)
			continue
		}
		for _, m := range mdLink.FindAllStringSubmatch(string(text), -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "#") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			target, _, _ = strings.Cut(target, "#")
			path := filepath.Join(root, filepath.Dir(f), filepath.FromSlash(target))
			if _, err := os.Stat(path); err != nil {
				t.Errorf("%s links to %s, which does not exist", f, m[1])
			}
		}
	}
}

var step = regexp.MustCompile(`(?m)^([0-9]+)\. `)

// TestGettingStartedSteps holds the promise of every editor page: from
// nothing to diagnostics in at most five steps.
func TestGettingStartedSteps(t *testing.T) {
	root := repoRoot(t)
	for _, f := range userDocs(t, root) {
		var section string
		text, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case strings.HasPrefix(f, "docs/editors/"):
			section = string(text)
		case strings.HasPrefix(f, "editors/"):
			_, after, ok := strings.Cut(string(text), "## From zero to diagnostics")
			if !ok {
				t.Errorf("%s has no \"## From zero to diagnostics\" section", f)
				continue
			}
			section, _, _ = strings.Cut(after, "\n## ")
		default:
			continue
		}
		steps := step.FindAllStringSubmatch(section, -1)
		if len(steps) < 3 || len(steps) > 5 {
			t.Errorf("%s: %d getting-started steps, want 3 to 5", f, len(steps))
		}
		for i, s := range steps {
			if s[1] != strings.TrimSpace(string(rune('1'+i))) {
				t.Errorf("%s: step %d is numbered %s", f, i+1, s[1])
			}
		}
	}
}
