// Package config owns designls's project configuration: finding a
// .designls.yaml by walking up from a file, parsing and validating it with
// positions in every error, the same settings arriving from an editor, and
// turning all of it into what the core needs for one file (checks.Options,
// whether the file is a design doc, the template set).
//
// Keys is the one list of settings. The file's keys, the editor settings
// the language server accepts and the editors' own setting schemas are all
// checked against it, so a setting is added here first.
//
// Globs use github.com/bmatcuk/doublestar/v4 syntax, are written with
// forward slashes and are relative to the folder holding the config file
// (the workspace folder for editor settings). A glob also matches every file
// under a folder it matches, so "docs/design" means the whole folder.
// "*.md" matches only files in the config's own folder; write "**/*.md" for
// any depth.
package config
