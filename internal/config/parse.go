package config

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/designls/designls/checks"
)

// Error is one mistake in a config file or in editor settings. Line and Col
// are 1-based and 0 when unknown (editor settings have no positions).
type Error struct {
	File      string
	Line, Col int
	// Key names the setting, with the path into it: "severity.placeholder",
	// "rubrics[1].files".
	Key string
	Msg string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

type position struct{ line, col int }

// parser fills c from a YAML node tree, collecting every mistake and
// leaving the default in place of each bad part.
type parser struct {
	file string
	c    *Config
	errs []error
}

func (p *parser) errorf(n *yaml.Node, key, format string, args ...any) {
	e := &Error{File: p.file, Key: key, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	p.errs = append(p.errs, e)
}

func (p *parser) parseYAML(data []byte) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		p.errs = append(p.errs, syntaxError(p.file, err))
		return
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return // an empty file sets nothing
	}
	p.parseRoot(root.Content[0])
}

// syntaxError turns the YAML library's "yaml: line N: message" into an
// Error that leads with the file and line like every other.
func syntaxError(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	e := &Error{File: file, Msg: "invalid YAML: " + msg}
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, tail, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(num); err == nil {
				// The library numbers lines from 0 for parser errors and
				// from 1 for scanner errors.
				if parserProblems[tail] {
					n++
				}
				e.Line, e.Msg = n, "invalid YAML: "+tail
			}
		}
	}
	return e
}

// parserProblems are the messages of go.yaml.in/yaml/v3's parser, as
// opposed to its scanner.
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

func (p *parser) parseValue(v any) {
	if v == nil {
		return
	}
	var n yaml.Node
	if err := n.Encode(v); err != nil {
		p.errorf(nil, "", "settings cannot be read: %v", err)
		return
	}
	p.parseRoot(&n)
}

// resolve follows aliases (bounded, in case of a cycle) and reports whether
// n holds a value: a YAML null or an absent value means "not set".
func resolve(n *yaml.Node) (*yaml.Node, bool) {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	if n == nil || n.Kind == yaml.AliasNode {
		return nil, false
	}
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil, false
		}
		return resolve(n.Content[0])
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil, false
	}
	return n, true
}

func keyNames() []string {
	var names []string
	for _, k := range Keys() {
		names = append(names, k.Name)
	}
	return names
}

func (p *parser) parseRoot(n *yaml.Node) {
	n, ok := resolve(n)
	if !ok {
		return
	}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "", "want a mapping of settings (%s)", strings.Join(keyNames(), ", "))
		return
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := k.Value
		if first, dup := seen[name]; dup {
			p.errorf(k, name, "set twice (first on line %d); the first is used", first.Line)
			continue
		}
		seen[name] = k
		v, ok := resolve(v)
		if !ok {
			continue
		}
		switch name {
		case "include":
			p.c.Include = p.globs(name, v)
		case "exclude":
			p.c.Exclude = p.globs(name, v)
		case "rubric":
			if s, ok := p.rubric(name, v); ok {
				p.c.Rubric = s
			}
		case "rubrics":
			p.c.Rubrics = p.rubricRules(name, v)
		case "severity":
			p.c.Severity = p.severities(name, v)
		case "disable":
			p.c.Disable = p.checkIDs(name, v)
		case "synonyms":
			p.c.Synonyms = p.synonyms(name, v)
		case "templates":
			if s, ok := p.scalar(name, v, "a folder"); ok && s != "" {
				p.c.Templates = filepath.ToSlash(s)
				p.c.templatesAt = position{v.Line, v.Column}
			}
		default:
			p.errorf(k, name, "unknown key%s; known keys: %s", didYouMean(name, keyNames()), strings.Join(keyNames(), ", "))
		}
	}
}

// scalar reads a single value; what names the expected value for the error.
func (p *parser) scalar(key string, n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		p.errorf(n, key, "want %s, not a %s", what, kindName(n))
		return "", false
	}
	return strings.TrimSpace(n.Value), true
}

// list reads a sequence of scalars, or one scalar as a list of one, and
// reports each bad item.
func (p *parser) list(key string, n *yaml.Node, what string) ([]string, []*yaml.Node) {
	items := []*yaml.Node{n}
	if n.Kind == yaml.SequenceNode {
		items = n.Content
	} else if n.Kind != yaml.ScalarNode {
		p.errorf(n, key, "want a list of %s, not a %s", what, kindName(n))
		return nil, nil
	}
	var vals []string
	var nodes []*yaml.Node
	for _, item := range items {
		item, ok := resolve(item)
		if !ok {
			continue
		}
		if s, ok := p.scalar(key, item, what); ok {
			vals = append(vals, s)
			nodes = append(nodes, item)
		}
	}
	return vals, nodes
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "mapping"
	}
	return "single value"
}

func (p *parser) globs(key string, n *yaml.Node) []string {
	vals, nodes := p.list(key, n, "globs")
	out := []string{}
	for i, g := range vals {
		if g, ok := p.glob(key, nodes[i], g); ok {
			out = append(out, g)
		}
	}
	return out
}

// glob validates one glob and returns it in the form matching expects.
func (p *parser) glob(key string, n *yaml.Node, g string) (string, bool) {
	g = strings.TrimPrefix(g, "./")
	switch {
	case g == "":
		p.errorf(n, key, "empty glob")
	case strings.HasPrefix(g, "/") || filepath.IsAbs(g):
		p.errorf(n, key, "glob %q is absolute; globs are relative to the folder of %s", g, p.where())
	case !doublestar.ValidatePattern(g):
		p.errorf(n, key, "invalid glob %q (check its brackets and braces)", g)
	default:
		return g, true
	}
	return "", false
}

