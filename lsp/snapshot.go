package lsp

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"

	"go.lsp.dev/protocol" // v0.12.0, pinned: see doc.go
	"go.lsp.dev/uri"      // v0.3.0, pinned: see doc.go

	"github.com/designls/designls/checks"
	"github.com/designls/designls/internal/config"
	"github.com/designls/designls/templates"
)

// documents is the store of open documents, keyed by URI exactly as the
// client wrote it, since that is how the client matches what is sent back.
type documents struct {
	mu sync.Mutex
	m  map[protocol.DocumentURI]*document
}

// document is one open document: its latest snapshot and the state of its
// diagnostics.
type document struct {
	uri  protocol.DocumentURI
	path string // "" unless a file: URI

	mu   sync.Mutex
	snap *snapshot
	open bool
	// dirty says the latest snapshot's diagnostics are still to be
	// published; running says a goroutine is publishing.
	dirty, running bool

	// pubMu orders publishing with closing, so that diagnostics of a
	// closed document are never sent after the ones that clear them.
	pubMu     sync.Mutex
	published bool // the last publish held diagnostics
}

func (ds *documents) get(u protocol.DocumentURI) *document {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	return ds.m[u]
}

// snapshot returns the latest snapshot of an open document, or nil.
func (ds *documents) snapshot(u protocol.DocumentURI) *snapshot {
	d := ds.get(u)
	if d == nil {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.snap
}

func (ds *documents) all() []*document {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	out := make([]*document, 0, len(ds.m))
	for _, d := range ds.m {
		out = append(out, d)
	}
	return out
}

// snapshot is one version of one document under one configuration. It is
// immutable; its analysis is computed at most once, on first use, by
// whichever of the diagnostics goroutine or a request needs it first, and
// dies with the snapshot: nothing computed for one version is ever used
// for another.
type snapshot struct {
	s       *server
	uri     protocol.DocumentURI
	path    string
	version int32
	text    []byte

	once sync.Once
	a    *analysis
	err  error
}

// analysis is everything designls knows about a snapshot.
type analysis struct {
	m   *Mapper
	res *checks.Result
	// design says the document is a design doc: only design docs get
	// diagnostics, coverage and section completions.
	design bool
	// empty says the document holds nothing but white space.
	empty bool
	// membership is what the configuration says about the file.
	membership config.Membership
	set        *templates.Set
	// opts are the options the document was checked with.
	opts *checks.Options
}

// analysis returns the snapshot's analysis, computing it on first use. A
// panic in the core is returned as an error, once, to every caller.
func (sn *snapshot) analysis() (*analysis, error) {
	sn.once.Do(func() {
		defer func() {
			if r := recover(); r != nil {
				sn.s.log.Printf("panic analysing %s version %d: %v\n%s", sn.uri, sn.version, r, debug.Stack())
				sn.err = fmt.Errorf("internal error analysing %s: %v", sn.uri, r)
			}
		}()
		sn.a = sn.s.analyze(sn)
	})
	return sn.a, sn.err
}

// analyzeHook, when set by a test, runs before each analysis.
var analyzeHook func(uri protocol.DocumentURI, version int32)

func (s *server) analyze(sn *snapshot) *analysis {
	if analyzeHook != nil {
		analyzeHook(sn.uri, sn.version)
	}
	cfg := s.cfg.forFile(sn.path)
	opts := cfg.Options(sn.path)
	name := sn.path
	if name == "" {
		name = string(sn.uri)
	}
	res := checks.Run(name, sn.text, opts)
	a := &analysis{
		m:          newMapperWithLines(sn.text, res.Doc.Lines, s.enc),
		res:        res,
		empty:      len(bytes.TrimSpace(sn.text)) == 0,
		membership: config.Unspecified,
		set:        opts.Templates,
		opts:       opts,
	}
	if a.set == nil {
		a.set = templates.Builtin()
	}
	if sn.path != "" {
		a.membership = cfg.Classify(sn.path)
	}
	switch a.membership {
	case config.Included:
		a.design = true
	case config.Excluded:
		a.design = false
	default:
		// Neither included nor excluded: a design doc only when it says
		// so, so that READMEs and notes stay quiet.
		a.design = res.FrontMatter.Rubric != ""
	}
	return a
}

// uriPath returns the file a file: URI names, or "" for any other URI
// (untitled:, for one), on which uri.URI.Filename would panic.
func uriPath(u protocol.DocumentURI) (path string) {
	if !strings.HasPrefix(string(u), uri.FileScheme+":") {
		return ""
	}
	defer func() {
		if recover() != nil {
			path = ""
		}
	}()
	return uri.URI(u).Filename()
}

// isConfigFile reports whether path is a designls config file, which is
// YAML, not a document to review.
func isConfigFile(path string) bool {
	base := filepath.Base(path)
	return path != "" && (base == ".designls.yaml" || base == ".designls.yml")
}
