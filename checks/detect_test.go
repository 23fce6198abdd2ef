package checks

import (
	"bytes"
	"fmt"
	"github.com/designls/designls/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/designls/designls/checks/doc"
)

// detectDir holds hand-written fixture documents; each NAME.md has a
// NAME.golden with the finding for every concern. A first line
// "<!-- synonyms: slo=guardrails,uptime; rollout=ship it -->" runs the
// fixture with those heading synonyms, as configuration would add them.
const detectDir = "testdata/detect"

func TestDetectGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(detectDir, "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in %s: %v", detectDir, err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			d := doc.Parse(file, src)
			cv := Detect(d, DefaultVocabulary().WithSynonyms(fixtureSynonyms(src)))
			got := formatCoverage(d, cv)
			goldenPath := strings.TrimSuffix(file, ".md") + ".golden"
			golden.Check(t, goldenPath, got, *update)
		})
	}
}

// fixtureSynonyms reads the synonyms line of a fixture, if any.
func fixtureSynonyms(src []byte) map[Concern][]string {
	const open = "<!-- synonyms:"
	line, _, _ := bytes.Cut(src, []byte("\n"))
	s := strings.TrimSpace(string(line))
	if !strings.HasPrefix(s, open) {
		return nil
	}
	s = strings.TrimSuffix(strings.TrimPrefix(s, open), "-->")
	out := map[Concern][]string{}
	for _, part := range strings.Split(s, ";") {
		c, words, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			continue
		}
		for _, w := range strings.Split(words, ",") {
			out[Concern(c)] = append(out[Concern(c)], strings.TrimSpace(w))
		}
	}
	return out
}

