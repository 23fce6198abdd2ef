package checks

import (
	"fmt"
)

// VagueClaim asks for the figure behind an adjective.
var VagueClaim = &Check{
	ID:       "vague-claim",
	Title:    "Quality claimed without a figure",
	Severity: Hint,
	Doc: `Reports "highly available", "scalable", "low latency", "must be fast", "real-time", "high
throughput" and "high performance" when neither the sentence that says it nor the next one gives a
number. Denied claims ("not real-time", "realtime analytics are not a requirement"), comparisons
("more scalable than"), headings, code, "fast" describing a mechanism ("a hash table for fast
lookups") and idioms ("fail fast", "fast path") are left alone.

## Why interviewers care

Every design wants to be fast and scalable; the design is in the number. "Low latency" invites
"how low, at which percentile?", and a candidate who answers with the number before the question
is asked reads as someone who has run a service.

## Example

Before:

` + "```markdown" + `
Flag evaluation must be fast and highly available.
` + "```" + `

After:

` + "```markdown" + `
Flag evaluation must take under 5 ms at p99 and succeed for 99.99% of calls per 30 days.
` + "```" + `

## Fix

Replace the adjective with the figure, or give the figure in the next sentence.

## Disable

` + "`<!-- designls-disable vague-claim -->`" + ` for a section, or ` + "`severity: {vague-claim: off}`" + ` in
` + "`.designls.yaml`" + `.`,
	Run: runVagueClaim,
}

// vagueClaims maps each family of adjectives to the figure that would make
// it concrete.
var vagueClaims = []struct {
	words phrases
	ask   string
}{
	{phrases{"highly available", "highly-available", "high availability", "always available"},
		"an availability target, e.g. 99.95% per 30 days"},
	{phrases{"scalable", "highly scalable", "massively scalable", "infinitely scalable", "scales well", "scale well", "web scale", "web-scale"},
		"the load it must carry, e.g. 50K QPS at peak"},
	// "fast" alone is mostly attributive ("a hash table for fast lookups")
	// and describes a mechanism; it claims something when it is what the
	// system must be.
	{phrases{"low latency", "low-latency", "be fast", "is fast", "are fast", "stay fast", "stays fast", "remain fast", "very fast",
		"blazing*", "lightning fast", "extremely fast", "super fast", "really fast", "fast enough", "snappy", "minimal latency",
		"ultra-low latency"},
		"a latency percentile with a unit, e.g. p99 < 20 ms"},
	{phrases{"real-time", "realtime", "real time", "near real-time", "near-real-time", "near real time"},
		"how fresh, e.g. visible within 2 s"},
	{phrases{"high throughput", "high-throughput"}, "a rate, e.g. 1M events/s or 200 MB/s"},
	{phrases{"high performance", "high-performance", "highly performant", "performant"}, "the latency or rate that defines it"},
}

// notClaims contain a vague word without claiming anything.
var notClaims = phrases{"fail fast", "fail-fast", "fails fast", "fast path*", "fast-path*", "fast forward*", "fast-forward*", "fast follow*",
	"fast track*", "fast-track*", "fast lane", "fast fail*", "fast mode", "fast feedback", "fast rollback*", "fast roll back", "real-time clock",
	"real time clock", "scalable vector"}

func runVagueClaim(pass *Pass) {
	d, t := pass.Doc, pass.prose()
	sents := t.lazySentences(d, true)
	region, ok := sents.extent(t, d)
	if !ok {
		return
	}
	// One pass over the document per phrase, not one per sentence: each
	// match is then placed in its sentence, and only the blocks holding
	// matches are split into sentences.
	var found []Diagnostic
	for _, v := range vagueClaims {
		reported := map[int]bool{} // by the sentence's start
		for _, p := range v.words {
			for _, m := range t.findAllIn(region, p) {
				s, next, hasNext, ok := sents.at(t, d, m.Start)
				if !ok || reported[s.Start] || m.End > s.End {
					continue
				}
				if hasDigit(t.b[s.Start:s.End]) || (hasNext && hasDigit(t.b[next.Start:next.End])) {
					continue
				}
				if negated(t.b, s, m.Start) || deniedAfter(t.b, s, m) || comparative(t.b, s, m) || inIdiom(t.b, s, m) {
					continue
				}
				reported[s.Start] = true
				found = append(found, Diagnostic{Span: m, Message: fmt.Sprintf("%q without a figure: give %s", d.Text(m), v.ask)})
			}
		}
	}
	for _, dg := range found {
		pass.Report(dg)
	}
}

// findAll returns every match of p in text[span], in order.
func findAll(text []byte, span Span, p string) []Span {
	var out []Span
	for span.Start < span.End {
		m, ok := findPhrase(text, span, p)
		if !ok {
			break
		}
		out = append(out, m)
		span.Start = m.End
	}
	return out
}

// sentenceAt returns the index of the sentence holding offset, or -1.
func sentenceAt(sents []Span, off int) int {
	lo, hi := 0, len(sents)
	for lo < hi {
		mid := (lo + hi) / 2
		if sents[mid].End <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(sents) && sents[lo].Contains(off) {
		return lo
	}
	return -1
}

// inIdiom reports whether the match m lies inside one of notClaims.
func inIdiom(b []byte, s Span, m Span) bool {
	from := max(s.Start, m.Start-8)
	for _, p := range notClaims {
		if n, ok := findPhrase(b, Span{Start: from, End: s.End}, p); ok && n.Start <= m.Start && m.End <= n.End {
			return true
		}
	}
	return false
}

// deniedAfter reports a claim denied by what follows it: "realtime
// analytics are not a requirement".
func deniedAfter(b []byte, s, m Span) bool {
	rest := Span{Start: m.End, End: min(s.End, m.End+40)}
	return phrases{"is not", "are not", "isn't", "aren't", "not required", "not needed", "not a requirement", "not a goal"}.has(b, rest)
}

// comparative reports a comparison ("more scalable than", "how fast we
// respond"), which claims no absolute quality.
func comparative(b []byte, s, m Span) bool {
	if (phrases{"than"}).has(b, Span{Start: m.End, End: min(s.End, m.End+40)}) {
		return true
	}
	j := m.Start
	for j > s.Start && (b[j-1] == ' ' || b[j-1] == '\t') {
		j--
	}
	i := j
	for i > s.Start && isPhraseWord(b[i-1]) {
		i--
	}
	switch string(b[i:j]) {
	case "more", "less", "how", "as", "so", "too", "fairly", "reasonably":
		return true
	}
	return false
}
