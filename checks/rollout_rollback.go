package checks

// RolloutRollback asks how a bad rollout is undone.
var RolloutRollback = &Check{
	ID:       "rollout-rollback",
	Title:    "Rollout with no rollback path",
	Severity: Warning,
	Doc: `In the section that covers the rollout (subsections included), reports a plan with no way back:
no rollback, revert or downgrade, no kill switch, and no feature flag or feature gate that turns the
change off.

## Why interviewers care

Infrastructure changes reach every customer at once. The speed of the way back decides how long
an incident lasts, so a rollout plan is judged by its rollback: what undoes the change, how fast,
and whether data written by the new version survives the downgrade.

## Example

Before:

` + "```markdown" + `
## Rollout

Deploy the new evaluator to all regions during the next release train.
` + "```" + `

After:

` + "```markdown" + `
## Rollout

The new evaluator ships behind the ` + "`evaluator-v2`" + ` flag, off by default. Turning the flag off is the
kill switch and takes effect within 30 s; the old evaluator stays deployed for two releases.
` + "```" + `

## Fix

Say what undoes the change (flag, revert, downgrade), how quickly it takes effect, and what happens
to state written in between.

## Disable

` + "`<!-- designls-disable rollout-rollback -->`" + ` in the section, or
` + "`severity: {rollout-rollback: off}`" + ` in ` + "`.designls.yaml`" + `.`,
	Run: runFollowUp(Rollout, []ask{{
		question: "How is a bad rollout undone (a rollback or revert, a kill switch, a flag that turns the change off), and how fast?",
		answers:  rollbackWords,
	}}),
}

var rollbackWords = phrases{"rollback*", "roll back", "rolls back", "rolled back", "rolling back", "revert*", "kill switch*", "killswitch*",
	"feature flag*", "feature gate*", "featuregate*", "flag*", "disabl*", "downgrad*", "undo", "turn* off", "switch* off", "back out", "backout",
	"roll forward", "previous version"}
