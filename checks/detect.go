package checks

import (
	"github.com/designls/designls/checks/doc"
)

// Thresholds of detection. Scores add the weights of distinct phrases:
// strong evidence counts weightStrong, weak weightWeak. They were chosen on
// the labelled corpus and hold on each half of it (see the corpus test).
const (
	// minWords is how many words of real content (placeholders, prompts,
	// comments and link-only lines left out) a section needs to cover
	// anything. An image, a table or a code block also counts.
	minWords = 8
	// hintScore is the evidence a section under a hinting heading needs
	// ("Graduation criteria" must name a feature gate or a default).
	hintScore = 3
	// hintStrong is how many strong phrases that evidence must include.
	hintStrong = 1
	// mentionScore is the evidence that makes a concern covered inside a
	// section about something else: two strong phrases, or one strong and
	// three weak ones.
	mentionScore = 6
	// mentionStrong is how many distinct strong phrases a mention needs.
	mentionStrong = 1
	// leadScore is the evidence with which a section under a generic
	// heading ("Design details") counts as a section about a concern.
	leadScore = 7
	// leadStrong is how many strong phrases that evidence must include.
	leadStrong = 2
)

// nConcerns is the number of concerns; arrays below are indexed like
// Concerns.
const nConcerns = 16

// Detect decides, for every concern, whether d covers it in a section of
// its own, mentions it substantively elsewhere, or misses it.
//
// One pass scans every section's own text into words, leaving out
// placeholders, template prompts, HTML comments and link-only lines, and
// looks each word up in v. Then, per concern:
//
//   - a section whose heading is about the concern and that has content
//     covers it (the first such section is reported);
//   - so does a section whose heading hints at it, or says nothing
//     (generic or unknown headings), when its body's evidence for the
//     concern is strong enough and, for generic headings, leads;
//   - otherwise a section mentions it when two consecutive blocks of its
//     own text give substantive evidence: two strong phrases, or one with
//     several weak ones ("99.95%" and "p99"; "canary" with "rollback").
//     Questions, sentences pointing to a link, and synonyms side by side
//     ("authentication/authorization") do not count;
//   - a section about the concern with nothing but placeholders is
//     recorded as Pending.
func Detect(d *doc.Document, v *Vocabulary) Coverage {
	return detect(d, v, nil)
}

// detect is Detect leaving out the lines of skip (sorted spans of text
// that is not the author's, such as a drill's quoted prompt).
func detect(d *doc.Document, v *Vocabulary, skip []Span) Coverage {
	if v == nil {
		v = DefaultVocabulary()
	}
	x := scanners.Get()
	x.skip = skip
	stats := x.scanDocument(d, v)
	cv := make(Coverage, len(Concerns))
	findings := make([]Finding, len(Concerns))
	for i, c := range Concerns {
		findings[i] = decide(d, stats, i)
		cv[c.ID] = &findings[i]
	}
	x.release()
	scanners.Put(x, len(d.Src))
	return cv
}

// decide turns the scan into the finding for Concerns[c].
func decide(d *doc.Document, stats []secStat, c int) Finding {
	id := Concerns[c].ID
	f := &Finding{Concern: id}
	var hinted, led, mention *secStat
	for i := 1; i < len(stats); i++ {
		st := &stats[i]
		content := st.bodyWords >= minWords || st.bodyMedia
		switch {
		case st.head[c] == weightAbout && !st.title:
			if content {
				f.State, f.Section, f.Span, f.Evidence = Covered, st.sec, st.sec.Heading, st.sec.Title
				f.Pending = nil
				return *f
			}
			if f.Pending == nil && st.bodyWords == 0 && !st.bodyMedia && !st.bodyLinks {
				f.Pending = st.sec
			}
		case st.head[c] == weightHint && !st.title:
			if hinted == nil && content {
				if int(st.bodyScore[c]) >= hintScore && int(st.bodyStrong[c]) >= hintStrong {
					hinted = st
				}
			}
		case st.generic && !st.aside && !st.title && led == nil:
			if leads(st, c) {
				led = st
			}
		}
		if mention == nil && !st.aside && mentions(st, c) {
			mention = st
		}
	}
	if st := firstOf(hinted, led); st != nil {
		f.State, f.Section, f.Span, f.Evidence = Covered, st.sec, st.sec.Heading, st.sec.Title
		f.Pending = nil
		return *f
	}
	if mention == nil && mentions(&stats[0], c) {
		mention = &stats[0]
	}
	if mention != nil {
		ev := mention.first[c]
		f.State, f.Section = Mentioned, mention.sec
		f.Span = lineSpan(d, ev.Start)
		f.Evidence = string(d.Text(ev))
		f.Pending = nil
	}
	return *f
}

func mentions(st *secStat, c int) bool {
	return int(st.window[c]) >= mentionScore && int(st.windowStrong[c]) >= mentionStrong
}

// leads reports whether a section under a generic heading is mainly about
// concern c: enough evidence in its own text, and no other concern with
// clearly more.
func leads(st *secStat, c int) bool {
	if st.words < minWords && !st.media {
		return false
	}
	s := st.ownScore[c]
	if int(s) < leadScore || int(st.ownStrong[c]) < leadStrong {
		return false
	}
	for o, so := range st.ownScore {
		if o != c && so > 2*s {
			return false
		}
	}
	return true
}

func firstOf(a, b *secStat) *secStat {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case b.sec.Heading.Start < a.sec.Heading.Start:
		return b
	}
	return a
}

// lineSpan is the text of the line holding off, without indentation and
// line ending.
func lineSpan(d *doc.Document, off int) Span {
	l := d.Lines.Line(off)
	start, end := d.Lines.LineStart(l), d.Lines.LineEnd(d.Src, l)
	for start < end && (d.Src[start] == ' ' || d.Src[start] == '\t') {
		start++
	}
	return Span{Start: start, End: end}
}
