package edit

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Diff returns minimal edits that turn before into after. It diffs by line
// first and refines each changed line by character, so edits stay small
// without the cost of a character diff over the whole document.
func Diff(before, after string) []Edit {
	if before == after {
		return nil
	}
	dmp := diffmatchpatch.New()
	a, b, lines := dmp.DiffLinesToChars(before, after)
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(a, b, false), lines)
	var edits []Edit
	off := 0
	for i := 0; i < len(diffs); i++ {
		d := diffs[i]
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			off += len(d.Text)
		case diffmatchpatch.DiffDelete:
			e := Edit{Start: off, End: off + len(d.Text)}
			if i+1 < len(diffs) && diffs[i+1].Type == diffmatchpatch.DiffInsert {
				e.New = diffs[i+1].Text
				i++
			}
			edits = append(edits, refine(dmp, before, e)...)
			off = e.End
		case diffmatchpatch.DiffInsert:
			edits = append(edits, Edit{Start: off, End: off, New: d.Text})
		}
	}
	return edits
}

// refine splits a line-level replacement into character-level edits.
func refine(dmp *diffmatchpatch.DiffMatchPatch, before string, e Edit) []Edit {
	old := before[e.Start:e.End]
	// go-diff compares runes, which would turn invalid UTF-8 into U+FFFD;
	// such lines are replaced whole instead.
	if e.New == "" || old == "" || !utf8.ValidString(old) || !utf8.ValidString(e.New) {
		return []Edit{e}
	}
	var out []Edit
	off := e.Start
	diffs := dmp.DiffMain(old, e.New, false)
	for i := 0; i < len(diffs); i++ {
		d := diffs[i]
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			off += len(d.Text)
		case diffmatchpatch.DiffDelete:
			x := Edit{Start: off, End: off + len(d.Text)}
			if i+1 < len(diffs) && diffs[i+1].Type == diffmatchpatch.DiffInsert {
				x.New = diffs[i+1].Text
				i++
			}
			out = append(out, x)
			off = x.End
		case diffmatchpatch.DiffInsert:
			out = append(out, Edit{Start: off, End: off, New: d.Text})
		}
	}
	return out
}

// Unified returns a unified diff of before and after with three lines of
// context, labelled with name; it returns "" when they are equal.
func Unified(name, before, after string) string {
	if before == after {
		return ""
	}
	dmp := diffmatchpatch.New()
	a, b, lines := dmp.DiffLinesToChars(before, after)
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(a, b, false), lines)

	// Flatten to one entry per line, tagged ' ', '-' or '+'.
	type line struct {
		tag  byte
		text string
	}
	var all []line
	for _, d := range diffs {
		tag := byte(' ')
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			tag = '-'
		case diffmatchpatch.DiffInsert:
			tag = '+'
		}
		for _, l := range splitLines(d.Text) {
			all = append(all, line{tag, l})
		}
	}

	const context = 3
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- a/%s\n+++ b/%s\n", name, name)
	oldLine, newLine := 1, 1
	for i := 0; i < len(all); {
		if all[i].tag == ' ' {
			i++
			oldLine++
			newLine++
			continue
		}
		// A hunk starts context lines before this change and runs until
		// more than 2*context unchanged lines separate it from the next.
		start := max(i-context, 0)
		for k := i - 1; k >= start; k-- {
			oldLine--
			newLine--
		}
		end := i
		for end < len(all) {
			if all[end].tag != ' ' {
				end++
				continue
			}
			run := end
			for run < len(all) && all[run].tag == ' ' {
				run++
			}
			if run == len(all) || run-end > 2*context {
				end = min(end+context, len(all))
				break
			}
			end = run
		}
		oldN, newN := 0, 0
		for _, l := range all[start:end] {
			if l.tag != '+' {
				oldN++
			}
			if l.tag != '-' {
				newN++
			}
		}
		fmt.Fprintf(&sb, "@@ -%s +%s @@\n", hunkRange(oldLine, oldN), hunkRange(newLine, newN))
		for _, l := range all[start:end] {
			sb.WriteByte(l.tag)
			sb.WriteString(l.text)
			if !strings.HasSuffix(l.text, "\n") {
				sb.WriteString("\n\\ No newline at end of file\n")
			}
		}
		oldLine += oldN
		newLine += newN
		i = end
	}
	return sb.String()
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start-1)
	}
	if n == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}

// splitLines splits s after each "\n", keeping the line endings.
func splitLines(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}
