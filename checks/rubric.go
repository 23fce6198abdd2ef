package checks

import (
	"slices"
	"sort"
)

// Rubric says what a kind of document must cover and how loudly to say it
// when it does not. Rubrics are data: adding one is adding a value to the
// rubrics list.
type Rubric struct {
	Name        string
	Title       string
	Description string
	// Template is the name of the document template that answers this
	// rubric (see package templates).
	Template string
	Requires []Requirement
	// Checks lists the IDs of the checks that apply to documents of this
	// rubric; nil means every registered check. A postmortem is not asked
	// whether its API is idempotent.
	Checks []string
	// Skip lists checks that do not apply even though Checks is nil: a
	// rubric whose own parts ask the same questions.
	Skip []string
}

// Requirement is one concern or one part a rubric asks for. Exactly one
// of Concern and Part is set.
type Requirement struct {
	Concern Concern
	// Part is set for what a rubric needs that is not one of the 16
	// concerns: the timeline of a postmortem, the lessons of a story.
	Part *Part
	// Missing is the severity of a missing-section or missing-part
	// diagnostic.
	Missing Severity
	// Mentioned is the severity of the hint that a concern covered only in
	// passing deserves its own section; Off for none.
	Mentioned Severity
}

// ID returns the concern ID or the part ID the requirement names.
func (q Requirement) ID() string {
	if q.Part != nil {
		return q.Part.ID
	}
	return string(q.Concern)
}

// Name returns the display name of the concern or part.
func (q Requirement) Name() string {
	if q.Part != nil {
		return q.Part.Name
	}
	info, _ := LookupConcern(q.Concern)
	return info.Name
}

// Core reports whether leaving the requirement out is a warning or worse:
// the parts an interviewer expects in every answer of this kind.
func (q Requirement) Core() bool { return q.Missing.AtLeast(Warning) }

// DefaultRubric is used when nothing else names one.
const DefaultRubric = "system-design"

var systemDesign = &Rubric{
	Name:        "system-design",
	Title:       "System design",
	Description: "An infrastructure design answer or RFC: the six core concerns are expected, the other ten are recommended.",
	Template:    "system-design",
	Requires: func() []Requirement {
		var rs []Requirement
		for _, c := range Concerns {
			r := Requirement{Concern: c.ID, Missing: Information}
			if c.Core {
				r.Missing, r.Mentioned = Warning, Hint
			}
			rs = append(rs, r)
		}
		return rs
	}(),
}

// apiDesign reviews the design of an API surface. Its parts repeat, as
// sections of their own, the questions that the api-* follow-up checks ask
// of a system design's API section, so those checks do not run here.
var apiDesign = &Rubric{
	Name:        "api-design",
	Title:       "API design",
	Description: "A public or internal API surface: resources, REST or gRPC, shapes, errors, idempotency, pagination, versioning, compatibility and deprecation.",
	Template:    "api-design",
	Requires: []Requirement{
		{Concern: Problem, Missing: Information},
		{Concern: Goals, Missing: Information},
		{Concern: API, Missing: Warning},
		{Part: &partResources, Missing: Warning},
		{Part: &partAPIStyle, Missing: Information},
		{Part: &partShape, Missing: Warning},
		{Part: &partErrorModel, Missing: Warning},
		{Part: &partIdempotency, Missing: Warning},
		{Part: &partPagination, Missing: Information},
		{Part: &partVersioning, Missing: Warning},
		{Concern: Compat, Missing: Warning},
		{Part: &partCompatRules, Missing: Information},
		{Part: &partDeprecation, Missing: Information},
		{Concern: Security, Missing: Information},
		{Concern: SLO, Missing: Information},
		{Concern: Alternatives, Missing: Information},
	},
	Skip: []string{"api-idempotency", "api-versioning", "api-errors", "api-pagination"},
}

