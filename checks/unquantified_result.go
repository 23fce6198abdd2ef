package checks

import (
	"fmt"

	"github.com/designls/designls/checks/numbers"
)

// UnquantifiedResult asks a story's result, or a postmortem's impact, for
// its numbers.
var UnquantifiedResult = &Check{
	ID:       "unquantified-result",
	Title:    "Result or impact without a number",
	Severity: Warning,
	Doc: `Reports a part that the rubric wants in numbers when its text holds none: the result of a
` + "`behavioral-story`" + ` and the customer impact of a ` + "`postmortem`" + `. Any figure counts: a
percentage, a duration, a rate, a count of customers or incidents, "2x". Code blocks and template
prompts do not.

## Why interviewers care

"It made builds much faster" is a claim; "p50 build time went from 22 to 9 minutes for 400
engineers" is a result. Interviewers for senior roles listen for the number, because it shows the
candidate measured the outcome and knows what mattered. A postmortem's impact is the same: the
customers, the error rate and the minutes.

## Example

Before:

` + "```markdown" + `
## Result

Builds got a lot faster and people were happy.
` + "```" + `

After:

` + "```markdown" + `
## Result

Median build time fell from 22 to 9 minutes across 400 engineers, and CI spend dropped 35%.
` + "```" + `

## Fix

Give the before and after figures, and who they apply to.

## Disable

` + "`<!-- designls-disable unquantified-result -->`" + ` in the section, or
` + "`severity: {unquantified-result: off}`" + ` in ` + "`.designls.yaml`" + `.`,
	Run: runUnquantifiedResult,
}

func runUnquantifiedResult(pass *Pass) {
	d, t := pass.Doc, pass.prose()
	for _, req := range pass.Rubric.Requires {
		if req.Part == nil || !req.Part.Quantified {
			continue
		}
		f := pass.Parts.Get(req.Part.ID)
		var region Span
		switch {
		case f.State == Covered:
			region = f.Section.Body
		case f.State == Mentioned:
			region = f.Section.Own
		default:
			continue
		}
		quantified := false
		for _, s := range t.sentences(d, region, true) {
			if len(numbers.Quantities(d.Src[s.Start:s.End])) > 0 || t.has(quantityWords, s) {
				quantified = true
				break
			}
		}
		if !quantified {
			pass.Report(Diagnostic{
				Span:    partAnchor(f),
				Part:    req.Part.ID,
				Message: fmt.Sprintf("%s gives no figure: %s", req.Part.Name, req.Part.Covered),
			})
		}
	}
}

// quantityWords quantify without digits.
var quantityWords = phrases{"halved", "doubled", "tripled", "quadrupled", "tenfold", "ten-fold", "twofold", "two-fold", "threefold",
	"twice as", "half of", "half the", "a third", "a quarter", "one in", "every single", "zero", "none of"}
