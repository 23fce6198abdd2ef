// Command benchfloor is the floor that scripts/bench-process.sh measures
// designls against: it reads the same Markdown files and parses them with
// goldmark's default parser, nothing else, on every core. Any time designls
// takes beyond this is the cost of its own start-up and checks.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
)

func main() {
	var files []string
	for _, arg := range os.Args[1:] {
		filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".md") {
				files = append(files, p)
			}
			return nil
		})
	}
	md := goldmark.New()
	var next, nodes atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				src, err := os.ReadFile(files[i])
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
					continue
				}
				doc := md.Parser().Parse(text.NewReader(src))
				nodes.Add(int64(doc.ChildCount()))
			}
		})
	}
	wg.Wait()
	fmt.Printf("%d files, %d top-level blocks\n", len(files), nodes.Load())
}
