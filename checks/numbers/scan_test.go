package numbers

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

func at(text string, s Span) string { return text[s.Start:s.End] }

// eqLine renders an equation by slicing the input with its spans, so a
// wrong span shows up as wrong text.
func eqLine(text string, e Equation) string {
	s := fmt.Sprintf("%s %s %s: %s", at(text, e.Left.Span), at(text, e.RelSpan), at(text, e.Right.Span), e.Verdict)
	if e.Verdict != UnitMismatch {
		s += " " + Format(e.Computed)
	} else {
		s += " (" + e.Why + ")"
	}
	return s
}

func TestScanEquations(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"brief product", "1,000 apps × 10K QPS = 10M QPS",
			[]string{"1,000 apps × 10K QPS = 10M QPS: ok 10M QPS"}},
		{"per day with s/day", "10M QPS × 86,400 s/day ≈ 864B requests/day",
			[]string{"10M QPS × 86,400 s/day ≈ 864B requests/day: ok 864B requests/day"}},
		{"bytes times count", "2 KB × 500M = 1 TB",
			[]string{"2 KB × 500M = 1 TB: ok 1 TB"}},
		{"label word", "30K peak × 1,000 = 30M QPS",
			[]string{"30K peak × 1,000 = 30M QPS: ok 30M QPS"}},
		{"chain", "1,000 apps × 10K QPS = 10M QPS ≈ 864B requests/day",
			[]string{"1,000 apps × 10K QPS = 10M QPS: ok 10M QPS", "10M QPS ≈ 864B requests/day: ok 864B requests/day"}},
		{"chain with a wrong middle link", "3 × 4 = 13 = 13",
			[]string{"3 × 4 = 13: wrong 12", "13 = 13: ok 13"}},
		{"wrong product", "1,000 apps × 10K QPS = 100M QPS",
			[]string{"1,000 apps × 10K QPS = 100M QPS: wrong 10M QPS"}},
		{"wrong by a factor", "10M QPS × 86,400 s/day ≈ 864M requests/day",
			[]string{"10M QPS × 86,400 s/day ≈ 864M requests/day: wrong 864B requests/day"}},
		{"bare factor as conversion", "10M QPS × 86,400 = 864B requests/day",
			[]string{"10M QPS × 86,400 = 864B requests/day: ok 864B requests/day"}},
		{"bare factor of the wrong size", "10M QPS × 60 = 864B requests/day",
			[]string{"10M QPS × 60 = 864B requests/day: wrong 51.8T requests/day"}},
		{"forgot to convert hours", "10M QPS × 24 h = 240M requests",
			[]string{"10M QPS × 24 h = 240M requests: wrong 864B requests"}},
		{"rate times time is a count", "10M QPS × 86,400 s = 864B requests",
			[]string{"10M QPS × 86,400 s = 864B requests: ok 864B requests"}},
		{"bare result", "10M QPS × 86,400 = 864B",
			[]string{"10M QPS × 86,400 = 864B: ok 864B"}},
		{"time chain", "30 days × 24 h × 60 min = 43,200 min",
			[]string{"30 days × 24 h × 60 min = 43,200 min: ok 43,200 min"}},
		{"time chain wrong", "30 days × 24 h × 60 min = 40,000 min",
			[]string{"30 days × 24 h × 60 min = 40,000 min: wrong 43,200 min"}},
		{"percent of a window", "0.1% × 30 days = 43.2 min",
			[]string{"0.1% × 30 days = 43.2 min: ok 43.2 min"}},
		{"parentheses", "(1 − 99.9%) × 30 days = 43.2 min",
			[]string{"(1 − 99.9%) × 30 days = 43.2 min: ok 43.2 min"}},
		{"hourly figure", "12.69MiB * 168 hours = 2.08 GiB",
			[]string{"12.69MiB * 168 hours = 2.08 GiB: ok 2.08 GiB"}},
		{"unspaced stars", "5500*242*10 = 13310000",
			[]string{"5500*242*10 = 13310000: ok 13310000"}},
		{"division", "10K QPS / 50 hosts = 200 QPS/host",
			[]string{"10K QPS / 50 hosts = 200 QPS/host: ok 200 QPS/host"}},
		{"per host times hosts", "200 QPS/host × 50 hosts = 10K QPS",
			[]string{"200 QPS/host × 50 hosts = 10K QPS: ok 10K QPS"}},
		{"obelus", "864B requests/day ÷ 86,400 s/day = 10M QPS",
			[]string{"864B requests/day ÷ 86,400 s/day = 10M QPS: ok 10M QPS"}},
		{"addition", "3 TB + 500 GB = 3.5 TB",
			[]string{"3 TB + 500 GB = 3.5 TB: ok 3.5 TB"}},
		{"minus sign", "100 ms − 20 ms = 80 ms",
			[]string{"100 ms − 20 ms = 80 ms: ok 80 ms"}},
		{"hyphen minus with spaces", "100 ms - 20 ms = 80 ms",
			[]string{"100 ms - 20 ms = 80 ms: ok 80 ms"}},
		{"power", "2^32 = 4.29B", []string{"2^32 = 4.29B: ok 4.29B"}},
		{"x between numbers", "10 x 24 x 14 = 3360", []string{"10 x 24 x 14 = 3360: ok 3360"}},
		{"capital X", "4 X 1,000 = 4,000", []string{"4 X 1,000 = 4,000: ok 4,000"}},
		{"glued x multiplier", "2 KB × 3x = 6 KB", []string{"2 KB × 3x = 6 KB: ok 6 KB"}},
		{"milliseconds glued", "5ms × 200 = 1 s", []string{"5ms × 200 = 1 s: ok 1 s"}},
		{"approx tilde", "1.27 KB × 1M ~ 1.3 GB", []string{"1.27 KB × 1M ~ 1.3 GB: ok 1.27 GB"}},
		{"approx after equals", "1.27 KB × 1M = ~1.5 GB", []string{"1.27 KB × 1M = 1.5 GB: ok 1.27 GB"}},
		{"about after equals", "1.27 KB × 1M = about 1.5 GB", []string{"1.27 KB × 1M = 1.5 GB: ok 1.27 GB"}},
		{"approx too far", "1.27 KB × 1M ≈ 3 GB", []string{"1.27 KB × 1M ≈ 3 GB: wrong 1.27 GB"}},
		{"rounded figure", "10M QPS × 86,400 s = 860B requests", []string{"10M QPS × 86,400 s = 860B requests: ok 864B requests"}},
		{"one percent slack", "3 × 333 = 1,000", []string{"3 × 333 = 1,000: ok 999"}},
		{"within rounding and one percent", "3 × 330 = 1,000", []string{"3 × 330 = 1,000: ok 990"}},
		{"beyond one percent", "3 × 320 = 1,000", []string{"3 × 320 = 1,000: wrong 960"}},
		{"conversion", "1 day = 86,400 s", []string{"1 day = 86,400 s: ok 86,400 s"}},
		{"conversion rounded down", "1 request per second = 2.5 million requests per month",
			[]string{"1 request per second = 2.5 million requests per month: wrong 2.59 million requests per month"}},
		{"binary reading", "1 KB = 1,024 bytes", []string{"1 KB = 1,024 bytes: ok 1,024 bytes"}},
		{"figure on the left", "30M QPS = 30K × 1,000", []string{"30M QPS = 30K × 1,000: ok 30M QPS"}},
		{"two expressions", "1,000 × 10K = 100 × 100K", []string{"1,000 × 10K = 100 × 100K: ok 10M"}},
		{"unit mismatch", "10K QPS × 3 = 30 GB",
			[]string{"10K QPS × 3 = 30 GB: unit mismatch (the left side is a rate, the written figure a data size)"}},
		{"adding ms to QPS", "5 ms + 10K QPS = 3",
			[]string{"5 ms + 10K QPS = 3: unit mismatch (the left side adds a duration and a rate)"}},
		{"bandwidth", "10K QPS × 2 KB = 20 MB/s", []string{"10K QPS × 2 KB = 20 MB/s: ok 20 MB/s"}},
		{"bits", "1 Gbps = 125 MB/s", []string{"1 Gbps = 125 MB/s: ok 125 MB/s"}},
		{"words", "2.5 million users × 2 = 5 million users", []string{"2.5 million users × 2 = 5 million users: ok 5 million users"}},
		{"bn", "2bn × 3 = 6bn", []string{"2bn × 3 = 6bn: ok 6bn"}},
		{"emphasis", "**10M QPS** × 2 = **20M QPS**", []string{"10M QPS** × 2 = 20M QPS: ok 20M QPS"}},
		{"emphasised result", "(10 x 24 x 14) = *3360* keys", []string{"(10 x 24 x 14) = 3360: ok 3360"}},
		{"code span", "`1,000 × 10K = 10M`", []string{"1,000 × 10K = 10M: ok 10M"}},
		{"list number", "1. 10K × 3 = 30K", []string{"10K × 3 = 30K: ok 30K"}},
		{"table cell", "| total | 1,000 × 10K = 10M | note |", []string{"1,000 × 10K = 10M: ok 10M"}},
		{"unfinished", "1,000 apps × 10K QPS =", []string{"1,000 apps × 10K QPS = : unfinished 10M QPS"}},
		{"unfinished question mark", "10M QPS × 86,400 s/day ≈ ?", []string{"10M QPS × 86,400 s/day ≈ ?: unfinished 864B requests/day"}},
		{"unfinished TBD", "2 KB × 500M users = TBD", []string{"2 KB × 500M users = TBD: unfinished 1 TB"}},
		{"unfinished count", "10M QPS × 86,400 s =", []string{"10M QPS × 86,400 s = : unfinished 864B requests"}},
		{"unfinished percent", "1 − 99.9% =", []string{"1 − 99.9% = : unfinished 0.1%"}},
		{"unfinished duration", "0.1% × 30 days =", []string{"0.1% × 30 days = : unfinished 43.2 min"}},
		{"unfinished in a table", "| 1,000 × 10K = | |", []string{"1,000 × 10K = : unfinished 10M"}},
		{"unfinished then more text", "1,000 × 10K = ? and then", []string{"1,000 × 10K = ?: unfinished 10M"}},
		{"line break after operator", "10 ×\n2 = 20", []string{"10 ×\n2 = 20: ok 20"}},
		{"line break before relation", "10 × 2\r\n= 20", []string{"10 × 2 = 20: ok 20"}},
		{"thin space separator", "10\u2009000 × 3 = 30\u2009000", []string{"10\u2009000 × 3 = 30\u2009000: ok 30\u2009000"}},
		{"underscore separator", "10_000 × 3 = 30_000", []string{"10_000 × 3 = 30_000: ok 30_000"}},
		{"e-notation", "1e6 × 1e3 = 1e9", []string{"1e6 × 1e3 = 1e9: ok 1000000000"}},
		{"middle dot", "2 KB · 500M = 1 TB", []string{"2 KB · 500M = 1 TB: ok 1 TB"}},
		{"per second spelled", "400 requests per second × 2 = 800 requests per second",
			[]string{"400 requests per second × 2 = 800 requests per second: ok 800 requests per second"}},
		{"spaced B before things is billions", "2 B users × 1 KB = 2 TB", []string{"2 B users × 1 KB = 2 TB: ok 2 TB"}},
		{"glued m before things is millions", "500m users × 2 KB = 1 TB", []string{"500m users × 2 KB = 1 TB: ok 1 TB"}},
		{"glued m alone is minutes", "5m × 12 = 1 h", []string{"5m × 12 = 1 h: ok 1 h"}},
		{"currency", "100 hosts × $0.50 per hour × 720 hours = $36,000 per month",
			[]string{"100 hosts × $0.50 per hour × 720 hours = 36,000 per month: ok 36,000 per month"}},
		{"figure names its period", "500 bytes × 200K = 100 MB per day",
			[]string{"500 bytes × 200K = 100 MB per day: ok 100 MB per day"}},
		{"figure names its period, wrong", "500 bytes × 200K = 10 MB per day",
			[]string{"500 bytes × 200K = 10 MB per day: wrong 100 MB per day"}},
		{"things the tables do not know", "50K widgets / 500 widgets per host = 100 hosts",
			[]string{"50K widgets / 500 widgets per host = 100 hosts: ok 100 hosts"}},
		{"days in a month as a conversion", "864B requests/day × 30 days ≈ 25.9T requests/month",
			[]string{"864B requests/day × 30 days ≈ 25.9T requests/month: ok 25.9T requests/month"}},
		{"several on a line", "a: 2 × 3 = 6; b: 4 × 5 = 21",
			[]string{"2 × 3 = 6: ok 6", "4 × 5 = 21: wrong 20"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := []string{}
			for _, e := range Scan([]byte(tt.in)) {
				got = append(got, eqLine(tt.in, e))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Scan(%q)\n got: %q\nwant: %q", tt.in, got, tt.want)
			}
		})
	}
}

