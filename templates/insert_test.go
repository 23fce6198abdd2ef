package templates

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/designls/designls/checks/doc"
	"github.com/designls/designls/checks/edit"
)

// aliases maps heading titles in the fixtures (lower-cased) to concerns. The
// snippet titles are added by presentIn, so inserted sections are found too.
var aliases = map[string]string{
	"background":   "problem",
	"背景":           "problem",
	"api 设计 🚀":     "api",
	"design":       "",
	"architecture": "architecture",
	"goals":        "goals",
	"rollout":      "rollout",
}

// presentIn finds sections by title, as a stand-in for concern detection.
func presentIn(d *doc.Document) func(string) *doc.Section {
	byTitle := map[string]string{}
	for k, v := range aliases {
		byTitle[k] = v
	}
	s := Builtin()
	for _, c := range s.Order() {
		sn, _ := s.Snippet(c)
		byTitle[strings.ToLower(sn.Title)] = c
	}
	return func(concern string) *doc.Section {
		for _, sec := range d.Sections {
			if byTitle[strings.ToLower(sec.Title)] == concern {
				return sec
			}
		}
		return nil
	}
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "insert", name+".md"))
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func insertAll(t *testing.T, src []byte, concerns ...string) []byte {
	t.Helper()
	d := doc.Parse("fixture.md", src)
	edits := Builtin().InsertEdits(d, concerns, presentIn(d))
	out, err := edit.Apply(src, edits)
	if err != nil {
		t.Fatalf("apply %v: %v", edits, err)
	}
	return out
}

