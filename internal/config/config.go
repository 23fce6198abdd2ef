package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/designls/designls/checks"
	"github.com/designls/designls/templates"
)

// Config is one project's settings. A nil *Config means defaults
// everywhere, and every method accepts it. Treat a Config as read-only once
// built: Merge returns a new one.
type Config struct {
	// Include and Exclude are globs saying which Markdown files are design
	// docs; see Classify.
	Include, Exclude []string
	// Rubric is the rubric of documents that name none and match no rule in
	// Rubrics.
	Rubric string
	// Rubrics choose a rubric by glob; the first rule that matches wins.
	Rubrics []RubricRule
	// Severity overrides a check's severity by check ID: error, warning,
	// information, hint or off.
	Severity map[string]string
	// Disable turns checks off by ID.
	Disable []string
	// Synonyms add heading words per concern ID to detection.
	Synonyms map[string][]string
	// Templates is a folder, relative to Dir, whose <name>.md and
	// snippets/<concern>.md files add to or replace the built-in templates.
	Templates string
	// Dir is the absolute folder that globs and Templates are relative to:
	// the config file's folder, or the workspace folder for editor settings.
	// Path is the config file as it was named, "" when there is none.
	Dir, Path string

	// Globs from a merged-in Config stay relative to that Config's folder;
	// these record it when it differs from Dir.
	includeDir, excludeDir string
	// templatesAt locates the templates key for errors found when the
	// folder is read.
	templatesAt position
	tmpl        *templateCache
}

// RubricRule applies a rubric to the files matching a glob.
type RubricRule struct {
	Files  string
	Rubric string

	dir string // folder the glob is relative to, when not the Config's Dir
}

// Membership is what a config says about one Markdown file.
type Membership int

const (
	// Unspecified: no include globs are configured and no exclude glob
	// matches. The CLI checks such files; the language server treats them as
	// design docs only when their front matter names a rubric.
	Unspecified Membership = iota
	// Included: an include glob matches and no exclude glob does.
	Included
	// Excluded: an exclude glob matches, or include globs are configured
	// and none matches.
	Excluded
)

func (m Membership) String() string {
	switch m {
	case Included:
		return "included"
	case Excluded:
		return "excluded"
	}
	return "unspecified"
}

// Names of the config file, in the order Find prefers them.
var fileNames = []string{".designls.yaml", ".designls.yml"}

// Find walks up from dir to the filesystem root and returns the path of the
// first .designls.yaml or .designls.yml it meets, or "" when there is none.
func Find(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("finding .designls.yaml from %s: %w", dir, err)
	}
	for d := abs; ; {
		for _, name := range fileNames {
			p := filepath.Join(d, name)
			// A folder that cannot be searched is treated as holding no
			// config: an unreadable parent must not stop every check.
			if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
				return p, nil
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", nil
		}
		d = parent
	}
}

// Load reads and parses the config file at path. It always returns a
// Config: defaults where the file could not be read or parsed.
func Load(path string) (*Config, []error) {
	data, err := os.ReadFile(path)
	if err != nil {
		c := newConfig(path, dirOf(path))
		return c, []error{fmt.Errorf("reading config: %w", err)}
	}
	return Parse(path, data)
}

// Parse parses the YAML of a config file named path. Every mistake is
// reported as an *Error naming path, line, column and key, and parsing goes
// on: the returned Config holds defaults for the parts that were wrong.
func Parse(path string, data []byte) (*Config, []error) {
	c := newConfig(path, dirOf(path))
	p := &parser{file: path, c: c}
	p.parseYAML(data)
	return c, p.errs
}

// FromSettings builds a Config from editor settings: the decoded JSON of
// initializationOptions or workspace/configuration, an object with the same
// keys as the file. Globs and the templates folder are relative to dir. A
// nil v gives an empty Config.
func FromSettings(dir string, v any) (*Config, []error) {
	c := newConfig("", dir)
	p := &parser{file: "settings", c: c}
	p.parseValue(v)
	return c, p.errs
}