// Prose that holds numbers but states no arithmetic must yield nothing.
func TestScanNotEquations(t *testing.T) {
	for _, in := range []string{
		"we have 3 regions and 5 teams",
		"staged rollout 1% → 10% → 50% → 100%",
		"1% -> 10% -> 50%",
		"3-5 hosts = 4 hosts",
		"3–5 hosts = 4 hosts",
		"p99 = 5 ms",
		"P99 budget 5ms",
		"HTTP 429 = too many requests",
		"HTTP 429 = 1",
		"v1.2.3 = 4",
		"version 1.2.3 = 1.2.4",
		"release on 2024-09-30 = 3 days",
		"due 09/30/2024 = 2 × 1",
		"meet at 10:30 = 2",
		"10:30 + 1 = 11:30",
		"1920x1080 = 2",
		"string name = 1;",
		"int64 expires = 2;",
		"fraction_completed = 0.2442",
		"lease = { node_id = 1, expires = now() + 5 }",
		"3 replicas = 3 copies",
		"1,000 followers = 1,000 lookups",
		"10 budget categories per user = 100 million budget items",
		"50% = 0.5",
		"1 = 1",
		"k8s = 8",
		"IPv6 = 6",
		"2FA = 2",
		"the 3rd = 3",
		"5xx = 500",
		"10.0.0.1 = 10",
		"see §4.2 and RFC 7231",
		"1. First item\n2. Second item = 2",
		"- 1 = one\n- 2 = two",
		"x = 3 × 4",
		"a <= 10 × 2",
		"10 >= 5 × 2",
		"10 != 5 × 2",
		"10 => 5 × 2",
		"10 × 2 => 20",
		"10 x foo = 20",
		"2 ** 10 = 1024",
		"the 10 *important* = 3",
		"10\n\n= 10 × 1",
		"10 × 2\n- 20 items",
		"10 ×\n2. next item = 3",
		"24/7 support",
		"1/2 of the fleet",
		"ratio 3:1 = 3",
		"in the 1990s we ran 2 × 3 racks",
		"total = ~1.27 KB",
		"$5 per month",
		"",
		"=",
		"× = ≈",
		"1,2,3",
		"spread over 100 hosts = 32 MB each",
		"100 users = 5 ms",
		"10 / 0 = 5", // nothing to check
		"0/0 =",
		"2^100 = 1",
	} {
		if eqs := Scan([]byte(in)); len(eqs) != 0 {
			var got []string
			for _, e := range eqs {
				got = append(got, eqLine(in, e))
			}
			t.Errorf("Scan(%q) = %q, want nothing", in, got)
		}
	}
}

