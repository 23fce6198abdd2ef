package checks

import (
	"bytes"
	"strings"
	"testing"

	"github.com/designls/designls/checks/doc"
)

func TestFindPhrase(t *testing.T) {
	cases := []struct {
		text, phrase string
		want         string // the match, "" for none
	}{
		{"writes are idempotent.", "idempoten*", "idempotent"},
		{"an idempotency-key header", "idempoten*", "idempotency"},
		{"it will fail-open when down", "fail open", "fail-open"},
		{"it will fail_open when down", "fail open", "fail_open"},
		{"it will fail\r\nopen when down", "fail open", "fail\r\nopen"},
		{"it will failopen", "fail open", ""},
		{"unidempotent", "idempoten*", ""},
		{"the cell boundary", "cell*", "cell"},
		{"cancellation", "cell*", ""},
		{"single points of failure", "single point* of failure", "single points of failure"},
		{"GET /v1/flags", "/v1*", "/v1"},
		{"429 too many", "429", "429"},
		{"1429 items", "429", ""},
		{"使用idempotency键", "idempoten*", "idempotency"},
		{"p99 under 5 ms", "p99*", "p99"},
		{"read-your-writes reads", "read your writes", "read-your-writes"},
	}
	for _, c := range cases {
		b := []byte(strings.ToLower(c.text))
		s, ok := findPhrase(b, Span{Start: 0, End: len(b)}, c.phrase)
		got := ""
		if ok {
			got = c.text[s.Start:s.End]
		}
		if got != c.want {
			t.Errorf("findPhrase(%q, %q) = %q, want %q", c.text, c.phrase, got, c.want)
		}
	}
	// A span limits the search on both sides.
	b := []byte("rollback here; rollback there")
	if _, ok := findPhrase(b, Span{Start: 2, End: 12}, "rollback"); ok {
		t.Error("found a phrase that starts before the span")
	}
	if s, ok := findPhrase(b, Span{Start: 1, End: len(b)}, "rollback"); !ok || s.Start != 15 {
		t.Errorf("second occurrence at %v", s)
	}
}

