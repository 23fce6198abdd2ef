package lsp

import (
	"context"
	"fmt"
	"strings"

	"go.lsp.dev/protocol" // v0.12.0, pinned: see doc.go

	"github.com/designls/designls/checks"
)

// coverageSummary is how much of its rubric a document covers: the codeLens
// title and the result of the designls.coverage command.
type coverageSummary struct {
	DesignDoc   bool   `json:"designDoc"`
	Rubric      string `json:"rubric"`
	Covered     int    `json:"covered"`
	Total       int    `json:"total"`
	CoreCovered int    `json:"coreCovered"`
	CoreTotal   int    `json:"coreTotal"`
	// Missing lists every concern of the rubric not covered, MissingCore
	// the core ones, both in template order.
	Missing     []string `json:"missing"`
	MissingCore []string `json:"missingCore"`
}

// summarize counts, over the concerns the rubric asks for, those covered
// by a section or substantively mentioned elsewhere (which the core does
// not report as missing).
func summarize(a *analysis) coverageSummary {
	sum := coverageSummary{DesignDoc: a.design, Missing: []string{}, MissingCore: []string{}}
	if a.res.Rubric != nil {
		sum.Rubric = a.res.Rubric.Name
	}
	for _, c := range a.set.Order() {
		if a.res.Rubric == nil {
			break
		}
		req, ok := a.res.Rubric.Requirement(checks.Concern(c))
		if !ok || req.Missing == checks.Off {
			continue
		}
		info, _ := checks.LookupConcern(checks.Concern(c))
		covered := a.res.Coverage.Get(checks.Concern(c)).State != checks.Missing
		sum.Total++
		if info.Core {
			sum.CoreTotal++
		}
		switch {
		case covered && info.Core:
			sum.Covered++
			sum.CoreCovered++
		case covered:
			sum.Covered++
		case info.Core:
			sum.Missing = append(sum.Missing, c)
			sum.MissingCore = append(sum.MissingCore, c)
		default:
			sum.Missing = append(sum.Missing, c)
		}
	}
	return sum
}

func (sum coverageSummary) title() string {
	t := fmt.Sprintf("Coverage %d/%d · core %d/%d", sum.Covered, sum.Total, sum.CoreCovered, sum.CoreTotal)
	if len(sum.MissingCore) > 0 {
		t += " · missing: " + strings.Join(sum.MissingCore, ", ")
	}
	return t
}

// codeLens puts the coverage of a design doc on its title (or first line);
// running it inserts the missing core sections.
func codeLens(_ context.Context, _ *server, snap *snapshot, _ *protocol.CodeLensParams) ([]protocol.CodeLens, error) {
	a, err := snap.analysis()
	if err != nil {
		return nil, err
	}
	if !a.design {
		return []protocol.CodeLens{}, nil
	}
	sum := summarize(a)
	at := a.res.Doc.Root.Own.Start
	if t := a.res.Doc.Title(); t != nil {
		at = t.Heading.Start
	}
	line := a.m.Line(at)
	rng := a.m.Range(a.m.LineStart(line), a.m.LineEnd(line))
	cmd := &protocol.Command{Title: sum.title(), Command: cmdScorecard, Arguments: []any{uriArg{URI: snap.uri}}}
	if len(missingCore(a)) > 0 {
		cmd.Command = cmdInsertMissing
	}
	return []protocol.CodeLens{{Range: rng, Command: cmd}}, nil
}

// resolveCodeLens returns the lens as it is: lenses come complete.
func resolveCodeLens(_ context.Context, _ *server, p *protocol.CodeLens) (*protocol.CodeLens, error) {
	return p, nil
}