// Spans are byte offsets; text around the equation in other scripts, tabs
// and line endings must not shift them.
func TestScanPositions(t *testing.T) {
	eq := "1,000 apps × 10K QPS = 10M QPS"
	for _, tt := range []struct{ name, before, after string }{
		{"plain", "", ""},
		{"CJK", "容量：", "，足够。"},
		{"CJK glued", "容量", "每秒"},
		{"emoji", "🚀 ", " 🎉"},
		{"emoji glued", "🚀", "🎉"},
		{"combining", "re\u0301sume\u0301: ", " — cafe\u0301"},
		{"tabs", "\t\t", "\t"},
		{"CRLF", "intro\r\n", "\r\nnext line\r\n"},
		{"lone CR", "intro\r", "\rnext"},
		{"quote", "> ", ""},
		{"bullet", "- ", ""},
		{"table", "| capacity | ", " |"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.before + eq + tt.after
			eqs := Scan([]byte(text))
			if len(eqs) != 1 {
				t.Fatalf("Scan(%q) found %d equations, want 1", text, len(eqs))
			}
			e := eqs[0]
			if got := at(text, e.Span); got != eq {
				t.Errorf("Span = %q, want %q", got, eq)
			}
			if e.Span.Start != len(tt.before) {
				t.Errorf("Span.Start = %d, want %d", e.Span.Start, len(tt.before))
			}
			if got := at(text, e.Left.Span); got != "1,000 apps × 10K QPS" {
				t.Errorf("Left = %q", got)
			}
			if got := at(text, e.RelSpan); got != "=" {
				t.Errorf("Rel = %q", got)
			}
			if got := at(text, e.Right.Span); got != "10M QPS" {
				t.Errorf("Right = %q", got)
			}
			want := []string{"1,000 apps", "10K QPS"}
			for i, q := range e.Left.Quantities {
				if got := at(text, q.Span); got != want[i] {
					t.Errorf("operand %d = %q, want %q", i, got, want[i])
				}
			}
			if got := at(text, e.Left.Quantities[1].Unit.Span); got != "QPS" {
				t.Errorf("unit span = %q", got)
			}
			if e.Verdict != OK {
				t.Errorf("Verdict = %v", e.Verdict)
			}
		})
	}
}

