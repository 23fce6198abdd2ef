package checks

// The parts of the rubrics that ask for more than the 16 concerns. Each
// Template names the section of the rubric's template (templates/builtin)
// that answers the part; a test keeps the two in step.

// Incident response: the first hour of a live incident.
var (
	partSignals = Part{
		ID: "signals", Name: "Signals read",
		Covered:     "the dashboards, SLIs and recent changes read first",
		Headings:    []string{"signal*", "triage", "first look", "dashboard*", "what fired", "alert*", "assess*", "observ*"},
		Evidence:    []string{"dashboard*", "error rate*", "saturation", "recent deploy*", "recent change*", "latency graph*", "metrics", "traces", "logs", "slis", "what changed"},
		MinEvidence: 2,
		Template:    "Signals read",
	}
	partScope = Part{
		ID: "scope", Name: "Scope and blast radius",
		Covered:  "who and what is affected, and how that compares with the SLO",
		Headings: []string{"scope*", "blast radius", "impact", "who is affected", "affected", "severity"},
		Evidence: []string{"blast radius", "all customers", "which customers", "affected customers", "customers affected", "how many customers",
			"every customer", "only one region", "other regions", "error budget"},
		Template: "Scope and blast radius",
	}
	partHypothesis = Part{
		ID: "hypothesis", Name: "Hypotheses and isolation",
		Covered:  "the likely causes and the signals that confirm or rule out each one",
		Headings: []string{"hypothes*", "isolat*", "diagnos*", "investigat*", "narrow*", "debug*", "theor*"},
		Evidence: []string{"hypothes*", "rule out", "ruled out", "rules out", "suspect*", "likely cause*", "narrow down", "bisect*", "my first guess", "could be caused"},
		Template: "Hypotheses and isolation",
	}
	partMitigation = Part{
		ID: "mitigation", Name: "Mitigation",
		Covered:  "the fastest action that stops the harm: roll back, throttle, kill switch, fail over",
		Headings: []string{"mitigat*", "stop the bleeding", "contain*", "stabili*", "immediate action*"},
		Evidence: []string{"roll back", "rollback", "rolled back", "revert*", "kill switch", "throttl*", "fail over", "failover", "failed over",
			"shed load", "load shedding", "drain the", "disable the flag", "shift traffic", "traffic shift*", "mitigat*"},
		Template: "Mitigation before root cause",
	}
	partCommunication = Part{
		ID: "communication", Name: "Customer communication",
		Covered:  "status page and customer updates: when, what, how often, who talks to whom",
		Headings: []string{"communicat*", "status page", "customer update*", "stakeholder*", "comms"},
		Evidence: []string{"status page", "status update*", "customer update*", "notify customers", "notify affected", "incident channel",
			"support team", "account manager*", "update customers", "tell customers", "post an update"},
		Template: "Customer communication",
	}
	partRootCause = Part{
		ID: "root-cause", Name: "Root cause",
		Covered:  "the chain of causes found once impact is contained, and why safeguards missed it",
		Headings: []string{"root cause*", "root-caus*", "cause", "causes", "rca", "why it happened", "underlying cause*", "contributing factor*"},
		Evidence: []string{"root cause*", "root-caus*", "root causing", "rca", "five whys", "5 whys", "underlying cause", "caused by"},
		Template: "Root cause",
	}
	partFollowUps = Part{
		ID: "follow-ups", Name: "Follow-ups",
		Covered:  "the postmortem, action items and detection or rollout changes that prevent a repeat",
		Headings: []string{"follow-up*", "follow up*", "followup*", "action item*", "next steps", "postmortem", "post-mortem", "prevent*", "afterwards"},
		Evidence: []string{"postmortem", "post-mortem", "action item*", "follow-up*", "follow up*"},
		Template: "Follow-ups",
	}
)

