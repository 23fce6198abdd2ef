package checks

import "fmt"

// ConsistencyContradiction reports a promise of strong consistency that
// the design's own read path breaks.
var ConsistencyContradiction = &Check{
	ID:       "consistency-contradiction",
	Title:    "Strong consistency claimed for stale reads",
	Severity: Warning,
	Doc: `Reports a claim of strong consistency (strongly consistent, linearizable, read-your-writes,
"always returns the latest value") when the same document serves reads from copies that can lag:
asynchronously replicated replicas or followers, or a cache that nothing ever invalidates (no
invalidation, write-through, purge, watch or version check anywhere in the document).

Claims that are denied ("not linearizable", "instead of strong consistency"), made under a
condition ("if", "optionally") or confined to a path that can keep them ("reads from the leader
are linearizable", "metadata is strongly consistent through Raft") do not count, nor do replica
reads in a sentence that says what keeps them fresh (leader, quorum, synchronous replication) or
confines them to dashboards and reporting. The check runs when the document covers consistency
at all.

## Why interviewers care

A design that promises linearizable reads and then serves them from an async replica has a bug
the interviewer will find in one question: "what does a client read right after its write?".
Saying which reads are strong and which are stale, and why, is the expected answer.

## Example

Before:

` + "```markdown" + `
Reads are strongly consistent.

To scale reads, queries are served from asynchronous read replicas in each region.
` + "```" + `

After:

` + "```markdown" + `
Reads from the primary are strongly consistent. Dashboards query asynchronous read replicas and
may lag by up to 2 s; the API's read-after-write calls always go to the primary.
` + "```" + `

## Fix

Say which reads are strong and which may be stale, and route the strong ones to a copy that can
give them (leader, quorum, synchronous replica, invalidated cache).

## Disable

` + "`<!-- designls-disable-next-line consistency-contradiction -->`" + ` above the claim, or
` + "`severity: {consistency-contradiction: off}`" + ` in ` + "`.designls.yaml`" + `.`,
	Run: runConsistencyContradiction,
}

// strongClaims promise that every read sees the latest write.
var strongClaims = phrases{"strong consistency", "strongly consistent", "strongly-consistent", "linearizab*", "read-your-writes",
	"read your writes", "read-after-write consisten*", "always up to date", "always see* the latest", "always return* the latest",
	"always read* the latest", "never stale", "never return* stale", "never see* stale", "externally consistent", "external consistency"}

// staleReplicaReads are read paths through copies that may lag.
var staleReplicaReads = phrases{"async* replica*", "asynchronous* replica*", "asynchronously replicated", "async* replicat*",
	"asynchronous* replicat*", "replication lag", "replica lag", "read replica*", "follower read*", "read* from follower*",
	"read* from* replica*", "served by replica*", "served from replica*"}

// freshCopies in the same sentence explain why a replica read is fresh
// after all, or confine stale reads to where they are harmless.
var freshCopies = phrases{"leader", "primary", "quorum", "synchronous*", "synchronously", "bounded staleness", "dashboard*", "analytics",
	"reporting", "offline", "batch"}

// claimScopes confine a strong claim to a path that can keep it: "reads
// from the leader are linearizable" promises nothing about replicas.
var claimScopes = phrases{"leader", "primary", "quorum", "synchronous*", "synchronously", "raft", "paxos", "consensus", "metadata",
	"control plane", "within a region", "single region", "per key", "per-key", "writes"}

var readWords = phrases{"read*", "serve*", "served", "query*", "queries", "lookup*", "look up", "get*", "fetch*", "hit*"}

var cacheWords = phrases{"cache*", "cached"}

// cacheFreshness anywhere in the document keeps a cache in step.
var cacheFreshness = phrases{"invalidat*", "write-through", "write through", "purge*", "evict* on write", "coheren*", "watch*",
	"version check*", "versioned", "resource version*", "resourceversion", "ttl", "expire*", "expiry", "refresh*", "updated on write",
	"update* the cache", "lease*"}

func runConsistencyContradiction(pass *Pass) {
	if pass.Coverage.Get(Consistency).State == Missing {
		return
	}
	d, t := pass.Doc, pass.prose()
	var claim Span
	var claimText string
	// The first claim is all that is kept: split no block past it.
	for c := t.eachSentenceHolding(d, true, strongClaims); ; {
		s, ok := c.next()
		if !ok {
			break
		}
		if m, _, ok := t.find(strongClaims, s); ok && !negated(t.b, s, m.Start) && !conditional(t.b, s) && !t.has(claimScopes, s) {
			claim, claimText = m, string(d.Text(m))
			break
		}
	}
	if claimText == "" {
		return
	}
	// Whether the document says how its cache stays fresh is asked only of
	// a sentence that reads from a cache, and then once.
	cacheFresh, askedFresh := false, false
	isCacheFresh := func() bool {
		if !askedFresh {
			cacheFresh, askedFresh = t.has(cacheFreshness, Span{Start: 0, End: len(t.b)}), true
		}
		return cacheFresh
	}
	const replicaKind, cacheKind = "reads served by asynchronously replicated copies", "reads served from a cache that nothing invalidates"
	reported := map[string]bool{}
	// Either kind needs a stale-read phrase or a cache word in its
	// sentence.
	for c := t.eachSentenceHolding(d, true, staleReplicaReads, cacheWords); ; {
		s, ok := c.next()
		if !ok {
			break
		}
		var kind string
		switch m, _, ok := t.find(staleReplicaReads, s); {
		case ok && !negated(t.b, s, m.Start) && !t.has(freshCopies, s) && (t.has(readWords, s) || isReadReplica(t.b, m)):
			kind = replicaKind
		case t.has(cacheWords, s) && t.has(readWords, s) && !t.has(strongClaims, s) && !isCacheFresh():
			kind = cacheKind
		}
		if kind == "" || reported[kind] {
			continue
		}
		reported[kind] = true
		pass.Report(Diagnostic{
			Span:    claim,
			Concern: Consistency,
			Message: fmt.Sprintf("%q contradicts %s: which reads are strong, and which may be stale?", claimText, kind),
			Related: []Related{{Span: s, Message: kind}},
		})
		if len(reported) == 2 {
			break // both kinds said: the rest of the document cannot add one
		}
	}
}

// isReadReplica reports whether a replica phrase is itself a read path
// ("read replicas", "follower reads").
func isReadReplica(b []byte, m Span) bool {
	return phrases{"read replica*", "follower read*", "read* from*"}.has(b, m)
}

// conditional reports a claim made only under a condition ("if",
// "when", "optionally", "can be"), which is not a promise.
func conditional(b []byte, s Span) bool {
	return phrases{"if", "unless", "optional*", "can be", "could", "would", "whether", "option", "opt in", "opt-in"}.has(b, s)
}
