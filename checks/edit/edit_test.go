package edit

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

func TestApply(t *testing.T) {
	src := []byte("héllo wörld\r\n")
	cases := []struct {
		name  string
		edits []Edit
		want  string
		err   bool
	}{
		{"none", nil, "héllo wörld\r\n", false},
		{"insert at start", []Edit{{0, 0, "¡"}}, "¡héllo wörld\r\n", false},
		{"insert at end", []Edit{{15, 15, "x"}}, "héllo wörld\r\nx", false},
		{"replace multibyte", []Edit{{1, 3, "e"}}, "hello wörld\r\n", false},
		{"unordered", []Edit{{8, 10, "o"}, {1, 3, "e"}}, "hello world\r\n", false},
		{"two inserts same offset keep order", []Edit{{0, 0, "a"}, {0, 0, "b"}}, "abhéllo wörld\r\n", false},
		{"overlap", []Edit{{0, 3, ""}, {2, 4, ""}}, "", true},
		{"past end", []Edit{{10, 16, ""}}, "", true},
		{"negative", []Edit{{-1, 0, ""}}, "", true},
		{"reversed", []Edit{{3, 2, ""}}, "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Apply(src, c.edits)
			if c.err {
				if err == nil {
					t.Fatalf("Apply = %q, want an error", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != c.want {
				t.Errorf("Apply = %q, want %q", got, c.want)
			}
		})
	}
	if string(src) != "héllo wörld\r\n" {
		t.Errorf("Apply modified its input: %q", src)
	}
}

func TestDiffRoundTrip(t *testing.T) {
	pairs := [][2]string{
		{"", "a\n"},
		{"a\n", ""},
		{"a\nb\nc\n", "a\nB\nc\n"},
		{"# T\r\n\r\n## API\r\nx\r\n", "# T\r\n\r\n## API\r\nx\r\n\r\n## SLO\r\n- TODO: p99\r\n"},
		{"设计文档\n容量\n", "设计文档\n容量 🚀\n"},
		{"e\u0301\tx\n", "é\tx\n"},
		{"no newline", "no newline at end"},
	}
	for _, p := range pairs {
		edits := Diff(p[0], p[1])
		got, err := Apply([]byte(p[0]), edits)
		if err != nil {
			t.Fatalf("Diff(%q, %q) gave edits that do not apply: %v", p[0], p[1], err)
		}
		if string(got) != p[1] {
			t.Errorf("Diff(%q, %q) applied = %q", p[0], p[1], got)
		}
	}
	if e := Diff("same", "same"); e != nil {
		t.Errorf("Diff of equal texts = %v, want none", e)
	}
	// A one-word change deep in a long line stays a small edit.
	long := strings.Repeat("word ", 200) + "\n"
	e := Diff(long, strings.Replace(long, "word", "WORD", 1))
	if len(e) != 1 || e[0].End-e[0].Start > 4 {
		t.Errorf("Diff of a one-word change = %v, want one small edit", e)
	}
}

// applyUnified applies a unified diff made by Unified, so that the test
// checks the diff's meaning and not just its look.
func applyUnified(t *testing.T, before, diff string) string {
	t.Helper()
	old := splitLines(before)
	var out []string
	next := 0 // index into old of the next line not yet copied
	sc := bufio.NewScanner(strings.NewReader(diff))
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	for i := 2; i < len(lines); i++ {
		l := lines[i]
		if !strings.HasPrefix(l, "@@ ") {
			t.Fatalf("expected a hunk header, got %q", l)
		}
		var oldStart int
		r := strings.Fields(l)[1][1:]
		oldStart, _ = strconv.Atoi(strings.Split(r, ",")[0])
		if strings.HasSuffix(r, ",0") {
			oldStart++
		}
		for next < oldStart-1 {
			out = append(out, old[next])
			next++
		}
		for i+1 < len(lines) && !strings.HasPrefix(lines[i+1], "@@ ") {
			i++
			l := lines[i]
			noEOL := i+1 < len(lines) && lines[i+1] == `\ No newline at end of file`
			text := l[1:]
			if !noEOL {
				text += "\n"
			}
			switch l[0] {
			case ' ':
				out = append(out, text)
				next++
			case '-':
				next++
			case '+':
				out = append(out, text)
			default:
				t.Fatalf("bad diff line %q", l)
			}
			if noEOL {
				i++
			}
		}
	}
	out = append(out, old[next:]...)
	return strings.Join(out, "")
}

func TestUnified(t *testing.T) {
	var a, b strings.Builder
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&a, "line %d\n", i)
		switch i {
		case 3:
			b.WriteString("line three\n")
		case 20:
		case 39:
			fmt.Fprintf(&b, "line %d\nadded\n", i)
		default:
			fmt.Fprintf(&b, "line %d\n", i)
		}
	}
	d := Unified("doc.md", a.String(), b.String())
	if !strings.HasPrefix(d, "--- a/doc.md\n+++ b/doc.md\n@@ -1,6 +1,6 @@\n") {
		t.Errorf("unexpected diff header:\n%s", d)
	}
	if n := strings.Count(d, "@@ -"); n != 3 {
		t.Errorf("got %d hunks, want 3:\n%s", n, d)
	}
	if got := applyUnified(t, a.String(), d); got != b.String() {
		t.Errorf("applying the diff gave:\n%s", got)
	}
	for _, p := range [][2]string{{"", "new\n"}, {"x", "y"}, {"a\nb", "a\nb\nc\n"}} {
		d := Unified("f", p[0], p[1])
		if got := applyUnified(t, p[0], d); got != p[1] {
			t.Errorf("Unified(%q, %q) applied = %q\n%s", p[0], p[1], got, d)
		}
	}
	if Unified("f", "same", "same") != "" {
		t.Error("Unified of equal texts is not empty")
	}
}

func FuzzApplyDiff(f *testing.F) {
	f.Add("a\nb\n", "a\nc\n")
	f.Add("設計\r\n", "設計 🚀\r\n")
	f.Fuzz(func(t *testing.T, a, b string) {
		got, err := Apply([]byte(a), Diff(a, b))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != b {
			t.Fatalf("round trip gave %q, want %q", got, b)
		}
	})
}
