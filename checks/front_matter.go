package checks

import (
	"fmt"
	"strings"

	"github.com/designls/designls/checks/edit"
)

// FrontMatterCheck reports front matter that designls cannot use.
var FrontMatterCheck = &Check{
	ID:       "front-matter",
	Title:    "Unusable front matter",
	Severity: Error,
	Doc: `Reports YAML front matter that is not valid YAML, whose ` + "`rubric:`" + ` names no known rubric, or
whose ` + "`drill:`" + ` names no known practice drill. designls then falls back to the configured or
default rubric, and checks no drill expectations.

## Why it matters

The front matter is where a document says what kind of answer it is. A typo there silently
reviews the document against the wrong rubric.

## Example

Before:

` + "```markdown" + `
---
rubric: sytem-design
---
` + "```" + `

After:

` + "```markdown" + `
---
rubric: system-design
---
` + "```" + `

## Fix

Correct the YAML, or use one of the rubric names that ` + "`designls rubrics`" + ` lists and one of the
drill names that ` + "`designls drills`" + ` lists. When a misspelt name is within two edits of exactly
one known name, the diagnostic says which and carries a fix that writes it; editors offer it as a
quick fix and as part of ` + "`source.fixAll.designls`" + `, the one fix designls applies unseen. A YAML error
names the document's line.

## Disable

` + "`severity: {front-matter: off}`" + ` in ` + "`.designls.yaml`" + `.`,
	Run: func(pass *Pass) {
		fm := pass.FrontMatter
		if fm.Err != nil {
			pass.Reportf(fm.ErrSpan, "%v", fm.Err)
			return
		}
		if fm.Rubric != "" {
			if _, ok := LookupRubric(fm.Rubric); !ok {
				names := rubricNames()
				dg := Diagnostic{Span: fm.RubricSpan, Severity: Warning,
					Message: fmt.Sprintf("unknown rubric %q (known: %s); using %q", fm.Rubric, strings.Join(names, ", "), pass.Rubric.Name)}
				pass.Report(withNameFix(pass, dg, fm.Rubric, names))
			}
		}
		if fm.Drill != "" && pass.Drill == nil {
			names := drillNames()
			dg := Diagnostic{Span: fm.DrillSpan, Severity: Warning,
				Message: fmt.Sprintf("unknown drill %q (known: %s)", fm.Drill, strings.Join(names, ", "))}
			pass.Report(withNameFix(pass, dg, fm.Drill, names))
		}
	},
}

// withNameFix adds to dg, about the misspelt name at dg.Span, a fix that
// writes the one known name it is a likely typo of. Only a plain value is
// replaced: a quoted or otherwise decorated one is left to the author.
func withNameFix(pass *Pass, dg Diagnostic, name string, known []string) Diagnostic {
	best, ok := Suggest(name, known)
	if !ok || string(pass.Doc.Text(dg.Span)) != name {
		return dg
	}
	dg.Message += fmt.Sprintf("; did you mean %q?", best)
	dg.Fixes = []Fix{{Message: fmt.Sprintf("Change to %q", best), Edits: []edit.Edit{{Start: dg.Span.Start, End: dg.Span.End, New: best}}}}
	return dg
}

func rubricNames() []string {
	var names []string
	for _, r := range Rubrics() {
		names = append(names, r.Name)
	}
	return names
}
