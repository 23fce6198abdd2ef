package checks

// RolloutStages asks how the rollout is staged and what stops it.
var RolloutStages = &Check{
	ID:       "rollout-stages",
	Title:    "Rollout with no stages or no guardrail",
	Severity: Information,
	Doc: `When the document has a section about the rollout, reports a plan that reaches everyone at once (no canary, staged percentages, cells, regions, rings, alpha and beta, opt-in) or
that gives no guardrail: no metric, alert, error budget or health check that halts a stage. Stages
and guardrails count wherever the document gives them (a KEP states graduation criteria and
rollback metrics in sections of their own).

## Why interviewers care

Staging is how a change meets real traffic while it can still hurt only a few customers, and the
guardrail is what makes staging worth it: a stage nobody watches is a slower big-bang release.
Interviewers expect percentages and the metric that stops the train.

## Example

Before:

` + "```markdown" + `
## Rollout

Ship the new scheduler behind a flag.
` + "```" + `

After:

` + "```markdown" + `
## Rollout

Ship behind a flag: one canary cell, then 1% → 10% → 50% → 100% of tenants, a day apart. A stage
halts and rolls back automatically when the job start-latency SLI burns error budget 10× faster
than normal.
` + "```" + `

## Fix

Give the stages (canary, percentages, cells or regions) and the metric that halts a stage.

## Disable

` + "`<!-- designls-disable rollout-stages -->`" + ` in the section, or
` + "`severity: {rollout-stages: off}`" + ` in ` + "`.designls.yaml`" + `.`,
	Run: runFollowUp(Rollout, []ask{
		{
			question: "Which stages does the change go through (a canary, 1% → 10% → 50% → 100%, cell by cell)?",
			answers:  stageWords,
			scope:    inDocument,
		},
		{
			question: "Which metric halts a stage or triggers the rollback?",
			answers:  guardrailWords,
			scope:    inDocument,
		},
	}),
}

// stageWords name stages. The generic "stage" and "phase" are left out:
// "at this stage" stages nothing.
var stageWords = phrases{"canary*", "staged", "stages", "staging", "phased", "phases", "percent*", "gradual*", "incremental*", "progressive*",
	"cell by cell", "cell-by-cell", "region by region", "one region", "per region", "per-region", "per cell", "per-cell", "dogfood*", "alpha",
	"beta", "general availability", "early access", "cohort*", "pilot*", "dark launch*", "shadow*", "opt-in", "opt in", "allowlist*",
	"1%", "5%", "10%", "50%"}

var guardrailWords = phrases{"guardrail*", "halt*", "pause*", "abort*", "error rate*", "error budget*", "slo*", "sli*", "alert*",
	"health check*", "healthcheck*", "automatic* roll* back", "automated rollback*", "auto-rollback", "monitor*", "metric*", "dashboard*",
	"bake time", "soak*", "success rate*", "crash*", "regression*", "telemetry"}