func TestSentences(t *testing.T) {
	src := "# T\r\n\r\nFirst sentence, e.g. with 99.9% in it. Second one!\r\nStill the second? Third.\r\n\r\n" +
		"- item one\r\n- item two 容量。第二句\r\n\r\n| a | b |\r\n| --- | --- |\r\n| c | d |\r\n\r\n```\r\ncode. not a sentence.\r\n```\r\n\r\n" +
		"> quoted prompt.\r\n\r\n<!-- a comment. -->\r\n"
	d := doc.Parse("s.md", []byte(src))
	tx := newProseText(d)
	var got []string
	for _, s := range tx.sentences(d, Span{Start: 0, End: len(src)}, false) {
		got = append(got, strings.ReplaceAll(string(d.Text(s)), "\r\n", " "))
	}
	want := []string{
		"First sentence, e.g. with 99.9% in it.", "Second one!", "Still the second?", "Third.",
		"item one", "item two 容量。", "第二句", "a | b", "c | d",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sentences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	withQuotes := tx.sentences(d, Span{Start: 0, End: len(src)}, true)
	if last := string(d.Text(withQuotes[len(withQuotes)-1])); last != "quoted prompt." {
		t.Errorf("with quotes, last sentence %q", last)
	}
}

func TestProseTextBlanks(t *testing.T) {
	src := "---\nrubric: api-design\n---\n# T\n\n## Rollout and rollback\n\n- TODO: stages and rollback.\n\n" +
		"## API\n\nSee [the guide](https://example.com/api/v1/rollback) <!-- rollback --> and RETRIES.\n\n```\nhttps://example.com/api/v1\n```\n"
	d := doc.Parse("p.md", []byte(src))
	tx := newProseText(d)
	if len(tx.b) != len(src) {
		t.Fatalf("prose text changed length: %d, want %d", len(tx.b), len(src))
	}
	text := string(tx.b)
	for _, gone := range []string{"rubric", "rollout and rollback", "todo", "example.com/api", "<!--"} {
		if strings.Contains(text[:strings.Index(text, "```")], gone) {
			t.Errorf("%q not blanked:\n%s", gone, text)
		}
	}
	for _, kept := range []string{"## api", "the guide", "retries", "```\nhttps://example.com/api/v1"} {
		if !strings.Contains(text, kept) {
			t.Errorf("%q lost:\n%s", kept, text)
		}
	}
	if strings.Count(text, "\n") != strings.Count(src, "\n") {
		t.Error("line breaks not kept")
	}
}

func TestArithmetic(t *testing.T) {
	src := "# Capacity\n\n1,000 apps × 10K QPS = 100M QPS\n\n50K streams × 2 KB =\n\n```\n2 × 2 = 5\n```\n\n<!-- 2 × 2 = 5 -->\n"
	evs := Arithmetic(doc.Parse("a.md", []byte(src)))
	if len(evs) != 2 {
		t.Fatalf("%d evaluations, want 2 (code and comments skipped): %+v", len(evs), evs)
	}
	if e := evs[0]; e.Verdict != "wrong" || e.Value != "10M QPS" || e.Written != "100M QPS" || e.Expression != "1,000 apps × 10K QPS" || !e.Hint.Empty() {
		t.Errorf("wrong equation: %+v", e)
	}
	e := evs[1]
	if e.Verdict != "unfinished" || e.Value != "100 MB" || e.Written != "" || e.Hint.Start != strings.Index(src, "=\n\n```")+1 {
		t.Errorf("unfinished equation: %+v (hint at %d)", e, strings.Index(src, "=\n\n```")+1)
	}
}

// TestProseTextIgnored checks isIgnored against the spans it stands for,
// including a prompt inside a comment (overlapping spans) and CRLF text.
func TestProseTextIgnored(t *testing.T) {
	src := "---\r\nrubric: x\r\n---\r\n# T\r\n\r\n## SLO\r\n\r\n<!--\r\n- TODO: a prompt in a comment\r\n-->\r\n" +
		"- TODO: Availability target over a window.\r\n\r\n## API 設計\r\n\r\nReal text. <!-- aside --> More 🚀 text.\r\n"
	d := doc.Parse("i.md", []byte(src))
	tx := newProseText(d)
	for i, s := range tx.ignored {
		if i > 0 && s.Start < tx.ignored[i-1].End {
			t.Fatalf("ignored spans %v and %v overlap", tx.ignored[i-1], s)
		}
	}
	for off := 0; off < len(src); off++ {
		blanked := tx.b[off] == ' ' && src[off] != ' '
		if blanked && !tx.isIgnored(off) {
			t.Errorf("offset %d (%q) is blanked but not ignored", off, src[off])
		}
	}
	for _, want := range []string{"rubric", "a prompt in a comment", "Availability target", "aside"} {
		if off := strings.Index(src, want); !tx.isIgnored(off) {
			t.Errorf("%q at %d is not ignored", want, off)
		}
	}
	for _, want := range []string{"Real text", "More 🚀 text", "API 設計"} {
		if off := strings.Index(src, want); tx.isIgnored(off) {
			t.Errorf("%q at %d is ignored", want, off)
		}
	}
}

// TestArithmeticSuppressed: an equation under a comment that disables
// capacity-math shows no value; one disabling another check still does.
func TestArithmeticSuppressed(t *testing.T) {
	src := "# Capacity\r\n\r\n<!-- designls-disable-next-line capacity-math -->\r\n東京: 1,000 apps × 10K QPS = 100M QPS\r\n\r\n" +
		"<!-- designls-disable-next-line vague-claim -->\r\n50K streams × 2 KB =\r\n"
	evs := Arithmetic(doc.Parse("a.md", []byte(src)))
	if len(evs) != 1 || evs[0].Value != "100 MB" {
		t.Fatalf("evaluations %+v, want only the unsuppressed 50K × 2 KB", evs)
	}
}

// TestLowerASCII holds the eight-bytes-at-a-time lower-casing to the byte
// loop it replaces: every byte value at every offset of a word, and text
// with UTF-8 around capitals.
func TestLowerASCII(t *testing.T) {
	want := func(src []byte) []byte {
		out := make([]byte, len(src))
		for i, c := range src {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			out[i] = c
		}
		return out
	}
	var inputs [][]byte
	for c := range 256 {
		for at := range 11 {
			b := []byte("xYz@[`{AZaz0")
			b[at] = byte(c)
			inputs = append(inputs, b)
		}
	}
	inputs = append(inputs, []byte("Ünïcode ÀBC 使用 API 🚀 Ωmega É\u0301TAT\r\nEND"), nil, []byte("Q"))
	for _, in := range inputs {
		got := make([]byte, len(in))
		lowerASCII(got, in)
		if w := want(in); !bytes.Equal(got, w) {
			t.Errorf("lowerASCII(%q) = %q, want %q", in, got, w)
		}
	}
}
