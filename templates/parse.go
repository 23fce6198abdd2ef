package templates

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// rawTemplate is a template as read from its file, before snippet
// directives are expanded. Expansion is deferred so that a snippet overlay
// reaches every template that includes the snippet.
type rawTemplate struct {
	name, title, description, rubric string
	lines                            []string
	// includes maps the index of a directive line in lines to the concerns
	// it expands to.
	includes map[int][]string
}

var templateName = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// fileError formats a user mistake in a template file. line 0 means the
// mistake is about the file as a whole.
func fileError(file string, line int, format string, args ...any) error {
	if line == 0 {
		return fmt.Errorf("%s: %s", file, fmt.Sprintf(format, args...))
	}
	return fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, args...))
}

// splitLines drops a byte order mark, turns CRLF into LF and splits src into
// lines without their endings; a final line ending does not produce an empty
// last line.
func splitLines(src []byte) []string {
	s := strings.TrimPrefix(string(src), "\uFEFF")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func isBlank(line string) bool { return strings.TrimLeft(line, " \t") == "" }

// atxHeading parses a CommonMark ATX heading line.
func atxHeading(line string) (level int, text string, ok bool) {
	indent := len(line) - len(strings.TrimLeft(line, " "))
	if indent > 3 {
		return 0, "", false
	}
	rest := line[indent:]
	level = len(rest) - len(strings.TrimLeft(rest, "#"))
	if level < 1 || level > 6 {
		return 0, "", false
	}
	rest = rest[level:]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return 0, "", false
	}
	text = strings.Trim(rest, " \t")
	// An optional closing run of '#' counts only after a space.
	if trimmed := strings.TrimRight(text, "#"); trimmed == "" {
		text = ""
	} else if trimmed != text && (trimmed[len(trimmed)-1] == ' ' || trimmed[len(trimmed)-1] == '\t') {
		text = strings.TrimRight(trimmed, " \t")
	}
	return level, text, true
}

// fence tracks fenced code blocks line by line, so that headings and
// directives inside code are not taken for real ones.
type fence struct {
	char byte
	n    int
}

// inside feeds one line and reports whether it belongs to a code fence
// (opening and closing lines included).
func (f *fence) inside(line string) bool {
	indent := len(line) - len(strings.TrimLeft(line, " "))
	if indent > 3 {
		return f.n > 0
	}
	rest := line[indent:]
	if rest == "" || (rest[0] != '`' && rest[0] != '~') {
		return f.n > 0
	}
	c := rest[0]
	n := len(rest) - len(strings.TrimLeft(rest, string(c)))
	switch {
	case f.n == 0 && n >= 3:
		if c == '`' && strings.Contains(rest[n:], "`") {
			return false // an inline code span, not a fence
		}
		f.char, f.n = c, n
		return true
	case f.n > 0 && c == f.char && n >= f.n && isBlank(rest[n:]):
		f.n = 0
		return true
	}
	return f.n > 0
}

// parseSnippet reads snippets/<concern>.md.
func parseSnippet(file, concern string, src []byte) (Snippet, error) {
	lines := splitLines(src)
	first := 0
	for first < len(lines) && isBlank(lines[first]) {
		first++
	}
	if first == len(lines) {
		return Snippet{}, fileError(file, 0, "snippet is empty")
	}
	_, title, ok := atxHeading(lines[first])
	if !ok {
		return Snippet{}, fileError(file, first+1, "snippet must start with a heading such as %q", "## Title")
	}
	if title == "" {
		return Snippet{}, fileError(file, first+1, "snippet heading has no text")
	}
	var f fence
	for i := first + 1; i < len(lines); i++ {
		if f.inside(lines[i]) {
			continue
		}
		if _, _, ok := atxHeading(lines[i]); ok {
			return Snippet{}, fileError(file, i+1, "snippet body must not contain headings; its level is chosen when it is inserted")
		}
	}
	body := lines[first+1:]
	for len(body) > 0 && isBlank(body[0]) {
		body = body[1:]
	}
	for len(body) > 0 && isBlank(body[len(body)-1]) {
		body = body[:len(body)-1]
	}
	if len(body) == 0 {
		return Snippet{}, fileError(file, first+1, "snippet has a heading but no body")
	}
	return Snippet{Concern: concern, Title: title, Body: strings.Join(body, "\n")}, nil
}

const directivePrefix = "<!-- designls:"

