package checks

import (
	"sync"

	"github.com/designls/designls/checks/doc"
	"github.com/designls/designls/checks/numbers"
)

// The checklist is what an interviewer ticks off while reading the section
// about a concern: one point per prompt of the concern's built-in snippet,
// in the same order (checklist_test.go keeps them in step). Where a
// follow-up check already asks the same question, the point reuses its
// answers, so that the hover and the diagnostics agree.

// PointState is one point of a concern's checklist as a section answers it.
type PointState struct {
	// Label names the point in a few words: "Error model", "Kill switch".
	Label string
	// Ask is what an answer gives, as a short phrase for people.
	Ask string
	// Addressed says the section's own text answers the point.
	Addressed bool
	// Evidence is where, in the document's bytes, the first sign of the
	// answer is; empty when the point is open.
	Evidence Span
}

// Checklist returns the points of concern c and which of them section s
// addresses, reading s.Body (subsections included) as the checks read
// prose: template prompts, comments and front matter are blanked, so an
// inserted snippet that was never edited addresses nothing. Headings,
// placeholder lines ("Rollback: TBD") and denied mentions ("no kill
// switch") address nothing either. It returns nil for an unknown concern
// or a nil section.
func (r *Result) Checklist(c Concern, s *Section) []PointState {
	pts, ok := checklists()[c]
	if !ok || s == nil || r == nil || r.Doc == nil {
		return nil
	}
	out := make([]PointState, len(pts))
	r.withProse(func(t *proseText) {
		rd := pointReader{d: r.Doc, t: t, body: s.Body.Clamp(len(t.b))}
		for _, sub := range r.Doc.Sections {
			if sub != s && sub.Heading.Start >= rd.body.Start && sub.Heading.Start < rd.body.End {
				rd.headings = append(rd.headings, sub.Heading)
			}
		}
		for i, p := range pts {
			out[i] = PointState{Label: p.label, Ask: p.ask}
			out[i].Evidence, out[i].Addressed = rd.answer(p)
		}
	})
	return out
}

// checkPoint is one point of a checklist.
type checkPoint struct {
	label, ask string
	// clues must all be found for the point to be addressed; the first
	// one's match is the evidence shown.
	clues []clue
}

// clue is one thing an answer shows: any of its phrases, or a figure of
// the right kind.
type clue struct {
	words  phrases
	figure func(numbers.Quantity) bool
	// onlyWhen, if set, makes the clue needed only in sections where one
	// of its phrases occurs: no pagination is owed without a list call.
	onlyWhen phrases
}

// point builds a point addressed by any one of words.
func point(label, ask string, words ...phrases) checkPoint {
	return checkPoint{label: label, ask: ask, clues: []clue{{words: joinPhrases(words...)}}}
}

