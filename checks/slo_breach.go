package checks

// SLOBreach asks what a breach of the SLO sets in motion.
var SLOBreach = &Check{
	ID:       "slo-breach",
	Title:    "SLO with no consequence of a breach",
	Severity: Information,
	Doc: `In the section that covers the SLO, reports when nothing says what a breach triggers: paging
or alerting, an error-budget policy (release freeze, reliability work first), burn-rate alerts,
escalation, an SLA with customer credits.

## Why interviewers care

An SLO nobody acts on is a dashboard. For a service other companies depend on, the SLO is the
customer's SLO: interviewers ask what happens when the budget is spent, who is paged, and whether
customers are owed credits.

## Example

Before:

` + "```markdown" + `
## SLO

99.95% of evaluations succeed per 30 days; p99 latency < 5 ms.
` + "```" + `

After:

` + "```markdown" + `
## SLO

99.95% of evaluations succeed per 30 days; p99 latency < 5 ms. A 14× burn rate over 1 h pages the
on-call engineer; when the month's budget is spent, feature releases freeze until it recovers, and
the SLA owes a 10% credit below 99.9%.
` + "```" + `

## Fix

Say who is paged at which burn rate, what the error-budget policy does, and what customers are owed.

## Disable

` + "`<!-- designls-disable slo-breach -->`" + ` in the section, or ` + "`severity: {slo-breach: off}`" + ` in
` + "`.designls.yaml`" + `.`,
	Run: runFollowUp(SLO, []ask{{
		question: "What does a breach trigger: paging at which burn rate, an error-budget policy that freezes releases, customer credits?",
		answers:  breachWords,
	}}),
}

var breachWords = phrases{"page*", "paging", "pager*", "on-call", "on call", "oncall", "alert*", "budget polic*", "freeze*", "frozen",
	"credit*", "escalat*", "roll back", "rollback*", "halt*", "burn rate*", "burn-rate", "incident*", "postmortem*", "post-mortem*", "sla*",
	"refund*", "penalt*", "remediat*", "stop releases", "block* releases", "release freeze"}
