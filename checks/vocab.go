package checks

import (
	"strings"
	"sync"
)

// Vocabulary is the table that detection reads: per concern, the words that
// make a heading about it. It is the one place to extend detection.
type Vocabulary struct {
	Headings map[Concern][]string
}

// defaultHeadings is a first, heading-only vocabulary; detect.go's scorer
// replaces it.
var defaultHeadings = map[Concern][]string{
	API:           {"api", "interface", "endpoint", "rpc", "wire format"},
	DataModel:     {"data model", "schema", "storage layout", "storage"},
	Consistency:   {"consistency", "replication", "consensus"},
	Degradation:   {"failure", "degradation", "fallback", "drawbacks"},
	SLO:           {"slo", "reliability target", "service level"},
	Rollout:       {"rollout", "roll out", "launch plan", "deployment", "migration"},
	Problem:       {"problem", "motivation", "background", "context"},
	Goals:         {"goal", "requirement", "scope"},
	Capacity:      {"capacity", "scale", "estimate"},
	Architecture:  {"architecture", "design details", "high level design", "overview"},
	StateMachine:  {"state machine", "states", "lifecycle"},
	Isolation:     {"isolation", "multi-tenan", "sharding", "blast radius"},
	Observability: {"observability", "monitoring", "metrics", "alerting"},
	Compat:        {"compatibility", "upgrade", "downgrade", "version skew", "deprecation"},
	Security:      {"security", "auth", "privacy"},
	Alternatives:  {"alternative", "drawbacks", "trade-off", "tradeoff"},
}

var (
	defaultVocabOnce sync.Once
	defaultVocab     *Vocabulary
)

// DefaultVocabulary returns the built-in vocabulary; callers must not
// modify it.
func DefaultVocabulary() *Vocabulary {
	defaultVocabOnce.Do(func() {
		defaultVocab = &Vocabulary{Headings: defaultHeadings}
	})
	return defaultVocab
}

// WithSynonyms returns a vocabulary that also knows the given heading words.
func (v *Vocabulary) WithSynonyms(syn map[Concern][]string) *Vocabulary {
	if len(syn) == 0 {
		return v
	}
	out := &Vocabulary{Headings: map[Concern][]string{}}
	for c, words := range v.Headings {
		out.Headings[c] = words
	}
	for c, words := range syn {
		for _, w := range words {
			out.Headings[c] = append(out.Headings[c][:len(out.Headings[c]):len(out.Headings[c])], strings.ToLower(w))
		}
	}
	return out
}

func vocabularyFor(opts *Options) *Vocabulary {
	return DefaultVocabulary().WithSynonyms(opts.Synonyms)
}
