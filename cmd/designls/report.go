package main

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"

	"github.com/designls/designls/checks"
	"github.com/designls/designls/checks/doc"
)

// report is what the output formats need of one checked file. It keeps
// positions and strings only, so a run over many files does not hold every
// parsed document until the end.
type report struct {
	Path        string       `json:"path"`
	Rubric      string       `json:"rubric"`
	Concerns    concerns     `json:"concerns"`
	Diagnostics []diagnostic `json:"diagnostics"`

	err error // set when the file could not be checked
}

type concern struct {
	id       checks.Concern
	State    string `json:"state"`
	Line     int    `json:"line,omitempty"`
	Evidence string `json:"evidence,omitempty"`
}

// concerns marshals as one JSON object keyed by concern ID, in the order of
// checks.Concerns rather than sorted, so it reads like the vocabulary.
type concerns []concern

func (cs concerns) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, c := range cs {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(string(c.id))
		v, err := json.Marshal(struct {
			State    string `json:"state"`
			Line     int    `json:"line,omitempty"`
			Evidence string `json:"evidence,omitempty"`
		}{c.State, c.Line, c.Evidence})
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// diagnostic is a finding with 1-based lines and byte columns; End is
// exclusive, the column just past the last byte.
type diagnostic struct {
	Line      int     `json:"line"`
	Column    int     `json:"column"`
	EndLine   int     `json:"endLine"`
	EndColumn int     `json:"endColumn"`
	Severity  string  `json:"severity"`
	Code      string  `json:"code"`
	Concern   string  `json:"concern"`
	Part      string  `json:"part,omitempty"` // a rubric part that is not a concern
	Message   string  `json:"message"`
	Fixes     []fix   `json:"fixes,omitempty"`
	Related   []place `json:"related,omitempty"`

	sev checks.Severity
	// Code point columns, for SARIF, which has no byte columns.
	cpColumn, cpEndColumn int
}

type fix struct {
	Message string     `json:"message"`
	Edits   []editJSON `json:"edits"`
}

type editJSON struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	NewText   string `json:"newText"`
}

type place struct {
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

// newReport converts a result. This is where byte offsets become the
// 1-based lines and byte columns the command line prints.
func newReport(path string, res *checks.Result, withFixes bool) *report {
	d := res.Doc
	r := &report{Path: path, Diagnostics: []diagnostic{}}
	if res.Rubric != nil {
		r.Rubric = res.Rubric.Name
	}
	for _, info := range checks.Concerns {
		f := res.Coverage.Get(info.ID)
		c := concern{id: info.ID, State: f.State.String()}
		if f.State != checks.Missing {
			c.Line = d.Lines.Position(f.Span.Start).Line
			c.Evidence = f.Evidence
			if f.State == checks.Covered {
				c.Evidence = headingLine(d, f)
			}
		}
		r.Concerns = append(r.Concerns, c)
	}
	for _, dg := range res.Diagnostics {
		start, end := d.Lines.Position(dg.Span.Start), d.Lines.Position(dg.Span.End)
		out := diagnostic{
			Line: start.Line, Column: start.Col, EndLine: end.Line, EndColumn: end.Col,
			Severity: dg.Severity.String(), Code: dg.Check, Concern: string(dg.Concern), Part: dg.Part, Message: dg.Message,
			sev:      dg.Severity,
			cpColumn: codePointColumn(d, dg.Span.Start), cpEndColumn: codePointColumn(d, dg.Span.End),
		}
		if withFixes {
			for _, f := range dg.Fixes {
				fx := fix{Message: f.Message, Edits: []editJSON{}}
				for _, e := range f.Edits {
					s, t := d.Lines.Position(e.Start), d.Lines.Position(e.End)
					fx.Edits = append(fx.Edits, editJSON{s.Line, s.Col, t.Line, t.Col, e.New})
				}
				out.Fixes = append(out.Fixes, fx)
			}
		}
		for _, rel := range dg.Related {
			p := d.Lines.Position(rel.Span.Start)
			out.Related = append(out.Related, place{p.Line, p.Col, rel.Message})
		}
		r.Diagnostics = append(r.Diagnostics, out)
	}
	return r
}

// headingLine is the evidence for a covering section: its heading line as
// written, "## API", so a reader can search for it.
func headingLine(d *doc.Document, f *checks.Finding) string {
	line := d.Lines.Line(f.Span.Start)
	text := d.Src[d.Lines.LineStart(line):d.Lines.LineEnd(d.Src, line)]
	return string(bytes.TrimRight(text, " \t"))
}

// codePointColumn is the 1-based column of off counted in Unicode code
// points (an invalid byte counts as one).
func codePointColumn(d *doc.Document, off int) int {
	p := d.Lines.Position(off)
	start := d.Lines.Offset(doc.Position{Line: p.Line, Col: 1})
	end := min(max(off, start), len(d.Src))
	return utf8.RuneCount(d.Src[start:end]) + 1
}
