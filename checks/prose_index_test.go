package checks

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/designls/designls/checks/doc"
)

// TestWordIndexAgreesWithScan checks the index against the plain scan it
// stands in for: the same first match for every phrase and span, over a
// text with enough distinct words to make the table grow several times.
func TestWordIndexAgreesWithScan(t *testing.T) {
	var sb strings.Builder
	words := []string{"rollback", "roll", "idempotent", "idempotency", "a", "an", "p99", "fail", "open", "fail-open",
		"read", "reads", "your", "writes", "cache", "cached", "café", "使用", "x", "z9", "429", "1429", "exactlyoncedelivery", "linearizable"}
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&sb, "%s w%d ", words[i*7%len(words)], i%900)
		if i%13 == 0 {
			sb.WriteString(".\n")
		}
	}
	text := strings.ToLower(sb.String())
	pt := &proseText{b: []byte(text)}
	phrasesToTry := []string{"rollback", "roll*", "idempoten*", "a", "a*", "an", "p99", "p*", "fail open", "read your writes",
		"read*", "cache*", "caf*", "exactly*", "linearizable", "w12", "w1*", "w899", "w900", "z9", "z*", "429", "nothing", "x", "/v1*", "isn't"}
	n := len(pt.b)
	spans := []Span{{Start: 0, End: n}, {Start: 1, End: n}, {Start: n / 3, End: n / 2}, {Start: n - 40, End: n}, {Start: 5, End: 6}, {Start: n / 2, End: n / 2}}
	for _, p := range phrasesToTry {
		for _, sp := range spans {
			want, wantOK := findPhrase(pt.b, sp, p)
			got, gotOK := pt.findIn(sp, p)
			if want != got || wantOK != gotOK {
				t.Errorf("findIn(%v, %q) = %v %v, scan says %v %v", sp, p, got, gotOK, want, wantOK)
			}
		}
	}
	if got := len(pt.index().table); got < 1024 {
		t.Errorf("table has %d slots for over 900 distinct words; it never grew", got)
	}
}

// TestSentencesHoldingKeeps checks that it keeps every sentence in which a
// phrase of the lists matches, over every fixture, and that it does drop
// sentences.
func TestSentencesHoldingKeeps(t *testing.T) {
	files, docs := fixtures(t)
	lists := []phrases{strongClaims, staleReplicaReads, cacheWords, {"idempoten*", "retry budget"}, {"p99", "error budget"}}
	dropped := 0
	for _, f := range files {
		src := docs[f]
		d := doc.Parse(f, src)
		pt := newProseText(d)
		all := pt.sentences(d, Span{Start: 0, End: len(src)}, true)
		for _, ps := range lists {
			kept := pt.sentencesHolding(d, true, ps)
			dropped += len(all) - len(kept)
			for _, s := range all {
				if _, _, ok := pt.find(ps, s); ok && !slices.Contains(kept, s) {
					t.Errorf("%s: %q matches %v but was dropped", f, src[s.Start:s.End], ps)
				}
			}
		}
		// A phrase that cannot be indexed keeps everything.
		if got := pt.sentencesHolding(d, true, phrases{"/v1*"}); len(got) != len(all) {
			t.Errorf("%s: an unindexed phrase dropped sentences", f)
		}
	}
	if dropped == 0 {
		t.Error("the filter never dropped a sentence")
	}
}

// TestFilteredWordIndex holds an index built with a head filter to one of
// every word: whatever it is asked, covered by the filter or not, it
// answers the same. The filter here passes a few exact heads and
// prefixes, so most questions take the fallback and some share bits.
func TestFilteredWordIndex(t *testing.T) {
	files, docs := fixtures(t)
	for _, heads := range [][]string{checkHeads[:], {"the", "a", "rollback", "idempoten*", "sla*", "p*", "re*", "fail*", "使用"}, nil} {
		f := newHeadFilter(heads)
		for _, name := range files {
			b := newProseText(doc.Parse(name, docs[name])).b
			full, filtered := newWordIndex(b), buildWordIndex(b, f)
			asked := map[string]bool{}
			for i := 0; i < len(b); {
				j := i
				for j < len(b) && phraseWordByte[b[j]] {
					j++
				}
				if j == i {
					i++
					continue
				}
				w := string(b[i:j])
				for k := 1; k <= len(w); k++ {
					asked[w[:k]+"*"] = true
				}
				asked[w] = true
				i = j
			}
			for _, h := range heads {
				asked[h] = true
			}
			covered := 0
			for q := range asked {
				head, prefix := strings.CutSuffix(q, "*")
				if f.covers(head, prefix) {
					covered++
				}
				if got, want := filtered.starts(head, prefix), full.starts(head, prefix); !slices.Equal(got, want) {
					t.Fatalf("%s: starts(%q, %v) = %v with the filter, %v without", name, head, prefix, got, want)
				}
			}
			if len(heads) > 0 && covered == 0 {
				t.Fatalf("%s: the filter covers none of %d questions", name, len(asked))
			}
		}
	}
}
