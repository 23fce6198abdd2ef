package numbers

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestAllowedDowntime(t *testing.T) {
	const d = 24 * time.Hour
	tests := []struct {
		a      float64
		window time.Duration
		want   time.Duration
	}{
		{0.999, 30 * d, 43*time.Minute + 12*time.Second},
		{0.9995, 30 * d, 21*time.Minute + 36*time.Second},
		{0.9999, 365 * d, 52*time.Minute + 33*time.Second + 600*time.Millisecond},
		{0.99999, 365 * d, 5*time.Minute + 15*time.Second + 360*time.Millisecond},
		{0.999, d, time.Minute + 26*time.Second + 400*time.Millisecond},
		{0.99, 7 * d, time.Hour + 40*time.Minute + 48*time.Second},
		{0.999, 90 * d, 2*time.Hour + 9*time.Minute + 36*time.Second},
		{1, 30 * d, 0},
		{1.5, 30 * d, 0},
		{0, d, d},
		{-1, d, d},
	}
	for _, tt := range tests {
		if got := AllowedDowntime(tt.a, tt.window); got != tt.want {
			t.Errorf("AllowedDowntime(%v, %v) = %v, want %v", tt.a, tt.window, got, tt.want)
		}
	}
}

// budgetLine renders a budget by slicing the input with its spans.
func budgetLine(text string, b Budget) string {
	verdict := "ok"
	if !b.OK {
		verdict = "wrong, " + Format(b.Fix)
	}
	return fmt.Sprintf("%s | %s (%v) | %s: %s", at(text, b.Availability.Span), at(text, b.Window), b.WindowLength, at(text, b.Stated.Span), verdict)
}

