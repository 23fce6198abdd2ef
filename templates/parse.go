package templates

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/designls/designls/checks/doc"
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

// isTemplateName reports whether name is lower-case kebab-case: words of
// a-z and 0-9 joined by single hyphens.
func isTemplateName(name string) bool {
	if name == "" || name[0] == '-' || name[len(name)-1] == '-' || strings.Contains(name, "--") {
		return false
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; c != '-' && (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// fileError formats a user mistake in a template file. line 0 means the
// mistake is about the file as a whole.
func fileError(file string, line int, format string, args ...any) error {
	if line == 0 {
		return fmt.Errorf("%s: %s", file, fmt.Sprintf(format, args...))
	}
	return fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, args...))
}

// normalize drops a byte order mark and turns every line ending into "\n",
// so that line numbers in errors and in the parsed document agree.
func normalize(src []byte) string {
	s := strings.TrimPrefix(string(src), "\uFEFF")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// splitLines splits normalized text into lines; a final line ending does
// not produce an empty last line.
func splitLines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func isBlank(line string) bool { return strings.TrimLeft(line, " \t") == "" }

// lineOf returns the 1-based line of offset in d.
func lineOf(d *doc.Document, offset int) int { return d.Lines.Position(offset).Line }

// parseSnippet reads snippets/<concern>.md.
func parseSnippet(file, concern string, src []byte) (Snippet, error) {
	text := normalize(src)
	if isBlank(strings.ReplaceAll(text, "\n", "")) {
		return Snippet{}, fileError(file, 0, "snippet is empty")
	}
	d := doc.Parse(file, []byte(text))
	lead := len(text) - len(strings.TrimLeft(text, " \t\n"))
	if len(d.Sections) == 0 || !isBlank(strings.ReplaceAll(text[:d.Sections[0].Heading.Start], "\n", "")) {
		return Snippet{}, fileError(file, lineOf(d, lead), "snippet must start with a heading such as %q", "## Title")
	}
	head := d.Sections[0]
	// A setext title may span lines; Render writes one ATX line.
	var parts []string
	for _, l := range strings.Split(string(d.Text(head.TitleSpan)), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	title := strings.Join(parts, " ")
	if title == "" {
		return Snippet{}, fileError(file, lineOf(d, head.Heading.Start), "snippet heading has no text")
	}
	if len(d.Sections) > 1 {
		return Snippet{}, fileError(file, lineOf(d, d.Sections[1].Heading.Start),
			"snippet body must not contain headings; its level is chosen when it is inserted")
	}
	body := splitLines(text[head.Heading.End:])
	for len(body) > 0 && isBlank(body[0]) {
		body = body[1:]
	}
	for len(body) > 0 && isBlank(body[len(body)-1]) {
		body = body[:len(body)-1]
	}
	if len(body) == 0 {
		return Snippet{}, fileError(file, lineOf(d, head.Heading.Start), "snippet has a heading but no body")
	}
	return Snippet{Concern: concern, Title: title, Body: strings.Join(body, "\n")}, nil
}

const directivePrefix = "<!-- designls:"

// parseTemplate reads <name>.md.
func parseTemplate(file, name string, src []byte) (rawTemplate, error) {
	t := rawTemplate{name: name, title: name, includes: map[int][]string{}}
	text := normalize(src)
	lines := splitLines(text)
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
	// Directives are HTML comments on lines of their own; the document
	// model already leaves out those inside code.
	d := doc.Parse(file, []byte(text))
	directives := map[int][]string{} // 0-based line → concerns
	for _, c := range d.Comments {
		comment := d.Text(c)
		if !bytes.HasPrefix(comment, []byte(directivePrefix)) {
			continue
		}
		line := d.Lines.Line(c.Start)
		if strings.TrimSpace(lines[line]) != string(comment) {
			return t, fileError(file, line+1, "designls directive must stand alone on one line")
		}
		concerns, err := parseDirective(string(comment))
		if err != nil {
			return t, fileError(file, line+1, "%v", err)
		}
		directives[line] = concerns
	}
	for ; i < len(lines); i++ {
		if concerns, ok := directives[i]; ok {
			t.includes[len(t.lines)] = concerns
		}
		t.lines = append(t.lines, lines[i])
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
	inner, _ := strings.CutSuffix(d, "-->")
	fields := strings.Fields(strings.TrimPrefix(inner, directivePrefix))
	if len(fields) == 0 || fields[0] != "snippets" {
		return nil, fmt.Errorf("unknown designls directive (want %q)", "<!-- designls:snippets [concern ...] -->")
	}
	if len(fields) == 1 {
		return slices.Clone(order[:]), nil
	}
	for _, c := range fields[1:] {
		if _, ok := rank[c]; !ok {
			return nil, fmt.Errorf("unknown concern %q in snippets directive", c)
		}
	}
	return fields[1:], nil
}

// expand renders t with the given snippets in place of its directives.
func (t rawTemplate) expand(snippet func(concern string) (Snippet, bool)) Template {
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
			sn, _ := snippet(c)
			b.WriteString(sn.Render(2, "\n"))
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