// Golden outputs for chosen insertions; testdata/insert/*.golden hold the
// whole document after the edit.
func TestInsertGolden(t *testing.T) {
	tests := []struct {
		fixture  string
		concerns []string
	}{
		{"basic", []string{"goals"}},                                // after Problem, before API
		{"basic", []string{"slo"}},                                  // after API including its subsection
		{"basic", []string{"alternatives"}},                         // after Rollout, at the end
		{"basic", nil},                                              // every missing concern at once
		{"crlf", []string{"data-model"}},                            // heading right after a list, CRLF
		{"crlf", []string{"goals", "capacity", "rollout"}},          // several groups, CRLF
		{"cjk-emoji", []string{"goals"}},                            // CJK and emoji, no final newline after a table
		{"cjk-emoji", []string{"data-model"}},                       // at the end, after a table with no final newline
		{"setext", []string{"slo"}},                                 // before a setext heading
		{"setext", []string{"goals"}},                               // after a setext section
		{"no-trailing-newline", []string{"goals"}},                  //
		{"open-fence", []string{"slo"}},                             // closes the fence first
		{"open-comment", []string{"slo"}},                           // closes the comment first
		{"front-matter-only", []string{"problem"}},                  //
		{"front-matter-then-section", []string{"problem", "goals"}}, // before the first section
		{"nested", []string{"data-model"}},                          // sibling at level 3
		{"nested", []string{"problem"}},                             // before the nested Architecture, level 3
		{"h1-sections", []string{"goals"}},                          // H1s used as sections: level 1
		{"h1-sections", []string{"rollout"}},                        //
		{"tabs", []string{"goals"}},                                 // extra blank lines stay after the snippet
		{"bom", []string{"problem"}},                                //
		{"empty", []string{"problem"}},                              //
	}
	for _, tt := range tests {
		name := tt.fixture + "." + strings.Join(tt.concerns, "+")
		if tt.concerns == nil {
			name = tt.fixture + ".all"
		}
		t.Run(name, func(t *testing.T) {
			src := readFixture(t, tt.fixture)
			concerns := tt.concerns
			if concerns == nil {
				concerns = Builtin().Order()
			}
			out := insertAll(t, src, concerns...)
			golden := filepath.Join("testdata", "insert", name+".golden")
			if *update {
				if err := os.WriteFile(golden, out, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(out, want) {
				t.Errorf("output differs from %s:\n%s", golden, edit.Unified(name, string(want), string(out)))
			}
		})
	}
}

// Every fixture, every concern: the edit must leave a well-formed document
// in which the new section sits where InsertionPoint said and nothing else
// moved.
func TestInsertInvariants(t *testing.T) {
	fixtures, err := filepath.Glob(filepath.Join("testdata", "insert", "*.md"))
	if err != nil || len(fixtures) == 0 {
		t.Fatal("no fixtures", err)
	}
	s := Builtin()
	for _, f := range fixtures {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		src := readFixture(t, name)
		d := doc.Parse(name, src)
		present := presentIn(d)
		for _, c := range s.Order() {
			_, level, ok := InsertionPoint(d, c, present)
			e, eok := s.InsertEdit(d, c, present)
			if ok != eok || ok != (present(c) == nil) {
				t.Errorf("%s/%s: InsertionPoint ok %v, InsertEdit ok %v, present %v", name, c, ok, eok, present(c) != nil)
			}
			if !ok {
				continue
			}
			checkInsertion(t, name+"/"+c, src, d, c, level, e)
		}
	}
}

func checkInsertion(t *testing.T, label string, src []byte, d *doc.Document, concern string, level int, e edit.Edit) {
	t.Helper()
	s := Builtin()
	out, err := edit.Apply(src, []edit.Edit{e})
	if err != nil {
		t.Errorf("%s: %v", label, err)
		return
	}
	nd := doc.Parse("out.md", out)
	sn, _ := s.Snippet(concern)

	// Exactly one new section, with the snippet's title and level, whose
	// heading lies inside the inserted text and outside code and front matter.
	var added []*doc.Section
	var kept []string
	for _, sec := range nd.Sections {
		if sec.Heading.Start >= e.Start && sec.Heading.Start < e.Start+len(e.New) {
			added = append(added, sec)
			continue
		}
		kept = append(kept, sec.Title+"/"+strings.Repeat("#", sec.Level))
	}
	var old []string
	for _, sec := range d.Sections {
		old = append(old, sec.Title+"/"+strings.Repeat("#", sec.Level))
	}
	if !slices.Equal(kept, old) {
		t.Errorf("%s: existing sections changed:\n got %q\nwant %q", label, kept, old)
	}
	if len(added) != 1 {
		t.Errorf("%s: %d sections added, want 1\n%s", label, len(added), out)
		return
	}
	sec := added[0]
	if sec.Title != sn.Title || sec.Level != level || sec.Setext {
		t.Errorf("%s: added %q at level %d, want %q at level %d", label, sec.Title, sec.Level, sn.Title, level)
	}
	// Being parsed as a heading already shows it is outside code; the
	// document's Code spans are not asked, since checks/doc runs a fence
	// left open inside a list item to the end of the document.
	if sec.Heading.Start < nd.Root.Body.Start {
		t.Errorf("%s: heading placed in front matter", label)
	}
	prompts := 0
	for l := range strings.Lines(string(nd.Text(sec.Own))) {
		if IsPrompt([]byte(l)) {
			prompts++
		}
	}
	if want := strings.Count(sn.Body, "\n") + 1; prompts != want {
		t.Errorf("%s: the new section holds %d prompts, want %d (did a following block merge in?)", label, prompts, want)
	}

	// Line endings follow the document; no new runs of blank lines.
	lf, crlf := bytes.Count(src, []byte("\n")), bytes.Count(src, []byte("\r\n"))
	if crlf > 0 && crlf == lf && bytes.Count(out, []byte("\n")) != bytes.Count(out, []byte("\r\n")) {
		t.Errorf("%s: bare LF inserted into a CRLF document", label)
	}
	if crlf == 0 && bytes.Contains([]byte(e.New), []byte("\r")) {
		t.Errorf("%s: CR inserted into an LF document", label)
	}
	norm := func(b []byte) int {
		b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
		return bytes.Count(bytes.ReplaceAll(b, []byte("\r"), []byte("\n")), []byte("\n\n\n"))
	}
	if norm(out) > norm(src) {
		t.Errorf("%s: insertion made a double blank line:\n%s", label, out)
	}

	// The section is now present, so nothing more is offered.
	if _, ok := s.InsertEdit(nd, concern, presentIn(nd)); ok {
		t.Errorf("%s: snippet offered again after insertion", label)
	}
}

func TestInsertEditsOrdersSharedOffsets(t *testing.T) {
	// API follows Architecture (an earlier concern present); Problem
	// precedes Goals (no earlier concern present); both land between the
	// two existing sections.
	src := []byte("## Architecture\n\nBoxes.\n\n## Goals\n\nFast.\n")
	d := doc.Parse("x.md", src)
	edits := Builtin().InsertEdits(d, []string{"problem", "api", "api", "nope"}, presentIn(d))
	if len(edits) != 1 {
		t.Fatalf("got %d edits, want 1 shared edit: %v", len(edits), edits)
	}
	out, err := edit.Apply(src, edits)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, sec := range doc.Parse("out.md", out).Sections {
		titles = append(titles, sec.Title)
	}
	if want := []string{"Architecture", "API", "Problem", "Goals"}; !slices.Equal(titles, want) {
		t.Errorf("sections = %q, want %q\n%s", titles, want, out)
	}
	if bytes.Contains(out, []byte("\n\n\n")) || !bytes.Contains(out, []byte("Boxes.\n\n## API\n\n")) {
		t.Errorf("bad separation:\n%s", out)
	}
}

func TestInsertAllInTemplateOrder(t *testing.T) {
	for _, fixture := range []string{"basic", "crlf", "cjk-emoji", "setext", "empty", "front-matter-only"} {
		out := insertAll(t, readFixture(t, fixture), Builtin().Order()...)
		d := doc.Parse("out.md", out)
		present := presentIn(d)
		last := -1
		for _, c := range Builtin().Order() {
			sec := present(c)
			if sec == nil {
				t.Errorf("%s: %s missing after inserting everything", fixture, c)
				continue
			}
			if sec.Heading.Start < last {
				t.Errorf("%s: %s out of template order", fixture, c)
			}
			last = sec.Heading.Start
		}
	}
}

func TestInsertionPointLevels(t *testing.T) {
	tests := []struct {
		src     string
		concern string
		offset  int
		level   int
	}{
		{"", "slo", 0, 2},
		{"# Title only\n", "slo", 13, 2},
		{"# Title\n\n### Deep\n", "slo", 18, 3},                  // below the title, at its sections' level
		{"### A\n\n### B\n", "slo", 13, 3},                       // no title: shallowest section
		{"# One\n\n# Two\n", "slo", 13, 1},                       // several bare H1s: sections
		{"# T\n\n## SLO\n\nx\n", "slo", 0, 0},                    // present: not offered
		{"# T\n\n## API\n\nx\n\n## SLO\n", "data-model", 15, 2},  // after API, before its trailing blank line
		{"# T\n\n## SLO\n\nx\n\n## API\n", "rollout", 15, 2},     // after SLO, the nearest earlier concern, wherever it is
		{"# T\n\n## Rollout\n\nx\n\n## API\n", "problem", 19, 2}, // before API, the nearest later concern
	}
	for _, tt := range tests {
		d := doc.Parse("x.md", []byte(tt.src))
		offset, level, ok := InsertionPoint(d, tt.concern, presentIn(d))
		if ok != (tt.level != 0) || offset != tt.offset || level != tt.level {
			t.Errorf("InsertionPoint(%q, %s) = %d, %d, %v; want %d, %d", tt.src, tt.concern, offset, level, ok, tt.offset, tt.level)
		}
	}
	d := doc.Parse("x.md", []byte("# T\n"))
	if _, _, ok := InsertionPoint(d, "latency", nil); ok {
		t.Error("unknown concern accepted")
	}
	if _, _, ok := InsertionPoint(d, "slo", nil); !ok {
		t.Error("nil present func rejected")
	}
}

// The title is never a sibling anchor, even when detection says it covers
// a concern.
func TestInsertTitleIsNotAnAnchor(t *testing.T) {
	src := []byte("# Problem statement\n\nWhy.\n\n## API\n\nCalls.\n")
	d := doc.Parse("x.md", src)
	present := func(c string) *doc.Section {
		switch c {
		case "problem":
			return d.Sections[0]
		case "api":
			return d.Sections[1]
		}
		return nil
	}
	offset, level, ok := InsertionPoint(d, "goals", present)
	if !ok || offset != len("# Problem statement\n\nWhy.\n") || level != 2 {
		t.Errorf("got %d, %d, %v; want before API at level 2", offset, level, ok)
	}
}

func TestInsertUsesOverlaySnippet(t *testing.T) {
	s, err := Builtin().WithOverlay(map[string][]byte{"snippets/slo.md": []byte("## Reliability\n\n- TODO: ours.\n")})
	if err != nil {
		t.Fatal(err)
	}
	src := []byte("## API\r\n\r\nx\r\n")
	d := doc.Parse("x.md", src)
	e, ok := s.InsertEdit(d, "slo", presentIn(d))
	if want := "\r\n## Reliability\r\n\r\n- TODO: ours.\r\n"; !ok || e.Start != len(src) || e.New != want {
		t.Errorf("got %+v, %v; want %q at %d", e, ok, want, len(src))
	}
}

func BenchmarkInsertEdits(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("testdata", "insert", "basic.md"))
	if err != nil {
		b.Fatal(err)
	}
	d := doc.Parse("basic.md", src)
	present := presentIn(d)
	s := Builtin()
	order := s.Order()
	for b.Loop() {
		s.InsertEdits(d, order, present)
	}
}

// BenchmarkInsertEdit asks for one concern's edit at a time, as the
// missing-section check does for each missing concern on every run, in a
// document of about 400 lines whose sections are found by a map lookup,
// so that detection's cost stays out of the figure.
func BenchmarkInsertEdit(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("# Flag service\n\nWhat it is.\n\n")
	for i := 0; i < 40; i++ {
		switch i {
		case 3:
			buf.WriteString("## Problem\n\n")
		case 17:
			buf.WriteString("## API\n\n")
		case 31:
			buf.WriteString("## Rollout\n\n")
		default:
			fmt.Fprintf(&buf, "## Notes %d\n\n", i)
		}
		for j := 0; j < 5; j++ {
			fmt.Fprintf(&buf, "- point %d of section %d, with some words after it\n", j, i)
		}
		buf.WriteString("\nA closing paragraph that runs on for a while.\n\n")
	}
	d := doc.Parse("bench.md", buf.Bytes())
	byConcern := map[string]*doc.Section{}
	for _, sec := range d.Sections {
		switch sec.Title {
		case "Problem":
			byConcern["problem"] = sec
		case "API":
			byConcern["api"] = sec
		case "Rollout":
			byConcern["rollout"] = sec
		}
	}
	present := func(c string) *doc.Section { return byConcern[c] }
	s := Builtin()
	order := s.Order()
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range order {
			s.InsertEdit(d, c, present)
		}
	}
}

