// Package e2e holds end-to-end tests of designls as people use it: the
// real binary driven by real editors (headless Neovim with the plugin in
// editors/nvim, Emacs in batch mode with eglot and editors/emacs), by
// pre-commit through .pre-commit-hooks.yaml, by the composite GitHub Action
// in action.yml, and built for release by `make dist`.
//
// A test whose tool is missing skips, saying what to install; with
// DESIGNLS_E2E=1 (as .ci/run sets it) a missing tool fails the test
// instead, so that CI cannot pass by skipping. The tests build
// cmd/designls and cmd/designls-lsp once, into one folder, since editors
// start `designls serve` and serve runs the designls-lsp beside it;
// DESIGNLS_E2E_BIN=/path/to/designls tests that binary instead (a release
// build, say, with its designls-lsp beside it). DESIGNLS_E2E_DUMP=1 logs what each
// editor scenario recorded.
package e2e
