package templates

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
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
type Set struct {
	raw       map[string]rawTemplate
	snippets  map[string]Snippet
	templates map[string]Template
	// rendered caches snippets as insertion writes them (see insertText),
	// filled on first use: checks ask for an edit per missing concern on
	// every run, mostly at one level and line ending, and rendering each
	// time was most of that cost. Slots are atomic because a Set is shared
	// by concurrent runs; two of them filling one slot store equal text.
	rendered []atomic.Pointer[string]
	// hasSnippet says by rank which concerns have a snippet, sparing
	// insertion a map lookup per call.
	hasSnippet [len(order)]bool
}

// Builtin returns the templates and snippets shipped with designls. The
// returned Set is shared and must be treated as read-only, which its API
// already ensures.
func Builtin() *Set { return builtin() }

var builtin = sync.OnceValue(func() *Set {
	files := map[string][]byte{}
	err := fs.WalkDir(builtinFS, "builtin", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := builtinFS.ReadFile(p)
		files[strings.TrimPrefix(p, "builtin/")] = b
		return err
	})
	if err == nil {
		var s *Set
		if s, err = (&Set{}).WithOverlay(files); err == nil {
			for _, c := range order {
				if _, ok := s.snippets[c]; !ok {
					err = fmt.Errorf("no snippet for concern %q", c)
				}
			}
			if err == nil {
				return s
			}
		}
	}
	// The built-in files are part of the binary; the package tests load them.
	panic("templates: built-in files are broken: " + err.Error())
})

// WithOverlay returns a new Set in which files are laid over s. Keys are
// slash-separated names relative to the overlay root: "<name>.md" adds or
// replaces the template name, "snippets/<concern>.md" replaces the snippet
// of a known concern. Every bad file is reported, each naming the file and,
// where it applies, the line; on error no Set is returned.
func (s *Set) WithOverlay(files map[string][]byte) (*Set, error) {
	next := &Set{
		raw:      maps.Clone(s.raw),
		snippets: maps.Clone(s.snippets),
	}
	if next.raw == nil {
		next.raw = map[string]rawTemplate{}
	}
	if next.snippets == nil {
		next.snippets = map[string]Snippet{}
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
	next.rendered = make([]atomic.Pointer[string], len(order)*renderVariants)
	for r, c := range order {
		_, next.hasSnippet[r] = next.snippets[c]
	}
	next.templates = make(map[string]Template, len(next.raw))
	for name, raw := range next.raw {
		next.templates[name] = raw.expand(next.snippets)
	}
	return next, nil
}

// add parses one overlay file into s.
func (s *Set) add(file string, src []byte) error {
	name, ok := strings.CutSuffix(file, ".md")
	if !ok || path.Clean(file) != file {
		return fileError(file, 0, "overlay file must be <name>.md or snippets/<concern>.md")
	}
	if concern, ok := strings.CutPrefix(name, "snippets/"); ok {
		if _, known := rank[concern]; !known {
			return fileError(file, 0, "no concern %q; snippets exist for %s", concern, strings.Join(order[:], ", "))
		}
		sn, err := parseSnippet(file, concern, src)
		if err != nil {
			return err
		}
		s.snippets[concern] = sn
		return nil
	}
	if !templateName.MatchString(name) {
		return fileError(file, 0, "template name %q must be lower-case kebab-case", name)
	}
	t, err := parseTemplate(file, name, src)
	if err != nil {
		return err
	}
	s.raw[name] = t
	return nil
}

// List returns every template, sorted by name.
func (s *Set) List() []Template {
	out := make([]Template, 0, len(s.templates))
	for _, name := range slices.Sorted(maps.Keys(s.templates)) {
		out = append(out, s.templates[name])
	}
	return out
}

// Template returns the template called name.
func (s *Set) Template(name string) (Template, bool) {
	t, ok := s.templates[name]
	return t, ok
}

// Snippet returns the snippet for a concern ID.
func (s *Set) Snippet(concern string) (Snippet, bool) {
	sn, ok := s.snippets[concern]
	return sn, ok
}

// Order returns the concern IDs in template order, a fresh slice each call.
func (s *Set) Order() []string { return slices.Clone(order[:]) }
