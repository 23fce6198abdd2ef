package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/designls/designls/checks"
)

// SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.
//
// The structs are our own rather than github.com/owenrumney/go-sarif's:
// that package links net/http, crypto and a JSON Schema validator whose
// package initialisation alone costs every designls process more than
// checking a typical document. The tests parse this output with go-sarif
// and validate it against the SARIF 2.1.0 schema it bundles.

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	projectURL   = "https://github.com/designls/designls"
	ruleDocsBase = projectURL + "/blob/main/docs/rules/"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
	// ColumnKind says how columns count. SARIF has no byte columns and
	// defaults to UTF-16 code units; code points are the other choice, and
	// the one a reader of the text can count.
	ColumnKind string `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifHelp      `json:"help"`
	HelpURI              string         `json:"helpUri"`
	DefaultConfiguration sarifRuleLevel `json:"defaultConfiguration"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRuleLevel struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID     string          `json:"ruleId"`
	RuleIndex  int             `json:"ruleIndex"`
	Level      string          `json:"level"`
	Message    sarifText       `json:"message"`
	Locations  []sarifLocation `json:"locations"`
	Properties *sarifProps     `json:"properties,omitempty"`
}

type sarifProps struct {
	Concern string `json:"concern"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

// sarifLevel maps severities onto SARIF's three levels; information and
// hint are both notes.
func sarifLevel(s checks.Severity) string {
	switch s {
	case checks.Error:
		return "error"
	case checks.Warning:
		return "warning"
	}
	return "note"
}

func sarifRules() ([]sarifRule, map[string]int) {
	var rules []sarifRule
	index := map[string]int{}
	for _, c := range checks.All() {
		index[c.ID] = len(rules)
		rules = append(rules, sarifRule{
			ID:                   c.ID,
			Name:                 ruleName(c.ID),
			ShortDescription:     sarifText{c.Title},
			FullDescription:      sarifText{firstParagraph(c.Doc)},
			Help:                 sarifHelp{Text: c.Doc, Markdown: c.Doc},
			HelpURI:              ruleDocsBase + c.ID + ".md",
			DefaultConfiguration: sarifRuleLevel{sarifLevel(c.Severity)},
		})
	}
	return rules, index
}

// ruleName turns "missing-section" into "MissingSection", the identifier
// form SARIF suggests for a rule's name.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

func firstParagraph(md string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(md), "\n\n")
	return strings.Join(strings.Fields(p), " ")
}

func writeSARIF(stdout, stderr io.Writer, reports []*report) error {
	rules, index := sarifRules()
	run := sarifRun{
		Tool:        sarifTool{sarifDriver{Name: "designls", Version: version, InformationURI: projectURL, Rules: rules}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		Results:     []sarifResult{},
		ColumnKind:  "unicodeCodePoints",
	}
	wd, _ := os.Getwd()
	for _, r := range reports {
		art := sarifArtifact{URI: sarifURI(wd, r.Path)}
		if r.err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", r.Path, r.err)
			inv := &run.Invocations[0]
			inv.ExecutionSuccessful = false
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
				Level:     "error",
				Message:   sarifText{fmt.Sprintf("%s: %v", r.Path, r.err)},
				Locations: []sarifLocation{{sarifPhysical{ArtifactLocation: art}}},
			})
			continue
		}
		for _, d := range r.Diagnostics {
			res := sarifResult{
				RuleID:    d.Code,
				RuleIndex: index[d.Code],
				Level:     sarifLevel(d.sev),
				Message:   sarifText{d.Message},
				Locations: []sarifLocation{{sarifPhysical{
					ArtifactLocation: art,
					Region:           &sarifRegion{d.Line, d.cpColumn, d.EndLine, d.cpEndColumn},
				}}},
			}
			if d.Concern != "" {
				res.Properties = &sarifProps{Concern: d.Concern}
			}
			run.Results = append(run.Results, res)
		}
	}
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}}); err != nil {
		return err
	}
	return w.Flush()
}

// sarifURI names a file as code scanning expects: relative to the working
// directory (the repository root in CI), percent-encoded. A file outside
// it gets an absolute file URI.
func sarifURI(wd, path string) string {
	p := filepath.Clean(filepath.FromSlash(path))
	if filepath.IsAbs(p) && wd != "" {
		if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
			p = rel
		}
	}
	if filepath.IsAbs(p) {
		return (&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String()
	}
	return (&url.URL{Path: filepath.ToSlash(p)}).String()
}