// FuzzInsertEdit checks the insertion invariants on arbitrary documents.
func FuzzInsertEdit(f *testing.F) {
	fixtures, _ := filepath.Glob(filepath.Join("testdata", "insert", "*.md"))
	for i, path := range fixtures {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src, uint8(i))
	}
	s := Builtin()
	order := s.Order()
	f.Fuzz(func(t *testing.T, src []byte, pick uint8) {
		d := doc.Parse("fuzz.md", src)
		if bytes.HasPrefix(src, []byte("\uFEFF")) && d.FrontMatter.Empty() {
			// checks/doc hands a leading byte order mark to goldmark, which
			// then reads "\uFEFF## X" as a paragraph; the snippet goes after
			// the mark all the same, which is right, but cannot be re-found.
			t.Skip("byte order mark without front matter")
		}
		present := presentIn(d)
		c := order[int(pick)%len(order)]
		_, level, ok := InsertionPoint(d, c, present)
		e, eok := s.InsertEdit(d, c, present)
		if ok != eok {
			t.Fatalf("InsertionPoint ok %v, InsertEdit ok %v", ok, eok)
		}
		if ok && indentedNext(src[e.Start:]) {
			// Known limitation: a heading indented two or three spaces
			// right after the snippet continues the snippet's last list item.
			t.Skip("indented heading follows the insertion")
		}
		if ok {
			checkInsertion(t, c, src, d, c, level, e)
		}
	})
}

