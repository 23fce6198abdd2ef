package checks

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// textWidth is the terminal width the text renderers fit.
const textWidth = 80

// ANSI styles, used only when a renderer is asked for colour.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiDim    = "\x1b[2m"
)

type painter bool

func (p painter) paint(style, s string) string {
	if !p || s == "" {
		return s
	}
	return style + s + ansiReset
}

func (p painter) mark(m Mark) string {
	style := ansiRed
	switch m {
	case MarkCovered:
		style = ansiGreen
	case MarkPartial:
		style = ansiYellow
	}
	return p.paint(style, m.Symbol())
}

// Text renders the scorecard for a terminal of 80 columns. Colour codes
// are written only when color is true: the caller decides (a TTY, and
// NO_COLOR unset).
func (s Scorecard) Text(color bool) string {
	p := painter(color)
	var b strings.Builder
	name := s.Document
	if s.Title != "" {
		name = s.Title
	}
	writeWrapped(&b, p.paint(ansiBold, "Scorecard: ")+name, "", "")
	head := fmt.Sprintf("Score %d/100 · rubric %s", s.Score, s.RubricTitle)
	if s.Drill != "" {
		head += " · drill " + s.Drill
	}
	writeWrapped(&b, head, "", "")

	width := 0
	for _, it := range s.Items {
		if it.Kind != KindExpectation {
			width = max(width, displayWidth(it.Name))
		}
	}
	width = min(width, 24)
	section := ""
	for _, it := range s.Items {
		if title := itemSection(it.Kind); title != section {
			section = title
			b.WriteString("\n" + p.paint(ansiBold, title) + "\n")
		}
		// Evidence fits the rest of the line, its line number kept.
		evidence := func(room int) string {
			ev, suffix := it.Evidence, ""
			if ev != "" && it.Line > 0 {
				suffix = fmt.Sprintf(" (line %d)", it.Line)
			}
			if ev == "" && it.Mark == MarkMissing {
				ev = "missing"
			}
			return truncate(ev, room-displayWidth(suffix)) + suffix
		}
		if it.Kind == KindExpectation {
			writeWrapped(&b, it.Name, "  "+p.mark(it.Mark)+" ", "    ")
			if ev := evidence(textWidth - 4); ev != "missing" {
				b.WriteString("    " + p.paint(ansiDim, ev) + "\n")
			}
		} else {
			label := padRight(truncate(it.Name, width), width)
			if it.Expected {
				label = p.paint(ansiBold, label)
			}
			lead := "  " + p.mark(it.Mark) + " " + label + "  "
			b.WriteString(lead + p.paint(ansiDim, evidence(textWidth-6-width)) + "\n")
		}
		for _, q := range it.Open {
			writeWrapped(&b, q.Text, "      ? ", "        ")
		}
	}
	if len(s.Next) > 0 {
		b.WriteString("\n" + p.paint(ansiBold, "Next") + "\n")
		for i, a := range s.Next {
			text := a.Text
			if a.Line > 0 {
				text += fmt.Sprintf(" (line %d)", a.Line)
			}
			writeWrapped(&b, text, fmt.Sprintf("  %d. ", i+1), "     ")
		}
	}
	if other := otherLine(s.Other); other != "" {
		b.WriteString("\n" + other + "\n")
	}
	return b.String()
}

