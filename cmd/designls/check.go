package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/designls/designls/checks"
)

func init() {
	register("check", "[--format text|json|sarif] [--rubric NAME] [--fail-on SEVERITY] [--config FILE] PATH...",
		"check design docs: folders are walked for *.md files the config includes, files named are always checked", runCheck)
}

type checkFlags struct {
	format, rubric, failOn, config string
}

func runCheck(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var f checkFlags
	fs := newFlags("check", stderr)
	fs.StringVar(&f.format, "format", "text", "output `format`: text, json or sarif")
	fs.StringVar(&f.rubric, "rubric", "", "check every file against rubric `NAME`, whatever its front matter or config says")
	fs.StringVar(&f.failOn, "fail-on", "warning", "exit 1 when a finding is at least this `severity`: error, warning, information, hint or none")
	fs.StringVar(&f.config, "config", "", "use config `FILE` for every file instead of the nearest .designls.yaml")
	paths, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if !oneOf(f.format, "text", "json", "sarif") {
		return usageError(stderr, "check", "unknown --format %q (want text, json or sarif)", f.format)
	}
	if !knownRubric(f.rubric) {
		return usageError(stderr, "check", "unknown --rubric %q (rubrics: %s)", f.rubric, strings.Join(rubricNames(), ", "))
	}
	failOn, err := checks.ParseSeverity(f.failOn)
	if err != nil || !oneOf(f.failOn, "error", "warning", "information", "hint", "none") {
		return usageError(stderr, "check", "unknown --fail-on %q (want error, warning, information, hint or none)", f.failOn)
	}
	if len(paths) == 0 {
		return usageError(stderr, "check", "no paths given")
	}

	in := newInputs(stderr, f.config)
	files := in.collect(paths)
	reports := checkAll(ctx, files, f.rubric, f.format != "text", stderr)

	var err2 error
	switch f.format {
	case "text":
		err2 = writeText(stdout, stderr, reports)
	case "json":
		err2 = writeJSON(stdout, stderr, reports)
	case "sarif":
		err2 = writeSARIF(stdout, stderr, reports)
	}
	if err2 != nil {
		fmt.Fprintf(stderr, "designls check: writing output: %v\n", err2)
		return exitTrouble
	}

	code = exitOK
	for _, r := range reports {
		if r.err != nil {
			in.trouble = true
			continue
		}
		for _, d := range r.Diagnostics {
			if d.sev.AtLeast(failOn) {
				code = exitFindings
			}
		}
	}
	if in.trouble {
		code = exitTrouble
	}
	return code
}

// knownRubric reports whether a --rubric value names a rubric; empty means
// none was given.
func knownRubric(name string) bool {
	if name == "" {
		return true
	}
	_, ok := checks.LookupRubric(name)
	return ok
}

func rubricNames() []string {
	var names []string
	for _, r := range checks.Rubrics() {
		names = append(names, r.Name)
	}
	return names
}

// checkAll checks files on every core and returns their reports in input
// order. One file's failure, even a panic in a check, is recorded in its
// report and does not stop the others.
//
// The only file of a run is checked on the calling goroutine (see inline).
func checkAll(ctx context.Context, files []input, rubric string, withFixes bool, stderr io.Writer) []*report {
	reports := make([]*report, len(files))
	one := func(i int) {
		reports[i] = checkOne(files[i], rubric, withFixes)
	}
	workers := min(runtime.GOMAXPROCS(0), len(files))
	if len(files) == 1 && ctx.Err() == nil {
		f := files[0]
		r, err := inline(func() (*report, error) { return checkFile(f, rubric, withFixes), nil }, stuckRun(stderr, f.path))
		if err != nil {
			r = &report{Path: f.path, err: err}
		}
		reports[0] = r
	} else if workers <= 1 {
		for i := range files {
			if ctx.Err() != nil {
				break
			}
			one(i)
		}
	} else {
		// Each file's parse is garbage as soon as its report is made, so
		// the live heap stays small and collections are mostly wasted
		// work: a GC target of 400% cuts CPU by about a quarter on 1,000
		// docs for some 20 MB more memory. A soft memory limit, unless the
		// user set one, keeps large files from running away with it.
		defer debug.SetGCPercent(debug.SetGCPercent(400))
		if debug.SetMemoryLimit(-1) == math.MaxInt64 {
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(1 << 30))
		}
		var next atomic.Int64
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for ctx.Err() == nil {
					i := int(next.Add(1)) - 1
					if i >= len(files) {
						return
					}
					one(i)
				}
			})
		}
		wg.Wait()
	}
	for i, r := range reports {
		if r == nil {
			reports[i] = &report{Path: files[i].path, err: ctx.Err()}
		}
	}
	return reports
}

// checkTimeout bounds the work on one file. The largest file designls
// reads takes about two seconds to check; a check still running long after
// that is stuck in a bug, and the run must end with the other files
// reported rather than hang.
var checkTimeout = time.Minute

