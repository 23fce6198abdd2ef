package checks

import (
	"testing"

	"github.com/designls/designls/checks/doc"
	"github.com/designls/designls/checks/numbers"
)

// sloTargetsEvery is sloTargets asking every phrase list of every
// sentence, and the whole document for both targets: the reference that
// its lazier lookups are held to.
func sloTargetsEvery(pass *Pass, span Span) (avail, latency bool) {
	d, t := pass.Doc, pass.prose()
	for _, s := range t.sentences(d, span, true) {
		var pct, small, dur bool
		for _, q := range numbers.Quantities(d.Src[s.Start:s.End]) {
			switch {
			case q.Unit.Text == "%" || q.Unit.Text == "percent":
				pct = pct || q.Number >= 90 && q.Number < 100
				small = small || q.Number > 0 && q.Number <= 5
			case q.Unit.Dim == numbers.Duration && q.Base > 0 && q.Base <= 3600:
				dur = true
			}
		}
		pctl := t.has(percentileWords, s)
		if dur && (pctl || pct) {
			latency = true
		}
		if (pct && !dur) || t.has(ninesWords, s) || (small && t.has(availabilityWords, s)) ||
			(pct && t.has(availabilityWords, s) && !pctl) {
			avail = true
		}
	}
	return
}

var sloSamples = []string{
	"# SLO\n\n99.95% of requests succeed per 30 days; p99 latency < 5 ms.\n",
	"# SLO\n\nAvailability 99.9%.\n\n# Other\n\np99 under 20 ms.\n",
	"# SLO\n\np99 < 50 ms.\n\n# Reqs\n\nfour nines\n",
	"# SLO\n\nHighly available and fast.\n",
	"# SLO\r\n\r\n- fewer than 0.1% of requests fail\r\n- 99% of builds start within 30 s\r\n",
	"# SLO\n\n可用性 99.9%，p99 延迟 5 ms。🚀 e\u0301 99.5%\tper month\n",
	"# SLO\n\nThe p99 is 99% of 1 s. The median is 3 ms. 5xx below 2%.\n",
}

// TestSLOTargetsLazy holds sloTargets, and its use of the section's
// findings when reading the whole document, to asking everything of
// every sentence, over samples and the repository's Markdown files.
func TestSLOTargetsLazy(t *testing.T) {
	docs := maskDocs(t)
	for i, s := range sloSamples {
		docs["slo sample "+string(rune('a'+i))] = []byte(s)
	}
	seen := map[[2]bool]int{}
	for name, src := range docs {
		d := doc.Parse(name, src)
		pass := &Pass{Doc: d}
		whole := Span{Start: 0, End: len(src)}
		spans := []Span{whole}
		for _, s := range d.Sections {
			spans = append(spans, s.Body)
		}
		wa, wl := sloTargetsEvery(pass, whole)
		for _, sp := range spans {
			a, l := sloTargetsEvery(pass, sp)
			seen[[2]bool{a, l}]++
			if ga, gl := sloTargets(pass, sp, false, false); ga != a || gl != l {
				t.Errorf("%s %v: sloTargets = %v, %v; want %v, %v", name, sp, ga, gl, a, l)
			}
			// The second reading, of the whole document given the section's.
			if ga, gl := sloTargets(pass, whole, a, l); ga != (a || wa) || gl != (l || wl) {
				t.Errorf("%s %v: whole document after section = %v, %v; want %v, %v", name, sp, ga, gl, a || wa, l || wl)
			}
		}
	}
	if len(seen) < 4 {
		t.Errorf("only %d of the 4 outcomes seen: %v", len(seen), seen)
	}
}
