package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/designls/designls/checks"
)

func init() {
	register("drills", "[NAME]",
		"list the practice drills, or show one drill's prompt and what a good answer states; start one with new --drill NAME FILE", runDrills)
}

func runDrills(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("drills", stderr)
	names, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	switch len(names) {
	case 0:
		tw := tabwriter.NewWriter(stdout, 0, 8, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tRUBRIC\tMINUTES\tTITLE")
		for _, d := range checks.Drills() {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", d.Name, d.Rubric, d.Minutes, d.Title)
		}
		tw.Flush()
		return exitOK
	case 1:
		d, ok := lookupDrill(names[0], stderr, "drills")
		if !ok {
			return exitTrouble
		}
		writeDrill(stdout, d)
		return exitOK
	}
	return usageError(stderr, "drills", "want at most one drill NAME, got %d", len(names))
}

// lookupDrill finds a drill by name, or prints the usage error naming the
// drills there are.
func lookupDrill(name string, stderr io.Writer, cmd string) (*checks.Drill, bool) {
	if d, ok := checks.LookupDrill(name); ok {
		return d, true
	}
	var known []string
	for _, d := range checks.Drills() {
		known = append(known, d.Name)
	}
	usageError(stderr, cmd, "no drill %q (drills: %s)", name, strings.Join(known, ", "))
	return nil, false
}

// writeDrill prints one drill as a candidate reads it before starting.
func writeDrill(w io.Writer, d *checks.Drill) {
	fmt.Fprintf(w, "%s (%s)\nRubric %s · time box %d minutes\n\n", d.Title, d.Name, d.Rubric, d.Minutes)
	for _, para := range strings.Split(strings.TrimSpace(d.Prompt), "\n\n") {
		fmt.Fprintln(w, wrap(strings.Join(strings.Fields(para), " "), 80, "  "))
		fmt.Fprintln(w)
	}
	if len(d.Expect) > 0 {
		fmt.Fprintln(w, "A good answer states:")
		for _, e := range d.Expect {
			fmt.Fprintln(w, wrap(e.What, 80, "  - ", "    "))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "Start it with: designls new --drill %s FILE\n", d.Name)
}

// wrap breaks text at spaces into lines of at most width characters,
// indent included: first before the first line, rest (first, when absent)
// before the others. Drill text is Latin script, one column a character.
func wrap(text string, width int, first string, rest ...string) string {
	next := first
	if len(rest) > 0 {
		next = rest[0]
	}
	var b strings.Builder
	line := first
	fresh := true
	for _, word := range strings.Fields(text) {
		if !fresh && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width {
			b.WriteString(line + "\n")
			line, fresh = next, true
		}
		if !fresh {
			line += " "
		}
		line += word
		fresh = false
	}
	b.WriteString(line)
	return b.String()
}

// newFromDrill writes a drill's starter document to file ("-" prints it),
// with the skeleton of the drill's rubric from the templates of the config
// governing dir.
func newFromDrill(name, file, dir string, force bool, stdout, stderr io.Writer) int {
	d, ok := lookupDrill(name, stderr, "new")
	if !ok {
		return exitTrouble
	}
	set, _, clean := templateSet(dir, stderr)
	text, err := d.Starter(set)
	if err != nil {
		fmt.Fprintf(stderr, "designls new: %v\n", err)
		return exitTrouble
	}
	if file == "-" {
		fmt.Fprint(stdout, text)
	} else if err := writeNew(file, []byte(text), force); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", file, err)
		return exitTrouble
	} else {
		fmt.Fprintf(stderr, "%s: written from drill %s (%d minutes; designls review %s scores it)\n", file, d.Name, d.Minutes, file)
	}
	if !clean {
		return exitTrouble
	}
	return exitOK
}
