package checks

import (
	"bytes"
	"encoding/binary"
	"strings"
)

// A follow-up check asks the questions an interviewer asks of the section
// that covers a concern: "are writes idempotent?" of the API, "what
// triggers a rollback?" of the rollout. Each check is a table of asks; the
// machinery below finds the covering section through pass.Coverage, and
// stays quiet when the concern is missing (missing-section speaks then).

// scope is where an ask looks for its answer.
type scope uint8

const (
	// inSection: the answer belongs to the concern's own section (an
	// error model is part of the API, not of the runbook).
	inSection scope = iota
	// inDocument: a reviewer accepts the answer wherever it is (retries
	// made safe by idempotency keys may be explained under degradation).
	inDocument
)

// ask is one question of a follow-up check.
type ask struct {
	// question is what the interviewer asks, with examples of an answer:
	// "Are writes idempotent: how is a retried write recognised (an
	// idempotency key, a request ID)?"
	question string
	// when, if set, must occur for the question to arise: no pagination
	// question without a list call. whenScope says where it is looked for.
	when      phrases
	whenScope scope
	// whenCased is like when but reads the original text with its case,
	// for identifiers such as "ListFlags" or "POST"; either may raise the
	// question.
	whenCased func(src []byte) bool
	// answers: any one in scope answers the question.
	answers phrases
	scope   scope
	// answersAnywhere are answers specific enough to count anywhere in the
	// document ("409", "error code") when answers are read in the section.
	answersAnywhere phrases
}

// followUpSpan returns the text a follow-up check reads for concern c and
// where its diagnostic goes: the covering section's body and heading, or
// for a concern covered in passing, the holding section's body and the
// passage. ok is false when the concern is missing.
func followUpSpan(pass *Pass, c Concern) (body, at Span, ok bool) {
	f := pass.Coverage.Get(c)
	switch {
	case f.State == Covered && f.Section != nil:
		at = f.Section.TitleSpan
		if at.Empty() {
			at = f.Section.Heading
		}
		return f.Section.Body, at, true
	case f.State == Mentioned && f.Section != nil:
		return f.Section.Body, f.Span, true
	}
	return Span{}, Span{}, false
}

// unanswered returns the asks that the document leaves open for concern
// c, and where to report them. Nothing is open when the concern is missing.
func unanswered(pass *Pass, c Concern, asks []ask) (open []ask, at Span) {
	body, at, ok := followUpSpan(pass, c)
	if !ok {
		return nil, at
	}
	t := pass.prose()
	whole := Span{Start: 0, End: len(t.b)}
	in := func(sc scope) Span {
		if sc == inDocument {
			return whole
		}
		return body
	}
	covered := pass.Coverage.Get(c).State == Covered
	for _, a := range asks {
		// A question with nothing in the text to raise it is asked only of
		// a section about the concern: a passage about something else that
		// touches on consistency is not expected to name a model.
		arises := a.when == nil && a.whenCased == nil && covered
		if !arises && a.when != nil {
			arises = t.has(a.when, in(a.whenScope))
		}
		if !arises && a.whenCased != nil {
			arises = a.whenCased(maskedSource(pass, in(a.whenScope)))
		}
		if arises && !t.has(a.answers, in(a.scope)) && !t.has(a.answersAnywhere, whole) {
			open = append(open, a)
		}
	}
	return open, at
}

// maskedSource returns the original text of span with blanked text (front
// matter, comments, prompts) removed, for case-sensitive triggers.
func maskedSource(pass *Pass, span Span) []byte {
	t, src := pass.prose(), pass.Doc.Src
	end := min(span.End, len(t.b))
	if span.Start >= end {
		return []byte{}
	}
	out := append(make([]byte, 0, span.Len()), src[span.Start:end]...)
	// The prose text is the source lower-cased, then blanked: eight bytes
	// of it that equal the source's eight lower-cased hold no blanked
	// byte, and most do. The others are read byte by byte.
	i := span.Start
	for ; i+8 <= end; i += 8 {
		if binary.LittleEndian.Uint64(t.b[i:]) == lower8(binary.LittleEndian.Uint64(src[i:])) {
			continue
		}
		for k := i; k < i+8; k++ {
			if t.b[k] == ' ' && src[k] != ' ' {
				out[k-span.Start] = ' '
			}
		}
	}
	for ; i < end; i++ {
		if t.b[i] == ' ' && src[i] != ' ' {
			out[i-span.Start] = ' '
		}
	}
	return out
}

