package lsp

import (
	"context"
	"encoding/json"

	"go.lsp.dev/jsonrpc2" // v0.10.0, pinned: see doc.go
	"go.lsp.dev/protocol" // v0.12.0, pinned: see doc.go

	"github.com/designls/designls/checks"
)

// The commands of workspace/executeCommand. Their names and arguments are
// a contract with the editor extensions.
const (
	cmdInsertMissing  = "designls.insertMissing"  // [{uri}]: applies the insertion of every missing core section
	cmdScorecard      = "designls.scorecard"      // [{uri}] -> {markdown, scorecard}
	cmdListTemplates  = "designls.listTemplates"  // -> [{name, title, description}]
	cmdRenderTemplate = "designls.renderTemplate" // [{name}] -> {text}
	cmdCoverage       = "designls.coverage"       // [{uri}] -> coverageSummary
)

func commandNames() []string {
	return []string{cmdInsertMissing, cmdScorecard, cmdListTemplates, cmdRenderTemplate, cmdCoverage}
}

type uriArg struct {
	URI protocol.DocumentURI `json:"uri"`
}

type nameArg struct {
	Name string `json:"name"`
}

type templateInfo struct {
	Name        string `json:"name"`
	Title       string `json:"title"`
	Description string `json:"description"`
}

func executeCommand(ctx context.Context, s *server, p *executeCommandParams) (any, error) {
	switch p.Command {
	case cmdInsertMissing:
		snap, err := commandDocument(s, p)
		if err != nil {
			return nil, err
		}
		return nil, insertMissing(ctx, s, snap)
	case cmdScorecard:
		a, err := commandAnalysis(s, p)
		if err != nil {
			return nil, err
		}
		return scorecard(a), nil
	case cmdCoverage:
		a, err := commandAnalysis(s, p)
		if err != nil {
			return nil, err
		}
		return summarize(a), nil
	case cmdListTemplates:
		set, _ := s.cfg.forFile("").TemplateSet()
		out := []templateInfo{}
		for _, t := range set.List() {
			out = append(out, templateInfo{Name: t.Name, Title: t.Title, Description: t.Description})
		}
		return out, nil
	case cmdRenderTemplate:
		var arg nameArg
		if err := firstArgument(p, &arg, func(s string) { arg.Name = s }); err != nil {
			return nil, err
		}
		set, _ := s.cfg.forFile("").TemplateSet()
		t, ok := set.Template(arg.Name)
		if !ok {
			return nil, rpcErrorf(jsonrpc2.InvalidParams, "%s: no template %q", p.Command, arg.Name)
		}
		return struct {
			Text string `json:"text"`
		}{t.Text}, nil
	}
	return nil, rpcErrorf(jsonrpc2.InvalidParams, "unknown command %q", p.Command)
}

// firstArgument decodes the first argument, an object, or calls bare with
// it when it is a plain string.
func firstArgument(p *executeCommandParams, into any, bare func(string)) error {
	if len(p.Arguments) == 0 {
		return rpcErrorf(jsonrpc2.InvalidParams, "%s needs an argument", p.Command)
	}
	var str string
	if json.Unmarshal(p.Arguments[0], &str) == nil {
		bare(str)
		return nil
	}
	if err := json.Unmarshal(p.Arguments[0], into); err != nil {
		return rpcErrorf(jsonrpc2.InvalidParams, "%s: bad argument: %v", p.Command, err)
	}
	return nil
}

// commandDocument returns the current snapshot of the document a command
// names: commands act on the text as it is now, not as it was when the
// lens or action that carries them was computed.
// commandAnalysis returns the analysis of the current version of the
// document a command names.
func commandAnalysis(s *server, p *executeCommandParams) (*analysis, error) {
	snap, err := commandDocument(s, p)
	if err != nil {
		return nil, err
	}
	return snap.analysis()
}

func commandDocument(s *server, p *executeCommandParams) (*snapshot, error) {
	var arg uriArg
	if err := firstArgument(p, &arg, func(s string) { arg.URI = protocol.DocumentURI(s) }); err != nil {
		return nil, err
	}
	snap := s.docs.snapshot(arg.URI)
	if snap == nil {
		return nil, rpcErrorf(jsonrpc2.InvalidParams, "%s: %s is not open", p.Command, arg.URI)
	}
	return snap, nil
}

// insertMissing asks the client to apply the insertion of every missing
// core section.
func insertMissing(ctx context.Context, s *server, snap *snapshot) error {
	a, err := snap.analysis()
	if err != nil {
		return err
	}
	if !a.design {
		return nil
	}
	edits, concerns := insertMissingEdits(a)
	if len(edits) == 0 {
		return nil
	}
	if !s.caps.Workspace.ApplyEdit {
		return rpcErrorf(jsonrpc2.InvalidRequest, "the client cannot apply edits (workspace.applyEdit)")
	}
	var res protocol.ApplyWorkspaceEditResponse
	params := &protocol.ApplyWorkspaceEditParams{
		Label: "Insert missing core sections (" + concernNames(concerns) + ")",
		Edit:  *workspaceEdit(snap.uri, a.m, edits),
	}
	if err := s.callClient(ctx, "workspace/applyEdit", params, &res); err != nil {
		return err
	}
	if !res.Applied {
		s.log.Printf("%s: the client did not apply the edit: %s", cmdInsertMissing, res.FailureReason)
	}
	return nil
}

// scorecardResult is what designls.scorecard returns: the review as
// Markdown, which the editors show as it is, and as data for those that
// draw their own. Scorecard is absent for a document that is not a design
// doc.
type scorecardResult struct {
	Markdown  string            `json:"markdown"`
	Scorecard *checks.Scorecard `json:"scorecard,omitempty"`
}

// scorecard is the core's review of the analysed version.
func scorecard(a *analysis) scorecardResult {
	if !a.design {
		return scorecardResult{Markdown: "# Scorecard\n\nNot a design doc: add `rubric:` front matter or an `include` glob to review it.\n"}
	}
	sc := checks.Review(a.res)
	return scorecardResult{Markdown: sc.Markdown(), Scorecard: &sc}
}
