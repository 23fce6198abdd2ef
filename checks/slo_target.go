package checks

import (
	"fmt"
	"strings"

	"github.com/designls/designls/checks/numbers"
)

// SLOTarget asks the SLO for its numbers.
var SLOTarget = &Check{
	ID:       "slo-target",
	Title:    "SLO without an availability or a latency target",
	Severity: Warning,
	Doc: `In the section that covers the SLO, reports a missing availability target (a percentage from 90%
up, such as 99.95%, or "four nines") or a missing latency target (a percentile such as p99, or a
share of requests, with a duration: "p99 < 5 ms", "99% of builds start within 30 s"). When the
section lacks one, a target stated anywhere else in the document's prose is accepted, so that a
requirements table that already states it is not asked twice.

The check is quiet when the document has no SLO section or passage; ` + "`missing-section`" + ` speaks
then.

## Why interviewers care

An infrastructure service's SLO is its customers' SLO. "Highly available and fast" cannot be
measured, alerted on or sold; "99.95% of evaluations succeed per 30 days, p99 under 5 ms" can.
Interviewers ask for both numbers and for the percentile, because averages hide the tail that
customers feel.

## Example

Before:

` + "```markdown" + `
## SLO

The service must be highly available with low latency.
` + "```" + `

After:

` + "```markdown" + `
## SLO

99.95% of evaluations succeed per 30 days; p99 evaluation latency < 5 ms measured in the SDK.
` + "```" + `

## Fix

State the availability over a window and the latency at a percentile with a unit.

## Disable

` + "`<!-- designls-disable slo-target -->`" + ` in the SLO section, or ` + "`severity: {slo-target: off}`" + ` in
` + "`.designls.yaml`" + `.`,
	Run: runSLOTarget,
}

// percentileWords name a latency percentile.
var percentileWords = phrases{"p50", "p75", "p90", "p95", "p99*", "p999*", "tp99*", "percentile*", "median", "pctl"}

// ninesWords state availability in nines.
var ninesWords = phrases{"two nines", "three nines", "four nines", "five nines", "2 nines", "3 nines", "4 nines", "5 nines",
	"three 9s", "four 9s", "five 9s"}

// availabilityWords mark a small percentage as an error-rate target
// ("fewer than 0.1% of requests fail").
var availabilityWords = phrases{"availab*", "uptime", "success*", "succeed*", "error*", "fail*", "5xx", "good requests", "up time"}

func runSLOTarget(pass *Pass) {
	body, at, ok := followUpSpan(pass, SLO)
	if !ok {
		return
	}
	avail, latency := sloTargets(pass, body, false, false)
	if !avail || !latency {
		// Only what the section lacks is looked for in the whole document.
		avail, latency = sloTargets(pass, Span{Start: 0, End: len(pass.Doc.Src)}, avail, latency)
	}
	var missing []string
	if !avail {
		missing = append(missing, "no availability target (e.g. 99.95% per 30 days)")
	}
	if !latency {
		missing = append(missing, "no latency target with a percentile and a unit (e.g. p99 < 50 ms)")
	}
	if len(missing) > 0 {
		pass.Report(Diagnostic{Span: at, Concern: SLO, Message: fmt.Sprintf("SLO states %s", strings.Join(missing, " and "))})
	}
}

// sloTargets reports whether span's prose states an availability target
// and a latency target. Each sentence, list item or table row is read on
// its own: a latency target is a percentile or a percentage with a
// duration of at most an hour; an availability target is a percentage of
// 90 or more with no such duration, nines, or a small percentage of
// errors. The scan stops once both are found; avail and latency passed in
// as true count as found already.
func sloTargets(pass *Pass, span Span, avail, latency bool) (bool, bool) {
	d, t := pass.Doc, pass.prose()
	if avail && latency {
		return true, true
	}
	for _, s := range t.sentences(d, span, true) {
		var pct, small, dur bool
		for _, q := range numbers.Quantities(d.Src[s.Start:s.End]) {
			switch {
			case q.Unit.Text == "%" || q.Unit.Text == "percent":
				pct = pct || q.Number >= 90 && q.Number < 100
				small = small || q.Number > 0 && q.Number <= 5
			case q.Unit.Dim == numbers.Duration && q.Base > 0 && q.Base <= 3600:
				dur = true
			}
		}
		// The phrase lookups are the costly part: each is made only when
		// its answer can still matter.
		if dur && (pct || t.has(percentileWords, s)) {
			latency = true
		}
		if !avail && ((pct && !dur) || t.has(ninesWords, s) || (small && t.has(availabilityWords, s)) ||
			(pct && t.has(availabilityWords, s) && !t.has(percentileWords, s))) {
			avail = true
		}
		if avail && latency {
			break
		}
	}
	return avail, latency
}
