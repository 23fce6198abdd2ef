package arch

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/designls/designls"

// forbidden lists, per package prefix, what it must not depend on,
// directly or not.
var forbidden = map[string][]string{
	module + "/checks/doc":      {"go.lsp.dev/", module + "/checks", module + "/templates", module + "/lsp", module + "/cmd", module + "/internal/", "go.uber.org/zap"},
	module + "/checks/edit":     {"go.lsp.dev/", module + "/checks", module + "/templates", module + "/lsp", module + "/cmd", module + "/internal/"},
	module + "/templates":       {"go.lsp.dev/", module + "/checks\x00", module + "/lsp", module + "/cmd", module + "/internal/", "go.uber.org/zap"},
	module + "/checks":          {"go.lsp.dev/", module + "/lsp", module + "/cmd", module + "/internal/", "go.uber.org/zap"},
	module + "/internal/config": {"go.lsp.dev/", module + "/lsp", module + "/cmd"},
	module + "/lsp":             {module + "/cmd"},
	// The command line starts for every check; the protocol libraries
	// (go.lsp.dev/protocol pulls in zap, zap pulls in net/http and
	// crypto/tls) would cost milliseconds of init at each start. The
	// server is cmd/designls-lsp, which `designls serve` execs.
	module + "/cmd/designls": {module + "/lsp", "go.lsp.dev/", "go.uber.org/", "net/http", "crypto/tls"},
	// The number scanner is pure arithmetic on text: standard library only.
	module + "/checks/numbers": {stdlibOnly},
	// Every package below checks may use recycle (see leaves), so it may
	// use nothing but the standard library.
	module + "/checks/recycle": {stdlibOnly},
}

// leaves are packages that any package may use despite its rules: small
// helpers of the standard library's kind, held to stdlibOnly above.
var leaves = []string{module + "/checks/recycle"}

// stdlibOnly forbids every dependency outside the standard library, whose
// import paths have no dot in their first element.
const stdlibOnly = "\x01stdlib"

func TestImportDirection(t *testing.T) {
	for _, leaf := range leaves {
		if r := forbidden[leaf]; !slices.Equal(r, []string{stdlibOnly}) {
			t.Errorf("leaf %s must be held to the standard library alone; its rules are %q", leaf, r)
		}
	}
	out, err := exec.Command("go", "list", "-deps=false", "-f", `{{.ImportPath}}{{range .Deps}} {{.}}{{end}}`, module+"/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		pkg, deps := fields[0], fields[1:]
		rules := rulesFor(pkg)
		if rules == nil {
			continue
		}
		checked++
		for _, dep := range deps {
			for _, bad := range rules {
				if violates(pkg, dep, bad) {
					t.Errorf("%s depends on %s (it must not depend on %s)", pkg, dep, strings.TrimSuffix(bad, "\x00"))
				}
			}
		}
	}
	if checked < 3 {
		t.Fatalf("checked only %d packages; is go list output as expected?\n%s", checked, out)
	}
}

// rulesFor returns the rules of the longest prefix that names pkg or one
// of its parents.
func rulesFor(pkg string) []string {
	best := ""
	for prefix := range forbidden {
		if (pkg == prefix || strings.HasPrefix(pkg, prefix+"/")) && len(prefix) > len(best) {
			best = prefix
		}
	}
	if best == "" {
		return nil
	}
	return forbidden[best]
}

// violates reports whether dep matches the forbidden entry bad. An entry
// ending in NUL names exactly one package, not its subpackages; one ending
// in "/" is a prefix; any other names a package and its subpackages. A
// package's own subpackages are always allowed.
func violates(pkg, dep, bad string) bool {
	if strings.HasPrefix(dep, pkg+"/") || slices.Contains(leaves, dep) {
		return false
	}
	if bad == stdlibOnly {
		first, _, _ := strings.Cut(dep, "/")
		return strings.Contains(first, ".")
	}
	if exact, ok := strings.CutSuffix(bad, "\x00"); ok {
		return dep == exact
	}
	if strings.HasSuffix(bad, "/") {
		return strings.HasPrefix(dep, bad)
	}
	return dep == bad || strings.HasPrefix(dep, bad+"/")
}