// parseTemplate reads <name>.md.
func parseTemplate(file, name string, src []byte) (rawTemplate, error) {
	t := rawTemplate{name: name, title: name, includes: map[int][]string{}}
	lines := splitLines(src)
	if len(lines) == 0 || strings.TrimRight(lines[0], " \t") != "---" {
		return t, fileError(file, 1, "template must start with front matter (---) naming its rubric")
	}
	t.lines = append(t.lines, lines[0])
	i := 1
	inTemplateBlock := false
	closed := false
	for ; i < len(lines); i++ {
		line := lines[i]
		trimmed := strings.TrimRight(line, " \t")
		if trimmed == "---" || trimmed == "..." {
			t.lines = append(t.lines, line)
			closed = true
			i++
			break
		}
		indented := line != "" && (line[0] == ' ' || line[0] == '\t')
		if inTemplateBlock && (indented || isBlank(line)) {
			if err := t.templateKey(file, i+1, strings.TrimSpace(line)); err != nil {
				return t, err
			}
			continue
		}
		inTemplateBlock = false
		if indented || isBlank(line) || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "- ") || line == "-" {
			t.lines = append(t.lines, line)
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok || key == "" {
			return t, fileError(file, i+1, "front matter line is not %q", "key: value")
		}
		value = unquote(strings.TrimSpace(value))
		switch key {
		case "template":
			if value != "" {
				return t, fileError(file, i+1, "%q takes an indented block of title and description", "template:")
			}
			inTemplateBlock = true
			continue
		case "rubric":
			if value == "" {
				return t, fileError(file, i+1, "rubric is empty")
			}
			t.rubric = value
		}
		t.lines = append(t.lines, line)
	}
	if !closed {
		return t, fileError(file, 1, "front matter is not closed by a --- line")
	}
	if t.rubric == "" {
		return t, fileError(file, 1, "front matter names no rubric")
	}
	var f fence
	for ; i < len(lines); i++ {
		line := lines[i]
		if !f.inside(line) {
			if d := strings.TrimSpace(line); strings.HasPrefix(d, directivePrefix) {
				concerns, err := parseDirective(d)
				if err != nil {
					return t, fileError(file, i+1, "%v", err)
				}
				t.includes[len(t.lines)] = concerns
			}
		}
		t.lines = append(t.lines, line)
	}
	for len(t.lines) > 0 && isBlank(t.lines[len(t.lines)-1]) {
		t.lines = t.lines[:len(t.lines)-1]
	}
	return t, nil
}

// templateKey reads one line of the front matter's template block.
func (t *rawTemplate) templateKey(file string, line int, s string) error {
	if s == "" || strings.HasPrefix(s, "#") {
		return nil
	}
	key, value, ok := strings.Cut(s, ":")
	if !ok {
		return fileError(file, line, "template block line is not %q", "key: value")
	}
	value = unquote(strings.TrimSpace(value))
	switch strings.TrimSpace(key) {
	case "title":
		t.title = value
	case "description":
		t.description = value
	default:
		return fileError(file, line, "unknown template key %q (want title or description)", key)
	}
	return nil
}

func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		return v[1 : len(v)-1]
	}
	return v
}

// parseDirective reads "<!-- designls:snippets [concern ...] -->".
func parseDirective(d string) ([]string, error) {
	inner, ok := strings.CutSuffix(d, "-->")
	if !ok {
		return nil, fmt.Errorf("designls directive must fit on one line and end with -->")
	}
	fields := strings.Fields(strings.TrimPrefix(inner, directivePrefix))
	if len(fields) == 0 || fields[0] != "snippets" {
		return nil, fmt.Errorf("unknown designls directive (want %q)", "<!-- designls:snippets [concern ...] -->")
	}
	if len(fields) == 1 {
		return slices.Clone(order), nil
	}
	for _, c := range fields[1:] {
		if _, ok := rank[c]; !ok {
			return nil, fmt.Errorf("unknown concern %q in snippets directive", c)
		}
	}
	return fields[1:], nil
}

// expand renders t with the given snippets in place of its directives.
func (t rawTemplate) expand(snippets map[string]Snippet) Template {
	var b strings.Builder
	for i, line := range t.lines {
		concerns, ok := t.includes[i]
		if !ok {
			b.WriteString(line)
			b.WriteByte('\n')
			continue
		}
		for j, c := range concerns {
			if j > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(snippets[c].Render(2, "\n"))
		}
	}
	return Template{
		Name:        t.name,
		Title:       t.title,
		Description: t.description,
		Rubric:      t.rubric,
		Text:        b.String(),
	}
}
