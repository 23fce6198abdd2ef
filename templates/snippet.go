package templates

import (
	"bytes"
	"strings"
)

// order is the template order of the concerns: the order of sections in the
// system-design skeleton and the order insertion follows. It is an array so
// that per-concern tables can be sized by it.
var order = [...]string{
	"problem", "goals", "capacity", "architecture", "api", "data-model",
	"state-machine", "consistency", "isolation", "degradation", "slo",
	"observability", "security", "compat", "rollout", "alternatives",
}

// rank maps a concern ID to its position in order.
var rank = func() map[string]int {
	m := make(map[string]int, len(order))
	for i, c := range order {
		m[c] = i
	}
	return m
}()

// Snippet is the insertable section for one concern.
type Snippet struct {
	Concern string // concern ID, e.g. "slo"
	Title   string // heading text without the '#' marks, e.g. "SLO"
	// Body is the text under the heading, lines separated by "\n", with no
	// leading or trailing blank lines and no final line ending.
	Body string
}

// Render returns the snippet as a heading of the given level followed by a
// blank line and the body, every line (the last included) ended by eol.
// Levels outside 1-6 are clamped; any eol other than "\r\n" means "\n", so a
// caller can pass the ending it detected in the target document directly.
func (s Snippet) Render(level int, eol string) string {
	level = min(max(level, 1), 6)
	if eol != "\r\n" {
		eol = "\n"
	}
	body := strings.ReplaceAll(s.Body, "\r\n", "\n")
	var b strings.Builder
	b.Grow(level + len(s.Title) + len(body) + 8 + strings.Count(body, "\n")*len(eol))
	b.WriteString(strings.Repeat("#", level))
	b.WriteByte(' ')
	b.WriteString(s.Title)
	b.WriteString(eol)
	if body != "" {
		b.WriteString(eol)
		b.WriteString(strings.ReplaceAll(body, "\n", eol))
		b.WriteString(eol)
	}
	return b.String()
}

// renderVariants is the number of ways insertion renders one snippet: six
// heading levels times two line endings.
const renderVariants = 6 * 2

// padding is how many line endings insertText keeps on either side of a
// cached rendering: up to two blank-line separators before it, plus one
// more when the spot follows a lone CR, and one after it.
const padBefore, padAfter = 3, 1

// insertText returns the snippet for concern rendered at level with eol,
// surrounded by padBefore line endings and followed by padAfter, so that
// every single-snippet insertion is a substring of it. concern must have a
// snippet in s and r must be its rank.
func (s *Set) insertText(concern string, r, level int, eol string) string {
	level = min(max(level, 1), 6)
	i := r*renderVariants + (level-1)*2
	if eol == "\r\n" {
		i++
	} else {
		eol = "\n"
	}
	if i < len(s.rendered) {
		if p := s.rendered[i].Load(); p != nil {
			return *p
		}
	}
	text := strings.Repeat(eol, padBefore) + s.snippets[r]().Render(level, eol) + strings.Repeat(eol, padAfter)
	if i < len(s.rendered) {
		s.rendered[i].Store(&text)
	}
	return text
}

// promptMarker is what follows a list marker on every prompt line.
const promptMarker = "TODO:"

// IsPrompt reports whether line is one of the guidance prompts that
// templates and snippets carry: a bullet list item ("-", "*" or "+", after
// any indentation) whose text starts with "TODO:". A trailing "\n" or "\r\n"
// is ignored.
func IsPrompt(line []byte) bool {
	line = bytes.TrimRight(line, "\r\n")
	line = bytes.TrimLeft(line, " \t")
	if len(line) < 2 {
		return false
	}
	switch line[0] {
	case '-', '*', '+':
	default:
		return false
	}
	if line[1] != ' ' && line[1] != '\t' {
		return false
	}
	rest := bytes.TrimLeft(line[2:], " \t")
	if !bytes.HasPrefix(rest, []byte(promptMarker)) {
		return false
	}
	rest = rest[len(promptMarker):]
	return len(rest) == 0 || rest[0] == ' ' || rest[0] == '\t'
}