// Markdown renders the scorecard as a Markdown document: a table per kind
// of item, open questions under their item, and the next steps.
func (s Scorecard) Markdown() string {
	var b strings.Builder
	name := s.Document
	if s.Title != "" {
		name = s.Title
	}
	fmt.Fprintf(&b, "# Scorecard: %s\n\n", mdInline(name))
	fmt.Fprintf(&b, "**Score %d/100** · rubric %s", s.Score, mdInline(s.RubricTitle))
	if s.Drill != "" {
		fmt.Fprintf(&b, " · drill `%s`", s.Drill)
	}
	b.WriteString("\n")
	section := ""
	for _, it := range s.Items {
		if title := itemSection(it.Kind); title != section {
			section = title
			fmt.Fprintf(&b, "\n## %s\n\n|  | %s | Evidence |\n| --- | --- | --- |\n", title, strings.TrimSuffix(title, "s"))
		}
		name := mdCell(it.Name)
		if it.Expected {
			name = "**" + name + "**"
		}
		ev := mdCell(it.Evidence)
		if it.Line > 0 {
			ev += fmt.Sprintf(" (line %d)", it.Line)
		}
		for _, q := range it.Open {
			ev += "<br>❓ " + mdCell(q.Text)
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", it.Mark.Symbol(), name, ev)
	}
	if len(s.Next) > 0 {
		b.WriteString("\n## Next\n\n")
		for i, a := range s.Next {
			fmt.Fprintf(&b, "%d. %s", i+1, mdInline(a.Text))
			if a.Line > 0 {
				fmt.Fprintf(&b, " (line %d)", a.Line)
			}
			b.WriteString("\n")
		}
	}
	if other := otherLine(s.Other); other != "" {
		b.WriteString("\n" + other + "\n")
	}
	return b.String()
}

// Text renders the comparison of two attempts for an 80-column terminal.
func (d Delta) Text(color bool) string {
	p := painter(color)
	var b strings.Builder
	fmt.Fprintf(&b, "%s %d → %d (%+d)\n", p.paint(ansiBold, "Score"), d.OldScore, d.NewScore, d.NewScore-d.OldScore)
	changes := func(title string, cs []Change) {
		if len(cs) == 0 {
			return
		}
		b.WriteString("\n" + p.paint(ansiBold, title) + "\n")
		for _, c := range cs {
			writeWrapped(&b, fmt.Sprintf("%s → %s %s", p.mark(c.From), p.mark(c.To), c.Name), "  ", "      ")
		}
	}
	questions := func(title string, qs []Question) {
		if len(qs) == 0 {
			return
		}
		b.WriteString("\n" + p.paint(ansiBold, title) + "\n")
		for _, q := range qs {
			writeWrapped(&b, q.Text, "  ? ", "    ")
		}
	}
	changes("Gained", d.Gained)
	changes("Lost", d.Lost)
	questions("Follow-ups answered", d.Answered)
	questions("Follow-ups raised", d.Raised)
	if len(d.Gained)+len(d.Lost)+len(d.Answered)+len(d.Raised) == 0 {
		b.WriteString("\nNo change in coverage or open questions.\n")
	}
	return b.String()
}

// Markdown renders the comparison of two attempts.
func (d Delta) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Compared attempts\n\n**Score %d → %d** (%+d)\n", d.OldScore, d.NewScore, d.NewScore-d.OldScore)
	changes := func(title string, cs []Change) {
		if len(cs) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n## %s\n\n", title)
		for _, c := range cs {
			fmt.Fprintf(&b, "- %s → %s %s\n", c.From.Symbol(), c.To.Symbol(), mdInline(c.Name))
		}
	}
	questions := func(title string, qs []Question) {
		if len(qs) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n## %s\n\n", title)
		for _, q := range qs {
			fmt.Fprintf(&b, "- %s\n", mdInline(q.Text))
		}
	}
	changes("Gained", d.Gained)
	changes("Lost", d.Lost)
	questions("Follow-ups answered", d.Answered)
	questions("Follow-ups raised", d.Raised)
	return b.String()
}

func itemSection(kind string) string {
	switch kind {
	case KindPart:
		return "Parts"
	case KindExpectation:
		return "Drill expectations"
	}
	return "Concerns"
}

func otherLine(other map[string]int) string {
	if len(other) == 0 {
		return ""
	}
	var parts []string
	var names []string
	for k := range other {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool {
		a, _ := ParseSeverity(names[i])
		b, _ := ParseSeverity(names[j])
		return a < b
	})
	for _, k := range names {
		parts = append(parts, fmt.Sprintf("%d %s", other[k], k))
	}
	return "Other findings: " + strings.Join(parts, ", ") + "."
}

// writeWrapped writes text wrapped to textWidth display columns, the first
// line after first and the others after rest.
func writeWrapped(b *strings.Builder, text, first, rest string) {
	lead := first
	avail := textWidth - displayWidth(first)
	line, lineW := "", 0
	flush := func() {
		b.WriteString(lead + line + "\n")
		lead, avail = rest, textWidth-displayWidth(rest)
		line, lineW = "", 0
	}
	for _, w := range strings.Fields(text) {
		ww := displayWidth(w)
		switch {
		case lineW == 0:
		case lineW+1+ww <= avail:
			line += " "
			lineW++
		default:
			flush()
		}
		for ww > avail && lineW == 0 {
			// A word longer than the line (a URL): cut it.
			head := truncateRaw(w, avail)
			line, lineW = head, displayWidth(head)
			flush()
			w = w[len(head):]
			ww = displayWidth(w)
		}
		line += w
		lineW += ww
	}
	if lineW > 0 || lead == first {
		flush()
	}
}

// displayWidth counts terminal columns: East Asian wide characters and
// emoji take two, combining marks none.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

func runeWidth(r rune) int {
	switch {
	case r == 0 || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || r == 0x200D || (r >= 0xFE00 && r <= 0xFE0F):
		return 0
	case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0xA4CF, r >= 0xAC00 && r <= 0xD7A3, r >= 0xF900 && r <= 0xFAFF,
		r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6, r >= 0x1F300 && r <= 0x1F64F,
		r >= 0x1F900 && r <= 0x1F9FF, r >= 0x1F680 && r <= 0x1F6FF, r >= 0x20000 && r <= 0x3FFFD:
		return 2
	}
	return 1
}

// truncate shortens s to at most width columns, ending in "…" when cut.
func truncate(s string, width int) string {
	if displayWidth(s) <= width {
		return s
	}
	if width < 1 {
		return ""
	}
	return truncateRaw(s, width-1) + "…"
}

// truncateRaw returns the longest prefix of s that fits width columns,
// never splitting a character from the marks that combine with it.
func truncateRaw(s string, width int) string {
	w, end := 0, 0
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		rw := runeWidth(r)
		if rw > 0 && w+rw > width {
			break
		}
		w += rw
		end += size
	}
	return s[:end]
}

func padRight(s string, width int) string {
	if n := width - displayWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// mdCell makes text safe in a Markdown table cell: one line, pipes
// escaped.
func mdCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(s, "|", `\|`)
}

// mdInline keeps text on one line.
func mdInline(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
