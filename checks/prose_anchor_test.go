package checks

import (
	"strings"
	"testing"
)

// TestAnchoredPhrasesAgreeWithScan holds findIn, for phrases whose first
// word holds other bytes than letters and digits ("/api/", "request_id"),
// to the plain scan, with the index filtered (anchor words covered and
// not) and whole, over text with CRLF, tabs, CJK, emoji and combining
// marks around the phrases and near misses of them.
func TestAnchoredPhrasesAgreeWithScan(t *testing.T) {
	text := strings.ToLower("GET /api/v1/list?x=1\r\nPOST /API/ and /apis/ and x/api/ and //api/ and /api\r\n" +
		"\tthe request_id and request_ids, a request-id, the client_token; re\u0301quest_id, 使用request_id 🚀/search\r\n" +
		"isn't it? isn t, isnt. 'sup 's 's' #tag #tags ##tag .net 1.net a/b test a/b-test a / b test\n" +
		"/list /lists /list/ e.g. e.g foo e.g.bar /v1/ /v1beta /v2 /search/ /search-results\r\n" +
		"client_token_id request_ client_ /api/ ")
	pt := func(heads *headFilter) *proseText { return &proseText{b: []byte(text), heads: heads} }
	filters := map[string]*headFilter{
		"whole":   nil,
		"covered": newHeadFilter([]string{"api", "request", "client", "isn", "s", "tag", "net", "a", "list", "e", "v1*", "search*"}),
		"checks":  checkFilter(),
		"none":    newHeadFilter([]string{"the"}),
	}
	ps := []string{"/api/", "/list", "/search", "request_id", "client_token", "isn't", "'s", "#tag", ".net",
		"a/b test", "e.g.", "/v1*", "/search*", "request_", "client_token*", "/api/v1/list", "'sup", "##tag"}
	n := len(text)
	spans := []Span{{Start: 0, End: n}, {Start: 1, End: n}, {Start: 5, End: n}, {Start: n / 3, End: n / 2}, {Start: n - 7, End: n}, {Start: 0, End: 4}, {Start: n / 2, End: n / 2}}
	found := 0
	for name, f := range filters {
		for _, p := range ps {
			for _, sp := range spans {
				want, wantOK := findPhrase([]byte(text), sp, p)
				got, gotOK := pt(f).findIn(sp, p)
				if want != got || wantOK != gotOK {
					t.Errorf("%s: findIn(%v, %q) = %v %v, scan says %v %v", name, sp, p, got, gotOK, want, wantOK)
				}
				if wantOK {
					found++
				}
				wantAll, gotAll := findAll([]byte(text), sp, p), pt(f).findAllIn(sp, p)
				if len(wantAll) != len(gotAll) || (len(wantAll) > 0 && !spansEqual(wantAll, gotAll)) {
					t.Errorf("%s: findAllIn(%v, %q) = %v, scan says %v", name, sp, p, gotAll, wantAll)
				}
			}
		}
	}
	if found < 50 {
		t.Errorf("only %d matches: the text no longer holds the phrases", found)
	}
	// The anchored path is taken where the filter covers the anchor word,
	// and never builds the full index.
	x := pt(filters["covered"])
	x.findIn(Span{Start: 0, End: n}, "/api/")
	if x.words == nil || x.words.full != nil {
		t.Errorf("an anchored phrase whose word the filter covers was not looked up in the filtered index")
	}
	y := pt(filters["none"])
	y.findIn(Span{Start: 0, End: n}, "/api/")
	if y.words != nil && y.words.full != nil {
		t.Errorf("an anchored phrase whose word the filter leaves out built the full index")
	}
}

func spansEqual(a, b []Span) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestPhraseAnchor(t *testing.T) {
	for _, c := range []struct {
		p      string
		lead   int
		head   string
		prefix bool
		ok     bool
	}{
		{"/api/", 1, "api", false, true},
		{"request_id", 0, "request", false, true},
		{"/v1*", 1, "v1", true, true},
		{"isn't", 0, "isn", false, true},
		{"##tag", 2, "tag", false, true},
		{"- item", 0, "", false, false},
		{" api", 0, "", false, false},
		{"*api", 0, "", false, false},
		{"//", 0, "", false, false},
		{"", 0, "", false, false},
	} {
		lead, head, prefix, ok := phraseAnchor(c.p)
		if lead != c.lead || head != c.head || prefix != c.prefix || ok != c.ok {
			t.Errorf("phraseAnchor(%q) = %d %q %v %v, want %d %q %v %v", c.p, lead, head, prefix, ok, c.lead, c.head, c.prefix, c.ok)
		}
	}
}
