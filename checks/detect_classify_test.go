package checks

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// refClassify is classify as it was before it kept a list of candidates:
// it looks at every token of the line.
func (sc *scanner) refClassify(first int) {
	for i := first; i < len(sc.toks); i++ {
		t := &sc.toks[i]
		if t.class != classNone || t.h == 0 {
			continue
		}
		w := sc.buf[t.b:t.e]
		if len(w) == 0 || w[0] > '9' && w[0] != 'p' {
			continue
		}
		var next uint64
		if i+1 < len(sc.toks) {
			next = sc.toks[i+1].h
		}
		t.class = numberClass(w, next)
	}
}

// numberPieces mix numbers and their units with words, long words, text
// outside ASCII and sentence ends, which drop a question's tokens.
var numberPieces = []string{
	"99.95%", "99.9%", "10%", "99%", "5ms", "5", "ms", "30s", "10k", "2", "million", "40,000", "2.7", "TB",
	"1,000", "99th", "percentile", "p99", "P999", "p50", "p75", "p5", "pa", "GET /v1/x", "POST /y", "3rd",
	"12345", "x86", "p" + strings.Repeat("9", 35), "12345678901234567890",
	"café", "5µs", "9é", "数据", "🙂", "rate", "latency", "requests", "availability", "?", ".", "!", ";", "-",
	"\t", "[link](x)", "<b>", "SLOs", "retries", "p99é",
}

func TestClassifyMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	v := DefaultVocabulary()
	for range 5000 {
		var src []byte
		for range 1 + r.IntN(14) {
			src = append(src, numberPieces[r.IntN(len(numberPieces))]...)
			src = append(src, " \t.,/"[r.IntN(5)])
		}
		for _, keep := range []bool{false, true} {
			var sc scanner
			sc.pointers = &v.pointers
			sc.prose = true
			if keep {
				sc.keep = &v.keep
			}
			sc.line(src, 0, len(src), false)
			want := slices.Clone(sc.toks)
			for i := range want {
				if want[i].class != classHTTP {
					want[i].class = classNone
				}
			}
			ref := scanner{buf: sc.buf, toks: want}
			if sc.numbers > 0 {
				ref.refClassify(0)
			}
			if !slices.Equal(sc.toks, want) {
				t.Fatalf("classes of %q (keep %v):\n got %+v\nwant %+v", src, keep, sc.toks, want)
			}
		}
	}
}

// TestAtLeast10000MatchesParse holds atLeast10000 to parseNumber over
// numbers of digits, points and commas in every arrangement the scanner
// can make and some it cannot: thousands groups, decimal commas, leading
// zeros, second points, and long runs.
func TestAtLeast10000MatchesParse(t *testing.T) {
	pieces := []string{"0", "1", "9", "00", "10", "99", "999", "1000", "9999", "10000", "12345", ".", ",", ",000",
		",00", ",0000", ".5", "0000", strings.Repeat("9", 20), strings.Repeat("0", 30)}
	r := rand.New(rand.NewPCG(17, 18))
	for range 50000 {
		b := []byte{byte('0' + r.IntN(10))}
		for range r.IntN(6) {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		if got, want := atLeast10000(b), parseNumber(b) >= 10000; got != want {
			t.Fatalf("atLeast10000(%q) = %v, parseNumber gives %v", b, got, parseNumber(b))
		}
	}
}
