package checks

import (
	"strings"
	"testing"
)

// TestSuppressionCoversSectionHeading: a section-wide suppression also
// silences findings reported on the section's own heading, such as a
// follow-up question or a missing concern under the title.
func TestSuppressionCoversSectionHeading(t *testing.T) {
	src := "# Flags\n\n<!-- designls-disable missing-section/slo -->\n\n## API\n\n<!-- designls-disable api-idempotency -->\n\n" +
		"POST /v1/flags creates a flag and returns its key to the caller.\n\n## Other\n\nPOST /v1/other creates another thing for the caller.\n"
	var ids []string
	for _, d := range Run("s.md", []byte(src), nil).Diagnostics {
		ids = append(ids, d.Check+"/"+string(d.Concern))
	}
	got := strings.Join(ids, " ")
	if strings.Contains(got, "missing-section/slo") {
		t.Errorf("missing-section/slo not suppressed under the title: %s", got)
	}
	if strings.Contains(got, "api-idempotency") {
		t.Errorf("api-idempotency not suppressed in its section: %s", got)
	}
	plain := strings.ReplaceAll(strings.ReplaceAll(src, "<!-- designls-disable api-idempotency -->", ""), "<!-- designls-disable missing-section/slo -->", "")
	var fired []string
	for _, d := range Run("s.md", []byte(plain), nil).Diagnostics {
		fired = append(fired, d.Check+"/"+string(d.Concern))
	}
	if all := strings.Join(fired, " "); !strings.Contains(all, "api-idempotency") || !strings.Contains(all, "missing-section/slo") {
		t.Fatalf("without the comments the findings do not fire, so the test proves nothing: %s", all)
	}
	if !strings.Contains(got, "missing-section/rollout") {
		t.Errorf("suppressing one concern silenced others: %s", got)
	}
}