// Postmortem.
var (
	partSummary = Part{
		ID: "summary", Name: "Summary",
		Covered:     "what broke, for how long and how it was fixed, in two or three sentences",
		Headings:    []string{"summary", "tl;dr", "tldr", "overview", "abstract"},
		NotHeadings: []string{"customer*", "public", "external"},
		Lead:        true,
		Template:    "Summary",
	}
	partImpact = Part{
		ID: "impact", Name: "Customer impact",
		Covered:  "who was affected and how much, with numbers",
		Headings: []string{"impact", "who was affected", "severity"},
		Evidence: []string{"customers affected", "affected customers", "failed requests", "downtime", "were affected", "was affected", "impacted"},
		Template: "Customer impact", Quantified: true,
	}
	partTimeline = Part{
		ID: "timeline", Name: "Timeline",
		Covered:  "timestamped events from the triggering change to recovery",
		Headings: []string{"timeline", "chronology", "sequence of events", "what happened"},
		Template: "Timeline",
	}
	partDetection = Part{
		ID: "detection", Name: "Detection",
		Covered:  "how the incident was detected, how long it took and how to catch it sooner",
		Headings: []string{"detection", "detect*", "how we found out", "discovery", "alerting"},
		Evidence: []string{"detected by", "was detected", "were alerted", "time to detect", "customer report*", "first alert", "paged"},
		Template: "Detection",
	}
	partResolution = Part{
		ID: "resolution", Name: "Resolution",
		Covered:  "what was done to mitigate and then fix, and how long it took",
		Headings: []string{"resolution", "resolv*", "recovery", "mitigation", "remediation", "the fix"},
		Evidence: []string{"rolled back", "rollback*", "roll back", "mitigated", "time to mitigate", "time to resolve", "restored", "recovered",
			"fixed by", "fixed it"},
		Template: "Resolution",
	}
	partWentWell = Part{
		ID: "went-well", Name: "What went well",
		Covered:  "practices and decisions that limited the damage",
		Headings: []string{"went well", "worked well", "what worked"},
		Evidence: []string{"went well", "worked well"},
		Template: "What went well",
	}
	partWentPoorly = Part{
		ID: "went-poorly", Name: "What went poorly",
		Covered:  "where the response was slow or lucky",
		Headings: []string{"went poorly", "went wrong", "went badly", "go well", "gone better", "got lucky", "could be improved", "went less well"},
		Evidence: []string{"went poorly", "went wrong", "got lucky", "could have gone better"},
		Template: "What went poorly",
	}
	partActionItems = Part{
		ID: "action-items", Name: "Action items",
		Covered:  "actions with owners and dates, to prevent recurrence and to detect or mitigate faster",
		Headings: []string{"action item*", "follow-up*", "follow up*", "next steps", "corrective action*", "action plan", "prevent*"},
		Evidence: []string{"action item*"},
		Template: "Action items",
	}
	partCustomerSummary = Part{
		ID: "customer-summary", Name: "Customer-facing summary",
		Covered: "a public account: acknowledge the impact, explain the cause plainly, say what prevents a repeat",
		Headings: []string{"customer-facing*", "customer facing*", "public summary", "external summary", "status page*", "public statement",
			"customer communication*", "customer summary", "message to customers", "public postmortem"},
		Evidence: []string{"status page", "customer email", "public statement", "customer-facing", "we apologi*", "we are sorry"},
		Template: "Customer-facing summary",
	}
)

// Behavioural story: problem → approach with trade-offs → quantified
// result → lessons.
var (
	partStoryProblem = Part{
		ID: "problem", Name: "Problem",
		Covered:  "the situation, what was at stake and why it was yours to solve",
		Headings: []string{"problem", "situation", "context", "background", "challenge", "why it mattered", "stakes"},
		Evidence: []string{"the problem", "bottleneck", "pain point*", "were complaining", "was failing", "kept failing", "was blocking"},
		Lead:     true,
		Template: "Problem",
	}
	partApproach = Part{
		ID: "approach", Name: "Approach",
		Covered:  "what you did and why, in the first person",
		Headings: []string{"approach", "solution", "action*", "what i did", "what we did", "implementation"},
		Evidence: []string{"i proposed", "i designed", "i built", "i led", "i wrote", "i decided", "i chose", "i implemented", "my approach", "i introduced"},
		Template: "Approach",
	}
	partTradeOffs = Part{
		ID: "trade-offs", Name: "Trade-offs",
		Covered:  "the options weighed and what the chosen one cost",
		Headings: []string{"trade-off*", "tradeoff*", "trade off*", "alternatives", "options considered", "decisions", "why this approach"},
		Evidence: []string{"trade-off*", "tradeoff*", "instead of", "rather than", "at the cost of", "the downside", "we considered", "i considered", "weighed"},
		Template: "Trade-offs",
	}
	partResult = Part{
		ID: "result", Name: "Result",
		Covered:  "what changed, in numbers: latency, cost, incidents, hours saved, adoption",
		Headings: []string{"result*", "outcome*", "impact", "what changed"},
		Evidence: []string{"as a result", "resulted in", "went from", "which cut", "which reduced", "we cut", "i cut", "saved us"},
		Template: "Result", Quantified: true,
	}
	partLessons = Part{
		ID: "lessons", Name: "Lessons",
		Covered:  "what you learned and would do differently",
		Headings: []string{"lesson*", "learn*", "takeaway*", "reflection*", "in hindsight", "differently", "retrospective", "next time"},
		Evidence: []string{"i learned", "i learnt", "we learned", "lesson*", "in hindsight", "next time", "would do differently", "taught me", "takeaway*"},
		Template: "Lessons",
	}
)

