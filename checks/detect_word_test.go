package checks

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// refWord is the byte-at-a-time form of scanner.word's fast path, kept
// as the reference that the eight-bytes-at-a-time form must equal.
func (sc *scanner) refWord(src []byte, i, end int) int {
	sc.words++
	start := i
	var tmp [32]byte
	n := 0
	var letters, lower byte
	for i < end && asciiWord[src[i]] {
		c := src[i]
		if n < len(tmp) {
			tmp[n] = c | 0x20
		}
		letters |= c & 0x40
		lower |= c & (c >> 1) & 0x20
		n++
		i++
	}
	if n > len(tmp) || letters == 0 || tmp[0] <= '9' || i < end && src[i] >= utf8.RuneSelf {
		return sc.slowWord(src, start, end)
	}
	m := stem(tmp[:n])
	w := tmp[:m]
	h := hashWord(w)
	class := uint8(classNone)
	if i+1 < end && src[i] == ' ' && src[i+1] == '/' && isHTTPMethod(src[start:i]) {
		class = classHTTP
	}
	numeric := w[0] == 'p' && len(w) >= 3 && w[1] >= '0' && w[1] <= '9'
	if sc.keep != nil && class == classNone && !numeric && !sc.keep.has(h) {
		sc.gap()
		return i
	}
	if numeric {
		sc.numbers++
	}
	if sc.pointers != nil && sc.pointers.filter.has(h) {
		sc.sentPointer = true
	}
	bs := len(sc.buf)
	if m >= 8 || numeric || class != classNone || sc.keep == nil {
		sc.buf = append(sc.buf, w...)
	}
	sc.toks = append(sc.toks, token{h: h, b: int32(bs), e: int32(len(sc.buf)), s: int32(start), se: int32(i), class: class,
		caps: lower == 0 && n >= 2, blk: sc.blk})
	return i
}

// wordPieces are what the generated texts are made of: words of every
// length around the eight-byte steps and the 32-byte limit, capitals,
// plurals, numbers, and text outside ASCII next to words.
var wordPieces = []string{
	"a", "an", "the", "SLOs", "retries", "indexes", "Buses", "p99", "P999", "GET /v1/x", "POST", "FOR UPDATE",
	"idempotency", "IDEMPOTENCY", "linearizable", "abcdefg", "abcdefgh", "abcdefghi", "Abcdefghijklmno",
	"abcdefghijklmnop", "abcdefghijklmnopq", strings.Repeat("x", 31), strings.Repeat("Y", 32),
	strings.Repeat("z", 33), strings.Repeat("ab", 20), "99.95%", "5ms", "10k", "1,000", "3rd", "x86",
	"café", "naïve", "e\u0301t\u0301e", "データ", "数据库", "🙂", "a🙂b", "Zürich", "ß", "@", "#", "_", "-",
	" ", "  ", "\t", "\r\n", "\n", ".", "?", "[", "](x)", "<b>", "~", "`", "é", "\xff", "\xc3",
}

func wordText(r *rand.Rand) []byte {
	var b []byte
	for range 1 + r.IntN(12) {
		b = append(b, wordPieces[r.IntN(len(wordPieces))]...)
		if r.IntN(3) > 0 {
			b = append(b, " \t.-/"[r.IntN(5)])
		}
	}
	return b
}

// sameWords runs word and refWord at every word start of src[:end] and
// reports the first difference in what they return or leave behind.
func sameWords(t *testing.T, src []byte, end int, keep bool) {
	t.Helper()
	v := DefaultVocabulary()
	var a, b scanner
	for _, sc := range []*scanner{&a, &b} {
		sc.pointers = &v.pointers
		if keep {
			sc.keep = &v.keep
		}
	}
	for i := 0; i < end; i++ {
		if !asciiWord[src[i]] {
			continue
		}
		a.reset()
		b.reset()
		ja, jb := a.word(src, i, end), b.refWord(src, i, end)
		if ja != jb || !slices.Equal(a.toks, b.toks) || string(a.buf) != string(b.buf) ||
			a.words != b.words || a.numbers != b.numbers || a.sentPointer != b.sentPointer {
			t.Fatalf("word at %d of %q (end %d, keep %v):\n got %d %+v %q\nwant %d %+v %q",
				i, src, end, keep, ja, a.toks, a.buf, jb, b.toks, b.buf)
		}
	}
}

func TestWordMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		src := wordText(r)
		ends := []int{len(src), r.IntN(len(src) + 1)}
		for _, end := range ends {
			sameWords(t, src, end, false)
			sameWords(t, src, end, true)
		}
	}
}

func TestWordRun(t *testing.T) {
	check := func(x uint64) {
		t.Helper()
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], x)
		n := 0
		for n < 8 && asciiWord[b[n]] {
			n++
		}
		mask := ^uint64(0)
		if n < 8 {
			mask = 1<<(8*n) - 1
		}
		if gotN, gotMask := wordRun(x); gotN != n || gotMask != mask {
			t.Fatalf("wordRun(%q) = %d, %#x; want %d, %#x", b[:], gotN, gotMask, n, mask)
		}
	}
	// Every byte value at every position, behind a run of letters.
	for pos := range 8 {
		for c := range 256 {
			b := []byte("abcdefgh")
			b[pos] = byte(c)
			check(binary.LittleEndian.Uint64(b))
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		check(r.Uint64())
	}
}

func FuzzWord(f *testing.F) {
	for _, p := range wordPieces {
		f.Add([]byte(p+" "+p), uint8(255))
	}
	f.Fuzz(func(t *testing.T, src []byte, cut uint8) {
		end := min(int(cut), len(src))
		sameWords(t, src, end, false)
		sameWords(t, src, end, true)
	})
}

// refURLAt is urlAt as it was written before its four-byte test.
func refURLAt(src []byte, i, end int) bool {
	if i > 0 && isASCIIWord(src[i-1]) {
		return false
	}
	rest := src[i:end]
	return bytes.HasPrefix(rest, []byte("http://")) || bytes.HasPrefix(rest, []byte("https://")) || bytes.HasPrefix(rest, []byte("www."))
}

func TestURLAtMatchesReference(t *testing.T) {
	pieces := append([]string{"http://", "https://", "www.", "http:/", "https:", "http", "www", "ww.", "HTTP://",
		"Www.", "xhttp://", "9www.", "ahttps://x", "(http://a)", "<https://b>", "http://数据", "wwww."}, wordPieces...)
	r := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		var src []byte
		for range 1 + r.IntN(6) {
			src = append(src, pieces[r.IntN(len(pieces))]...)
		}
		for _, end := range []int{len(src), r.IntN(len(src) + 1)} {
			for i := 0; i < end; i++ {
				if got, want := urlAt(src, i, end), refURLAt(src, i, end); got != want {
					t.Fatalf("urlAt(%q, %d, %d) = %v, want %v", src, i, end, got, want)
				}
			}
		}
	}
}
