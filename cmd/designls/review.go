package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/designls/designls/checks"
)

func init() {
	register("review", "[--format text|markdown|json] [--rubric NAME] [--config FILE] FILE\n       designls review --compare [--format text|markdown|json] OLD NEW",
		"score a design doc as an interviewer would: each concern ✓ ~ ✗ with evidence, open follow-ups, what to add next; --compare tells two attempts apart", runReview)
}

// isTerminal reports whether w is a terminal; tests replace it.
var isTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// useColor says whether text output may carry colour: only on a terminal,
// and never when NO_COLOR is set and not empty (as no-color.org asks).
func useColor(w io.Writer) bool {
	return os.Getenv("NO_COLOR") == "" && isTerminal(w)
}

type reviewFlags struct {
	format, rubric, config string
	compare                bool
}

func runReview(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var f reviewFlags
	fs := newFlags("review", stderr)
	fs.StringVar(&f.format, "format", "text", "output `format`: text, markdown or json")
	fs.StringVar(&f.rubric, "rubric", "", "review against rubric `NAME`, whatever the front matter or config says")
	fs.StringVar(&f.config, "config", "", "use config `FILE` instead of the nearest .designls.yaml")
	fs.BoolVar(&f.compare, "compare", false, "compare two attempts at one prompt: what OLD had that NEW gained or lost")
	paths, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if !oneOf(f.format, "text", "markdown", "json") {
		return usageError(stderr, "review", "unknown --format %q (want text, markdown or json)", f.format)
	}
	if !knownRubric(f.rubric) {
		return usageError(stderr, "review", "unknown --rubric %q (rubrics: %s)", f.rubric, strings.Join(rubricNames(), ", "))
	}
	want := 1
	if f.compare {
		want = 2
	}
	if len(paths) != want {
		if f.compare {
			return usageError(stderr, "review", "--compare wants two files, OLD and NEW; got %d", len(paths))
		}
		return usageError(stderr, "review", "want exactly one FILE, got %d (use --compare OLD NEW to compare two attempts)", len(paths))
	}

	in := newInputs(stderr, f.config)
	cards := make([]checks.Scorecard, len(paths))
	for i, p := range paths {
		sc, err := reviewFile(in, p, f.rubric)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", p, err)
			return exitTrouble
		}
		cards[i] = sc
	}

	var out string
	if f.compare {
		old, new := cards[0], cards[1]
		if old.Rubric != new.Rubric || old.Drill != new.Drill {
			fmt.Fprintf(stderr, "designls review: %s and %s answer different prompts (%s); comparing anyway\n",
				displayPath(paths[0]), displayPath(paths[1]), promptDifference(old, new))
		}
		delta := checks.Compare(old, new)
		switch f.format {
		case "text":
			out = fmt.Sprintf("%s → %s\n", displayPath(paths[0]), displayPath(paths[1])) + delta.Text(useColor(stdout))
		case "markdown":
			out = delta.Markdown()
		case "json":
			out = mustIndent(struct {
				Old string `json:"old"`
				New string `json:"new"`
				checks.Delta
			}{displayPath(paths[0]), displayPath(paths[1]), delta})
		}
	} else {
		sc := cards[0]
		switch f.format {
		case "text":
			out = sc.Text(useColor(stdout))
		case "markdown":
			out = sc.Markdown()
		case "json":
			out = mustIndent(sc)
		}
	}
	if _, err := io.WriteString(stdout, out); err != nil {
		fmt.Fprintf(stderr, "designls review: writing output: %v\n", err)
		return exitTrouble
	}
	if in.trouble {
		return exitTrouble
	}
	return exitOK
}

// reviewFile reads and reviews one file under its config. Config problems
// are printed by in and make the run end with exit 2, but the review is
// still made with what could be read.
func reviewFile(in *inputs, path, rubric string) (checks.Scorecard, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return checks.Scorecard{}, fmt.Errorf("%s", describe(err))
	}
	if fi.IsDir() {
		return checks.Scorecard{}, fmt.Errorf("is a folder; review takes one file (check takes folders)")
	}
	abs := in.absolute(path)
	cfg := in.configFor(filepath.Dir(abs))
	return guard(func() (checks.Scorecard, error) {
		src, err := readDoc(path)
		if err != nil {
			return checks.Scorecard{}, err
		}
		opts := cfg.Options(abs)
		if rubric != "" {
			opts.Rubric = rubric
		}
		return checks.Review(checks.Run(displayPath(path), src, opts)), nil
	})
}

// promptDifference names how two scorecards' prompts differ.
func promptDifference(old, new checks.Scorecard) string {
	var parts []string
	if old.Rubric != new.Rubric {
		parts = append(parts, fmt.Sprintf("rubric %s vs %s", old.Rubric, new.Rubric))
	}
	if old.Drill != new.Drill {
		parts = append(parts, fmt.Sprintf("drill %s vs %s", orNone(old.Drill), orNone(new.Drill)))
	}
	return strings.Join(parts, ", ")
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// mustIndent encodes v as indented JSON; the scorecard types always
// encode.
func mustIndent(v any) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic(fmt.Sprintf("encoding %T: %v", v, err))
	}
	return b.String()
}
