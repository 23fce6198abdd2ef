// Package checks is designls's analysis core. It owns the vocabulary of
// design-doc concerns, their detection in a parsed document, the rubrics that
// say which concerns and parts a kind of document needs, and the checks:
// values with a stable ID, documentation, a default severity and a run
// function that reports diagnostics with byte spans and fixes.
//
// Beyond presence, it reviews content the way an interviewer would: the
// numbers (SLO targets, error budgets, back-of-envelope arithmetic, with
// Arithmetic for hovers and inlay hints), the follow-up questions asked of
// each core concern's section, the parts of incident, postmortem, story and
// API-design answers (Part), and practice drills (Drills) whose answers are
// held to what their prompt expects. Review turns a Result into a
// Scorecard, Compare tells two attempts apart, and the scorecard renders
// itself as text, Markdown or JSON.
//
// It knows nothing of the language server protocol, logs nothing and reads
// no files: callers hand it a name and bytes and get a Result back.
package checks
