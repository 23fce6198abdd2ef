package lsp

import (
	"context"
	"fmt"
	"strings"

	"go.lsp.dev/protocol" // v0.12.0, pinned: see doc.go

	"github.com/designls/designls/checks"
	"github.com/designls/designls/checks/doc"
)

// hover explains, at a diagnostic, the rule behind it (the check's own
// documentation); on a heading of a design doc, which concerns the section
// covers and the interviewer's checklist for each, ticked where the
// section already answers; and on a back-of-envelope equation, what it
// computes to, unless capacity-math is off for the document.
func hover(_ context.Context, s *server, snap *snapshot, p *protocol.HoverParams) (*protocol.Hover, error) {
	a, err := snap.analysis()
	if err != nil {
		return nil, err
	}
	if !a.design {
		return nil, nil
	}
	off := a.m.Offset(p.Position)
	var parts []string
	var span doc.Span
	covered := false
	extend := func(sp doc.Span) {
		if !covered {
			span, covered = sp, true
			return
		}
		span.Start, span.End = min(span.Start, sp.Start), max(span.End, sp.End)
	}

	if sec := headingAt(a.res.Doc, off); sec != nil && (sec != a.res.Doc.Title() || coversAny(a, sec)) {
		parts = append(parts, headingHover(a, sec))
		extend(doc.Span{Start: sec.Heading.Start, End: a.m.LineEnd(a.m.Line(sec.Heading.Start))})
	}

	// The equation first: it answers what the reader is pointing at, and
	// a capacity-math finding on it follows with the rule.
	if checkOn(a, checks.CapacityMath.ID) {
		for _, ev := range a.res.Arithmetic() {
			if off >= ev.Span.Start && off < ev.Span.End {
				parts = append(parts, equationHover(ev))
				extend(ev.Span)
			}
		}
	}

	// One explanation per check, after the messages found here.
	byCheck := map[string][]string{}
	var order []string
	for _, d := range a.res.Diagnostics {
		if off < d.Span.Start || off > d.Span.End {
			continue
		}
		if _, seen := byCheck[d.Check]; !seen {
			order = append(order, d.Check)
		}
		byCheck[d.Check] = append(byCheck[d.Check], d.Message)
		extend(d.Span)
	}
	for _, id := range order {
		var b strings.Builder
		title := id
		c, ok := checks.Lookup(id)
		if ok {
			title = c.Title
		}
		fmt.Fprintf(&b, "**%s** (`%s`)\n\n", title, id)
		for _, m := range byCheck[id] {
			fmt.Fprintf(&b, "- %s\n", m)
		}
		if ok {
			b.WriteString("\n")
			b.WriteString(c.Doc)
		}
		parts = append(parts, b.String())
	}
	if len(parts) == 0 {
		return nil, nil
	}
	rng := a.m.SpanRange(span)
	return &protocol.Hover{
		Contents: protocol.MarkupContent{Kind: protocol.Markdown, Value: strings.Join(parts, "\n\n---\n\n")},
		Range:    &rng,
	}, nil
}

// checkOn reports whether check id runs on the snapshot's document: its
// rubric applies the check and the configuration (severity off, disable)
// does not turn it off. What a check's work shows outside diagnostics, an
// equation's value, follows the same switch, read from the options the
// document was checked with.
func checkOn(a *analysis, id string) bool {
	if a.res.Rubric != nil && !a.res.Rubric.Applies(id) {
		return false
	}
	sev, set := a.opts.Severity[id]
	return !set || sev != checks.Off
}

// headingAt returns the section whose heading line(s) hold off.
func headingAt(d *doc.Document, off int) *doc.Section {
	for _, sec := range d.Sections {
		if off >= sec.Heading.Start && (off < sec.Heading.End || off == len(d.Src) && off == sec.Heading.End) {
			return sec
		}
	}
	return nil
}

// coversAny reports whether sec covers, mentions or is meant to cover a
// concern; a title usually does not, and saying so would be noise.
func coversAny(a *analysis, sec *doc.Section) bool {
	for _, f := range a.res.Coverage {
		if f != nil && (f.Section == sec || f.Pending == sec) {
			return true
		}
	}
	return false
}