// indentedNext reports whether the first non-blank line of b is indented by
// at least two spaces.
func indentedNext(b []byte) bool {
	for _, line := range strings.FieldsFunc(string(b), func(r rune) bool { return r == '\n' || r == '\r' }) {
		if strings.TrimSpace(line) != "" {
			return strings.HasPrefix(line, "  ")
		}
	}
	return false
}

// The cached renderings insertion cuts its text from must match Render at
// every level and line ending, whether filled now or earlier, and filling
// them from several goroutines at once must be safe (run with -race).
func TestInsertTextMatchesRender(t *testing.T) {
	s, err := Builtin().WithOverlay(map[string][]byte{"snippets/slo.md": []byte("# Reliability\r\n\r\n- TODO: ours.\r\n")})
	if err != nil {
		t.Fatal(err)
	}
	check := func() []string {
		var bad []string
		for r, c := range s.Order() {
			sn, _ := s.Snippet(c)
			for level := 0; level <= 7; level++ {
				for _, eol := range []string{"\n", "\r\n", ""} {
					want := sn.Render(level, eol)
					e := "\n"
					if eol == "\r\n" {
						e = eol
					}
					want = strings.Repeat(e, padBefore) + want + strings.Repeat(e, padAfter)
					if got := s.insertText(c, r, level, eol); got != want {
						bad = append(bad, fmt.Sprintf("%s at level %d with %q: got %q, want %q", c, level, eol, got, want))
					}
				}
			}
		}
		return bad
	}
	results := make(chan []string, 4)
	for range 4 {
		go func() { results <- check() }()
	}
	for range 4 {
		for _, b := range <-results {
			t.Error(b)
		}
	}
	for _, b := range check() {
		t.Error(b)
	}
}