// A combining mark after a unit makes it another word: the figure keeps no
// unit, and nothing is claimed about it.
func TestScanCombiningMarkOnUnit(t *testing.T) {
	text := "10K QPS\u0301 × 3 = 30K QPS"
	for _, e := range Scan([]byte(text)) {
		t.Errorf("unexpected %s", eqLine(text, e))
	}
}

func TestScanFields(t *testing.T) {
	text := "peak: 30K peak × 1,000 = 31M QPS"
	eqs := Scan([]byte(text))
	if len(eqs) != 1 {
		t.Fatalf("got %d equations", len(eqs))
	}
	e := eqs[0]
	if e.Rel != Equal || e.Verdict != Wrong || e.Left.Ops != 1 || e.Right.Ops != 0 {
		t.Errorf("Rel %v Verdict %v Ops %d/%d", e.Rel, e.Verdict, e.Left.Ops, e.Right.Ops)
	}
	if want := (31e6 - 30e6) / 30e6; math.Abs(e.Error-want) > 1e-9 {
		t.Errorf("Error = %v, want %v", e.Error, want)
	}
	if e.Computed.Base != 30e6 || e.Computed.Dim != Rate {
		t.Errorf("Computed = %+v", e.Computed)
	}
	f, ok := e.Figure()
	if !ok || at(text, f.Span) != "31M QPS" {
		t.Errorf("Figure = %q, %v", at(text, f.Span), ok)
	}
	if got := at(text, e.Right.Quantities[0].Span); got != "31M QPS" {
		t.Errorf("Right figure span = %q", got)
	}
}