// joinPhrases concatenates vocabulary lists into a new one.
func joinPhrases(lists ...phrases) phrases {
	var out phrases
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// exceptPhrases returns ps without the phrases of drop: a follow-up
// check's answers include some that the checklist gives to another point
// (a kill switch answers "how is a rollout undone?", but is a point of
// its own).
func exceptPhrases(ps phrases, drop ...phrases) phrases {
	var out phrases
next:
	for _, p := range ps {
		for _, d := range drop {
			for _, q := range d {
				if p == q {
					continue next
				}
			}
		}
		out = append(out, p)
	}
	return out
}

// isRate, isSize and isDataRate pick figures with a unit of that kind:
// "30K QPS", "2 KB", "40 Gbps".
func isRate(q numbers.Quantity) bool     { return q.Unit.Text != "" && q.Unit.Dim == numbers.Rate }
func isSize(q numbers.Quantity) bool     { return q.Unit.Dim == numbers.Size }
func isDataRate(q numbers.Quantity) bool { return q.Unit.Dim == numbers.Throughput }

// isAvailability picks a percentage an availability target is written
// as: "99.9%", not "10%" of traffic.
func isAvailability(q numbers.Quantity) bool {
	return (q.Unit.Text == "%" || q.Unit.Text == "percent") && q.Number >= 90 && q.Number < 100
}

// Vocabulary that only the checklist needs. Lists shared with a check
// live beside that check.
var (
	// killSwitchWords turn a change off without a deploy.
	killSwitchWords = phrases{"kill switch*", "killswitch*", "feature flag*", "feature gate*", "featuregate*", "flag*", "toggle*",
		"turn* off", "switch* off", "disabl*"}
	// cellWords bound how far one failure reaches.
	cellWords = phrases{"cell*", "blast radius", "region*", "availability zone*", "zone*", "fault domain*", "failure domain*",
		"bulkhead*", "shuffle shard*", "of customers", "of tenants"}
)

// checklists is built on first use: its points are made by calls, which
// would otherwise run at every process's start.
var checklists = sync.OnceValue(func() map[Concern][]checkPoint {
	return map[Concern][]checkPoint{
		API: {
			point("Endpoints or RPCs", "the calls, REST or gRPC, with request and response shapes",
				callWords, writeWords, phrases{"request body", "response body", "request shape", "response shape", "request message",
					"response message", "service definition", "openapi", "graphql"}),
			point("Error model", "error codes, the error body, which errors are retryable",
				exceptPhrases(errorWords, phrases{"failure*"}), errorModelWords, phrases{"non-retryable", "retry-after"}),
			point("Idempotency of writes", "how a retried write is recognised (an idempotency key, a request ID)", idempotencyWords),
			{label: "Versioning and pagination", ask: "where the version lives (/v1/, a header) and how list calls page",
				clues: []clue{{words: versioningWords}, {words: paginationWords, onlyWhen: listWords}}},
		},
		DataModel: {
			point("Entities and fields", "the entities and their typed fields, ideally a schema",
				phrases{"entit*", "schema*", "create table", "column*", "field", "fields", "varchar", "bigint", "int64", "int32", "uuid",
					"timestamp*", "boolean", "record layout"}),
			point("Keys and indexes", "primary keys, secondary indexes and the queries they serve",
				phrases{"primary key*", "secondary index*", "partition key*", "sort key*", "row key*", "shard key*", "composite key*",
					"unique key*", "foreign key*", "index", "indexes", "indices", "indexed", "keyed by", "key layout", "key format"}),
			{label: "Store and record size", ask: "which store holds each entity, bytes per record, and retention",
				clues: []clue{{words: phrases{"retention", "retain*", "ttl", "kept for", "deleted after", "purged", "stored in",
					"stored as", "per record", "record size", "bytes", "postgres*", "mysql", "dynamodb", "cassandra", "redis", "s3",
					"bigtable", "spanner", "etcd", "sqlite", "object store*", "blob store*", "key-value store*"}, figure: isSize}}},
		},
		Consistency: {
			point("Model readers get", "the guarantee readers get, and the staleness bound if eventual",
				strongClaims, phrases{"strong consisten*", "strongly consistent", "serializab*", "sequential* consisten*", "causal* consisten*",
					"read-after-write", "monotonic read*", "eventual* consisten*", "eventually consistent", "bounded staleness", "staleness",
					"stale", "snapshot isolation", "consistency model", "isolation level*", "consistent read*"}),
			point("Replication", "synchronous or asynchronous, and why for this data",
				staleReplicaReads, phrases{"sync* replica*", "sync* replicat*", "replicat* sync*", "replicat* async*", "semi-sync*",
					"replication factor", "chain replication", "primary-backup", "log shipping", "streaming replication", "quorum write*"}),
			point("Agreement and write order", "leader election, consensus or transactions, and how writes are ordered",
				phrases{"raft", "paxos", "consensus", "zab", "leader election", "elect* a leader", "single leader", "single writer", "quorum*",
					"majority", "transaction*", "two-phase commit", "2pc", "total order*", "sequence number*", "lamport", "vector clock*",
					"fencing token*", "etcd", "zookeeper", "ordered by", "in order"}),
			point("Conflict resolution", "what happens when two writers race",
				phrases{"conflict resolution", "conflicting write*", "resolve* conflict*", "conflicts are", "last-writer-wins",
					"last writer wins", "last-write-wins", "last write wins", "compare-and-set", "compare and set", "compare-and-swap",
					"compare and swap", "version check*", "optimistic concurrency", "optimistic lock*", "pessimistic lock*", "crdt*",
					"conflict-free", "if-match", "etag*", "conditional write*", "merge*"}),
		},
		Degradation: {
			point("Failure modes", "what each dependency's failure does, failing open or closed",
				phrases{"fail* open", "fail* closed", "failure mode*", "fail-safe", "fail safe", "fail static", "fail* fast", "goes down",
					"is down", "are down", "becomes unavailable", "is unavailable", "unreachable", "network partition*", "crash*", "single point* of failure"}),
			point("Fallbacks", "cached or last-known-good values served, and how stale they may get",
				phrases{"fallback*", "fall back", "falls back", "falling back", "last known good", "last-known-good", "serve* stale",
					"stale value*", "cached value*", "from cache", "from the cache", "cached", "default value*", "read-only mode",
					"previous value*", "last value*", "keep* serving", "still serve*", "continue* serving", "continue* to serve"}),
			point("Timeouts and retries", "timeouts, retries with backoff and jitter, a retry budget",
				phrases{"timeout*", "time out", "times out", "timed out", "deadline*", "retry", "retries", "retried", "retrying", "backoff",
					"back off", "back-off", "jitter", "retry budget*", "circuit break*", "hedg*"}),
			point("Overload", "backpressure, load shedding, and what is dropped first",
				phrases{"backpressure", "back pressure", "load shed*", "shed*", "overload*", "throttl*", "rate limit*", "admission control",
					"bounded queue*", "queue depth", "concurrency limit*", "429"}),
		},
		SLO: {
			{label: "Availability and latency target", ask: "e.g. 99.9% per 30 days and p99 < 50 ms",
				clues: []clue{
					{words: joinPhrases(ninesWords, phrases{"99.9*", "99.5*", "99.8*", "uptime"}), figure: isAvailability},
					{words: percentileWords},
				}},
			point("SLIs", "which requests count as good, measured where",
				phrases{"sli", "slis", "service level indicator*", "good request*", "good event*", "valid request*", "measured at", "measured by",
					"measured from", "measured on", "measured in", "load balancer log*", "client-side", "server-side"}),
			point("Error budget", "1 − SLO over the window, and the policy when it runs out",
				phrases{"error budget*", "error-budget*", "burn rate*", "burn-rate*", "budget polic*", "budget is spent", "budget runs out",
					"budget is exhausted", "of downtime", "allowed downtime", "downtime per"}),
			point("What a breach triggers", "paging, a release freeze, customer credits",
				exceptPhrases(breachWords, phrases{"sla*", "incident*"})),
		},
		Rollout: {
			point("Stages", "the stages and their sizes, and how long each bakes", stageWords),
			point("Guardrail metric", "the metric and threshold that halt a stage", guardrailWords),
			point("Rollback", "automated or manual, how fast, and what cannot be undone", exceptPhrases(rollbackWords, killSwitchWords)),
			point("Kill switch", "a flag that turns the change off without a deploy", killSwitchWords),
		},
		Problem: {
			point("Who is hurting and how", "who is affected today, with a number if there is one",
				phrases{"pain point*", "ticket*", "complain*", "affect*", "hurt*", "suffer*", "frustrat*", "toil", "minutes lost", "hours lost",
					"wasted", "outage*", "incident*", "per week", "a week", "each week", "every week", "per month"}),
			point("Why now", "what changed, and what waiting a quarter costs",
				phrases{"why now", "recently", "this quarter", "next quarter", "a quarter", "growing", "grown", "growth", "doubl*", "increas*",
					"end of life", "will break", "no longer", "running out", "runs out", "changed", "cost of waiting",
					"if nothing is done", "if we do nothing"}),
			point("Background", "the existing systems involved and earlier docs",
				phrases{"background", "existing*", "current system", "current design", "currently", "today", "legacy", "prior art",
					"prior work", "earlier doc*", "previous doc*", "previous design", "design doc*", "rfc*", "see also"}),
		},
		Goals: {
			point("Checkable goals", "outcomes a reviewer could verify, e.g. within 10 s",
				percentileWords, phrases{"within", "at least", "at most", "less than", "fewer than", "no more than", "no longer than",
					"per second", "success criteri*", "measured by", "measurable", "%"}),
			point("Non-goals", "what this leaves out on purpose",
				phrases{"non-goal*", "non goal*", "nongoal*", "out of scope", "not in scope", "not a goal", "will not", "won't",
					"does not aim", "deliberately", "we do not", "leave* out", "left out"}),
			point("Constraints", "deadlines, existing clients, budget, team size",
				phrases{"constraint*", "deadline*", "budget*", "headcount", "team of", "engineers", "existing client*", "must remain",
					"must keep", "cannot change", "limited to", "by q1", "by q2", "by q3", "by q4"}),
		},
		Capacity: {
			{label: "Peak QPS", ask: "average and peak load, reads and writes, with the arithmetic",
				clues: []clue{{words: phrases{"qps", "rps", "tps", "requests per second", "queries per second", "writes per second",
					"reads per second", "events per second", "req/s", "requests/s", "ops/s"}, figure: isRate}}},
			{label: "Storage", ask: "record size × count × retention, and growth per year",
				clues: []clue{{words: phrases{"terabyte*", "gigabyte*", "petabyte*", "megabyte*", "bytes per", "per record", "record size"},
					figure: isSize}}},
			{label: "Bandwidth and hosts", ask: "bandwidth in and out, and roughly how many hosts",
				clues: []clue{{words: phrases{"bandwidth", "gbps", "mbps", "egress", "ingress", "hosts", "servers", "machines", "nodes",
					"instances", "pods", "vms", "cores", "vcpu*", "cpu*"}, figure: isDataRate}}},
			point("Headroom", "how far past peak it goes, and what saturates first",
				phrases{"headroom", "saturat*", "bottleneck*", "redesign*", "safety margin", "margin", "overprovision*", "over-provision*",
					"scales to", "scale to", "breaking point", "ceiling", "2x", "3x", "4x", "5x", "10x", "100x"}),
		},
		Architecture: {
			point("Components and diagram", "the components, what each owns, and a diagram",
				phrases{"component*", "diagram*", "consists of", "made of", "mermaid", "flowchart", "sequencediagram", "graph td", "graph lr", "owns",
					"responsible for"}),
			point("One request end to end", "where a request goes first, what it reads and writes, where it waits",
				phrases{"end to end", "request flow", "data flow", "read path", "write path", "request path", "hot path", "forward*",
					"routes", "routed", "sends", "sent to", "looks up", "receives", "hits"}),
			point("Control plane versus data plane", "what keeps working when the control plane is down",
				phrases{"control plane", "data plane", "controlplane", "dataplane", "static* stab*"}),
			point("External dependencies", "each dependency and what its failure does here",
				phrases{"dependenc*", "depends on", "depend on", "dependent on", "third party", "third-party", "external*", "upstream*",
					"downstream*", "relies on", "rely on", "relying on"}),
		},
		StateMachine: {
			point("Named states", "the states of the core entity, e.g. PENDING → RUNNING → DONE",
				phrases{"states are", "the states", "state diagram*", "statediagram", "pending", "running", "queued", "succeeded", "failed",
					"cancelled", "canceled", "completed", "terminated", "draining", "provisioning", "deleting", "→"}),
			point("Transitions", "what triggers each transition, who may make it, which are forbidden",
				phrases{"transition*", "moves to", "moved to", "move to", "goes to", "becomes", "trigger*", "forbidden", "not allowed",
					"allowed to"}),
			point("Terminal states and timeouts", "terminal states, forced timeouts, and recovering a stuck entity",
				phrases{"terminal*", "final state*", "end state*", "timeout*", "time out", "times out", "timed out", "stuck", "ttl", "expire*",
					"deadline*", "reaper", "garbage collect*", "sweeper", "heartbeat*", "lease*"}),
		},
		Isolation: {
			point("Shard or partition key", "the key data is split by, and how hot keys are spread",
				phrases{"shard*", "partition*", "consistent hash*", "hashed by", "keyed by", "hot key*", "hot tenant*", "hot spot*",
					"hotspot*", "rebalanc*"}),
			point("Per-tenant limits and quotas", "what stops a noisy neighbour", exceptPhrases(tenantIsolationWords, cellWords)),
			point("Cells or regions", "how many customers one failure reaches", cellWords),
		},
		Observability: {
			point("Metrics and dashboard", "rate, errors, latency percentiles, saturation",
				phrases{"metric*", "dashboard*", "sli", "slis", "counter*", "gauge*", "histogram*", "prometheus", "grafana", "datadog",
					"saturation", "latency percentile*", "red metrics", "use method"}),
			point("Alerts", "what pages a human, at what threshold, what only opens a ticket",
				phrases{"alert*", "pages", "paged", "paging", "pager*", "on-call", "oncall", "on call", "ticket*", "threshold*", "burn rate*",
					"notif*"}),
			point("Logs and traces", "what each request records and how it is followed across services",
				phrases{"log", "logs", "logged", "logging", "structured log*", "trace*", "tracing", "opentelemetry", "otel", "trace id*",
					"correlation id*", "request id*", "jaeger", "zipkin", "audit log*"}),
			point("Runbooks", "what on-call does for the first alerts",
				phrases{"runbook*", "run book*", "playbook*", "on-call guide*", "troubleshooting guide*", "mitigation step*"}),
		},
		Compat: {
			point("Versioning policy", "what counts as breaking, and semver for clients",
				phrases{"breaking change*", "breaking", "semver", "semantic version*", "major version*", "minor version*", "versioning polic*",
					"version polic*", "support polic*", "versioning"}),
			point("Additive changes only", "no removed fields or changed types within a version",
				phrases{"additive*", "add-only", "only add*", "backward* compatib*", "forward* compatib*", "never remove*", "never rename*",
					"no removed", "optional field*", "unknown field*", "ignore* unknown"}),
			point("Version skew", "old clients with new servers, mixed versions in one cluster",
				phrases{"skew", "mixed version*", "mixed-version*", "old client*", "older client*", "new server*", "newer server*",
					"older version*", "newer version*", "rolling upgrade*", "downgrad*", "n-1", "n+1", "during upgrade*", "during the upgrade"}),
			point("Deprecation path", "announcement, migration guide, usage telemetry, sunset date",
				phrases{"deprecat*", "sunset*", "migration guide*", "end of life", "end-of-life", "eol", "announce*", "removal date",
					"grace period", "notice period", "months notice", "months of notice", "usage telemetry"}),
		},
		Security: {
			point("Authentication and authorization", "who the caller is (tokens, mTLS) and what they may do",
				phrases{"authent*", "authori*", "authn", "authz", "mtls", "oauth*", "oidc", "jwt*", "api key*", "service identit*", "spiffe",
					"iam", "rbac", "acl*", "permission*", "sso", "saml", "bearer token*"}),
			point("Tenant access control", "how one customer is kept from another's data",
				phrases{"tenant isolation", "tenant id*", "tenant boundar*", "cross-tenant", "per-tenant", "per tenant", "another customer*",
					"other customer*", "another tenant*", "other tenant*", "row-level security", "row level security", "scoped to",
					"scoped by"}),
			point("Secrets and sensitive data", "where keys live and rotate, what is encrypted, what personal data is kept",
				phrases{"secret*", "vault", "kms", "hsm", "rotat*", "encrypt*", "at rest", "in transit", "tls", "pii", "personal data",
					"gdpr", "sensitive", "credential*", "key management"}),
			point("Abuse", "rate limits, audit logs, and the attack that worries you most",
				phrases{"abuse*", "rate limit*", "audit*", "attack*", "threat*", "ddos", "spam*", "brute force", "malicious", "fraud*",
					"injection", "ssrf", "xss", "csrf", "throttl*"}),
		},
		Alternatives: {
			point("Each serious alternative", "each option, doing nothing and buying included",
				phrases{"alternative*", "option a", "option b", "option 1", "option 2", "approach a", "approach b", "we considered",
					"considered", "do nothing", "doing nothing", "status quo", "off the shelf", "off-the-shelf", "open source", "open-source",
					"adopt*", "buy*", "instead of", "rather than", "versus"}),
			point("Trade-offs", "what decided against each one: cost, latency, operations, time",
				phrases{"trade off*", "tradeoff*", "pros", "cons", "downside*", "upside*", "drawback*", "disadvantage*", "advantage*",
					"benefit*", "rejected", "ruled out", "cost*", "cheaper", "more expensive", "simpler", "more complex", "operational*",
					"too slow", "too expensive", "too complex"}),
			point("Revisit this choice", "what would make you change course later",
				phrases{"revisit*", "reconsider*", "re-evaluat*", "reevaluat*", "would switch", "would move", "would change", "would make us",
					"when we reach", "if traffic", "if load", "exit criteri*", "at which point"}),
		},
	}
})

// pointReader finds the answers to points in one section.
type pointReader struct {
	d        *doc.Document
	t        *proseText
	body     Span
	headings []Span
	figures  []numbers.Quantity
	read     bool // figures computed
}

// answer reports whether every clue of p that applies is found, and
// where the first clue was found.
func (rd *pointReader) answer(p checkPoint) (Span, bool) {
	var at Span
	for i, c := range p.clues {
		if c.onlyWhen != nil && !rd.t.has(c.onlyWhen, rd.body) {
			continue
		}
		m, ok := rd.find(c)
		if !ok {
			return Span{}, false
		}
		if i == 0 {
			at = m
		}
	}
	return at, true
}

// find returns the earliest acceptable sign of c in the section.
func (rd *pointReader) find(c clue) (Span, bool) {
	best := Span{Start: -1}
	for _, p := range c.words {
		for _, m := range rd.t.findAllIn(rd.body, p) {
			if !earlier(m, best) {
				break
			}
			if rd.accept(m) {
				best = m
				break
			}
		}
	}
	if c.figure != nil {
		for _, q := range rd.quantities() {
			m := Span{Start: q.Span.Start, End: q.Span.End}
			if !earlier(m, best) {
				break
			}
			if c.figure(q) && !rd.t.isIgnored(m.Start) && rd.accept(m) {
				best = m
				break
			}
		}
	}
	return best, best.Start >= 0
}

// earlier reports whether m is a better sign than best (Start -1 for
// none yet): it starts first, or at the same place and is longer, so that
// "99.95%" the figure wins over "99.95" the phrase.
func earlier(m, best Span) bool {
	return best.Start < 0 || m.Start < best.Start || m.Start == best.Start && m.End > best.End
}

// quantities returns the section's figures with document offsets, read
// once per section.
func (rd *pointReader) quantities() []numbers.Quantity {
	if !rd.read {
		rd.read = true
		rd.figures = numbers.Quantities(rd.d.Src[rd.body.Start:rd.body.End])
		for i := range rd.figures {
			rd.figures[i].Span.Start += rd.body.Start
			rd.figures[i].Span.End += rd.body.Start
		}
	}
	return rd.figures
}

// accept rejects a match that answers nothing: in a subsection's heading
// (a title is not an answer), on a line left for later ("Rollback: TBD"),
// or denied ("there is no kill switch", "a cache is not needed").
func (rd *pointReader) accept(m Span) bool {
	for _, h := range rd.headings {
		if h.Contains(m.Start) {
			return false
		}
	}
	d := rd.d
	line := d.Lines.Line(m.Start)
	ls, le := d.Lines.LineStart(line), d.Lines.LineEnd(d.Src, line)
	placeholder := false
	forEachPlaceholder(d, Span{Start: ls, End: le}, func(Span, string) { placeholder = true })
	if placeholder {
		return false
	}
	s := clauseAround(rd.t.b, Span{Start: ls, End: le}, m)
	return !negated(rd.t.b, s, m.Start) && !deniedAfter(rd.t.b, s, m)
}

// clauseAround returns the part of line around m up to the nearest
// sentence or clause end on either side, so that a denial in the previous
// sentence ("No cache. Retries back off.") does not reach m.
func clauseAround(b []byte, line, m Span) Span {
	s := Span{Start: m.Start, End: m.End}
	for s.Start > line.Start && !clauseEnd(b, s.Start-1) {
		s.Start--
	}
	for s.End < line.End && !clauseEnd(b, s.End) {
		s.End++
	}
	return s
}

// clauseEnd reports whether b[i] ends a sentence or clause: ".", ";", "!"
// or "?" followed by a space or the end of the text.
func clauseEnd(b []byte, i int) bool {
	switch b[i] {
	case '.', ';', '!', '?':
		return i+1 >= len(b) || b[i+1] == ' ' || b[i+1] == '\t' || b[i+1] == '\r' || b[i+1] == '\n'
	}
	return false
}
