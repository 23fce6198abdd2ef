package checks

import (
	"slices"
	"strings"
	"testing"

	"github.com/designls/designls/checks/doc"
)

// TestLazySentences holds the block-at-a-time sentences to the whole
// document's: for every offset, the sentence holding it and the one after
// it, and the span they all cover.
func TestLazySentences(t *testing.T) {
	_, docs := fixtures(t)
	// Blocks of every kind side by side, with sentences that end at a
	// block's edge, in CRLF and with wide characters.
	mixed := "# Title\n\nIt is fast. Really fast!\n\n> Quoted claim; it is\n> highly available.\n\n" +
		"- item one is scalable\n- item two. Next\n\n| a | b |\n|---|---|\n| real-time | 5 ms |\n\n```\ncode. here\n```\n\n" +
		"## 日本語\n\n高可用性。速い！ Done? Yes.\n\n👩‍👩‍👧 family e\u0301tude.\tTabbed. <!-- hidden. -->\n\nLast line"
	docs["mixed"] = []byte(mixed)
	docs["mixed-crlf"] = []byte(strings.ReplaceAll(mixed, "\n", "\r\n"))
	docs["empty"] = nil
	docs["headings only"] = []byte("# A\n\n## B\n")
	for name, src := range docs {
		d := doc.Parse(name, src)
		for _, quotes := range []bool{false, true} {
			pt := newProseText(d)
			all := pt.sentences(d, Span{Start: 0, End: len(src)}, quotes)
			lazy := newProseText(d).lazySentences(d, quotes)
			lt := newProseText(d)
			ext, ok := lazy.extent(lt, d)
			if ok != (len(all) > 0) || ok && ext != (Span{Start: all[0].Start, End: all[len(all)-1].End}) {
				t.Fatalf("%s (quotes %v): extent %v %v, sentences %v", name, quotes, ext, ok, all)
			}
			for off := 0; off <= len(src); off++ {
				i := sentenceAt(all, off)
				cur, next, hasNext, ok := lazy.at(lt, d, off)
				if ok != (i >= 0) {
					t.Fatalf("%s (quotes %v) at %d: lazy found %v, whole %d", name, quotes, off, ok, i)
				}
				if !ok {
					continue
				}
				if cur != all[i] || hasNext != (i+1 < len(all)) || hasNext && next != all[i+1] {
					t.Fatalf("%s (quotes %v) at %d: lazy %v then %v (%v), whole %v", name, quotes, off, cur, next, hasNext, all[i:min(i+2, len(all))])
				}
			}
		}
	}
}

// TestSentencesHolding holds sentencesHolding to the plain filter of the
// whole document's sentences.
func TestSentencesHolding(t *testing.T) {
	src := []byte("# Plan\n\nWe roll back first. Then we wait for the root cause; rollback is fast.\n\n" +
		"> Quoted: roll back now.\n\n- wait for the cause\n- nothing here\n\n```\nrollback in code\n```\n\nRollback again.\r\nEnd.")
	d := doc.Parse("t.md", src)
	lists := [][]phrases{{{"rollback", "roll back"}}, {{"wait* for"}, {"cause"}}, {{"/v1"}}, {{"absent"}}}
	for _, ls := range lists {
		for _, quotes := range []bool{false, true} {
			pt := newProseText(d)
			want := sentencesWith(pt, pt.sentences(d, Span{Start: 0, End: len(src)}, quotes), ls...)
			got := newProseText(d).sentencesHolding(d, quotes, ls...)
			if !slices.Equal(got, want) {
				t.Errorf("%v (quotes %v): got %v, want %v", ls, quotes, got, want)
			}
		}
	}
	if got := newProseText(d).sentencesHolding(d, true, phrases{"rollback", "roll back"}); len(got) < 3 {
		t.Errorf("want the sentences with rollback, got %v", got)
	}
}

// sentencesWith is what sentencesHolding must return, from the whole
// document's sentences.
func sentencesWith(t *proseText, sents []Span, lists ...phrases) []Span {
	at, ok := t.headStarts(lists)
	if !ok {
		return sents
	}
	var out []Span
	k := 0
	for _, s := range sents {
		for k < len(at) && int(at[k]) < s.Start {
			k++
		}
		if k < len(at) && int(at[k]) < s.End {
			out = append(out, s)
		}
	}
	return out
}
