package numbers

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var quickTableSamples = []string{
	"| SLO | Downtime per day | per month |\n|---|---|---|\n| 99.9% | 1.44 min | 43.2 min |\n",
	"| SLO | per month |\n|---|---|\n| 99.9 percent | 43.2 min |\n| 99.99 PERCENT | 4.32 min |\n| 99.5 Percent | 3.6 h |\n",
	"| Target | Window | Allowed downtime |\r\n| --- | --- | --- |\r\n| 99.9% | 30 days | 43.2 min |\r\n",
	"| Target | Window | Allowed downtime |\n| --- | --- | --- |\n| 99.9 % | 30 days | 43.2 min |\n",
	"| Target\t| Window\t| Budget |\n|\t---\t|---|---|\n|\t99.9%\t|\tmonth\t| 43 min |\n",
	"| 可用性 | 每月 | per month |\n|---|---|---|\n| 可用性 99.5% | month | 3.6 h |\n",
	"| SLO 🎯 | per year |\n|---|---|\n| 99.99% 🎯 | 52.6 min |\n",
	"| SLO | per month |\n|---|---|\n| 99.99 PERCENT | 4.32 min |\n",
	"| SLO | per month |\n|---|---|\n| 99.5 Percent | 3.6 h |\n",
	"| SLO | per month |\n|---|---|\n| 99.9percent | 43.2 min |\n| 99.9 per cent | 43.2 min |\n",
	"| SLO | per month |\n|---|---|\n| ninety-nine | 43.2 min |\n",
	"| SLO | per month |\n|---|---|\n| 99.9 | 43.2 min |\n\nText 99.9% after.\n",
	"| SLO | per month |\n|---|---|\n| 99.9 | 43.2 min |\n| 99.9% per month = 43.2 min |\n",
	"| SLO | per month |\n|---|---|\n| 99.9 |\n99.9% | 43.2 min\n",
	"| SLO | per month |\n|---|---|",
	"| SLO | per month |\n|---|---|\n| 99.9% | 43.2 min |",
	"| a | b |\n|---|---|\n| x | y |\n| SLO | per month |\n|---|---|\n| 99.9% | 43.2 min |\n",
	"Text | not a table\n|---|\n| 99.9% | 43.2 min |\n",
}

// budgetsBoth returns Budgets's reading of text's tables with and without
// the quick skip of tables that hold no percentage.
func budgetsBoth(text string) (quick, full []string) {
	b := []byte(text)
	for _, q := range []bool{true, false} {
		var out []string
		for _, bu := range tableBudgetsFrom(nil, b, q) {
			out = append(out, fmt.Sprintf("%v %s", bu.Span, budgetLine(text, bu)))
		}
		if q {
			quick = out
		} else {
			full = out
		}
	}
	return quick, full
}

// TestTableBudgetsQuick holds tableBudgets's skip of tables without a
// percentage to reading every table, over samples and every Markdown file
// of the repository's test data, examples and templates.
func TestTableBudgetsQuick(t *testing.T) {
	docs := map[string]string{}
	for i, s := range quickTableSamples {
		docs[fmt.Sprint("sample ", i)] = s
	}
	for _, root := range []string{"..", "../../examples", "../../templates", "../../cmd"} {
		filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(path, ".md") {
				if b, err := os.ReadFile(path); err == nil {
					docs[path] = string(b)
				}
			}
			return nil
		})
	}
	if len(docs) < 50 {
		t.Fatalf("only %d documents found", len(docs))
	}
	found := 0
	for name, text := range docs {
		quick, full := budgetsBoth(text)
		if strings.Join(quick, "\n") != strings.Join(full, "\n") {
			t.Errorf("%s:\n quick %q\n  full %q", name, quick, full)
		}
		found += len(full)
	}
	if found < 10 {
		t.Errorf("only %d table budgets in all documents: the comparison proves little", found)
	}
}

// FuzzTableBudgetsQuick does the same for any text.
func FuzzTableBudgetsQuick(f *testing.F) {
	for _, s := range quickTableSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		quick, full := budgetsBoth(text)
		if strings.Join(quick, "\n") != strings.Join(full, "\n") {
			t.Errorf("%q:\n quick %q\n  full %q", text, quick, full)
		}
	})
}
