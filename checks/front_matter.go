package checks

import (
	"fmt"
	"strings"
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
drill names that ` + "`designls drills`" + ` lists.

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
				pass.Report(Diagnostic{Span: fm.RubricSpan, Severity: Warning,
					Message: fmt.Sprintf("unknown rubric %q (known: %s); using %q", fm.Rubric, rubricNames(), pass.Rubric.Name)})
			}
		}
		if fm.Drill != "" && pass.Drill == nil {
			pass.Report(Diagnostic{Span: fm.DrillSpan, Severity: Warning,
				Message: fmt.Sprintf("unknown drill %q (known: %s)", fm.Drill, drillNames())})
		}
	},
}

func rubricNames() string {
	var names []string
	for _, r := range Rubrics() {
		names = append(names, r.Name)
	}
	return strings.Join(names, ", ")
}