func (p *parser) where() string {
	if p.c.Path == "" {
		return "the workspace"
	}
	return filepath.Base(p.c.Path)
}

func (p *parser) rubric(key string, n *yaml.Node) (string, bool) {
	s, ok := p.scalar(key, n, "a rubric name")
	if !ok {
		return "", false
	}
	if _, known := checks.LookupRubric(s); !known {
		p.errorf(n, key, "unknown rubric %q%s; rubrics: %s", s, didYouMean(s, rubricNames()), strings.Join(rubricNames(), ", "))
		return "", false
	}
	return s, true
}

func rubricNames() []string {
	var names []string
	for _, r := range checks.Rubrics() {
		names = append(names, r.Name)
	}
	return names
}

func (p *parser) rubricRules(key string, n *yaml.Node) []RubricRule {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, key, "want a list of {files: GLOB, rubric: NAME}, not a %s", kindName(n))
		return nil
	}
	out := []RubricRule{}
	for i, item := range n.Content {
		item, ok := resolve(item)
		if !ok {
			continue
		}
		k := fmt.Sprintf("%s[%d]", key, i)
		if item.Kind != yaml.MappingNode {
			p.errorf(item, k, "want {files: GLOB, rubric: NAME}, not a %s", kindName(item))
			continue
		}
		var r RubricRule
		good := true
		for j := 0; j+1 < len(item.Content); j += 2 {
			fk, fv := item.Content[j], item.Content[j+1]
			fv, set := resolve(fv)
			sub := k + "." + fk.Value
			switch {
			case !slices.Contains(rubricRuleKeys, fk.Value):
				p.errorf(fk, sub, "unknown key%s; a rule has files and rubric", didYouMean(fk.Value, rubricRuleKeys))
				good = false
			case !set:
				// reported below as missing
			case fk.Value == "files":
				s, ok := p.scalar(sub, fv, "a glob")
				if ok {
					s, ok = p.glob(sub, fv, s)
				}
				r.Files, good = s, good && ok
			case fk.Value == "rubric":
				s, ok := p.rubric(sub, fv)
				r.Rubric, good = s, good && ok
			}
		}
		for _, want := range []struct{ name, val string }{{"files", r.Files}, {"rubric", r.Rubric}} {
			if want.val == "" && good {
				p.errorf(item, k, "no %s given; a rule needs both files and rubric", want.name)
				good = false
			}
		}
		if good {
			out = append(out, r)
		}
	}
	return out
}

func checkIDs() []string {
	var ids []string
	for _, c := range checks.All() {
		ids = append(ids, c.ID)
	}
	return ids
}

func (p *parser) knownCheck(key string, n *yaml.Node, id string) bool {
	if _, ok := checks.Lookup(id); ok {
		return true
	}
	p.errorf(n, key, "unknown check %q%s; checks: %s", id, didYouMean(id, checkIDs()), strings.Join(checkIDs(), ", "))
	return false
}

func (p *parser) severities(key string, n *yaml.Node) map[string]string {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, key, "want a mapping of check ID to severity, not a %s", kindName(n))
		return nil
	}
	out := map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		sub := key + "." + k.Value
		if !p.knownCheck(sub, k, k.Value) {
			continue
		}
		v, ok := resolve(v)
		if !ok {
			p.errorf(k, sub, "no severity given (want error, warning, information, hint or off)")
			continue
		}
		s, ok := p.scalar(sub, v, "a severity")
		if !ok {
			continue
		}
		sev, err := checks.ParseSeverity(strings.ToLower(s))
		if err != nil {
			p.errorf(v, sub, "%v", err)
			continue
		}
		out[k.Value] = sev.String()
	}
	return out
}

func (p *parser) checkIDs(key string, n *yaml.Node) []string {
	vals, nodes := p.list(key, n, "check IDs")
	out := []string{}
	for i, id := range vals {
		if p.knownCheck(key, nodes[i], id) {
			out = append(out, id)
		}
	}
	return out
}

func concernIDs() []string {
	var ids []string
	for _, c := range checks.Concerns {
		ids = append(ids, string(c.ID))
	}
	return ids
}

func (p *parser) synonyms(key string, n *yaml.Node) map[string][]string {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, key, "want a mapping of concern ID to heading words, not a %s", kindName(n))
		return nil
	}
	out := map[string][]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		sub := key + "." + k.Value
		if _, ok := checks.LookupConcern(checks.Concern(k.Value)); !ok {
			p.errorf(k, sub, "unknown concern %q%s; concerns: %s", k.Value, didYouMean(k.Value, concernIDs()), strings.Join(concernIDs(), ", "))
			continue
		}
		v, ok := resolve(v)
		if !ok {
			continue
		}
		words, nodes := p.list(sub, v, "heading words")
		for j, w := range words {
			if w == "" {
				p.errorf(nodes[j], sub, "empty heading word")
				continue
			}
			out[k.Value] = append(out[k.Value], w)
		}
	}
	return out
}

// didYouMean suggests the closest of options to s, when one is close
// enough to be a likely typo.
func didYouMean(s string, options []string) string {
	best, ok := checks.Suggest(s, options)
	if !ok {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}
