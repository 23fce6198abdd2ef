package checks

import (
	"fmt"
	"strings"
)

// RuleURL is where a check's documentation page lives; editors link to it
// from each diagnostic.
func RuleURL(id string) string {
	return "https://github.com/designls/designls/blob/main/docs/rules/" + id + ".md"
}

// Page renders c's documentation as the Markdown page docs/rules/ID.md and
// `designls explain ID` show.
func (c *Check) Page() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", c.ID)
	fmt.Fprintf(&b, "%s. Default severity: **%s**.\n\n", c.Title, c.Severity)
	b.WriteString(strings.TrimSpace(c.Doc))
	b.WriteString("\n")
	return b.String()
}

// IndexPage renders the list of every check, for docs/rules/README.md.
func IndexPage() string {
	var b strings.Builder
	b.WriteString("# Rules\n\nEvery check designls runs. Each page says what the check finds, why interviewers care, ")
	b.WriteString("an example, how to fix it and how to disable it. `designls explain ID` prints the same text.\n\n")
	b.WriteString("| ID | what it finds | default severity |\n| --- | --- | --- |\n")
	for _, c := range All() {
		fmt.Fprintf(&b, "| [`%s`](%s.md) | %s | %s |\n", c.ID, c.ID, c.Title, c.Severity)
	}
	return b.String()
}

// ConcernsPage renders the concern vocabulary, for docs/concerns.md.
func ConcernsPage() string {
	var b strings.Builder
	b.WriteString("# Concerns\n\nThe concerns designls looks for in a design document. Their IDs are stable: JSON output, ")
	b.WriteString("configuration keys (`synonyms`) and diagnostics' `data.concern` use them.\n\n")
	b.WriteString("Each concern is in one of three states: `section` (a heading whose section is mainly about it, ")
	b.WriteString("whatever the heading's words), `mentioned` (covered substantively inside a section about ")
	b.WriteString("something else) or `missing`. Naming a concern in passing does not cover it, and neither does ")
	b.WriteString("a heading over an empty body, \"TBD\" or unedited template prompts.\n\n")
	for _, core := range []bool{true, false} {
		if core {
			b.WriteString("## Core concerns\n\nEvery infrastructure design answer is expected to cover these.\n\n")
		} else {
			b.WriteString("\n## Extended concerns\n\n")
		}
		b.WriteString("| ID | name | covered when the document gives |\n| --- | --- | --- |\n")
		for _, c := range Concerns {
			if c.Core == core {
				fmt.Fprintf(&b, "| `%s` | %s | %s |\n", c.ID, c.Name, c.Covered)
			}
		}
	}
	return b.String()
}