// incidentResponse reviews the walk-through of a live incident: the
// "p99 went from 50 ms to 500 ms in one region; the next 60 minutes" drill.
var incidentResponse = &Rubric{
	Name:        "incident-response",
	Title:       "Incident response",
	Description: "The first hour of a production incident: signals, scope, hypotheses, mitigation before root cause, communication, root cause, follow-ups.",
	Template:    "incident-response",
	Requires: []Requirement{
		{Part: &partSignals, Missing: Warning},
		{Part: &partScope, Missing: Warning},
		{Part: &partHypothesis, Missing: Warning},
		{Part: &partMitigation, Missing: Warning},
		{Part: &partCommunication, Missing: Warning},
		{Part: &partRootCause, Missing: Warning},
		{Part: &partFollowUps, Missing: Information},
	},
	Checks: narrativeChecks("mitigation-order"),
}

var postmortem = &Rubric{
	Name:        "postmortem",
	Title:       "Postmortem",
	Description: "A blameless postmortem: summary, quantified customer impact, timeline, root cause, detection, resolution, lessons, owned action items, customer-facing summary.",
	Template:    "postmortem",
	Requires: []Requirement{
		{Part: &partSummary, Missing: Warning},
		{Part: &partImpact, Missing: Warning},
		{Part: &partTimeline, Missing: Warning},
		{Part: &partRootCause, Missing: Warning},
		{Part: &partDetection, Missing: Information},
		{Part: &partResolution, Missing: Information},
		{Part: &partWentWell, Missing: Information},
		{Part: &partWentPoorly, Missing: Information},
		{Part: &partActionItems, Missing: Warning},
		{Part: &partCustomerSummary, Missing: Information},
	},
	Checks: narrativeChecks("unquantified-result"),
}

var behavioralStory = &Rubric{
	Name:        "behavioral-story",
	Title:       "Behavioural story",
	Description: "A story for \"your most impactful project\" or \"a failure you learned from\": problem, approach with trade-offs, quantified result, lessons.",
	Template:    "behavioral-story",
	Requires: []Requirement{
		{Part: &partStoryProblem, Missing: Warning},
		{Part: &partApproach, Missing: Warning},
		{Part: &partTradeOffs, Missing: Information},
		{Part: &partResult, Missing: Warning},
		{Part: &partLessons, Missing: Warning},
	},
	Checks: narrativeChecks("unquantified-result"),
}

var rubrics = []*Rubric{systemDesign, apiDesign, incidentResponse, postmortem, behavioralStory}

// narrativeChecks are the checks for documents that tell what happened
// rather than design a system: structure, placeholders, numbers, parts,
// plus the rubric's own.
func narrativeChecks(own ...string) []string {
	return append([]string{"empty-section", "placeholder", "no-title", "front-matter",
		"missing-part", "error-budget-math", "capacity-math", "vague-claim", "drill-expectation"}, own...)
}

// Applies reports whether the check with the given ID runs on documents
// of this rubric.
func (r *Rubric) Applies(id string) bool {
	if r == nil {
		return true
	}
	if slices.Contains(r.Skip, id) {
		return false
	}
	return r.Checks == nil || slices.Contains(r.Checks, id)
}

// Rubrics returns every rubric, sorted by name.
func Rubrics() []*Rubric {
	out := append([]*Rubric(nil), rubrics...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// LookupRubric returns the rubric called name.
func LookupRubric(name string) (*Rubric, bool) {
	for _, r := range rubrics {
		if r.Name == name {
			return r, true
		}
	}
	return nil, false
}

// Requirement returns what r asks of concern c, if anything.
func (r *Rubric) Requirement(c Concern) (Requirement, bool) {
	for _, q := range r.Requires {
		if q.Part == nil && q.Concern == c {
			return q, true
		}
	}
	return Requirement{}, false
}

// PartRequirement returns what r asks of the part with the given ID.
func (r *Rubric) PartRequirement(id string) (Requirement, bool) {
	for _, q := range r.Requires {
		if q.Part != nil && q.Part.ID == id {
			return q, true
		}
	}
	return Requirement{}, false
}
