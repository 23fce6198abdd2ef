package checks

import "sort"

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
}

// Requirement is one concern a rubric asks for.
type Requirement struct {
	Concern Concern
	// Missing is the severity of a missing-section diagnostic.
	Missing Severity
	// Mentioned is the severity of the hint that a concern covered only in
	// passing deserves its own section; Off for none.
	Mentioned Severity
}

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

var rubrics = []*Rubric{systemDesign}

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
		if q.Concern == c {
			return q, true
		}
	}
	return Requirement{}, false
}
