package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/designls/designls/internal/config"
)

// input is one file to check or fix.
type input struct {
	path string         // as given on the command line or found by walking
	abs  string         // absolute, for config globs
	cfg  *config.Config // nil means defaults
}

// skipDirs are folders never walked: they hold other people's Markdown.
var skipDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true}

func isMarkdown(name string) bool {
	return strings.EqualFold(filepath.Ext(name), ".md")
}

// inputs turns command-line paths into files, each with its config. It
// prints what it cannot use to stderr and remembers that the run is in
// trouble (exit 2), but never stops early: every usable file is returned.
type inputs struct {
	stderr  io.Writer
	forced  *config.Config            // --config, used for every file
	byDir   map[string]*config.Config // folder -> config found from it
	byPath  map[string]*config.Config // config file -> parsed config
	wd      string
	trouble bool
}

func newInputs(stderr io.Writer, configFile string) *inputs {
	in := &inputs{stderr: stderr, byDir: map[string]*config.Config{}, byPath: map[string]*config.Config{}}
	in.wd, _ = os.Getwd()
	if configFile != "" {
		in.forced = in.load(configFile)
	}
	return in
}

func (in *inputs) problem(format string, args ...any) {
	fmt.Fprintf(in.stderr, format+"\n", args...)
	in.trouble = true
}

// load parses a config file once, printing its errors once.
func (in *inputs) load(path string) *config.Config {
	if c, ok := in.byPath[path]; ok {
		return c
	}
	c, errs := config.Load(path)
	for _, err := range errs {
		in.problem("%v", err)
	}
	in.byPath[path] = c
	return c
}

// configFor returns the config governing files in dir: --config if given,
// else the nearest .designls.yaml above dir, else nil.
func (in *inputs) configFor(dir string) *config.Config {
	if in.forced != nil {
		return in.forced
	}
	if c, ok := in.byDir[dir]; ok {
		return c
	}
	var c *config.Config
	path, err := config.Find(dir)
	switch {
	case err != nil:
		in.problem("%v", err)
	case path != "":
		c = in.load(path)
	}
	in.byDir[dir] = c
	return c
}

func (in *inputs) absolute(path string) string {
	if filepath.IsAbs(path) || in.wd == "" {
		return filepath.Clean(path)
	}
	return filepath.Join(in.wd, path)
}

// collect expands paths: folders are walked for Markdown files that their
// config includes (all of them without include globs); files named
// explicitly are always taken. A file reached twice is taken once.
func (in *inputs) collect(paths []string) []input {
	var out []input
	seen := map[string]bool{}
	add := func(path string, explicit bool) bool {
		abs := in.absolute(path)
		if seen[abs] {
			return false
		}
		cfg := in.configFor(filepath.Dir(abs))
		if !explicit && cfg.Classify(abs) == config.Excluded {
			return false
		}
		seen[abs] = true
		out = append(out, input{path: path, abs: abs, cfg: cfg})
		return true
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			in.problem("%s: %s", p, describe(err))
			continue
		}
		if !fi.IsDir() {
			add(p, true)
			continue
		}
		found := 0
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				in.problem("%s: %s", path, describe(err))
				if d != nil && d.IsDir() && path != p {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != p && skipDirs[d.Name()] {
					return filepath.SkipDir
				}
				return nil
			}
			if !isMarkdown(d.Name()) || !regular(path, d) {
				return nil
			}
			if add(path, false) {
				found++
			}
			return nil
		})
		if err != nil {
			in.problem("%s: %s", p, describe(err))
		}
		if found == 0 {
			// Not an error: a folder whose Markdown the config excludes is
			// fine. Saying so catches a mistyped folder.
			fmt.Fprintf(in.stderr, "%s: no Markdown files to check\n", p)
		}
	}
	return out
}

// regular reports whether a walked entry is, or links to, a regular file:
// reading a FIFO or device found in a tree could hang.
func regular(path string, d fs.DirEntry) bool {
	if d.Type().IsRegular() {
		return true
	}
	if d.Type()&fs.ModeSymlink == 0 {
		return false
	}
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

// describe turns a file system error into the short phrase people know,
// since the path is already printed in front of it.
func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
