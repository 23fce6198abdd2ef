package checks

import "strings"

// Suggest returns the option closest to s when one is close enough to be a
// likely typo of it: at most two edits away, and nearer than any other
// option. Case is ignored. It is the "did you mean" of front matter and
// configuration errors.
func Suggest(s string, options []string) (string, bool) {
	best, bestDist, tie := "", 3, false
	s = strings.ToLower(s)
	for _, o := range options {
		switch d := distance(s, strings.ToLower(o)); {
		case d < bestDist:
			best, bestDist, tie = o, d, false
		case d == bestDist && best != "":
			tie = true
		}
	}
	if best == "" || tie {
		return "", false
	}
	return best, true
}

// distance is the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
