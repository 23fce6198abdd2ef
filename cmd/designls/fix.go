package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/designls/designls/checks"
	"github.com/designls/designls/checks/edit"
	"github.com/designls/designls/templates"
)

func init() {
	register("fix", "[--diff] [--config FILE] PATH...",
		"insert a section, with prompts to fill in, for each core concern a doc is missing", runFix)
}

func runFix(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("fix", stderr)
	diff := fs.Bool("diff", false, "print a unified diff of the changes and write nothing")
	configFile := fs.String("config", "", "use config `FILE` for every file instead of the nearest .designls.yaml")
	paths, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		return usageError(stderr, "fix", "no paths given")
	}
	in := newInputs(stderr, *configFile)
	for _, f := range in.collect(paths) {
		if ctx.Err() != nil {
			return exitTrouble
		}
		name := displayPath(f.path)
		orig, err := os.Stat(f.path)
		if err != nil {
			in.problem("%s: %s", name, describe(err))
			continue
		}
		before, err := readDoc(f.path)
		if err != nil {
			in.problem("%s: %v", name, err)
			continue
		}
		type fixed struct {
			text     []byte
			inserted []string
		}
		res, err := guard(func() (fixed, error) {
			text, inserted, err := fixDoc(f, before)
			return fixed{text, inserted}, err
		})
		after, inserted := res.text, res.inserted
		if err != nil {
			in.problem("%s: %v", name, err)
			continue
		}
		if len(inserted) == 0 {
			continue
		}
		if *diff {
			fmt.Fprint(stdout, edit.Unified(name, string(before), string(after)))
			continue
		}
		if err := writeAtomic(f.path, after, orig); err != nil {
			in.problem("%s: %v", name, err)
			continue
		}
		fmt.Fprintf(stderr, "%s: inserted %s\n", name, plural(len(inserted), "section", "sections")+" ("+strings.Join(inserted, ", ")+")")
	}
	if in.trouble {
		return exitTrouble
	}
	return exitOK
}

// fixDoc applies, one at a time, the first fix of each core missing-section
// diagnostic and checks again after each: a fix is only valid for the
// version it was computed on, and inserting one section moves where the
// next goes. It returns the new text and the names of the concerns whose
// sections were inserted.
func fixDoc(f input, src []byte) ([]byte, []string, error) {
	opts := f.cfg.Options(f.abs)
	set := opts.Templates
	if set == nil {
		set = templates.Builtin()
	}
	order := set.Order()
	rank := func(c checks.Concern) int {
		if i := slices.Index(order, string(c)); i >= 0 {
			return i
		}
		return len(order)
	}
	tried := map[checks.Concern]bool{}
	var inserted []string
	cur := src
	for {
		res := checks.Run(f.path, cur, opts)
		var pick *checks.Diagnostic
		for i, d := range res.Diagnostics {
			info, known := checks.LookupConcern(d.Concern)
			if d.Check != checks.MissingSection.ID || !known || !info.Core || tried[d.Concern] || len(d.Fixes) == 0 {
				continue
			}
			// Template order, so the sections read in the order people
			// expect whatever order the diagnostics come in.
			if pick == nil || rank(d.Concern) < rank(pick.Concern) {
				pick = &res.Diagnostics[i]
			}
		}
		if pick == nil {
			return cur, inserted, nil
		}
		tried[pick.Concern] = true
		next, err := edit.Apply(cur, pick.Fixes[0].Edits)
		if err != nil {
			return src, nil, fmt.Errorf("cannot apply %q: %w", pick.Fixes[0].Message, err)
		}
		cur = next
		info, _ := checks.LookupConcern(pick.Concern)
		inserted = append(inserted, info.Name)
	}
}

// writeAtomic replaces path's content through a temporary file in the same
// folder and a rename, so a reader never sees half a file and a crash
// leaves the original. The file keeps its mode; a symbolic link keeps
// pointing at the file it named, which is the one rewritten. Nothing is
// written if the file changed since orig was taken.
func writeAtomic(path string, data []byte, orig os.FileInfo) (err error) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return errors.New(describe(err))
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".designls-*")
	if err != nil {
		return fmt.Errorf("cannot write: %s", describe(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("cannot write: %s", describe(err))
	}
	if err = tmp.Chmod(orig.Mode().Perm()); err != nil {
		return fmt.Errorf("cannot keep the file's mode: %s", describe(err))
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write: %s", describe(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("cannot write: %s", describe(err))
	}
	now, err := os.Stat(target)
	if err != nil || now.Size() != orig.Size() || !now.ModTime().Equal(orig.ModTime()) {
		return errors.New("file changed while it was being fixed; not written")
	}
	if err = os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("cannot replace the file: %s", describe(err))
	}
	return nil
}
