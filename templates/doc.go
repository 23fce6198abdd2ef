// Package templates owns the Markdown text that designls offers to insert:
// one snippet per design concern and full document templates, embedded from
// builtin/ and optionally overlaid by a project's own files. It also decides
// where a snippet goes in a given document.
//
// It knows nothing of severities or diagnostic wording, and it reads no
// files: overlays arrive as name → bytes maps from the caller.
//
// # Files
//
// A snippet lives at snippets/<concern>.md. Its first non-blank line is an
// ATX heading whose text becomes the snippet's title; the level written in
// the file does not matter, because [Snippet.Render] chooses the level at
// insertion time. The body after it must not contain headings (outside code
// fences), since it is re-levelled as a unit.
//
// Guidance inside snippets and templates is written as prompts: list items
// of the form "- TODO: <guidance>". [IsPrompt] recognises them, so checks can
// tell a section that still holds untouched guidance from one that was
// written.
//
// A full template lives at <name>.md, with name in kebab-case, and starts
// with YAML front matter naming its rubric. A "template:" block inside the
// front matter describes the template itself and is dropped from the text
// offered to users:
//
//	---
//	rubric: system-design
//	template:
//	  title: System design RFC
//	  description: One line shown when choosing a template.
//	---
//
// Only a small subset of YAML is read: top-level "key: value" lines, and
// "title" and "description" indented under "template:". Other top-level keys
// (and indented or list lines under them) pass through untouched, so a
// template may seed its own front matter fields.
//
// A line "<!-- designls:snippets -->" in a template body expands to every
// concern's snippet at level 2, in [Set.Order]; "<!-- designls:snippets api
// slo -->" expands only the named ones, in the order written. Expansion
// happens whenever a [Set] is built, so a snippet overlay also changes every
// template that includes it. Adding a built-in template is a matter of
// adding one file under builtin/.
//
// # Overlays
//
// [Set.WithOverlay] takes files keyed by the same relative names
// ("postmortem.md", "snippets/slo.md"): a template overlay adds or replaces a
// template, a snippet overlay replaces the built-in snippet for a known
// concern. Errors name the file and, where there is one, the line.
//
// # Insertion
//
// [InsertionPoint] and [Set.InsertEdit] decide where a missing concern's
// snippet goes in a parsed document: beside the nearest concern that comes
// before it in [Set.Order] and already has a section, else before the
// nearest one after it, else at the end. The caller says which sections
// cover which concerns (detection lives in checks); this package only
// places text and returns [edit.Edit] values in byte offsets, with the
// document's own line ending and one blank line between blocks.
package templates
