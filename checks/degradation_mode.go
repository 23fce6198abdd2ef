package checks

// DegradationMode asks what the system does when a dependency fails.
var DegradationMode = &Check{
	ID:       "degradation-mode",
	Title:    "Degradation section with no failure behaviour",
	Severity: Information,
	Doc: `In the section that covers degradation, reports when no concrete behaviour under failure is
given: no fail-open or fail-closed choice, fallback or cached value, timeout, retry with backoff,
backpressure, load shedding, rate limiting or circuit breaking.

## Why interviewers care

Partial failure is the normal state of a fleet. The interesting decision is what the system does
then: a feature-flag SDK that fails closed takes every customer's product down with it, one that
serves the last known value does not. Interviewers want that decision made explicitly.

## Example

Before:

` + "```markdown" + `
## Failure handling

The service is designed to be resilient to failures of its dependencies.
` + "```" + `

After:

` + "```markdown" + `
## Failure handling

If the rules store is unreachable the SDK keeps serving its last known rules (fail open) and
retries with exponential backoff from 1 s to 60 s; evaluations never block on the network.
` + "```" + `

## Fix

For each dependency, say what happens when it is slow or down: fail open or closed, what is served
instead, the timeouts and retry policy, and how load is shed.

## Disable

` + "`<!-- designls-disable degradation-mode -->`" + ` in the section, or
` + "`severity: {degradation-mode: off}`" + ` in ` + "`.designls.yaml`" + `.`,
	Run: runFollowUp(Degradation, []ask{{
		question: "What happens when a dependency is slow or down: fail open or closed, a fallback or cached value, timeouts and retries with backoff, backpressure?",
		answers:  degradationWords,
	}}),
}

var degradationWords = phrases{"fail* open", "fail* closed", "fallback*", "fall back", "falls back", "falling back", "timeout*", "time out",
	"times out", "timed out", "retr*", "backoff", "back off", "back-off", "backpressure", "back pressure", "load shed*", "shed*",
	"circuit break*", "degrad*", "last known good", "stale", "cached", "serve from cache", "rate limit*", "throttl*", "bulkhead*", "graceful*",
	"hedg*", "queue*", "drop*", "reject*", "read-only mode", "read only mode", "continues operating", "continue operating",
	"continues to operate", "continue to operate", "continues serving", "continue serving", "continues to serve", "keeps serving",
	"keep serving", "still serve*", "previous rate", "last value*", "previous value*", "recover*", "expire*", "fail* over", "failover",
	"take* over", "taken over", "re-replicat*", "re-elect*", "unavailab*", "single point* of failure", "inaccessible", "redundan*"}
