package checks

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/designls/designls/templates"
)

// refClassifyLine is classifyLine as it was before it turned lines away
// from the nil answers by length and first byte: it compares every short
// line with every nil answer.
func refClassifyLine(line []byte) int {
	k := 0
	for k < len(line) && (line[k] == ' ' || line[k] == '\t') {
		k++
	}
	if k < len(line) && (line[k] == '-' || line[k] == '*' || line[k] == '+') && templates.IsPrompt(line) {
		return lineFiller
	}
	t := trimMarkers(line)
	if len(t) == 0 {
		if k == len(line) || line[k] == '\r' || line[k] == '\n' {
			return lineBlank
		}
		return lineFiller
	}
	switch t[0] {
	case 'T', 'F', 'X':
		for _, w := range placeholderWords {
			if bytes.HasPrefix(t, w) && (len(t) == len(w) || !isWordByte(t[len(w)])) {
				return lineFiller
			}
		}
	case 'n', 'N':
		if hasPrefixFold(t, "n/a") || hasPrefixFold(t, "not applicable") {
			return lineFiller
		}
	}
	if isLabel(t) {
		return lineLabel
	}
	if len(t) <= 16 {
		bare := t
		for len(bare) > 0 && bytes.IndexByte([]byte(" \t.!*_`:;"), bare[len(bare)-1]) >= 0 {
			bare = bare[:len(bare)-1]
		}
		for _, w := range nilAnswers {
			if bytes.EqualFold(bare, []byte(w)) {
				return lineFiller
			}
		}
	}
	return lineContent
}

// TestClassifyLineMatchesReference builds short lines around the nil
// answers, in any case, with list markers, emphasis, trailing
// punctuation and letters that fold to ASCII (the Kelvin sign, the long
// s), and expects the reference's kinds.
func TestClassifyLineMatchesReference(t *testing.T) {
	pieces := append(slices.Clone(nilAnswers), "NONE", "None", "N/A", "TBD", "Todo", "NOT YET", "nothing yet",
		"nonee", "n", "t", "k", "\u212a", "\u017f", "ſ", "é", "数", "🙂", "yes", "x", "tb", "…!", "—.", "TBA:",
		"Nope", "nah")
	prefixes := []string{"", "- ", "* ", "1. ", "> ", "  ", "\t", "**", "_", "- [ ] ", "[x] "}
	suffixes := []string{"", ".", "!", "*", "**", "_", "`", ":", ";", " ", "\t", "\r\n", "\n", "?", "..."}
	r := rand.New(rand.NewPCG(11, 12))
	for range 20000 {
		var b strings.Builder
		b.WriteString(prefixes[r.IntN(len(prefixes))])
		for k := range 1 + r.IntN(2) {
			if k > 0 {
				b.WriteString(" ")
			}
			w := pieces[r.IntN(len(pieces))]
			switch r.IntN(3) {
			case 0:
				w = strings.ToUpper(w)
			case 1:
				if len(w) > 0 {
					w = strings.ToUpper(w[:1]) + w[1:]
				}
			}
			b.WriteString(w)
		}
		b.WriteString(suffixes[r.IntN(len(suffixes))])
		line := []byte(b.String())
		if got, want := classifyLine(line), refClassifyLine(line); got != want {
			t.Fatalf("classifyLine(%q) = %d, reference %d", line, got, want)
		}
	}
}

// TestTrimTitleMatchesTrimRight holds trimTitle to the bytes.TrimRight
// call it replaces, over titles ending in every mix of its cutset and
// of bytes outside it, ASCII or not.
func TestTrimTitleMatchesTrimRight(t *testing.T) {
	pieces := []string{"*", "_", "`", " ", "\t", "?", "a", "**How does it fail?**", "é", "数", "🙂", "\r", "-", "~"}
	r := rand.New(rand.NewPCG(15, 16))
	for range 20000 {
		var b []byte
		for range r.IntN(8) {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		if got, want := trimTitle(b), bytes.TrimRight(b, "*_` \t"); !bytes.Equal(got, want) {
			t.Fatalf("trimTitle(%q) = %q, bytes.TrimRight gives %q", b, got, want)
		}
	}
}
