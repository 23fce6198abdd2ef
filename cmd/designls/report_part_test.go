package main

import (
	"encoding/json"
	"testing"

	"github.com/designls/designls/checks"
)

// partsDoc is an incident answer that lacks parts of its rubric.
const partsDoc = "testdata/review/incident.md"

// Diagnostics about a rubric part that is not a concern name the part in
// JSON; the others have none.
func TestCheckJSONParts(t *testing.T) {
	r := cli(t, "", "check", "--format", "json", partsDoc)
	var out struct {
		Files []struct {
			Diagnostics []map[string]any
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || len(out.Files) != 1 {
		t.Fatalf("%v: %s", err, r.stdout)
	}
	res := checks.Run(partsDoc, []byte(readFile(t, partsDoc)), nil)
	ds := out.Files[0].Diagnostics
	if len(ds) != len(res.Diagnostics) {
		t.Fatalf("%d diagnostics, the core finds %d", len(ds), len(res.Diagnostics))
	}
	parts := 0
	for i, dg := range res.Diagnostics {
		got, has := ds[i]["part"]
		switch {
		case dg.Part == "" && has:
			t.Errorf("%s: part %v on a diagnostic with none", dg.Check, got)
		case dg.Part != "" && got != dg.Part:
			t.Errorf("%s: part %v, want %s", dg.Check, got, dg.Part)
		case dg.Part != "":
			parts++
		}
	}
	if parts < 2 {
		t.Errorf("fixture gives %d part diagnostics; it should give missing-part and mitigation-order", parts)
	}
}
