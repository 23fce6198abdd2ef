package checks

import "testing"

func TestSuggest(t *testing.T) {
	opts := []string{"system-design", "api-design", "postmortem", "feature-flags", "rate-limiter"}
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"sytem-design", "system-design", true},
		{"System-Design", "system-design", true}, // case alone
		{"feature-flag", "feature-flags", true},
		{"post-mortem", "postmortem", true},
		{"banana", "", false},
		{"api-desgn", "api-design", true},
		{"", "", false},
	}
	for _, c := range cases {
		got, ok := Suggest(c.in, opts)
		if got != c.want || ok != c.ok {
			t.Errorf("Suggest(%q) = %q %v, want %q %v", c.in, got, ok, c.want, c.ok)
		}
	}
	// Two options equally close: no guess.
	if got, ok := Suggest("cat", []string{"bat", "hat"}); ok {
		t.Errorf("Suggest between two equal candidates chose %q", got)
	}
}