// formatCoverage prints one line per concern: state, line, the text the
// span covers, the evidence, and the pending section if any. It also
// checks the invariants every finding must keep.
func formatCoverage(d *doc.Document, cv Coverage) string {
	var b strings.Builder
	for _, c := range Concerns {
		f := cv.Get(c.ID)
		fmt.Fprintf(&b, "%-13s %-9s", c.ID, f.State)
		if f.State != Missing {
			pos := d.Lines.Position(f.Span.Start)
			text := strings.TrimRight(string(d.Text(f.Span)), "\r\n")
			fmt.Fprintf(&b, " %d:%d %q evidence=%q", pos.Line, pos.Col, text, f.Evidence)
		}
		if f.Pending != nil {
			fmt.Fprintf(&b, " pending=%q@%d", f.Pending.Title, d.Lines.Position(f.Pending.Heading.Start).Line)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestDetectInvariants checks what must hold for every fixture and every
// corpus document: spans inside the source, a section for every covered
// finding, Pending only on missing findings and only on a section whose
// heading names the concern.
func TestDetectInvariants(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(detectDir, "*.md"))
	corpus, _ := filepath.Glob(filepath.Join(corpusDir, "docs", "*.md"))
	for _, file := range append(files, corpus...) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		d := doc.Parse(file, src)
		cv := Detect(d, DefaultVocabulary())
		if len(cv) != len(Concerns) {
			t.Errorf("%s: %d findings, want %d", file, len(cv), len(Concerns))
		}
		for _, c := range Concerns {
			f := cv.Get(c.ID)
			if f.Concern != c.ID {
				t.Errorf("%s: finding for %s says %s", file, c.ID, f.Concern)
			}
			if f.Span.Start < 0 || f.Span.End > len(src) || f.Span.Start > f.Span.End {
				t.Errorf("%s %s: span %v outside the source", file, c.ID, f.Span)
			}
			switch f.State {
			case Missing:
				if !f.Span.Empty() || f.Section != nil || f.Evidence != "" {
					t.Errorf("%s %s: missing finding carries a location", file, c.ID)
				}
			case Covered:
				if f.Section == nil || f.Span != f.Section.Heading || f.Evidence != f.Section.Title {
					t.Errorf("%s %s: covered finding is not its section's heading", file, c.ID)
				}
			case Mentioned:
				if f.Section == nil || f.Evidence == "" || f.Span.Empty() {
					t.Errorf("%s %s: mention without section, span or evidence", file, c.ID)
				}
			}
			if f.Pending != nil && f.State != Missing {
				t.Errorf("%s %s: pending on a %v finding", file, c.ID, f.State)
			}
		}
	}
}

func TestDetectPendingOnlyForEmptySections(t *testing.T) {
	src := []byte("# T\n\n## SLO\n\nWe will think about it.\n\n## Rollout\n\n- TODO: stages and rollback.\n")
	d := doc.Parse("t.md", src)
	cv := Detect(d, nil)
	if f := cv.Get(SLO); f.State != Missing || f.Pending != nil {
		t.Errorf("slo with a thin sentence: %v pending=%v, want missing without pending", f.State, f.Pending != nil)
	}
	if f := cv.Get(Rollout); f.State != Missing || f.Pending == nil || f.Pending.Title != "Rollout" {
		t.Errorf("rollout with only a prompt: %v, want missing pending on its section", f.State)
	}
}

func TestDetectSynonymsAddHeadings(t *testing.T) {
	src := []byte("# T\n\n## Guardrails\n\nThe guardrails are written down in the team's wiki and reviewed every quarter by the owners.\n")
	d := doc.Parse("t.md", src)
	if f := Detect(d, DefaultVocabulary()).Get(SLO); f.State != Missing {
		t.Fatalf("without synonyms: slo %v, want missing", f.State)
	}
	v := DefaultVocabulary().WithSynonyms(map[Concern][]string{SLO: {"Guardrails"}})
	if f := Detect(d, v).Get(SLO); f.State != Covered || f.Evidence != "Guardrails" {
		t.Errorf("with synonym: slo %v %q, want section \"Guardrails\"", f.State, f.Evidence)
	}
	// The default vocabulary is unchanged by WithSynonyms.
	if f := Detect(d, DefaultVocabulary()).Get(SLO); f.State != Missing {
		t.Errorf("WithSynonyms changed the default vocabulary")
	}
	// Options reach detection through Analyze.
	res := Analyze(d, &Options{Synonyms: map[Concern][]string{SLO: {"guardrails"}}})
	if f := res.Coverage.Get(SLO); f.State != Covered {
		t.Errorf("Analyze with Options.Synonyms: slo %v, want section", f.State)
	}
}

func TestDetectEmptyAndOddDocuments(t *testing.T) {
	for _, src := range []string{
		"",
		"---\nrubric: system-design\n---\n",
		"no headings at all, just a line",
		"#\n\n##\n\n###\n",
		"# T\n\n```\n## SLO\n99.99% p99 error budget\n```\n",
		"\x00\xff\xfe## API\n",
		strings.Repeat("[", 1000) + "](" + strings.Repeat(")", 10),
		"# T\r## SLO\r99.95% of requests, p99 < 5 ms, error budget policy applies here.\r",
		// Words that start with a letter outside ASCII once looped forever.
		"# 背\xe6rs\n\ré menu über Ñandú ßtraße",
	} {
		d := doc.Parse("odd.md", []byte(src))
		cv := Detect(d, nil)
		if len(cv) != len(Concerns) {
			t.Errorf("%q: %d findings", src, len(cv))
		}
	}
	// A heading inside a code fence is not a section.
	d := doc.Parse("f.md", []byte("# T\n\n```\n## SLO\n99.99% p99 error budget\n```\n"))
	if f := Detect(d, nil).Get(SLO); f.State == Covered {
		t.Errorf("heading in a code fence covered slo")
	}
}

func TestStem(t *testing.T) {
	for in, want := range map[string]string{
		"retries": "retry", "slos": "slo", "indexes": "index", "metrics": "metric", "status": "status",
		"analysis": "analysis", "process": "process", "api": "api", "apis": "apis", "ms": "ms", "keys": "key",
	} {
		w := []byte(in)
		if got := string(w[:stem(w)]); got != want {
			t.Errorf("stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNumberClasses(t *testing.T) {
	var sc scanner
	for text, want := range map[string]uint8{
		"99.95%": classNines, "99,9%": classNines, "99%": classNines, "10%": classPct, "p99": classPctl,
		"p999": classPctl, "99th percentile": classPctl, "5 ms": classDur, "30s": classDur, "10k": classCount,
		"2 million": classCount, "40,000": classCount, "2.7 TB": classSize, "42": classNum, "pool": classNone,
	} {
		sc.reset()
		src := []byte(text)
		sc.line(src, 0, len(src), false)
		if len(sc.toks) == 0 || sc.toks[0].class != want {
			got := uint8(255)
			if len(sc.toks) > 0 {
				got = sc.toks[0].class
			}
			t.Errorf("%q: class %d, want %d", text, got, want)
		}
	}
	sc.reset()
	src := []byte("send GET /v1/flags then get /x")
	sc.line(src, 0, len(src), false)
	if sc.toks[1].class != classHTTP || sc.toks[4].class == classHTTP {
		t.Errorf("GET /path must be an HTTP call and lower-case get not")
	}
}

func TestLineKinds(t *testing.T) {
	for line, want := range map[string]int{
		"":                                    lineBlank,
		"   ":                                 lineBlank,
		"- TODO: describe the SLO":            lineFiller,
		"TBD":                                 lineFiller,
		"N/A, the cache is stateless":         lineFiller,
		"*None.*":                             lineFiller,
		"No.":                                 lineFiller,
		"**Pros:**":                           lineLabel,
		"*Trade-offs and alternatives:*":      lineLabel,
		"* **What fails?**":                   lineLabel,
		"We use the following:":               lineContent,
		"No, it does not depend on anything.": lineContent,
		"Use the *following*:":                lineContent,
	} {
		if got := classifyLine([]byte(line)); got != want {
			t.Errorf("classifyLine(%q) = %d, want %d", line, got, want)
		}
	}
}

func TestLinkOnlyLinesAreNotContent(t *testing.T) {
	src := []byte("# T\n\n## Consistency\n\n* [Consistency patterns](https://example.com/c)\n* [Availability patterns](https://example.com/a)\n")
	d := doc.Parse("t.md", src)
	if f := Detect(d, nil).Get(Consistency); f.State != Missing {
		t.Errorf("link-only consistency section: %v, want missing", f.State)
	}
}

// TestEvidenceRules checks the rules that keep words from counting as
// evidence: questions, pointers to links, paired synonyms and phrases that
// must be written in capitals.
func TestEvidenceRules(t *testing.T) {
	const slo = "99.95% of requests succeed per month, p99 latency stays under 20 ms, and the error budget policy freezes releases."
	for _, c := range []struct {
		name, body string
		concern    Concern
		want       State
	}{
		{"statement", slo, SLO, Mentioned},
		{"question", "What should the SLO be: 99.95% of requests per month, p99 latency under 20 ms, with an error budget?", SLO, Missing},
		{"pointer", "See [the reliability guide](https://example.com/slo) for the 99.95% SLO, the p99 latency target and the error budget.", SLO, Missing},
		{"pointer without link", "Refer to the linked content for the 99.95% SLO, the p99 latency target and the error budget.", SLO, Missing},
		{"paired synonyms", "Clients handle authentication/authorization on their side.", Security, Missing},
		{"spread phrases", "Every call is authenticated with mTLS between services. The gateway checks authorization against per-tenant RBAC roles before a request reaches the store.", Security, Mentioned},
		{"sql in capitals", "Each bucket update runs in a transaction:\n\n```sql\nBEGIN;\nSELECT tokens FROM buckets WHERE id = $1 FOR UPDATE;\nUPDATE buckets SET tokens = $2 WHERE id = $1;\nCOMMIT;\n```", Consistency, Mentioned},
		{"prose in lower case", "We drain the node for update and migration, then restart it in a transaction window.", Consistency, Missing},
	} {
		src := "# Service\n\n## Overview of the service\n\nThe service answers lookups for the checkout flow across all regions today.\n\n## Notes on the rollout train\n\n" + c.body + "\n"
		d := doc.Parse("t.md", []byte(src))
		f := Detect(d, nil).Get(c.concern)
		if f.State != c.want {
			t.Errorf("%s: %s is %v (evidence %q), want %v", c.name, c.concern, f.State, f.Evidence, c.want)
		}
	}
}

// FuzzDetect checks that no input makes detection panic or report a span
// outside the source.
func FuzzDetect(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(detectDir, "*.md"))
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("## SLO\r\n99.9%? [x](y) **Pros:** `FOR UPDATE` p99 < 5 ms\r"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d := doc.Parse("f.md", src)
		for _, c := range Concerns {
			fd := Detect(d, nil).Get(c.ID)
			if fd.Span.Start < 0 || fd.Span.End > len(src) || fd.Span.Start > fd.Span.End {
				t.Fatalf("%s: span %v outside %d bytes", c.ID, fd.Span, len(src))
			}
			if fd.State == Missing && fd.Evidence != "" {
				t.Fatalf("%s: missing with evidence %q", c.ID, fd.Evidence)
			}
		}
	})
}
