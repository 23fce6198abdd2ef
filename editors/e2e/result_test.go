package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/designls/designls/checks"
)

// diag is one diagnostic as an editor scenario saw it.
type diag struct {
	Code     string `json:"code"`
	Concern  string `json:"concern"`
	Source   string `json:"source"`
	Line     int    `json:"line"`
	Severity int    `json:"severity"`
	Message  string `json:"message"`
}

func (d diag) String() string {
	return fmt.Sprintf("%d: %s/%s %q", d.Line+1, d.Code, d.Concern, d.Message)
}

// scenario is what the editor scripts in testdata record.
type scenario struct {
	Steps              []string `json:"steps"`
	Error              string   `json:"error"`
	OK                 bool     `json:"ok"`
	Before             []diag   `json:"before"`
	CodeActions        []string `json:"code_actions"`
	AfterFix           []diag   `json:"after_fix"`
	AfterFixFile       string   `json:"after_fix_file"`
	AliveAfterFix      bool     `json:"alive_after_fix"`
	Scorecard          string   `json:"scorecard"`
	AfterInsertMissing []diag   `json:"after_insert_missing"`
}

func readScenario(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the editor wrote no result: %v", err)
	}
	if os.Getenv("DESIGNLS_E2E_DUMP") != "" {
		t.Logf("result %s: %s", path, data)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("result %s: %v\n%s", path, err, data)
	}
}

func find(list []diag, code, concern string) *diag {
	for i := range list {
		if list[i].Code == code && list[i].Concern == concern {
			return &list[i]
		}
	}
	return nil
}

func count(list []diag, code string) int {
	n := 0
	for _, d := range list {
		if d.Code == code {
			n++
		}
	}
	return n
}

var sloHeading = regexp.MustCompile(`(?m)^#{1,6}[ \t]+SLO[ \t]*\r?$`)

// checkScenario holds the assertions every editor shares: the diagnostics
// the server sent, the quick fix it offered, what the fix wrote to disk,
// and that exactly the fixed diagnostic went away.
func checkScenario(t *testing.T, s *scenario) {
	t.Helper()
	fixed := s.AfterFixFile
	if s.Error != "" || !s.OK {
		t.Fatalf("scenario failed after steps %q: %s", s.Steps, s.Error)
	}
	slo := find(s.Before, "missing-section", "slo")
	if slo == nil {
		t.Fatalf("no missing-section diagnostic for slo; got %v", s.Before)
	}
	if slo.Source != "designls" {
		t.Errorf("diagnostic source = %q, want designls", slo.Source)
	}
	if slo.Severity == 0 {
		t.Errorf("slo diagnostic has no severity")
	}
	if !strings.Contains(strings.ToLower(slo.Message), "slo") {
		t.Errorf("slo diagnostic message %q does not name the concern", slo.Message)
	}
	found := false
	for _, a := range s.CodeActions {
		if a == "Insert SLO section" {
			found = true
		}
	}
	if !found {
		t.Errorf("code actions %q lack \"Insert SLO section\"", s.CodeActions)
	}

	if !sloHeading.MatchString(fixed) {
		t.Errorf("file after the quick fix and save has no SLO heading:\n%s", fixed)
	}
	for _, kept := range []string{"# Feature flag evaluation service", "## Capacity estimates", "## Data model", "rubric: system-design"} {
		if !strings.Contains(fixed, kept) {
			t.Errorf("file after the quick fix lost %q", kept)
		}
	}

	if d := find(s.AfterFix, "missing-section", "slo"); d != nil {
		t.Errorf("slo diagnostic still there after the fix: %v", d)
	}
	if !s.AliveAfterFix {
		t.Errorf("the server was not running after the fix; diagnostics may have gone with it")
	}
	// Only the fixed concern may go: every other missing section stays.
	for _, d := range s.Before {
		if d.Code == "missing-section" && d.Concern != "slo" && find(s.AfterFix, d.Code, d.Concern) == nil {
			t.Errorf("fixing slo also removed %v", d)
		}
	}
	if count(s.AfterFix, "missing-section") == 0 {
		t.Errorf("no missing-section diagnostics left after fixing slo; the example lacks more than SLO")
	}

	if !strings.Contains(s.Scorecard, "SLO") && !strings.Contains(s.Scorecard, "slo") {
		t.Errorf("scorecard does not mention SLO:\n%s", s.Scorecard)
	}
	if n, m := count(s.AfterInsertMissing, "missing-section"), count(s.AfterFix, "missing-section"); n >= m {
		t.Errorf("insert-missing left %d missing-section diagnostics, had %d: %v", n, m, s.AfterInsertMissing)
	}
	// The source action named the core sections it would insert; after the
	// insert-missing command none of them may still be reported missing.
	for _, a := range s.CodeActions {
		m := insertMissingTitle.FindStringSubmatch(a)
		if m == nil {
			continue
		}
		for _, name := range strings.Split(m[1], ", ") {
			id := concernID(name)
			if id == "" {
				t.Errorf("code action %q names %q, which is no concern", a, name)
				continue
			}
			if d := find(s.AfterInsertMissing, "missing-section", id); d != nil {
				t.Errorf("after insert-missing, %s is still reported missing: %v", id, d)
			}
		}
	}
}

var insertMissingTitle = regexp.MustCompile(`^Insert missing core sections \((.+)\)$`)

// concernID maps a concern's display name ("Data model") to its ID.
func concernID(name string) string {
	for _, c := range checks.Concerns {
		if c.Name == name {
			return string(c.ID)
		}
	}
	return ""
}
