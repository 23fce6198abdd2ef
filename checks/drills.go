package checks

import (
	"sync"

	"github.com/designls/designls/checks/numbers"
)

// Phrase groups shared by several drills.
var (
	perTenantWords = []string{"per-tenant", "per tenant", "per customer", "per-customer", "per org*", "per-org*", "quota*", "fair share", "fairness",
		"concurrency limit*", "noisy neighbo*"}
	retryWords   = []string{"retr*"}
	backoffWords = []string{"backoff", "back off", "back-off", "dead letter*", "dead-letter*", "dlq", "max attempts", "maximum attempts", "jitter"}
)

// Dimension lists that keep Figure literals short.
var (
	dimsRate     = []numbers.Dim{numbers.Rate}
	dimsDuration = []numbers.Dim{numbers.Duration}
	dimsSize     = []numbers.Dim{numbers.Size}
)

// drills is the catalog of practice prompts. The first three are the
// drills of the interview guide this project started from; the rest are
// the prompts most often given for infrastructure and developer-tools
// roles. Prompts are written for this project.
//
// The catalog is built on first use: most documents name no drill, and as
// a package variable its shared lists made it code that every process ran
// at start-up, writing pages of data it would never read.
var drills = sync.OnceValue(func() []*Drill {
	return []*Drill{
		{
			Name:    "feature-flags",
			Title:   "Feature-flag service: capacity",
			Rubric:  "system-design",
			Minutes: 45,
			Prompt: `Plan the capacity of a feature-flag service used by 1,000 customer applications. Each application handles 10K requests per second on average and 30K at peak, and evaluates one flag per request on average. A flag evaluation must take under 5 ms at P99.

(a) What total evaluation rate does the service have to serve? (b) Why is evaluating flags from a local cache inside the SDK essential? (c) Roughly what infrastructure does it take with and without that cache?`,
			Expect: []Expectation{
				{
					ID: "total-qps", What: "the total flag-evaluation rate, on average and at peak",
					Figures: []Figure{
						{Label: "average", Value: 10e6, Dims: dimsRate, Working: "1,000 apps × 10K QPS", Context: totalWords},
						{Label: "peak", Value: 30e6, Dims: dimsRate, Working: "1,000 apps × 30K QPS", Context: totalWords},
					},
				},
				{
					ID: "local-cache", What: "the argument for evaluating flags from a local cache in the SDK",
					Phrases: [][]string{{"local cach*", "cache* locally", "in-process", "in process", "client-side cach*", "sdk cach*", "cache* in the sdk",
						"local evaluation", "evaluat* locally", "in-memory", "in memory", "sidecar", "local copy", "local snapshot"}},
				},
				{
					ID: "latency-budget", What: "why a network call per evaluation does not fit the 5 ms P99 budget",
					Phrases: [][]string{{"round trip*", "round-trip*", "rtt", "network hop*", "network call*", "remote call*", "over the network", "network latency"}},
				},
				{
					ID: "hosts", What: "a rough count of hosts with and without local caching",
					Figures: []Figure{{Label: "host count", Units: []string{"hosts", "servers", "nodes", "instances", "machines", "pods", "vms", "replicas", "cores"}}},
				},
			},
		},
		{
			Name:    "ci-cd",
			Title:   "CI/CD orchestration service",
			Rubric:  "system-design",
			Minutes: 45,
			Prompt:  `Design a CI/CD orchestration service for a developer-platform company. Customers connect their git repositories and define pipelines in their repository; the service runs those pipelines on every push and pull request. Walk me through the design.`,
			Expect: []Expectation{
				{ID: "run-states", What: "the states of a pipeline run and the transitions between them",
					Phrases: [][]string{{"queued", "pending", "waiting"}, {"running", "in progress", "in_progress"}, {"succeeded", "success*", "passed", "failed", "cancel*"}}},
				{ID: "webhooks", What: "how git events arrive and how duplicates are dropped",
					Phrases: [][]string{{"webhook*", "push event*", "git event*", "poll*"}, {"idempoten*", "dedup*", "delivery id*", "exactly once", "at-least-once", "at least once", "replay*"}}},
				{ID: "sandbox", What: "how untrusted build code is isolated from other customers",
					Phrases: [][]string{{"sandbox*", "microvm*", "firecracker", "gvisor", "ephemeral runner*", "ephemeral vm*", "vm per", "isolated runner*", "container isolation"}}},
				{ID: "secrets", What: "how pipeline secrets are stored and injected", Phrases: [][]string{{"secret*"}}},
				{ID: "fairness", What: "per-customer limits on concurrent runs", Phrases: [][]string{perTenantWords}},
				{ID: "logs", What: "how build logs are streamed and kept",
					Phrases: [][]string{{"log*"}, {"stream*", "tail*", "live", "websocket*", "server-sent"}}},
			},
		},
		{
			Name:    "kv-latency-incident",
			Title:   "Key-value store: P99 latency spike in one region",
			Rubric:  "incident-response",
			Minutes: 30,
			Prompt:  `Your key-value store service is alerting: P99 latency went from 50 ms to 500 ms for every customer in one region. Walk me through the next 60 minutes.`,
			Expect: []Expectation{
				{ID: "recent-change", What: "a look at what changed recently in the region",
					Phrases: [][]string{{"recent deploy*", "recent change*", "last deploy*", "what changed", "config* change*", "deploy log*", "change log*", "changelog",
						"flag flip*", "recent release*", "rolled out", "deployed"}}},
				{ID: "compare-regions", What: "a comparison with the healthy regions to isolate the cause",
					Phrases: [][]string{{"other region*", "healthy region*", "compare region*", "region by region", "the other regions", "unaffected region*"}}},
				{ID: "resources", What: "the resources and dependencies checked: disks, network, compaction, hot keys",
					Phrases: [][]string{{"disk*", "network", "cpu", "compaction", "gc pause*", "garbage collect*", "hot key*", "hot partition*", "hot shard*",
						"saturat*", "noisy neighbo*", "dependenc*", "load balancer*", "dns"}}},
				{ID: "traffic-shift", What: "the option of moving traffic out of the region",
					Phrases: [][]string{{"fail over", "failover", "shift traffic", "drain*", "evacuat*", "route traffic", "redirect traffic", "move traffic", "traffic away"}}},
			},
		},
		{
			Name:    "kv-latency-postmortem",
			Title:   "Key-value store: postmortem of the latency incident",
			Rubric:  "postmortem",
			Minutes: 30,
			Prompt: `Write the postmortem of this incident. A configuration change rolled out to one region raised the P99 latency of the key-value store from 50 ms to 500 ms for every customer in that region. The on-call engineer was paged 6 minutes after the change and rolled it back; latency was normal again 47 minutes after the change.

The postmortem is published to customers.`,
			Expect: []Expectation{
				{ID: "duration", What: "how long customers were affected",
					Figures: []Figure{{Label: "duration", Value: 47 * 60, Dims: dimsDuration, Context: []string{"lasted", "duration", "for", "total", "impact*", "affected", "outage", "incident"}}}},
				{ID: "latency", What: "the latency customers saw, before and during the incident",
					Figures: []Figure{
						{Label: "P99 before", Value: 0.050, Dims: dimsDuration, Context: []string{"p99", "latency"}},
						{Label: "P99 during", Value: 0.500, Dims: dimsDuration, Context: []string{"p99", "latency"}},
					}},
				{ID: "trigger", What: "the configuration change that triggered the incident",
					Phrases: [][]string{{"config* change*", "config push*", "config* rollout*", "config* deploy*"}}},
				{ID: "staged-config", What: "staged rollout of configuration as an action item",
					Phrases: [][]string{{"canary", "staged", "stage*", "gradual*", "one cell", "per cell", "per-cell", "progressive*"}}},
			},
		},
		{
			Name:    "rate-limiter",
			Title:   "Distributed rate limiter",
			Rubric:  "system-design",
			Minutes: 45,
			Prompt:  `Design the rate limiter that a public API platform runs in front of every customer request. Limits are set per customer and per API key, must hold across hundreds of gateway hosts, and checking a limit may add only a few milliseconds.`,
			Expect: []Expectation{
				{ID: "algorithm", What: "the limiting algorithm and why",
					Phrases: [][]string{{"token bucket*", "leaky bucket*", "sliding window*", "fixed window*", "gcra", "sliding log*", "generic cell rate"}}},
				{ID: "fail-mode", What: "whether the limiter fails open or closed when its store is down",
					Phrases: [][]string{{"fail open", "fails open", "fail closed", "fails closed", "failing open", "failing closed"}}},
				{ID: "shared-state", What: "where counters live and how hosts agree on them",
					Phrases: [][]string{{"redis", "memcached", "central*", "shared counter*", "gossip*", "local counter*", "approximat*", "synchroni*", "coordinat*"}}},
				{ID: "caller-response", What: "what a throttled caller receives",
					Phrases: [][]string{{"429", "retry-after", "ratelimit*", "x-ratelimit*", "too many requests", "resource_exhausted"}}},
				{ID: "overhead", What: "the latency the limiter adds",
					Figures: []Figure{{Label: "added latency", Dims: dimsDuration, Context: []string{"latency", "overhead", "adds", "added", "p99", "budget"}}}},
			},
		},
		{
			Name:    "job-scheduler",
			Title:   "Distributed job scheduler",
			Rubric:  "system-design",
			Minutes: 45,
			Prompt:  `Design a distributed job scheduler run by a platform team. Thousands of tenants submit one-off and cron-style jobs; each job must start on time and run once even when scheduler nodes fail.`,
			Expect: []Expectation{
				{ID: "job-states", What: "the states of a job and the transitions between them",
					Phrases: [][]string{{"queued", "pending", "scheduled"}, {"running"}, {"succeeded", "completed", "failed", "dead"}}},
				{ID: "delivery", What: "the delivery guarantee (at least once, exactly once) and how jobs tolerate a second run",
					Phrases: [][]string{{"at-least-once", "at least once", "exactly once", "exactly-once", "at most once", "at-most-once", "idempoten*"}}},
				{ID: "leases", What: "how a node claims a job and how a dead node's jobs are recovered",
					Phrases: [][]string{{"lease*", "leader*", "heartbeat*", "lock*", "fencing"}}},
				{ID: "retries", What: "retries with backoff and where failing jobs end up", Phrases: [][]string{retryWords, backoffWords}},
				{ID: "fairness", What: "per-tenant limits so one tenant cannot starve the others", Phrases: [][]string{perTenantWords}},
				{ID: "clocks", What: "clocks and time zones of cron schedules",
					Phrases: [][]string{{"clock*", "time zone*", "timezone*", "utc", "dst", "daylight"}}},
			},
		},
		{
			Name:    "metrics-pipeline",
			Title:   "Metrics ingestion pipeline",
			Rubric:  "system-design",
			Minutes: 45,
			Prompt:  `Design the ingestion and storage pipeline of a hosted metrics product. Agents on customer hosts send their time series every 10 seconds; customers query dashboards over the last hour and the last year.`,
			Expect: []Expectation{
				{ID: "ingest-rate", What: "the ingest rate in samples per second",
					Figures: []Figure{{Label: "ingest rate", Dims: []numbers.Dim{numbers.Rate, numbers.Throughput},
						Context: []string{"ingest*", "write*", "samples", "points", "datapoints", "data points", "series"}}}},
				{ID: "cardinality", What: "series cardinality and how it is bounded",
					Phrases: [][]string{{"cardinality", "series count", "active series", "unique series", "label combination*"}}},
				{ID: "downsampling", What: "downsampling and retention tiers",
					Phrases: [][]string{{"downsampl*", "rollup*", "roll-up*", "roll up", "resolution"}, {"retention", "ttl", "expir*", "tiered storage", "cold storage", "object storage"}}},
				{ID: "backpressure", What: "what happens when ingestion falls behind",
					Phrases: [][]string{{"backpressure", "back-pressure", "back pressure", "buffer*", "queue*", "drop*", "shed*"}}},
				{ID: "storage", What: "the storage needed over the retention period",
					Figures: []Figure{{Label: "storage", Dims: dimsSize, Context: []string{"storage", "disk", "per day", "per year", "retention", "bytes", "compress*"}}}},
			},
		},
		{
			Name:    "config-service",
			Title:   "Dynamic configuration service",
			Rubric:  "system-design",
			Minutes: 45,
			Prompt:  `Design a dynamic configuration service. Thousands of services read their settings at start-up and must see a change within seconds; a bad change must be caught early and undone fast.`,
			Expect: []Expectation{
				{ID: "propagation", What: "how changes reach clients (watch, push, long poll)",
					Phrases: [][]string{{"watch*", "push*", "long poll*", "long-poll*", "subscri*", "stream*", "notif*"}}},
				{ID: "validation", What: "validation of a change before it ships",
					Phrases: [][]string{{"validat*", "schema*", "dry run", "dry-run", "lint*"}}},
				{ID: "rollback", What: "versioned changes and a one-step rollback",
					Phrases: [][]string{{"rollback", "roll back", "revert*", "previous version*", "version history"}}},
				{ID: "fallback", What: "what a client does when the service is down (last known good)",
					Phrases: [][]string{{"last known good", "last-known-good", "local cache*", "cached copy", "on disk", "fallback", "fall back", "default value*"}}},
				{ID: "staged", What: "staged rollout of a change",
					Phrases: [][]string{{"canary", "staged", "gradual*", "percentage*", "cohort*", "ring*", "per region", "per-region", "one region"}}},
			},
		},
		{
			Name:    "artifact-registry",
			Title:   "Artifact registry",
			Rubric:  "system-design",
			Minutes: 45,
			Prompt:  `Design an artifact registry for container images and language packages. CI systems push tens of thousands of artifacts a day; builds all over the world pull them, mostly the same popular ones.`,
			Expect: []Expectation{
				{ID: "content-addressing", What: "content addressing by digest",
					Phrases: [][]string{{"content-address*", "content address*", "digest*", "sha256", "sha-256", "content hash*", "checksum*"}}},
				{ID: "immutability", What: "immutability of published versions",
					Phrases: [][]string{{"immutab*", "never overwrit*", "write once", "write-once"}}},
				{ID: "distribution", What: "how popular artifacts reach distant builds (CDN, mirrors, regional caches)",
					Phrases: [][]string{{"cdn", "edge cache*", "mirror*", "pull-through", "pull through", "regional cache*", "replicat*"}}},
				{ID: "garbage-collection", What: "retention and garbage collection of unreferenced blobs",
					Phrases: [][]string{{"garbage collect*", "retention", "gc", "reference count*", "unreferenced"}}},
				{ID: "storage", What: "the storage growth per day or year",
					Figures: []Figure{{Label: "storage", Dims: dimsSize, Context: []string{"storage", "per day", "per month", "per year", "total", "average", "artifact*", "image*", "layer*"}}}},
			},
		},
		{
			Name:    "api-gateway",
			Title:   "API gateway",
			Rubric:  "system-design",
			Minutes: 45,
			Prompt:  `Design the API gateway in front of a company's public APIs. It authenticates callers, routes requests to hundreds of backend services, enforces per-customer limits, and must add very little latency.`,
			Expect: []Expectation{
				{ID: "authentication", What: "how callers are authenticated",
					Phrases: [][]string{{"authenticat*", "api key*", "oauth*", "jwt*", "mtls", "bearer token*"}}},
				{ID: "limits", What: "per-customer rate limits", Phrases: [][]string{{"rate limit*", "quota*", "throttl*"}}},
				{ID: "routing", What: "how routes are configured and reloaded without restarts",
					Phrases: [][]string{{"rout*"}, {"config*", "reload*", "control plane", "xds"}}},
				{ID: "resilience", What: "timeouts, retries and circuit breaking towards backends",
					Phrases: [][]string{{"timeout*"}, {"retr*", "circuit breaker*", "outlier detect*", "hedg*"}}},
				{ID: "overhead", What: "the latency the gateway adds",
					Figures: []Figure{{Label: "added latency", Dims: dimsDuration, Context: []string{"latency", "overhead", "adds", "added", "p99", "budget"}}}},
			},
		},
		{
			Name:    "multi-tenant-kv",
			Title:   "Multi-tenant key-value store",
			Rubric:  "system-design",
			Minutes: 45,
			Prompt:  `Design a multi-tenant key-value store sold as a managed service. Tenants range from hobby projects to customers with billions of keys and tens of thousands of writes per second; one tenant's load must never hurt the others.`,
			Expect: []Expectation{
				{ID: "partitioning", What: "how keys are partitioned across nodes",
					Phrases: [][]string{{"partition*", "shard*", "consistent hash*", "hash ring", "key range*", "range split*"}}},
				{ID: "replication", What: "replication and the consistency it gives",
					Phrases: [][]string{{"replica*", "replicat*", "quorum", "raft", "paxos"}}},
				{ID: "tenant-limits", What: "per-tenant limits against noisy neighbours",
					Phrases: [][]string{{"per-tenant", "per tenant", "quota*", "noisy neighbo*", "admission control", "rate limit*", "throttl*"}}},
				{ID: "cells", What: "cells or another bound on blast radius",
					Phrases: [][]string{{"cell*", "blast radius", "bulkhead*", "dedicated cluster*"}}},
				{ID: "hot-keys", What: "how hot keys and hot partitions are handled",
					Phrases: [][]string{{"hot key*", "hot partition*", "hot shard*", "hotspot*", "hot spot*", "split*"}}},
			},
		},
		{
			Name:    "ci-api",
			Title:   "Public API of a CI service",
			Rubric:  "api-design",
			Minutes: 40,
			Prompt:  `Design the public API that customers of a CI service use to define pipelines, trigger runs and read their results and logs, and say how the API will evolve over the next two years without breaking callers.`,
			Expect: []Expectation{
				{ID: "long-running", What: "how callers learn that a run finished (polling, long-running operations, webhooks)",
					Phrases: [][]string{{"long-running", "long running", "poll*", "webhook*", "callback*", "watch*", "operation*"}}},
				{ID: "logs", What: "how run logs are read: paged or streamed",
					Phrases: [][]string{{"log*"}, {"paginat*", "cursor*", "stream*", "page token*", "offset*", "range"}}},
				{ID: "limits", What: "per-customer rate limits and how callers learn them",
					Phrases: [][]string{{"rate limit*", "quota*", "429", "retry-after"}}},
			},
		},
		{
			Name:    "impactful-project",
			Title:   "Your most impactful technical project",
			Rubric:  "behavioral-story",
			Minutes: 10,
			Prompt:  `Tell me about your most impactful technical project: the problem, your approach and the trade-offs you weighed, the result in numbers, and what you learned.`,
			Expect: []Expectation{
				{ID: "ownership", What: "your own role, in the first person",
					Phrases: [][]string{{"i led", "i owned", "i designed", "i proposed", "i built", "i decided", "i drove", "my role", "i wrote"}}},
				{ID: "dependents", What: "who depended on the work: engineers, teams or customers",
					Phrases: [][]string{{"engineers", "teams", "customers", "developers", "users"}}},
			},
		},
		{
			Name:    "failure-story",
			Title:   "A failure you learned from",
			Rubric:  "behavioral-story",
			Minutes: 10,
			Prompt:  `Tell me about a failure: a breaking change you shipped, a compatibility gap you missed or an incident you owned. What happened, what you did about it, what it cost, and what you changed afterwards.`,
			Expect: []Expectation{
				{ID: "ownership", What: "the mistake owned in the first person",
					Phrases: [][]string{{"i shipped", "i missed", "i owned", "my mistake", "i broke", "i caused", "my change", "i made", "i was responsible", "my fault"}}},
				{ID: "prevention", What: "what changed afterwards so it cannot happen again",
					Phrases: [][]string{{"since then", "now we", "we added", "i added", "checklist*", "guardrail*", "automat*", "we now", "i now"}}},
			},
		},
	}
})

// totalWords mark a sentence that states a total rather than a figure per
// application.
var totalWords = []string{"total", "aggregate", "overall", "in all", "across all", "altogether", "combined", "fleet", "global*",
	"flag eval*", "evaluation*", "all apps", "all applications", "all customers", "service-wide", "peak", "average"}