func newConfig(path, dir string) *Config {
	if dir != "" {
		if abs, err := filepath.Abs(dir); err == nil {
			dir = abs
		}
	}
	return &Config{Path: path, Dir: dir, tmpl: &templateCache{}}
}

func dirOf(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Dir(path)
	}
	return filepath.Dir(abs)
}

// Merge returns c with the settings that over sets laid on top: editor
// settings over the file's. Lists and strings that over sets replace c's;
// Severity and Synonyms merge key by key, over winning. A check that over
// gives a severity is taken off c's Disable list, so settings can turn back
// on what the file disabled. Globs keep the folder they were written
// relative to.
func (c *Config) Merge(over *Config) *Config {
	switch {
	case c == nil && over == nil:
		return nil
	case c == nil:
		c = &Config{}
	case over == nil:
		over = &Config{}
	}
	m := &Config{
		Include: c.Include, Exclude: c.Exclude, Rubric: c.Rubric,
		Rubrics: c.Rubrics, Templates: c.Templates,
		Dir: c.Dir, Path: c.Path,
		includeDir: c.includeDir, excludeDir: c.excludeDir, templatesAt: c.templatesAt,
		tmpl: &templateCache{},
	}
	if m.Dir == "" {
		m.Dir = over.Dir
	}
	// rebase keeps a glob list of over relative to over's own folder.
	rebase := func(own string) string {
		if own == "" {
			own = over.Dir
		}
		if own == m.Dir {
			return ""
		}
		return own
	}
	if over.Include != nil {
		m.Include, m.includeDir = over.Include, rebase(over.includeDir)
	}
	if over.Exclude != nil {
		m.Exclude, m.excludeDir = over.Exclude, rebase(over.excludeDir)
	}
	if over.Rubric != "" {
		m.Rubric = over.Rubric
	}
	if over.Rubrics != nil {
		m.Rubrics = make([]RubricRule, len(over.Rubrics))
		for i, r := range over.Rubrics {
			r.dir = rebase(r.dir)
			m.Rubrics[i] = r
		}
	}
	if over.Templates != "" {
		t := over.Templates
		if !filepath.IsAbs(t) && over.Dir != "" && over.Dir != m.Dir {
			t = filepath.Join(over.Dir, filepath.FromSlash(t))
		}
		m.Templates, m.templatesAt = t, over.templatesAt
	}
	m.Severity = mergeMap(c.Severity, over.Severity)
	m.Synonyms = mergeMap(c.Synonyms, over.Synonyms)
	for _, id := range c.Disable {
		if _, reenabled := over.Severity[id]; !reenabled {
			m.Disable = append(m.Disable, id)
		}
	}
	for _, id := range over.Disable {
		if !contains(m.Disable, id) {
			m.Disable = append(m.Disable, id)
		}
	}
	return m
}

