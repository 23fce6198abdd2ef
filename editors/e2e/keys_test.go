package e2e

import (
	"encoding/json"
	"fmt"
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

// TestVSCodeSettingsSchema keeps the VS Code extension's contributed server
// settings (editors/vscode/settings-schema.json, which its build merges
// into package.json) equal to config.Keys, names and JSON types alike.
func TestVSCodeSettingsSchema(t *testing.T) {
	text, err := os.ReadFile(filepath.Join(repoRoot(t), "editors", "vscode", "settings-schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]struct {
		Type  any `json:"type"`
		Items *struct {
			Type any `json:"type"`
		} `json:"items"`
	}
	if err := json.Unmarshal(text, &schema); err != nil {
		t.Fatalf("settings-schema.json: %v", err)
	}
	var got, want []string
	for name := range schema {
		got = append(got, name)
	}
	for _, k := range config.Keys() {
		name := "designls." + k.Name
		want = append(want, name)
		s, ok := schema[name]
		if !ok {
			continue
		}
		if fmt.Sprint(s.Type) != k.Type {
			t.Errorf("%s: VS Code type %v, server type %s", name, s.Type, k.Type)
		}
		if k.Type == "array" && (s.Items == nil || fmt.Sprint(s.Items.Type) != k.Items) {
			t.Errorf("%s: VS Code items %+v, server items %s", name, s.Items, k.Items)
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("VS Code server settings %q, server keys %q", got, want)
	}
}