func TestBudgets(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"equals", "99.9% over 30 days = 43.2 min",
			[]string{"99.9% | 30 days (720h0m0s) | 43.2 min: ok"}},
		{"per year approx", "99.99% per year ≈ 52.6 min of downtime",
			[]string{"99.99% | per year (8760h0m0s) | 52.6 min: ok"}},
		{"budget of, per month in the figure", "We keep an error budget of 21.9 minutes per month at 99.95%.",
			[]string{"99.95% | per month (720h0m0s) | 21.9 minutes per month: ok"}},
		{"monthly allows", "99.9% monthly allows 43 minutes",
			[]string{"99.9% | monthly (720h0m0s) | 43 minutes: ok"}},
		{"monthly allows, wrong", "99.9% monthly allows 4.3 minutes",
			[]string{"99.9% | monthly (720h0m0s) | 4.3 minutes: wrong, 43.2 minutes"}},
		{"after a semicolon", "Availability is 99.9% per 30 days; the error budget is 43.2 minutes.",
			[]string{"99.9% | 30 days (720h0m0s) | 43.2 minutes: ok"}},
		{"after a semicolon, wrong", "Availability is 99.9% per 30 days; the error budget is 4.3 minutes.",
			[]string{"99.9% | 30 days (720h0m0s) | 4.3 minutes: wrong, 43.2 minutes"}},
		{"two in one sentence", "99.9% monthly allows 43 minutes, 99.99% allows 4.3 minutes.",
			[]string{"99.9% | monthly (720h0m0s) | 43 minutes: ok", "99.99% | monthly (720h0m0s) | 4.3 minutes: ok"}},
		{"figure at availability", "43.2 min at 99.9% and 4.32 min at 99.99% over a 30-day window",
			[]string{"99.9% | 30-day (720h0m0s) | 43.2 min: ok", "99.99% | 30-day (720h0m0s) | 4.32 min: ok"}},
		{"a day", "At 99.9% we can be down 1.44 min a day.",
			[]string{"99.9% | a day (24h0m0s) | 1.44 min a day: ok"}},
		{"per week in hours", "99% weekly downtime = 1.68 h",
			[]string{"99% | weekly (168h0m0s) | 1.68 h: ok"}},
		{"quarter", "A 99.9% SLO per quarter allows 2.16 hours.",
			[]string{"99.9% | per quarter (2160h0m0s) | 2.16 hours: ok"}},
		{"slash month", "99.95% → 21.6 min/month",
			[]string{"99.95% | /month (720h0m0s) | 21.6 min/month: ok"}},
		{"average month", "99.9% allows 43.8 minutes of downtime per month",
			[]string{"99.9% | per month (720h0m0s) | 43.8 minutes: ok"}},
		{"wrong by a factor", "99.99% over 30 days = 43.2 min",
			[]string{"99.99% | 30 days (720h0m0s) | 43.2 min: wrong, 4.32 min"}},
		{"seconds", "99.999% per month = 25.9 s of downtime",
			[]string{"99.999% | per month (720h0m0s) | 25.9 s: ok"}},
		{"longest duration is the window", "(1 − 99.9%) × 30 days = 43.2 min",
			[]string{"99.9% | 30 days (720h0m0s) | 43.2 min: ok"}},
		{"soft-wrapped sentence", "Our target is 99.9% over a\r\nrolling 30 days, an error budget of 43.2 min.",
			[]string{"99.9% | 30 days (720h0m0s) | 43.2 min: ok"}},
		{"CJK around", "可用性 99.9% over 30 days = 43.2 min。",
			[]string{"99.9% | 30 days (720h0m0s) | 43.2 min: ok"}},
		{"emoji around", "🎯 99.9% over 30 days = 43.2 min 🎉",
			[]string{"99.9% | 30 days (720h0m0s) | 43.2 min: ok"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := []string{}
			for _, b := range Budgets([]byte(tt.in)) {
				got = append(got, budgetLine(tt.in, b))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Budgets(%q)\n got: %q\nwant: %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestBudgetsNone(t *testing.T) {
	for _, in := range []string{
		"99.9% of requests under 300 ms over 30 days",
		"availability of 99.95% over 30 days and p99 latency 5 ms",
		"99.9% allows 43 minutes",                    // no window
		"error rate 0.1% over 30 days = 43.2 min",    // not an availability
		"100% over 30 days = 0 min",                  // not below 100
		"99.9% over 30 days. Later: 43.2 min = fine", // another sentence
		"- 99.9% over 30 days\n- 43.2 min of downtime",
		"99.9% over 30 days = 31 days", // longer than the window
		"the 99.9th percentile over 30 days = 5 ms of downtime",
	} {
		if bs := Budgets([]byte(in)); len(bs) != 0 {
			var got []string
			for _, b := range bs {
				got = append(got, budgetLine(in, b))
			}
			t.Errorf("Budgets(%q) = %q, want nothing", in, got)
		}
	}
}

func TestBudgetTables(t *testing.T) {
	text := "Intro.\r\n\r\n" +
		"| SLO | Downtime per day | per month | per year |\r\n" +
		"|---|:---:|---|---|\r\n" +
		"| 99.9% | 1.44 min | 43.2 min | 8.76 h |\r\n" +
		"| 99.99% 🎯 | 8.6 s | 4.32 min | 5.26 hours |\r\n" +
		"\r\n" +
		"| Target | Window | Allowed downtime |\n" +
		"| --- | --- | --- |\n" +
		"| 99.9% | 30 days | 43.2 min |\n" +
		"| 99.95% | 1 year | 2 h |\n" +
		"| 可用性 99.5% | month | 3.6 h |\n"
	var got []string
	for _, b := range Budgets([]byte(text)) {
		got = append(got, budgetLine(text, b))
		if row := at(text, b.Span); !strings.HasPrefix(row, "99") && !strings.HasPrefix(row, "可用性") {
			t.Errorf("budget span %q is not a table row", row)
		}
	}
	want := []string{
		"99.9% | Downtime per day (24h0m0s) | 1.44 min: ok",
		"99.9% | per month (720h0m0s) | 43.2 min: ok",
		"99.9% | per year (8760h0m0s) | 8.76 h: ok",
		"99.99% | Downtime per day (24h0m0s) | 8.6 s: ok",
		"99.99% | per month (720h0m0s) | 4.32 min: ok",
		"99.99% | per year (8760h0m0s) | 5.26 hours: wrong, 0.876 hours",
		"99.9% | 30 days (720h0m0s) | 43.2 min: ok",
		"99.95% | 1 year (8760h0m0s) | 2 h: wrong, 4.38 h",
		"99.5% | month (720h0m0s) | 3.6 h: ok",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("table budgets:\n got: %q\nwant: %q", got, want)
	}
}

func TestBudgetFields(t *testing.T) {
	text := "SLO: 99.95% over 30 days = 25 min of downtime"
	bs := Budgets([]byte(text))
	if len(bs) != 1 {
		t.Fatalf("got %d budgets", len(bs))
	}
	b := bs[0]
	if b.OK || b.Correct != 21*time.Minute+36*time.Second || b.WindowLength != 30*24*time.Hour {
		t.Errorf("OK %v Correct %v Window %v", b.OK, b.Correct, b.WindowLength)
	}
	if want := (25 - 21.6) / 21.6; b.Error < want-1e-9 || b.Error > want+1e-9 {
		t.Errorf("Error = %v, want %v", b.Error, want)
	}
	if got := Format(b.Fix); got != "21.6 min" {
		t.Errorf("Fix = %q", got)
	}
	if got := at(text, b.Span); got != "99.95% over 30 days = 25 min" {
		t.Errorf("Span = %q", got)
	}
	if got := b.Availability.Base; got < 0.99949 || got > 0.99951 {
		t.Errorf("Availability.Base = %v", got)
	}
}
