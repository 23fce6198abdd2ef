package config

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/designls/designls/checks"
)

var updateDocs = flag.Bool("update", false, "rewrite docs/configuration.md")

// configurationPage renders docs/configuration.md from Keys, so the page
// cannot drift from what the parser accepts.
func configurationPage() string {
	var b strings.Builder
	b.WriteString("# Configuration\n\n")
	b.WriteString("designls reads `.designls.yaml` (or `.designls.yml`), found by walking up from each checked file; ")
	b.WriteString("globs are relative to the folder that holds it. Editors send the same keys as settings ")
	b.WriteString("(`initializationOptions`, or the `designls` section of `workspace/configuration`), and those win over the file.\n\n")
	b.WriteString("| key | type | default | meaning |\n| --- | --- | --- | --- |\n")
	for _, k := range Keys() {
		typ := k.Type
		if k.Items != "" {
			typ += " of " + k.Items
		}
		def := fmt.Sprint(k.Default)
		switch k.Default.(type) {
		case []any:
			def = "[]"
		case map[string]any:
			def = "{}"
		}
		if def == "" {
			def = "none"
		}
		fmt.Fprintf(&b, "| `%s` | %s | `%s` | %s |\n", k.Name, typ, def, k.Description)
	}
	b.WriteString("\nRubrics: ")
	var names []string
	for _, r := range checks.Rubrics() {
		names = append(names, "`"+r.Name+"`")
	}
	b.WriteString(strings.Join(names, ", "))
	b.WriteString(". Check IDs: see [rules](rules/README.md). Concern IDs: see [concerns](concerns.md).\n\n")
	b.WriteString("A document's front matter `rubric:` wins over the configuration. Inline, `<!-- designls-disable ID -->` ")
	b.WriteString("silences a check to the end of the section that holds it, and `<!-- designls-disable-next-line ID -->` ")
	b.WriteString("on the next line with text; without an ID they silence every check.\n\n")
	b.WriteString("A configuration error names the file, line, column and key; checking goes on with defaults for the bad part.\n")
	return b.String()
}

func TestConfigurationPageUpToDate(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "configuration.md")
	want := configurationPage()
	if *updateDocs {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Errorf("docs/configuration.md is stale: run `go test ./internal/config -run ConfigurationPage -update`")
	}
}
