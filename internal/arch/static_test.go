package arch

import (
	"os/exec"
	"strings"
	"testing"
)

// staticTables names, per package, the compiler's reports of a package
// variable it could not lay out as data that the package must not have: a
// variable the compiler does not lay out is filled in by code that every
// designls process runs at start-up, writing to pages of data that the
// kernel must then copy. An empty list holds the package to no reports at
// all. The compiler stops laying out copies of other variables after the
// first variable set by a call it cannot evaluate (see the comment on
// checks/numbers' chainPool), so one new variable can undo a whole table.
var staticTables = map[string][]string{
	module + "/checks/numbers": nil,
	// The checks package has calls early in its initialization; its
	// rubrics must still take their parts' addresses, and its drill
	// catalog must stay out of initialization.
	module + "/checks": {"with &Part{", "drills.go:"},
}

func TestTablesAreData(t *testing.T) {
	reports := 0
	for pkg, banned := range staticTables {
		out, err := exec.Command("go", "build", "-gcflags="+pkg+"=-d=staticcopy", "-o", "/dev/null", pkg).CombinedOutput()
		if err != nil && !strings.Contains(string(out), "skipping static copy") {
			t.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
		for _, line := range strings.Split(string(out), "\n") {
			if !strings.Contains(line, "skipping static copy") {
				continue
			}
			reports++
			bad := banned == nil
			for _, b := range banned {
				bad = bad || strings.Contains(line, b)
			}
			if bad {
				t.Errorf("%s: the compiler fills this in at start-up instead of laying it out as data: %s", pkg, line)
			}
		}
	}
	// The checks package still has copies the compiler gives up on; if none
	// is reported, the compiler's wording changed and this test checks
	// nothing until its strings are updated.
	if reports == 0 {
		t.Error("the compiler reported no skipped static copies at all: has -d=staticcopy's wording changed?")
	}
}