// headingHover describes what a section covers and, for each concern it
// covers or mentions, the interviewer's checklist for it: the points the
// section already addresses, with the words that show it, and the open
// ones, with what an answer gives.
func headingHover(a *analysis, sec *doc.Section) string {
	var b strings.Builder
	found := false
	for _, info := range checks.Concerns {
		f := a.res.Coverage.Get(info.ID)
		var state string
		switch {
		case f.State == checks.Covered && f.Section == sec:
			state = "covers"
		case f.Pending == sec:
			state = "is meant to cover (still template prompts or placeholders)"
		case f.State == checks.Mentioned && f.Section == sec:
			state = "mentions in passing"
		default:
			continue
		}
		found = true
		core := ""
		if info.Core {
			core = " (core)"
		}
		fmt.Fprintf(&b, "This section %s **%s**%s: %s.\n\n", state, info.Name, core, info.Covered)
		writeChecklist(&b, a.res.Doc.Src, a.res.Checklist(info.ID, sec))
	}
	if !found {
		return "This section covers none of the design concerns designls knows. If it should, the `synonyms` setting adds heading words to a concern."
	}
	return strings.TrimSpace(b.String())
}

// writeChecklist writes a concern's checklist as a Markdown task list
// under a count, which every client renders (or shows raw) legibly.
func writeChecklist(b *strings.Builder, src []byte, pts []checks.PointState) {
	if len(pts) == 0 {
		return
	}
	done := 0
	for _, p := range pts {
		if p.Addressed {
			done++
		}
	}
	fmt.Fprintf(b, "What interviewers look for here: %d of %d points addressed.\n\n", done, len(pts))
	for _, p := range pts {
		if p.Addressed {
			fmt.Fprintf(b, "- [x] %s — \"%s\"\n", p.Label, evidenceText(src, p.Evidence))
		} else {
			fmt.Fprintf(b, "- [ ] %s: %s\n", p.Label, p.Ask)
		}
	}
	b.WriteString("\n")
}

// evidenceText returns the evidence as written, on one line (a phrase may
// run across a line break) and with the characters that Markdown would
// take for markup escaped. A match that stops inside a token ("POST /" of
// "POST /v1/limits") runs on to the token's end, which says more; only
// ASCII is taken, so a run of CJK text is never swallowed.
func evidenceText(src []byte, sp doc.Span) string {
	sp = sp.Clamp(len(src))
	end := sp.End
	for end < len(src) && end-sp.End < 40 && src[end] > ' ' && src[end] < 0x80 && !strings.ContainsRune(",;()\"'`", rune(src[end])) {
		end++
	}
	for end > sp.End && strings.ContainsRune(".:!?", rune(src[end-1])) {
		end--
	}
	text := strings.Join(strings.Fields(string(src[sp.Start:end])), " ")
	return markdownEscaper.Replace(text)
}

var markdownEscaper = strings.NewReplacer("\\", "\\\\", "`", "\\`", "*", "\\*", "_", "\\_", "<", "\\<", "[", "\\[", "]", "\\]")

// equationHover shows what an equation computes to: "1,000 apps × 10K QPS
// = 10M QPS ✓", with the written figure when it is wrong.
func equationHover(ev checks.Evaluation) string {
	lhs := codeSpan(ev.Expression)
	switch ev.Verdict {
	case "ok":
		return fmt.Sprintf("**Arithmetic**: %s = %s ✓", lhs, ev.Value)
	case "wrong":
		return fmt.Sprintf("**Arithmetic**: %s = %s ✗ (written: %s)", lhs, ev.Value, ev.Written)
	case "unit mismatch":
		why := "the units do not match"
		if ev.Why != "" {
			why += ": " + ev.Why
		}
		return fmt.Sprintf("**Arithmetic**: %s ✗ %s", lhs, why)
	}
	return fmt.Sprintf("**Arithmetic**: %s = %s", lhs, ev.Value)
}

// codeSpan writes s as Markdown code, so that "*" and "_" in an
// expression stay operators: the fence is one backtick longer than the
// longest run of backticks in s.
func codeSpan(s string) string {
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if longest > 0 || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}
