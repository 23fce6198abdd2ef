package config

import "github.com/designls/designls/checks"

// Key describes one setting. Type and Items use JSON Schema type names
// ("string", "array", "object") because editors' setting schemas are JSON
// Schema and are checked against this list.
type Key struct {
	Name string
	// Type is the setting's JSON Schema type.
	Type string
	// Items is the type of an array's elements or of an object's values;
	// "" for a string.
	Items       string
	Description string
	// Default is the value in force when the setting is absent, as the
	// decoded JSON of an editor setting would hold it.
	Default any
}

// Keys lists every setting, in the order documentation shows them.
func Keys() []Key {
	return []Key{
		{Name: "include", Type: "array", Items: "string", Default: []any{},
			Description: "Globs of the Markdown files that are design docs. When set, other Markdown files are not checked in folders and are not treated as design docs by the language server."},
		{Name: "exclude", Type: "array", Items: "string", Default: []any{},
			Description: "Globs of Markdown files that are never design docs, even when include matches them."},
		{Name: "rubric", Type: "string", Default: checks.DefaultRubric,
			Description: "Rubric for documents whose front matter names none and that match no rule in rubrics."},
		{Name: "rubrics", Type: "array", Items: "object", Default: []any{},
			Description: "Rubric per glob: a list of {files: GLOB, rubric: NAME}; the first rule that matches a file wins. A document's front matter rubric wins over all of them."},
		{Name: "severity", Type: "object", Items: "string", Default: map[string]any{},
			Description: "Severity per check ID: error, warning, information, hint or off."},
		{Name: "disable", Type: "array", Items: "string", Default: []any{},
			Description: "Check IDs to turn off."},
		{Name: "synonyms", Type: "object", Items: "array", Default: map[string]any{},
			Description: "Extra heading words per concern ID, e.g. {slo: [\"reliability budget\"]}, so that a section titled with them covers the concern."},
		{Name: "templates", Type: "string", Default: "",
			Description: "Folder of template files: <name>.md adds or replaces a document template, snippets/<concern>.md replaces the section inserted for a concern."},
	}
}

// rubricRuleKeys are the keys of one entry of rubrics.
var rubricRuleKeys = []string{"files", "rubric"}
