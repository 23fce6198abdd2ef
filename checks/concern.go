package checks

// Concern is one of the stable concern IDs of the shared vocabulary
// (../shared/concerns.md). The IDs are a public contract: JSON output,
// configuration keys and diagnostics' data use them.
type Concern string

const (
	API           Concern = "api"
	DataModel     Concern = "data-model"
	Consistency   Concern = "consistency"
	Degradation   Concern = "degradation"
	SLO           Concern = "slo"
	Rollout       Concern = "rollout"
	Problem       Concern = "problem"
	Goals         Concern = "goals"
	Capacity      Concern = "capacity"
	Architecture  Concern = "architecture"
	StateMachine  Concern = "state-machine"
	Isolation     Concern = "isolation"
	Observability Concern = "observability"
	Compat        Concern = "compat"
	Security      Concern = "security"
	Alternatives  Concern = "alternatives"
)

// ConcernInfo describes a concern for people: its display name (as in
// "Insert SLO section") and what covering it means.
type ConcernInfo struct {
	ID      Concern
	Name    string
	Core    bool
	Covered string
}

// Concerns lists all 16 concerns, core first, in the order of concerns.md.
var Concerns = []ConcernInfo{
	{API, "API", true, "the interface other engineers call: endpoints or RPCs, request and response shape, error model, idempotency of writes, pagination, versioning"},
	{DataModel, "Data model", true, "what is stored and how: entities, schemas, keys, indexes, record layout, retention"},
	{Consistency, "Consistency", true, "the guarantees readers and writers get and how they are kept: consistency model, replication, consensus, transactions, ordering, conflict resolution"},
	{Degradation, "Degradation", true, "behaviour under partial failure: fail open or closed, fallbacks, timeouts, retries and backoff, backpressure, load shedding"},
	{SLO, "SLO", true, "measurable reliability targets: availability, latency percentiles, SLIs, error budget and what a breach triggers"},
	{Rollout, "Rollout", true, "how the change reaches production: staged or canary rollout, feature flags, kill switch, rollback"},
	{Problem, "Problem", false, "context, background and motivation: the problem being solved"},
	{Goals, "Goals", false, "goals and non-goals, functional and non-functional requirements, scope"},
	{Capacity, "Capacity", false, "scale and capacity estimates: QPS, storage, bandwidth, hosts, back-of-envelope arithmetic"},
	{Architecture, "Architecture", false, "the high-level design: components, how a request flows through them, a diagram"},
	{StateMachine, "State machine", false, "the named states of the core entity or workflow and the transitions between them"},
	{Isolation, "Isolation", false, "partitioning and tenant isolation: shard keys, per-tenant limits, cells, blast radius"},
	{Observability, "Observability", false, "how operators see it: metrics, dashboards, alerts, logs, traces, runbooks"},
	{Compat, "Compatibility", false, "backward compatibility over time: versioning policy, upgrade and downgrade, version skew, deprecation"},
	{Security, "Security", false, "authentication, authorization, tenant access control, secrets, privacy, abuse"},
	{Alternatives, "Alternatives", false, "alternatives considered and the trade-offs that decided between them"},
}

// LookupConcern returns the description of id.
func LookupConcern(id Concern) (ConcernInfo, bool) {
	for _, c := range Concerns {
		if c.ID == id {
			return c, true
		}
	}
	return ConcernInfo{}, false
}

// State is how far a document covers a concern.
type State uint8

const (
	Missing   State = iota // not covered
	Mentioned              // covered substantively inside a section about something else
	Covered                // a section mainly about the concern ("section" in JSON)
)

func (s State) String() string {
	switch s {
	case Mentioned:
		return "mentioned"
	case Covered:
		return "section"
	}
	return "missing"
}

// Finding is the detected state of one concern in one document.
type Finding struct {
	Concern Concern
	State   State
	// Section is the covering section: for Covered the section about the
	// concern, for Mentioned the section holding the evidence.
	Section *Section
	// Span is the covering heading for Covered and the first covering text
	// for Mentioned; empty for Missing.
	Span Span
	// Evidence is what decided: the heading text, or the phrase found.
	Evidence string
	// Pending is a section about the concern that holds nothing but
	// template prompts or placeholders: the concern is still Missing, but a
	// section for it exists, so nothing should insert another.
	Pending *Section
}

// Coverage holds one Finding per concern.
type Coverage map[Concern]*Finding

// Get returns the finding for c, or a Missing finding if none was recorded.
func (cv Coverage) Get(c Concern) *Finding {
	if f, ok := cv[c]; ok && f != nil {
		return f
	}
	return &Finding{Concern: c}
}

// SectionOf returns the section that holds concern c, whether covered or
// still pending, or nil. Insertion uses it to place new sections and to
// refuse to insert a section that exists.
func (cv Coverage) SectionOf(c string) *Section {
	f := cv.Get(Concern(c))
	switch {
	case f.State == Covered:
		return f.Section
	case f.Pending != nil:
		return f.Pending
	}
	return nil
}
