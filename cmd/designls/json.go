package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
)

// displayPath is how a file is named in every output: as it was given or
// walked, with forward slashes.
func displayPath(path string) string { return filepath.ToSlash(path) }

type fileError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// writeJSON writes {"files": [...]} with one entry per checked file, in
// input order. Files that could not be checked are listed under "errors"
// (and on stderr) rather than as files without concerns, which a consumer
// would read as "covers nothing".
func writeJSON(stdout, stderr io.Writer, reports []*report) error {
	out := struct {
		Files  []*report   `json:"files"`
		Errors []fileError `json:"errors,omitempty"`
	}{Files: []*report{}}
	for _, r := range reports {
		if r.err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", r.Path, r.err)
			out.Errors = append(out.Errors, fileError{r.Path, r.err.Error()})
			continue
		}
		out.Files = append(out.Files, r)
	}
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return err
	}
	return w.Flush()
}
