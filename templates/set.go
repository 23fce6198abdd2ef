package templates

import (
	"embed"
	"errors"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

//go:embed builtin
var builtinFS embed.FS

// Template is a full document template, with its snippet directives already
// expanded.
type Template struct {
	Name        string // file name without ".md", e.g. "system-design"
	Title       string // human title, e.g. "System design RFC"; Name when the file gives none
	Description string // one line shown when choosing a template; may be empty
	Rubric      string // the rubric named in the front matter
	// Text is the Markdown offered to the user: front matter (without the
	// template block), an H1 and the sections, lines ended by "\n".
	Text string
}

// Set is an immutable collection of templates and of one snippet per
// concern.
//
// Files are parsed when first asked for, not when the Set is made: a check
// that inserts one snippet should not parse every template and snippet
// shipped with designls, and most runs of the command line insert none.
// Overlay files are parsed at once, since their mistakes are the user's and
// are reported when the configuration is read.
type Set struct {
	// snippets holds by rank the snippet of each concern; nil when the
	// concern has none.
	snippets [len(order)]func() Snippet
	// raw holds the templates before their directives are expanded.
	raw map[string]func() rawTemplate
	// templates is raw expanded with the Set's snippets, made on first use.
	templates func() map[string]Template
	// rendered caches snippets as insertion writes them (see insertText),
	// filled on first use: checks ask for an edit per missing concern on
	// every run, mostly at one level and line ending, and rendering each
	// time was most of that cost. Slots are atomic because a Set is shared
	// by concurrent runs; two of them filling one slot store equal text.
	rendered []atomic.Pointer[string]
}

// parsed returns a file already parsed, in the form Set keeps files in:
// a function returning it. Sets made from one another share the functions
// of the files they have in common, so a built-in file is parsed once.
func parsed[T any](v T) func() T { return func() T { return v } }

// builtinFile returns a function that parses an embedded file on first call. The
// built-in files are part of the binary and the package tests parse every
// one of them, so a mistake in them is a bug in designls, not bad input.
func builtinFile[T any](file string, parse func(file string, src []byte) (T, error)) func() T {
	return sync.OnceValue(func() T {
		src, err := builtinFS.ReadFile(path.Join("builtin", file))
		var v T
		if err == nil {
			v, err = parse(file, src)
		}
		if err != nil {
			panic("templates: built-in file is broken: " + err.Error())
		}
		return v
	})
}

// Builtin returns the templates and snippets shipped with designls. The
// returned Set is shared and must be treated as read-only, which its API
// already ensures.
func Builtin() *Set { return builtin() }

var builtin = sync.OnceValue(func() *Set {
	s := &Set{raw: map[string]func() rawTemplate{}}
	for r, c := range order {
		s.snippets[r] = builtinFile("snippets/"+c+".md", func(file string, src []byte) (Snippet, error) {
			return parseSnippet(file, c, src)
		})
	}
	entries, err := builtinFS.ReadDir("builtin")
	if err != nil {
		panic("templates: built-in files are missing: " + err.Error())
	}
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".md"); ok && !e.IsDir() {
			s.raw[name] = builtinFile(e.Name(), func(file string, src []byte) (rawTemplate, error) {
				return parseTemplate(file, name, src)
			})
		}
	}
	s.finish()
	return s
})

// finish readies a Set whose files are in place.
func (s *Set) finish() {
	s.rendered = make([]atomic.Pointer[string], len(order)*renderVariants)
	s.templates = sync.OnceValue(func() map[string]Template {
		m := make(map[string]Template, len(s.raw))
		for name, raw := range s.raw {
			m[name] = raw().expand(s.Snippet)
		}
		return m
	})
}

// WithOverlay returns a new Set in which files are laid over s. Keys are
// slash-separated names relative to the overlay root: "<name>.md" adds or
// replaces the template name, "snippets/<concern>.md" replaces the snippet
// of a known concern. Every bad file is reported, each naming the file and,
// where it applies, the line; on error no Set is returned.
func (s *Set) WithOverlay(files map[string][]byte) (*Set, error) {
	next := &Set{snippets: s.snippets, raw: maps.Clone(s.raw)}
	if next.raw == nil {
		next.raw = map[string]func() rawTemplate{}
	}
	var errs []error
	for _, file := range slices.Sorted(maps.Keys(files)) {
		if err := next.add(file, files[file]); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	next.finish()
	return next, nil
}

// add parses one overlay file into s.
func (s *Set) add(file string, src []byte) error {
	name, ok := strings.CutSuffix(file, ".md")
	if !ok || path.Clean(file) != file {
		return fileError(file, 0, "overlay file must be <name>.md or snippets/<concern>.md")
	}
	if concern, ok := strings.CutPrefix(name, "snippets/"); ok {
		r, known := rank[concern]
		if !known {
			return fileError(file, 0, "no concern %q; snippets exist for %s", concern, strings.Join(order[:], ", "))
		}
		sn, err := parseSnippet(file, concern, src)
		if err != nil {
			return err
		}
		s.snippets[r] = parsed(sn)
		return nil
	}
	if !isTemplateName(name) {
		return fileError(file, 0, "template name %q must be lower-case kebab-case", name)
	}
	t, err := parseTemplate(file, name, src)
	if err != nil {
		return err
	}
	s.raw[name] = parsed(t)
	return nil
}

// List returns every template, sorted by name.
func (s *Set) List() []Template {
	m := s.templates()
	out := make([]Template, 0, len(m))
	for _, name := range slices.Sorted(maps.Keys(m)) {
		out = append(out, m[name])
	}
	return out
}

// Template returns the template called name.
func (s *Set) Template(name string) (Template, bool) {
	t, ok := s.templates()[name]
	return t, ok
}

// Snippet returns the snippet for a concern ID.
func (s *Set) Snippet(concern string) (Snippet, bool) {
	r, known := rank[concern]
	if !known || s.snippets[r] == nil {
		return Snippet{}, false
	}
	return s.snippets[r](), true
}

// Order returns the concern IDs in template order, a fresh slice each call.
func (s *Set) Order() []string { return slices.Clone(order[:]) }
