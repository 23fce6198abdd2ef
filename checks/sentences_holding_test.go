package checks

import (
	"slices"
	"testing"

	"github.com/designls/designls/checks/doc"
)

// TestEachSentenceHolding holds the cursor to sentencesHolding over
// every fixture and a text with CRLF, tabs, CJK, emoji and combining
// marks, and checks that a caller stopping at the first sentence leaves
// the blocks after it unsplit.
func TestEachSentenceHolding(t *testing.T) {
	files, docs := fixtures(t)
	docs["mixed.md"] = []byte("# Consistency\r\n\r\nReads are strongly consistent.\tThe café cache serves reads; 使用 cache 🚀.\r\n\r\n" +
		"- Re\u0301plica reads may be stale.\r\n- Follower reads lag.\r\n\r\n> Cache reads are linearizable.\r\n\r\nThe cache is never invalidated.\r\n")
	files = append(files, "mixed.md")
	lists := [][]phrases{{strongClaims}, {staleReplicaReads, cacheWords}, {{"idempoten*", "retry budget"}}, {{"/v1*"}}}
	stopped := 0
	for _, f := range files {
		d := doc.Parse(f, docs[f])
		for _, ls := range lists {
			for _, quotes := range []bool{true, false} {
				want := newProseText(d).sentencesHolding(d, quotes, ls...)
				var got []Span
				for c := newProseText(d).eachSentenceHolding(d, quotes, ls...); ; {
					s, ok := c.next()
					if !ok {
						break
					}
					got = append(got, s)
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s %v quotes=%v: each yields %v, sentencesHolding gives %v", f, ls, quotes, got, want)
				}
				if len(want) < 2 || ls[0][0] == "/v1*" {
					continue
				}
				pt := newProseText(d)
				c := pt.eachSentenceHolding(d, quotes, ls...)
				c.next()
				// Placing the first sentence may split the blocks up to
				// the next one with a sentence, never further.
				bs := pt.lazySentences(d, quotes)
				blockOf := func(off int) int {
					return slices.IndexFunc(bs.blocks, func(b Span) bool { return b.Contains(off) })
				}
				first, last := blockOf(want[0].Start), blockOf(want[len(want)-1].Start)
				if first < 0 || last-first < 2 {
					continue
				}
				next := first + 1
				for next < len(bs.blocks) && len(bs.of(newProseText(d), d, next)) == 0 {
					next++
				}
				for k := next + 1; k < len(bs.blocks); k++ {
					if bs.split[k].done {
						t.Errorf("%s %v: stopping at the first sentence still split block %d of %d", f, ls, k, len(bs.blocks))
						break
					}
				}
				stopped++
			}
		}
	}
	if stopped == 0 {
		t.Error("no case had two sentences to stop between")
	}
}
