package checks

import (
	"math/rand/v2"
	"testing"
)

// TestParseNumberWholeFastPath holds the whole-number path of parseNumber
// to the general one, which parses through strconv.
func TestParseNumberWholeFastPath(t *testing.T) {
	cases := []string{"", "0", "007", "99", "100", "9999", "10000", "99999", "123456789012345",
		"1234567890123456", "99999999999999999999", "99.95", "1,000", "99,9", "1.2.3", "5ms", "99%", "١٢"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		b := make([]byte, r.IntN(22))
		for i := range b {
			b[i] = "0123456789"[r.IntN(10)]
			if r.IntN(30) == 0 {
				b[i] = ".,x%"[r.IntN(4)]
			}
		}
		cases = append(cases, string(b))
	}
	for _, c := range cases {
		if got, want := parseNumber([]byte(c)), parseDecimal([]byte(c)); got != want {
			t.Fatalf("parseNumber(%q) = %v, want %v as parsed in full", c, got, want)
		}
	}
}