func TestFigure(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"2 × 3 = 7", "7"},
		{"7 = 2 × 3", "7"},
		{"2 × 3 = 1 × 7", ""},
		{"2 × 3 =", ""},
	} {
		eqs := Scan([]byte(tt.in))
		if len(eqs) != 1 {
			t.Fatalf("Scan(%q) found %d equations", tt.in, len(eqs))
		}
		f, ok := eqs[0].Figure()
		if got := at(tt.in, f.Span); ok != (tt.want != "") || got != tt.want {
			t.Errorf("Figure of %q = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestScanUnfinishedHintPosition(t *testing.T) {
	text := "QPS: 1,000 apps × 10K QPS =   \nnext"
	eqs := Scan([]byte(text))
	if len(eqs) != 1 || eqs[0].Verdict != Unfinished {
		t.Fatalf("got %+v", eqs)
	}
	e := eqs[0]
	relEnd := strings.Index(text, "=") + 1
	if e.Right.Span != (Span{relEnd, relEnd}) || len(e.Right.Quantities) != 0 {
		t.Errorf("Right = %+v, want empty span at %d", e.Right, relEnd)
	}
	if e.Span.End != relEnd {
		t.Errorf("Span.End = %d, want %d", e.Span.End, relEnd)
	}
}

// An equation that is really a budget statement is left to Budgets.
func TestScanLeavesBudgetsAlone(t *testing.T) {
	for _, text := range []string{
		"99.9% over 30 days = 43.2 min",
		"uptime 99.9% = 43.2 min/month",
		"99.9% × 30 days = 43.2 min of downtime",
	} {
		for _, e := range Scan([]byte(text)) {
			t.Errorf("Scan(%q): unexpected %s", text, eqLine(text, e))
		}
		if len(Budgets([]byte(text))) != 1 {
			t.Errorf("Budgets(%q) found no budget", text)
		}
	}
}