// API design: the questions the api-* follow-up checks ask of a system
// design's API section, here as sections of their own.
var (
	partResources = Part{
		ID: "resources", Name: "Resources and operations",
		Covered:  "the resources and the operations on each, with paths or RPC names",
		Headings: []string{"resource*", "operation*", "endpoint*", "methods", "rpcs", "surface", "routes"},
		Evidence: []string{"get /", "post /", "put /", "patch /", "delete /", "rpc"},
		Template: "Resources and operations",
	}
	partAPIStyle = Part{
		ID: "api-style", Name: "REST or gRPC",
		Covered:  "the style of the API (REST, gRPC, ...) and why it suits the callers",
		Headings: []string{"rest or grpc", "rest vs*", "grpc vs*", "api style", "protocol choice", "transport"},
		Evidence: []string{"grpc", "restful", "rest api", "rest endpoint*", "graphql", "json over http", "protobuf", "rest"},
		Template: "Consumers and use cases",
	}
	partShape = Part{
		ID: "shape", Name: "Request and response shape",
		Covered:     "example requests and responses with field types and optionality",
		Headings:    []string{"request*", "response*", "shape", "schema*", "payload*", "messages", "fields"},
		Evidence:    []string{"request body", "response body", "fields", "optional", "required", "json", "proto*"},
		MinEvidence: 2,
		Template:    "Request and response shape",
	}
	partErrorModel = Part{
		ID: "error-model", Name: "Error model",
		Covered:  "error codes, the error body and which errors are retryable",
		Headings: []string{"error*", "status code*", "fault*"},
		Evidence: []string{"error code*", "error model", "error response*", "error body", "status code*", "409", "404", "429", "400", "503",
			"invalid_argument", "failed_precondition", "not_found", "already_exists"},
		Template: "Error model",
	}
	partIdempotency = Part{
		ID: "idempotency", Name: "Idempotency",
		Covered:  "how every write can be retried safely",
		Headings: []string{"idempoten*", "retr*", "deduplicat*", "exactly once"},
		Evidence: []string{"idempoten*", "request id*", "dedup*", "client token*"},
		Template: "Idempotency and retries",
	}
	partPagination = Part{
		ID: "pagination", Name: "Pagination",
		Covered:  "cursor or page-token pagination, page sizes and ordering",
		Headings: []string{"paginat*", "paging", "filtering"},
		Evidence: []string{"paginat*", "page token*", "page_token", "pagetoken", "next page", "cursor*", "continuation token*", "page size", "page_size"},
		Template: "Pagination and filtering",
	}
	partVersioning = Part{
		ID: "versioning", Name: "Versioning",
		Covered:  "where the version lives (path, header, media type) and what is a breaking change",
		Headings: []string{"version*"},
		Evidence: []string{"/v1", "v1alpha*", "v1beta*", "versioning", "api version*", "x-api-version", "version header", "semver", "semantic version*", "major version*"},
		Template: "Versioning and deprecation",
	}
	partCompatRules = Part{
		ID: "compat-rules", Name: "Backward-compatibility rules",
		Covered:  "additive changes only: never remove a field, change a type or make optional required",
		Headings: []string{"compatib*", "breaking change*", "evolution", "evolving"},
		Evidence: []string{"never remove*", "additive", "breaking change*", "never change*", "optional to required", "optional field*"},
		Template: "Versioning and deprecation",
	}
	partDeprecation = Part{
		ID: "deprecation", Name: "Deprecation",
		Covered:  "announce, mark in code, docs and headers, migration guide, telemetry, sunset",
		Headings: []string{"deprecat*", "sunset*", "end of life"},
		Evidence: []string{"deprecat*", "sunset*", "migration guide*"},
		Template: "Versioning and deprecation",
	}
)