func mergeMap[V any](a, b map[string]V) map[string]V {
	if a == nil && b == nil {
		return nil
	}
	out := make(map[string]V, len(a)+len(b))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Classify says whether file (a path, absolute or relative to the working
// directory) is a design doc according to c.
func (c *Config) Classify(file string) Membership {
	if c == nil {
		return Unspecified
	}
	if c.matchAny(c.Exclude, c.excludeDir, file) {
		return Excluded
	}
	if len(c.Include) == 0 {
		return Unspecified
	}
	if c.matchAny(c.Include, c.includeDir, file) {
		return Included
	}
	return Excluded
}

// Options returns what the checks need to know for file: the rubric chosen
// by the first matching rule (else Rubric), severities with Disable applied
// last, synonyms and the template set.
func (c *Config) Options(file string) *checks.Options {
	opts := &checks.Options{}
	if c == nil {
		return opts
	}
	opts.DefaultRubric = c.Rubric
	for _, r := range c.Rubrics {
		if c.match(r.Files, r.dir, file) {
			opts.DefaultRubric = r.Rubric
			break
		}
	}
	if len(c.Severity)+len(c.Disable) > 0 {
		opts.Severity = make(map[string]checks.Severity, len(c.Severity)+len(c.Disable))
		for id, name := range c.Severity {
			if s, err := checks.ParseSeverity(name); err == nil {
				opts.Severity[id] = s
			}
		}
		for _, id := range c.Disable {
			opts.Severity[id] = checks.Off
		}
	}
	if len(c.Synonyms) > 0 {
		opts.Synonyms = make(map[checks.Concern][]string, len(c.Synonyms))
		for id, words := range c.Synonyms {
			opts.Synonyms[checks.Concern(id)] = words
		}
	}
	if c.Templates != "" {
		if set, errs := c.TemplateSet(); len(errs) == 0 {
			opts.Templates = set
		}
	}
	return opts
}

func (c *Config) matchAny(globs []string, dir, file string) bool {
	for _, g := range globs {
		if c.match(g, dir, file) {
			return true
		}
	}
	return false
}

// match reports whether glob, relative to dir (or c.Dir), matches file or a
// folder holding it.
func (c *Config) match(glob, dir, file string) bool {
	if dir == "" {
		dir = c.Dir
	}
	rel, ok := relative(dir, file)
	if !ok {
		return false
	}
	glob = strings.TrimSuffix(glob, "/")
	return doublestar.MatchUnvalidated(glob, rel) || doublestar.MatchUnvalidated(glob+"/**", rel)
}

// relative returns file relative to dir with forward slashes, or false when
// file lies outside dir.
func relative(dir, file string) (string, bool) {
	if dir == "" {
		return filepath.ToSlash(filepath.Clean(file)), true
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

type templateCache struct {
	once sync.Once
	set  *templates.Set
	errs []error
}

// TemplateSet returns the built-in templates with the Templates folder's
// files laid over them. On any error it returns the built-ins alone, with
// errors naming the config file and key or the template file and line.
// The result is computed once per Config.
func (c *Config) TemplateSet() (*templates.Set, []error) {
	if c == nil || c.Templates == "" {
		return templates.Builtin(), nil
	}
	if c.tmpl == nil {
		return c.loadTemplates()
	}
	c.tmpl.once.Do(func() { c.tmpl.set, c.tmpl.errs = c.loadTemplates() })
	return c.tmpl.set, c.tmpl.errs
}

func (c *Config) loadTemplates() (*templates.Set, []error) {
	folder := filepath.FromSlash(c.Templates)
	if !filepath.IsAbs(folder) {
		folder = filepath.Join(c.Dir, folder)
	}
	files := map[string][]byte{}
	var errs []error
	for _, sub := range []string{"", "snippets"} {
		entries, err := os.ReadDir(filepath.Join(folder, sub))
		if err != nil {
			if sub == "snippets" && errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return templates.Builtin(), []error{c.templatesError("cannot read templates folder: %v", err)}
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
				continue
			}
			name := e.Name()
			if sub != "" {
				name = sub + "/" + name
			}
			b, err := os.ReadFile(filepath.Join(folder, filepath.FromSlash(name)))
			if err != nil {
				errs = append(errs, fmt.Errorf("reading template: %w", err))
				continue
			}
			files[name] = b
		}
	}
	if len(errs) > 0 {
		return templates.Builtin(), errs
	}
	set, err := templates.Builtin().WithOverlay(files)
	if err != nil {
		// The templates package names files relative to the folder; name
		// them as the user can open them.
		prefix := filepath.ToSlash(folder) + "/"
		if rel, ok := relative(mustWD(), folder); ok {
			prefix = rel + "/"
		}
		for _, e := range unjoin(err) {
			errs = append(errs, errors.New(prefix+e.Error()))
		}
		return templates.Builtin(), errs
	}
	return set, nil
}

func mustWD() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	return wd
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func (c *Config) templatesError(format string, args ...any) error {
	file := c.Path
	if file == "" {
		file = "settings"
	}
	return &Error{File: file, Line: c.templatesAt.line, Col: c.templatesAt.col, Key: "templates", Msg: fmt.Sprintf(format, args...)}
}