// lower8 lower-cases the ASCII capitals among eight bytes, leaving every
// other byte as it is: each byte's top bit is cleared so that no sum
// carries into the next byte, and bytes that had it set are left out.
func lower8(x uint64) uint64 {
	const ones = 0x0101010101010101
	h := x & (0x7f * ones)
	capital := (h + (0x80-'A')*ones) &^ (h + (0x80-'Z'-1)*ones) &^ x & (0x80 * ones)
	return x | capital>>2
}

// reportOpen reports the open asks of a follow-up check as one
// diagnostic whose message is the interviewer's questions.
func reportOpen(pass *Pass, c Concern, at Span, open []ask) {
	if len(open) == 0 {
		return
	}
	var qs []string
	for _, a := range open {
		qs = append(qs, a.question)
	}
	pass.Report(Diagnostic{Span: at, Concern: c, Message: strings.Join(qs, " ")})
}

// runFollowUp is the whole run function of most follow-up checks.
func runFollowUp(c Concern, asks []ask) func(*Pass) {
	return func(pass *Pass) {
		open, at := unanswered(pass, c, asks)
		reportOpen(pass, c, at, open)
	}
}

// hasWriteVerb reports whether text names an HTTP write method as an API
// does ("POST /v1/flags", "curl -X PUT") or calls a write RPC
// ("CreateFlag(", "rpc DeletePipeline").
func hasWriteVerb(src []byte) bool {
	for _, m := range []string{"POST", "PUT", "PATCH", "DELETE"} {
		if containsWord(src, m) {
			return true
		}
	}
	return hasRPC(src, "Create", "Update", "Delete", "Put", "Set", "Insert", "Upsert", "Submit", "Cancel", "Enqueue", "Write", "Start", "Trigger")
}

// hasCallable reports whether text shows an API that is called: an HTTP
// method or an RPC, as opposed to new fields of a schema.
func hasCallable(src []byte) bool {
	if hasWriteVerb(src) || containsWord(src, "GET") {
		return true
	}
	return hasRPC(src, "Get", "List", "Search", "Watch", "Query", "Fetch", "Read")
}

// hasListCall reports whether text calls a list RPC ("ListFlags(",
// "rpc SearchRuns").
func hasListCall(src []byte) bool {
	return hasRPC(src, "List", "Search")
}

// hasRPC reports whether src has an RPC whose name starts with one of the
// verbs and a capital ("CreateFlag"), written as a call ("CreateFlag(")
// or declared ("rpc CreateFlag"). Field names such as "UpdateStrategy"
// are neither.
func hasRPC(src []byte, verbs ...string) bool {
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c < 'A' || c > 'Z' || (i > 0 && isPhraseWord(src[i-1])) {
			continue
		}
		for _, v := range verbs {
			j := i + len(v)
			if j >= len(src) || string(src[i:j]) != v || src[j] < 'A' || src[j] > 'Z' {
				continue
			}
			for j < len(src) && isPhraseWord(src[j]) {
				j++
			}
			k := j
			for k < len(src) && src[k] == ' ' {
				k++
			}
			called := k < len(src) && src[k] == '('
			declared := i >= 4 && string(src[i-4:i]) == "rpc "
			if called || declared {
				return true
			}
		}
	}
	return false
}

// containsWord reports whether w occurs in src as a whole word.
func containsWord(src []byte, w string) bool {
	for i := 0; ; i++ {
		k := bytes.Index(src[i:], []byte(w))
		if k < 0 {
			return false
		}
		i += k
		if (i == 0 || !isPhraseWord(src[i-1])) && (i+len(w) == len(src) || !isPhraseWord(src[i+len(w)])) {
			return true
		}
	}
}
