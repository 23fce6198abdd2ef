package numbers

import (
	"math/rand/v2"
	"testing"
)

// nextCandidate reads eight bytes at a time; it must agree with a plain
// byte loop at every offset, whatever the bytes (UTF-8 lead and
// continuation bytes included) and wherever the text ends.
func TestNextCandidate(t *testing.T) {
	naive := func(b []byte, i int) int {
		for i < len(b) && !isDigit(b[i]) && b[i] != '(' {
			i++
		}
		return i
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("ab Z\t\n'()*+,-./0123456789:;@[`{\x7f\x80\xa8\xb0\xc2\xe2\xff")
	for n := 0; n < 40; n++ {
		for trial := 0; trial < 200; trial++ {
			b := make([]byte, n)
			for k := range b {
				if r.IntN(4) == 0 {
					b[k] = alphabet[r.IntN(len(alphabet))]
				} else {
					b[k] = byte(r.IntN(256))
				}
			}
			for i := 0; i <= n; i++ {
				if got, want := nextCandidate(b, i), naive(b, i); got != want {
					t.Fatalf("nextCandidate(%q, %d) = %d, want %d", b, i, got, want)
				}
			}
		}
	}
}