func TestTrimBlankLines(t *testing.T) {
	tests := []struct {
		src      string
		p, lower int
		want     int
	}{
		{"a\n\n\n", 4, 0, 2},
		{"a \t\r\n \t\r\n", 9, 0, 5}, // CRLF, spaces and tabs on the blank line
		{"a\r\r", 3, 0, 2},           // lone CR endings
		{"\n\n", 2, 1, 1},            // not before lower
		{"\n \n", 3, 2, 3},           // the blank line starts before lower
		{"  x", 3, 0, 3},             // a last line of text without an ending
		{"x\n  \t", 5, 0, 2},         // a last line of blanks without an ending
		{"見出し\n\n", 11, 0, 10},       // multi-byte text is content
	}
	for _, tt := range tests {
		if got := trimBlankLines([]byte(tt.src), tt.p, tt.lower); got != tt.want {
			t.Errorf("trimBlankLines(%q, %d, %d) = %d, want %d", tt.src, tt.p, tt.lower, got, tt.want)
		}
	}
	src := []byte("ab\n  \r\n\tc\n \t")
	for offset, want := range map[int]bool{0: false, 3: true, 7: false, 10: true, len(src): true} {
		if got := blankLineAt(src, offset); got != want {
			t.Errorf("blankLineAt(%q, %d) = %v, want %v", src, offset, got, want)
		}
	}
}
