package checks

import (
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/designls/designls/templates"
)

// TestChecklistFollowsSnippets keeps the checklist in step with the
// built-in snippets: one point per prompt, in order, each label's words
// taken from its prompt. A prompt added to a snippet without a point (or
// the other way round) fails here.
func TestChecklistFollowsSnippets(t *testing.T) {
	set := templates.Builtin()
	if len(checklists()) != len(Concerns) {
		t.Errorf("%d checklists for %d concerns", len(checklists()), len(Concerns))
	}
	for _, info := range Concerns {
		sn, ok := set.Snippet(string(info.ID))
		if !ok {
			t.Errorf("%s: no built-in snippet", info.ID)
			continue
		}
		var prompts []string
		for _, line := range strings.Split(sn.Body, "\n") {
			if templates.IsPrompt([]byte(line)) {
				prompts = append(prompts, strings.ToLower(line))
			}
		}
		pts := checklists()[info.ID]
		if len(pts) != len(prompts) {
			t.Errorf("%s: %d points for %d prompts", info.ID, len(pts), len(prompts))
			continue
		}
		for i, p := range pts {
			words := strings.FieldsFunc(strings.ToLower(p.label), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			if len(words) == 0 {
				t.Errorf("%s point %d: empty label", info.ID, i)
			}
			for _, w := range words {
				if !strings.Contains(prompts[i], w) {
					t.Errorf("%s point %d %q: %q is not in its prompt %q", info.ID, i, p.label, w, prompts[i])
				}
			}
			if p.ask == "" || len(p.clues) == 0 || len(p.clues[0].words) == 0 || p.clues[0].onlyWhen != nil {
				t.Errorf("%s point %q: needs an ask and a first clue that always applies", info.ID, p.label)
			}
		}
	}
}

// TestChecklistPhrasesMatch catches phrases that can never match: upper
// case, or a shape the matcher does not take ("-->" starts with a
// separator). Each must find itself written out, "*" as a word ending.
func TestChecklistPhrasesMatch(t *testing.T) {
	for c, pts := range checklists() {
		for _, p := range pts {
			for _, cl := range p.clues {
				for _, ph := range append(append(phrases{}, cl.words...), cl.onlyWhen...) {
					if ph != strings.ToLower(ph) {
						t.Errorf("%s %q: %q is not lower case", c, p.label, ph)
					}
					text := []byte(" " + strings.ReplaceAll(ph, "*", "s") + " ")
					if _, ok := findPhrase(text, Span{Start: 0, End: len(text)}, ph); !ok {
						t.Errorf("%s %q: %q does not match %q", c, p.label, ph, text)
					}
				}
			}
		}
	}
}

// ticked runs the document and returns the checklist of concern c for
// the section titled title, as "label=evidence as written" for addressed
// points and "label" for open ones.
func ticked(t *testing.T, src string, c Concern, title string) []string {
	t.Helper()
	res := Run("t.md", []byte(src), nil)
	var sec *Section
	for _, s := range res.Doc.Sections {
		if s.Title == title {
			sec = s
		}
	}
	if sec == nil {
		t.Fatalf("no section %q", title)
	}
	var out []string
	for _, p := range res.Checklist(c, sec) {
		if !p.Addressed {
			if !p.Evidence.Empty() {
				t.Errorf("%s: open point with evidence %v", p.Label, p.Evidence)
			}
			out = append(out, p.Label)
			continue
		}
		out = append(out, p.Label+"="+src[p.Evidence.Start:p.Evidence.End])
	}
	return out
}

func sameList(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

func TestChecklistTicksWhatTheSectionAnswers(t *testing.T) {
	const rollout = "# Flag service\n\n## Rollout\n\n" +
		"We ship to 1% of tenants, then 10%, then everyone, cell by cell.\n" +
		"A Kill Switch in the admin console stops evaluation without a deploy.\n" +
		"There is no rollback plan yet.\n"
	sameList(t, "rollout", ticked(t, rollout, Rollout, "Rollout"),
		[]string{"Stages=1%", "Guardrail metric", "Rollback", "Kill switch=Kill Switch"})

	// A flag answers the kill switch, not the rollback; a revert answers
	// the rollback; a placeholder line and a subsection's heading answer
	// nothing.
	const rollback = "# Flag service\n\n## Rollout\n\n" +
		"Rollback: TBD\n\n" +
		"### Guardrail metric\n\n" +
		"Owned by the SRE team.\n\n" +
		"### Undo\n\n" +
		"Bad rules are behind a feature flag; a bad binary is reverted by the deploy tool in 5 minutes.\n"
	sameList(t, "rollback", ticked(t, rollback, Rollout, "Rollout"),
		[]string{"Stages", "Guardrail metric", "Rollback=reverted", "Kill switch=feature flag"})

	// Both halves of the SLO target, the figure preferred over the words.
	const slo = "# Flag service\n\n## SLO\n\n" +
		"99.95% of evaluations succeed per 30 days.\n\n" +
		"Latency stays low.\n"
	sameList(t, "availability only", ticked(t, slo, SLO, "SLO"),
		[]string{"Availability and latency target", "SLIs", "Error budget", "What a breach triggers"})
	sameList(t, "both targets", ticked(t, strings.Replace(slo, "Latency stays low.", "p99 latency < 5 ms, measured at the load balancer. Burning the error budget pages on-call.", 1), SLO, "SLO"),
		[]string{"Availability and latency target=99.95%", "SLIs=measured at", "Error budget=error budget", "What a breach triggers=pages"})

	// Pagination is owed only when there is a list call.
	const api = "# Runs\n\n## API\n\n" +
		"`POST /v1/runs` starts a run; a repeated Idempotency-Key returns the first run.\n" +
		"Errors: 409 when the pipeline is paused, 429 with Retry-After.\n"
	sameList(t, "api", ticked(t, api, API, "API"),
		[]string{"Endpoints or RPCs=POST /", "Error model=Errors", "Idempotency of writes=Idempotency", "Versioning and pagination=/v1"})
	withList := api + "`GET /v1/runs` returns all runs of a pipeline.\n"
	sameList(t, "api with a list call", ticked(t, withList, API, "API")[3:],
		[]string{"Versioning and pagination"})
	sameList(t, "api with pages", ticked(t, withList+"Pages hold at most 100 runs and a next page token.\n", API, "API")[3:],
		[]string{"Versioning and pagination=/v1"})

	// A passing word ticks nothing: "fast" is no latency target, "data"
	// no storage estimate.
	const passing = "# Cache\n\n## Capacity\n\nIt must be fast and hold a lot of data.\n"
	sameList(t, "passing words", ticked(t, passing, Capacity, "Capacity"),
		[]string{"Peak QPS", "Storage", "Bandwidth and hosts", "Headroom"})
	const figures = "# Cache\n\n## Capacity\n\nPeak is 30K QPS over 40 hosts; each record is 2 KB; 3x headroom.\n"
	sameList(t, "figures", ticked(t, figures, Capacity, "Capacity"),
		[]string{"Peak QPS=30K QPS", "Storage=2 KB", "Bandwidth and hosts=hosts", "Headroom=3x"})
}

// TestChecklistUneditedSnippet: a snippet inserted and never edited ticks
// nothing, whatever its prompts say ("99.9%", "kill switch").
func TestChecklistUneditedSnippet(t *testing.T) {
	set := templates.Builtin()
	for _, info := range Concerns {
		sn, _ := set.Snippet(string(info.ID))
		for _, eol := range []string{"\n", "\r\n"} {
			src := "# Service" + eol + eol + "Intro." + eol + eol + sn.Render(2, eol)
			res := Run("t.md", []byte(src), nil)
			sec := res.Doc.Sections[len(res.Doc.Sections)-1]
			pts := res.Checklist(info.ID, sec)
			if len(pts) != len(checklists()[info.ID]) {
				t.Fatalf("%s: %d points", info.ID, len(pts))
			}
			for _, p := range pts {
				if p.Addressed {
					t.Errorf("%s %q: unedited snippet addresses it at %q", info.ID, p.Label, src[p.Evidence.Start:p.Evidence.End])
				}
			}
		}
	}
}

// TestChecklistPositions: CRLF, tabs, CJK, emoji and combining characters
// before the evidence leave its span on the text as written.
func TestChecklistPositions(t *testing.T) {
	src := "# 限流 service 🚀\n\n## Degradation\n\n" +
		"限流器が落ちたら\tcafe\u0301 owners see it; the limiter Fails Open and serves the last-known-good limit.\n" +
		"各リクエストは 200 ms で Timeout する。\n"
	want := []string{"Failure modes=Fails Open", "Fallbacks=last-known-good", "Timeouts and retries=Timeout", "Overload"}
	sameList(t, "LF", ticked(t, src, Degradation, "Degradation"), want)
	crlf := strings.ReplaceAll(src, "\n", "\r\n")
	sameList(t, "CRLF", ticked(t, crlf, Degradation, "Degradation"), want)

	res := Run("t.md", []byte(crlf), nil)
	pts := res.Checklist(Degradation, res.Doc.Sections[1])
	if got, want := pts[0].Evidence.Start, strings.Index(crlf, "Fails Open"); got != want {
		t.Errorf("evidence starts at %d, want %d", got, want)
	}
}

func TestChecklistUnknown(t *testing.T) {
	res := Run("t.md", []byte("# T\n\n## API\n\nPOST /v1/x\n"), nil)
	if got := res.Checklist("no-such-concern", res.Doc.Sections[1]); got != nil {
		t.Errorf("unknown concern: %v", got)
	}
	if got := res.Checklist(API, nil); got != nil {
		t.Errorf("nil section: %v", got)
	}
}

// TestResultRequestsConcurrently: a server answers hovers and scorecards
// on one result at once; the prose text they share is built once.
func TestResultRequestsConcurrently(t *testing.T) {
	src := []byte("---\ndrill: feature-flags\n---\n# Flags\n\n## API\n\nPOST /v1/flags is idempotent with an Idempotency-Key; errors are 429 or 503.\n\n" +
		"## Capacity\n\n1,000 apps × 30K QPS = 30M QPS at peak.\n")
	res := Run("c.md", src, nil)
	var sec *Section
	for _, s := range res.Doc.Sections {
		if s.Title == "API" {
			sec = s
		}
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() { res.Checklist(API, sec) })
		wg.Go(func() { Review(res) })
		wg.Go(func() { res.Arithmetic() })
	}
	wg.Wait()
	if got := res.Arithmetic(); len(got) != 1 || got[0].Verdict != "ok" {
		t.Errorf("arithmetic %+v", got)
	}
	if res.lazy.prose == nil {
		t.Error("the prose text was not kept")
	}
}
