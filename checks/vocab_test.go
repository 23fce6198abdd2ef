package checks

import (
	"strings"
	"testing"

	"github.com/designls/designls/checks/doc"
	"github.com/designls/designls/templates"
)

// TestVocabularyTable catches mistakes in the table: phrases that compile
// to nothing, unknown number classes, duplicates, and a phrase listed as
// both About and Hint for one concern.
func TestVocabularyTable(t *testing.T) {
	var sc scanner
	classes := map[string]bool{}
	for _, k := range classKeys[1:] {
		classes[k] = true
	}
	// words returns a phrase's words as the vocabulary compiles them.
	words := func(p string) []string {
		var out []string
		sc.phraseWords(p, func(w []byte, h uint64) {
			if h != hashWord(w) {
				t.Errorf("%q: word %q carries a hash other than its own", p, w)
			}
			out = append(out, string(w))
		})
		return out
	}
	check := func(where, p string) {
		words := words(p)
		if len(words) == 0 {
			t.Errorf("%s: %q compiles to no words", where, p)
		}
		for _, w := range words {
			if strings.HasPrefix(w, "#") && !classes[w] {
				t.Errorf("%s: %q names unknown number class %s", where, p, w)
			}
		}
	}
	seen := map[Concern]bool{}
	for _, r := range defaultTable.Concerns {
		if _, ok := LookupConcern(r.Concern); !ok {
			t.Errorf("row for unknown concern %q", r.Concern)
		}
		if seen[r.Concern] {
			t.Errorf("two rows for %s", r.Concern)
		}
		seen[r.Concern] = true
		heading := map[string]string{}
		body := map[string]string{}
		for _, l := range []struct {
			name string
			list []string
		}{{"About", r.About}, {"Hints", r.Hints}, {"Strong", r.Strong}, {"Weak", r.Weak}} {
			dup := map[string]bool{}
			for _, p := range l.list {
				where := string(r.Concern) + "." + l.name
				check(where, p)
				key := strings.Join(words(p), " ")
				if dup[key] {
					t.Errorf("%s: %q listed twice", where, p)
				}
				dup[key] = true
				if l.name == "About" || l.name == "Hints" {
					if other, ok := heading[key]; ok && other != l.name {
						t.Errorf("%s: %q is also in %s", where, p, other)
					}
					heading[key] = l.name
				} else {
					if other, ok := body[key]; ok && other != l.name {
						t.Errorf("%s: %q is also in %s", where, p, other)
					}
					body[key] = l.name
				}
			}
		}
	}
	if nConcerns != len(Concerns) {
		t.Errorf("nConcerns is %d, but there are %d concerns", nConcerns, len(Concerns))
	}
	if len(seen) != len(Concerns) {
		t.Errorf("table has rows for %d concerns, want %d", len(seen), len(Concerns))
	}
	for _, l := range [][]string{defaultTable.Generic, defaultTable.Aside, defaultTable.Not, defaultTable.Pointers, defaultTable.PointersAlone} {
		for _, p := range l {
			check("lists", p)
		}
	}
}

// TestSnippetHeadingsAreAbout checks the contract with templates: the
// heading of every inserted snippet is about its concern, so that an
// inserted, still unfilled section is Pending rather than missing.
func TestSnippetHeadingsAreAbout(t *testing.T) {
	set := templates.Builtin()
	for _, c := range Concerns {
		sn, ok := set.Snippet(string(c.ID))
		if !ok {
			t.Errorf("no snippet for %s", c.ID)
			continue
		}
		src := []byte("# T\n\n" + sn.Render(2, "\n"))
		d := doc.Parse("t.md", src)
		f := Detect(d, nil).Get(c.ID)
		if f.State != Missing || f.Pending == nil {
			t.Errorf("snippet %q for %s: %v pending=%v, want missing with the snippet pending", sn.Title, c.ID, f.State, f.Pending != nil)
		}
	}
}

func TestWithSynonymsLeavesDefaultAlone(t *testing.T) {
	before := len(DefaultVocabulary().table.Concerns[0].About)
	v := DefaultVocabulary().WithSynonyms(map[Concern][]string{API: {"contract"}, "no-such-concern": {"x"}})
	if len(DefaultVocabulary().table.Concerns[0].About) != before {
		t.Fatal("WithSynonyms changed the default table")
	}
	if v == DefaultVocabulary() {
		t.Fatal("WithSynonyms returned the default vocabulary")
	}
	if DefaultVocabulary().WithSynonyms(nil) != DefaultVocabulary() {
		t.Error("WithSynonyms(nil) should return the receiver")
	}
	// The same synonyms from options reuse one compiled vocabulary.
	opts := &Options{Synonyms: map[Concern][]string{API: {"contract"}}}
	if vocabularyFor(opts) != vocabularyFor(&Options{Synonyms: map[Concern][]string{API: {"contract"}}}) {
		t.Error("equal synonyms compiled twice")
	}
}

// TestMatcherListsLongestFirst guards what longest relies on to stop early:
// each hash's phrases are listed longest first, in the built-in vocabulary,
// a freshly compiled one and one with synonyms added.
func TestMatcherListsLongestFirst(t *testing.T) {
	syn := DefaultVocabulary().WithSynonyms(map[Concern][]string{SLO: {"reliability bar", "reliability bar for the fleet", "bar"}})
	for name, v := range map[string]*Vocabulary{"builtin": DefaultVocabulary(), "compiled": NewVocabulary(defaultTable), "synonyms": syn} {
		lists := 0
		for mname, m := range map[string]*matcher{"heading": &v.heading, "body": &v.body, "pointers": &v.pointers} {
			for _, list := range m.lists {
				if len(list) > 0 {
					lists++
				}
				for k := 1; k < len(list); k++ {
					if len(list[k].rest) > len(list[k-1].rest) {
						t.Fatalf("%s %s: phrase %d of a list (first word %q) is longer than the one before it", name, mname, k, list[k].first)
					}
				}
			}
		}
		if lists < 100 {
			t.Fatalf("%s: only %d phrase lists", name, lists)
		}
	}
}
