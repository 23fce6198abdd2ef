package numbers

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// problemTexts mix equations that check out, wrong ones, unit mismatches,
// unfinished ones and budgets read as equations, in the orders that make
// Problems' bookkeeping matter: a kept equation after dropped ones, in
// the same chain and in the same sentence as a budget.
var problemTexts = []string{
	"1,000 apps × 10K QPS = 10M QPS. 2 KB × 500M = 2 TB. 5 ms + 10K QPS = 3 s.",
	"10K QPS × 3 = 30 GB and 1 day = 86,400 s and 10 × 20 = ?",
	"1,000 apps × 10K QPS = 10M QPS ≈ 864B requests/day = 900M requests/day",
	"99.9% over 30 days = 43.2 min, and 30 days × 2 = 50 days.\r\n",
	"(1 − 99.9%) × 30 days = 43.2 min; 1 h × 60 = 61 min",
	"容量：1,000 apps × 10K QPS = 10M QPS\r\n🚀 2 KB × 500M = 10 TB\r\n",
	"re\u0301sume\u0301 10K QPS × 3 = 31K QPS\tand 4 × 4 = 16",
	"| a | b |\n|---|---|\n| 2 × 3 = 6 | 2 × 3 = 7 |\n",
	"- 100 hosts × $0.50 per hour × 730 hours = $36,500 per month\n- 3 × 3 = 10\n",
	"**10M QPS** × 2 = *20M* and `4 KB × 1,000 = 4 MB` and 4 KB × 1,000 = 5 GB",
	"1 request per second = 2.5 million requests per month = 3 requests per second",
	"10 ×\n2 = 21\n\n= 3",
}

// TestProblemsIsScanFiltered holds Problems to Scan: the same equations,
// quantities included, less those that check out or are unfinished.
func TestProblemsIsScanFiltered(t *testing.T) {
	texts := append([]string(nil), problemTexts...)
	for _, glob := range []string{"testdata/*.md", "../testdata/capacity-math/*.md", "../testdata/error-budget-math/*.md"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	texts = append(texts, strings.Join(texts, "\n\n"))
	kept := 0
	for _, text := range texts {
		var want []Equation
		for _, e := range Scan([]byte(text)) {
			if e.Verdict == Wrong || e.Verdict == UnitMismatch {
				want = append(want, e)
			}
		}
		got := Problems([]byte(text))
		kept += len(got)
		if len(got) != len(want) || (len(want) > 0 && !reflect.DeepEqual(got, want)) {
			t.Errorf("Problems(%.60q):\n got %+v\nwant %+v", text, got, want)
		}
	}
	if kept < 10 {
		t.Errorf("only %d problems in all texts: the test no longer exercises Problems", kept)
	}
}