// guard runs fn on its own goroutine and turns a panic, or a run longer
// than checkTimeout, into an error asking for a bug report. A stuck fn is
// abandoned: its goroutine ends with the process.
func guard[T any](fn func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		growStack(0)
		defer func() {
			if p := recover(); p != nil {
				done <- result{err: panicked(p)}
			}
		}()
		v, err := fn()
		done <- result{v, err}
	}()
	t := time.NewTimer(checkTimeout)
	defer t.Stop()
	select {
	case r := <-done:
		return r.v, r.err
	case <-t.C:
		var zero T
		return zero, timedOut()
	}
}

// inline runs fn on the calling goroutine and turns a panic into an error,
// as guard does. It is for a run with one file, where guard's goroutine is
// most of what the run pays beyond the check itself: a thread woken, a
// stack grown, a timer waited on cost a one-file run about a millisecond.
// With no other file to go on with, a run stuck past checkTimeout cannot
// be rescued by abandoning fn: stuck is called with the error instead, and
// must end the run.
func inline[T any](fn func() (T, error), stuck func(error)) (v T, err error) {
	watchdog := time.AfterFunc(checkTimeout, func() {
		stuck(timedOut())
	})
	defer watchdog.Stop()
	defer func() {
		if p := recover(); p != nil {
			var zero T
			v, err = zero, panicked(p)
		}
	}()
	return fn()
}

// panicked and timedOut are the errors of a check that panicked with p,
// or ran past checkTimeout: bugs the user is asked to report. panicked
// must be called from the deferred recover, where the stack still holds
// the panic's frames.
func panicked(p any) error {
	return fmt.Errorf("internal error, please report it: %v (at %s)", p, panicSite())
}

func timedOut() error {
	return fmt.Errorf("internal error, please report it: checking took over %v; gave up", checkTimeout)
}

// stuckRun is what a one-file run does when its check is stuck: report
// the file and end the process.
func stuckRun(stderr io.Writer, path string) func(error) {
	return func(err error) {
		fmt.Fprintf(stderr, "%s: %v\n", path, err)
		exit(exitTrouble)
	}
}

// exit ends the process; tests replace it.
var exit = os.Exit

// growStack makes the calling goroutine's stack big enough for a check in
// one step. A goroutine starts with a few kilobytes and the parser's and
// checks' recursion would otherwise double it several times, each time
// copying and re-scanning every frame: in a one-file run that copying was
// a tenth of the process's CPU. A large frame taken while the stack is
// still shallow costs one cheap copy instead.
//
// The index is a parameter so that the frame cannot be optimised away.
//
//go:noinline
func growStack(i int) byte {
	var frame [96 << 10]byte
	return frame[i%len(frame)]
}

func checkOne(f input, rubric string, withFixes bool) *report {
	r, err := guard(func() (*report, error) { return checkFile(f, rubric, withFixes), nil })
	if err != nil {
		return &report{Path: f.path, err: err}
	}
	return r
}

func checkFile(f input, rubric string, withFixes bool) *report {
	src, err := readDoc(f.path)
	if err != nil {
		return &report{Path: f.path, err: err}
	}
	opts := f.cfg.Options(f.abs)
	if rubric != "" {
		opts.Rubric = rubric
	}
	opts.SkipFixes = !withFixes
	res := checks.Run(f.path, src, opts)
	return newReport(displayPath(f.path), res, withFixes)
}

// writeText prints one line per finding, file by file in input order and by
// position within a file, and a summary on stderr.
func writeText(stdout, stderr io.Writer, reports []*report) error {
	w := bufio.NewWriter(stdout)
	var counts [checks.Hint + 1]int
	checked := 0
	for _, r := range reports {
		if r.err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", r.Path, r.err)
			continue
		}
		checked++
		for _, d := range r.Diagnostics {
			fmt.Fprintf(w, "%s:%d:%d: %s %s: %s\n", r.Path, d.Line, d.Column, d.Severity, d.Code, d.Message)
			if d.sev >= checks.Error && d.sev <= checks.Hint {
				counts[d.sev]++
			}
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(stderr, summary(checked, len(reports)-checked, counts))
	return nil
}

// summary is the one line that ends a text run: "3 files, 2 warnings, 1 hint".
func summary(checked, failed int, counts [checks.Hint + 1]int) string {
	parts := []string{plural(checked, "file", "files")}
	names := [...]string{checks.Error: "error", checks.Warning: "warning", checks.Information: "information", checks.Hint: "hint"}
	total := 0
	for s := checks.Error; s <= checks.Hint; s++ {
		if counts[s] > 0 {
			many := names[s] + "s"
			if s == checks.Information {
				many = names[s]
			}
			parts = append(parts, plural(counts[s], names[s], many))
			total += counts[s]
		}
	}
	if total == 0 {
		parts = append(parts, "no findings")
	}
	if failed > 0 {
		parts = append(parts, plural(failed, "file not checked", "files not checked"))
	}
	return strings.Join(parts, ", ")
}

// panicSite names the function and line that panicked, for a bug report;
// called through panicked from a deferred recover, the stack still holds
// the panic's frames.
func panicSite() string {
	pcs := make([]uintptr, 32)
	// Skip Callers, panicSite, panicked and the deferred function.
	frames := runtime.CallersFrames(pcs[:runtime.Callers(4, pcs)])
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "runtime.") {
			return fmt.Sprintf("%s, %s:%d", f.Function, filepath.Base(f.File), f.Line)
		}
		if !more {
			return "unknown"
		}
	}
}
