package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/designls/designls/internal/config"
)

// TestSettingKeys keeps the editors' lists of server settings equal to the
// server's own (config.Keys), so a key added to .designls.yaml cannot be
// forgotten by a plugin that validates its options.
func TestSettingKeys(t *testing.T) {
	var want []string
	for _, k := range config.Keys() {
		want = append(want, k.Name)
	}
	root := repoRoot(t)
	for _, c := range []struct {
		file  string
		block *regexp.Regexp // captures the list
		item  *regexp.Regexp // captures one key in it
	}{
		{"editors/nvim/lua/designls/config.lua",
			regexp.MustCompile(`(?s)M\.server_keys = \{(.*?)\n\}`),
			regexp.MustCompile(`'([a-z]+)'`)},
		{"editors/emacs/designls.el",
			regexp.MustCompile(`(?s)\(defconst designls-setting-keys\s+'\((.*?)\)`),
			regexp.MustCompile(`:([a-z]+)`)},
	} {
		text, err := os.ReadFile(filepath.Join(root, c.file))
		if err != nil {
			t.Fatal(err)
		}
		m := c.block.FindSubmatch(text)
		if m == nil {
			t.Errorf("%s: no list of server keys found", c.file)
			continue
		}
		var got []string
		for _, k := range c.item.FindAllSubmatch(m[1], -1) {
			got = append(got, string(k[1]))
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s lists server keys %q, the server has %q", c.file, got, want)
		}
	}
}
