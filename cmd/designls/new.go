package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/designls/designls/checks"
	"github.com/designls/designls/internal/config"
	"github.com/designls/designls/templates"
)

func init() {
	register("new", "[--template NAME | --drill NAME] [--force] FILE",
		"start a design doc from a template, or a practice answer from a drill (FILE - prints it); refuses to overwrite a file without --force", runNew)
	register("templates", "", "list the templates that new and the editors offer", runTemplates)
	register("rubrics", "", "list the rubrics a doc can be checked against", runRubrics)
	register("explain", "ID", "describe a check (or a concern): what it finds, why it matters, how to fix or disable it", runExplain)
}

// templateSet returns the templates of the config governing dir: the
// built-ins with the project's folder laid over them. Errors are printed;
// ok is false when there were any.
func templateSet(dir string, stderr io.Writer) (*templates.Set, *config.Config, bool) {
	in := newInputs(stderr, "")
	cfg := in.configFor(dir)
	set, errs := cfg.TemplateSet()
	for _, err := range errs {
		fmt.Fprintln(stderr, err)
	}
	return set, cfg, len(errs) == 0 && !in.trouble
}

func runNew(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("new", stderr)
	name := fs.String("template", "", "template `NAME` (see designls templates); default: the config's rubric's template, else system-design")
	drill := fs.String("drill", "", "start from practice drill `NAME` (see designls drills): its prompt, time box and its rubric's skeleton")
	force := fs.Bool("force", false, "overwrite FILE if it exists")
	paths, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(paths) != 1 {
		return usageError(stderr, "new", "want exactly one FILE, got %d", len(paths))
	}
	if *drill != "" && *name != "" {
		return usageError(stderr, "new", "--drill and --template cannot be used together: a drill brings its rubric's template")
	}
	file := paths[0]
	dir := "."
	if file != "-" {
		dir = filepath.Dir(file)
	}
	if *drill != "" {
		return newFromDrill(*drill, file, dir, *force, stdout, stderr)
	}
	set, cfg, clean := templateSet(dir, stderr)
	tname := *name
	if tname == "" {
		tname = checks.DefaultRubric
		if cfg != nil && cfg.Rubric != "" {
			if r, ok := checks.LookupRubric(cfg.Rubric); ok && r.Template != "" {
				tname = r.Template
			}
		}
	}
	t, ok := set.Template(tname)
	if !ok {
		var names []string
		for _, t := range set.List() {
			names = append(names, t.Name)
		}
		return usageError(stderr, "new", "no template %q (templates: %s)", tname, strings.Join(names, ", "))
	}
	if file == "-" {
		fmt.Fprint(stdout, t.Text)
	} else if err := writeNew(file, []byte(t.Text), *force); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", file, err)
		return exitTrouble
	} else {
		fmt.Fprintf(stderr, "%s: written from template %s\n", file, t.Name)
	}
	if !clean {
		return exitTrouble
	}
	return exitOK
}

// writeNew creates file with data. Without force an existing file is never
// touched: O_EXCL makes the check and the creation one step.
func writeNew(file string, data []byte, force bool) error {
	if force {
		if orig, err := os.Stat(file); err == nil {
			if !orig.Mode().IsRegular() {
				return errors.New("not a regular file; not overwritten")
			}
			return writeAtomic(file, data, orig)
		}
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return errors.New("already exists; not overwritten (use --force to replace it)")
	}
	if err != nil {
		return errors.New(describe(err))
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return errors.New(describe(err))
	}
	if err := f.Close(); err != nil {
		return errors.New(describe(err))
	}
	return nil
}

func runTemplates(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if code, ok := noArgs("templates", args, stderr); !ok {
		return code
	}
	set, _, clean := templateSet(".", stderr)
	tw := tabwriter.NewWriter(stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tTITLE\tDESCRIPTION")
	for _, t := range set.List() {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", t.Name, t.Title, t.Description)
	}
	tw.Flush()
	if !clean {
		return exitTrouble
	}
	return exitOK
}

func runRubrics(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if code, ok := noArgs("rubrics", args, stderr); !ok {
		return code
	}
	tw := tabwriter.NewWriter(stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tTITLE\tDESCRIPTION")
	for _, r := range checks.Rubrics() {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Name, r.Title, r.Description)
	}
	tw.Flush()
	return exitOK
}

func noArgs(name string, args []string, stderr io.Writer) (int, bool) {
	fs := newFlags(name, stderr)
	rest, code, ok := parseFlags(fs, args)
	if !ok {
		return code, false
	}
	if len(rest) > 0 {
		return usageError(stderr, name, "takes no arguments"), false
	}
	return 0, true
}

func runExplain(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("explain", stderr)
	ids, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(ids) != 1 {
		return usageError(stderr, "explain", "want one check ID, got %d", len(ids))
	}
	id := ids[0]
	if c, ok := checks.Lookup(id); ok {
		fmt.Fprintf(stdout, "%s: %s (default severity %s)\n\n%s\n", c.ID, c.Title, c.Severity, strings.TrimSpace(c.Doc))
		return exitOK
	}
	if info, ok := checks.LookupConcern(checks.Concern(id)); ok {
		kind := "extended"
		if info.Core {
			kind = "core"
		}
		fmt.Fprintf(stdout, "%s: %s, a %s concern\n\nCovered by %s.\n", info.ID, info.Name, kind, info.Covered)
		return exitOK
	}
	var known []string
	for _, c := range checks.All() {
		known = append(known, c.ID)
	}
	return usageError(stderr, "explain", "no check or concern %q (checks: %s)", id, strings.Join(known, ", "))
}
