package checks

import "fmt"

// MitigationOrder reports an incident walk-through that root-causes
// before it mitigates.
var MitigationOrder = &Check{
	ID:       "mitigation-order",
	Title:    "Mitigation after root-causing",
	Severity: Warning,
	Doc: `In an ` + "`incident-response`" + ` answer, reports a mitigation that comes after the root cause: a
root-cause section placed before the mitigation, or a mitigation that waits for the cause ("once we
find the root cause, we roll back"). A hypothesis that names a likely cause before the mitigation
is not root-causing and is not reported.

## Why interviewers care

At the dependency layer every minute of impact is every customer's minute. The expected order is
to read the signals, bound the blast radius, and stop the harm with the cheapest reversible action
(roll back the last change, throttle, flip the kill switch, fail over) before spending time on why.
Root-causing first is the classic mistake this drill exists to catch.

## Example

Before:

` + "```markdown" + `
## Root cause

Bisect the last three deploys against the latency graph until the culprit is found.

## Mitigation

Once we find the root cause, roll back the offending change.
` + "```" + `

After:

` + "```markdown" + `
## Mitigation

Roll back the region's last deploy right away: it is cheap and reversible. If p99 does not recover
within 5 minutes, shift traffic to the neighbouring region.

## Root cause

With impact contained, bisect the last three deploys against the latency graph.
` + "```" + `

## Fix

Move the mitigation before the root cause, and make it independent of knowing the cause.

## Disable

` + "`severity: {mitigation-order: off}`" + ` in ` + "`.designls.yaml`" + `.`,
	Run: runMitigationOrder,
}

// waitsForCause are mitigations made conditional on the cause.
var waitsForCause = phrases{"once we find the root cause", "once we know the root cause", "once the root cause is", "once we find the cause",
	"once we know the cause", "once we understand the cause", "after we find the root cause", "after finding the root cause",
	"after identifying the root cause", "after root-causing", "after root causing", "until we know the cause", "until the root cause",
	"until we understand", "until we find the cause", "find the root cause first", "root cause first", "when the root cause is known",
	"once root-caused", "once root caused"}

func runMitigationOrder(pass *Pass) {
	if _, ok := pass.Rubric.PartRequirement(partMitigation.ID); !ok {
		return
	}
	mit, rc := pass.Parts.Get(partMitigation.ID), pass.Parts.Get(partRootCause.ID)
	// Only a section about the root cause counts as root-causing: a
	// hypothesis that names a likely cause on the way is not.
	if mit.State != Missing && rc.State == Covered && partStart(rc) < partStart(mit) {
		pass.Report(Diagnostic{
			Span:    partAnchor(mit),
			Part:    partMitigation.ID,
			Message: "mitigation comes after root-causing: stop the harm first (roll back, throttle, kill switch, fail over), then find the cause",
			Related: []Related{{Span: partAnchor(rc), Message: "root cause is worked out here, before the mitigation"}},
		})
	}
	d, t := pass.Doc, pass.prose()
	for _, s := range t.sentencesHolding(d, false, waitsForCause) {
		m, _, ok := t.find(waitsForCause, s)
		if !ok || negated(t.b, s, m.Start) {
			continue
		}
		pass.Report(Diagnostic{
			Span:    m,
			Part:    partMitigation.ID,
			Message: fmt.Sprintf("%q makes the mitigation wait for the cause: mitigate first with a reversible action", d.Text(m)),
		})
		return
	}
}

func partStart(f *PartFinding) int {
	if f.State == Covered && f.Section != nil {
		return f.Section.Heading.Start
	}
	return f.Span.Start
}

// partAnchor is where a finding about a part goes: its heading's text, or
// the passage that covers it.
func partAnchor(f *PartFinding) Span {
	if f.State == Covered && f.Section != nil && !f.Section.TitleSpan.Empty() {
		return f.Section.TitleSpan
	}
	return f.Span
}
