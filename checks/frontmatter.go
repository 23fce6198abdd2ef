package checks

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/designls/designls/checks/doc"
)

// FrontMatter is what designls reads from a document's YAML front matter.
type FrontMatter struct {
	// Present is true when the document has a front matter block.
	Present bool
	// Rubric is the `rubric:` key.
	Rubric string
	// RubricSpan locates the rubric's value, for diagnostics about it.
	RubricSpan Span
	// Drill is the `drill:` key: the practice prompt the document answers
	// (see Drills), and DrillSpan locates its value.
	Drill     string
	DrillSpan Span
	// Err is set when the block is not valid YAML or `rubric:` is not a
	// string; ErrSpan locates the problem.
	Err     error
	ErrSpan Span
}

// parseFrontMatter reads the front matter with go.yaml.in/yaml/v3, the YAML
// organisation's maintained successor of gopkg.in/yaml.v3: its Node API
// keeps line and column for every key, which error messages need.
func parseFrontMatter(d *doc.Document) FrontMatter {
	fm := FrontMatter{Present: !d.FrontMatter.Empty()}
	if !fm.Present {
		return fm
	}
	if flatFrontMatter(d, &fm) {
		return fm
	}
	return yamlFrontMatter(d, fm)
}

// yamlFrontMatter is parseFrontMatter's general case, and the reference
// that flatFrontMatter is held to.
func yamlFrontMatter(d *doc.Document, fm FrontMatter) FrontMatter {
	body := d.Text(d.FrontMatterBody)
	var root yaml.Node
	if err := yaml.Unmarshal(body, &root); err != nil {
		fm.Err = fmt.Errorf("front matter is not valid YAML: %v", err)
		fm.ErrSpan = d.FrontMatter
		// The parser counts lines from the start of the YAML; say and
		// point at the document's line instead.
		if line, rest, ok := yamlErrorLine(err.Error()); ok {
			l := d.Lines.Line(d.FrontMatterBody.Start) + line - 1
			if l < d.Lines.Line(d.FrontMatterBody.End) || l == d.Lines.Line(d.FrontMatterBody.Start) {
				fm.Err = fmt.Errorf("front matter is not valid YAML: line %d: %s", l+1, rest)
				fm.ErrSpan = Span{Start: d.Lines.LineStart(l), End: d.Lines.LineEnd(d.Src, l)}
			}
		}
		if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
			fm.Err = fmt.Errorf("front matter: %s", te.Errors[0])
		}
		return fm
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return fm
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		fm.Err = fmt.Errorf("front matter is not a mapping of keys to values")
		fm.ErrSpan = d.FrontMatter
		return fm
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Value != "rubric" && k.Value != "drill" {
			continue
		}
		span := yamlSpan(d, v)
		if v.Kind != yaml.ScalarNode {
			example := DefaultRubric
			if k.Value == "drill" {
				example = "feature-flags"
			}
			fm.Err = fmt.Errorf("front matter: %s must be a name, such as %q", k.Value, example)
			fm.ErrSpan = span
			return fm
		}
		if k.Value == "drill" {
			fm.Drill, fm.DrillSpan = v.Value, span
			continue
		}
		fm.Rubric, fm.RubricSpan = v.Value, span
	}
	return fm
}

// yamlErrorLine splits "yaml: line 3: did not find ..." into the line
// and the rest of the message.
func yamlErrorLine(msg string) (line int, rest string, ok bool) {
	after, found := strings.CutPrefix(msg, "yaml: line ")
	if !found {
		return 0, "", false
	}
	num, rest, found := strings.Cut(after, ": ")
	n, err := strconv.Atoi(num)
	if !found || err != nil || n < 1 {
		return 0, "", false
	}
	return n, rest, true
}

// yamlSpan locates a YAML node in the document: the parser counts lines and
// columns (in runes) from the start of the front matter body.
func yamlSpan(d *doc.Document, n *yaml.Node) Span {
	bodyLine := d.Lines.Line(d.FrontMatterBody.Start)
	line := bodyLine + n.Line - 1
	start := d.Lines.LineStart(line)
	end := d.Lines.LineEnd(d.Src, line)
	// Walk n.Column-1 runes into the line.
	off := start
	for col := 1; col < n.Column && off < end; col++ {
		_, size := decodeRune(d.Src[off:end])
		off += size
	}
	vend := off + len(n.Value)
	if vend > end || n.Style != 0 {
		vend = end
	}
	return Span{Start: off, End: vend}.Clamp(d.FrontMatterBody.End)
}

// flatFrontMatter reads the front matter that nearly every document has,
// lines of `key: plain value` and nothing else, without the YAML parser,
// whose set-up alone costs more than the rest of most checks. It gives up
// (false, fm untouched) on anything else, which yamlFrontMatter then
// reads; what it accepts is a block YAML reads as a mapping of plain
// scalars, whose values are their text as written, so it finds what
// yamlFrontMatter would.
//
// Each line must be empty, or a key of ASCII letters, digits, "_" and "-"
// opening the line, ":", spaces, and a value of printable ASCII that opens
// with a letter or digit and holds no ":" or "#" (which could make it a
// key or a comment). That leaves out indentation (continuations, nested
// blocks), tabs, quotes, flow collections, anchors, tags, comments, block
// scalars, empty values and non-ASCII text, whose columns YAML counts in
// runes and whose line breaks (U+2028) it knows.
func flatFrontMatter(d *doc.Document, fm *FrontMatter) bool {
	b := d.Src[:d.FrontMatterBody.End]
	var rubric, drill Span
	keys := 0
	for i := d.FrontMatterBody.Start; i < len(b); {
		eol := bytes.IndexByte(b[i:], '\n')
		if eol < 0 {
			eol = len(b)
		} else {
			eol += i
		}
		next := eol + 1
		if eol > i && b[eol-1] == '\r' {
			eol-- // CRLF; a lone CR is a line break too, and is refused below
		}
		if eol == i {
			i = next
			continue
		}
		k := i
		for k < eol && (isASCIIAlnum(b[k]) || k > i && (b[k] == '_' || b[k] == '-')) {
			k++
		}
		// YAML refuses a key of over 1024 characters; keys are words.
		if k == i || k-i > 64 || k+1 >= eol || b[k] != ':' || b[k+1] != ' ' {
			return false
		}
		v := k + 1
		for v < eol && b[v] == ' ' {
			v++
		}
		if v == eol || !isASCIIAlnum(b[v]) {
			return false
		}
		end := v
		for p := v; p < eol; p++ {
			if c := b[p]; c < ' ' || c > '~' || c == ':' || c == '#' {
				return false
			} else if c != ' ' {
				end = p + 1
			}
		}
		switch string(b[i:k]) {
		case "rubric":
			rubric = Span{Start: v, End: end}
		case "drill":
			drill = Span{Start: v, End: end}
		}
		keys++
		i = next
	}
	if keys == 0 {
		return false
	}
	if !rubric.Empty() {
		fm.Rubric, fm.RubricSpan = string(b[rubric.Start:rubric.End]), rubric
	}
	if !drill.Empty() {
		fm.Drill, fm.DrillSpan = string(b[drill.Start:drill.End]), drill
	}
	return true
}

func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
