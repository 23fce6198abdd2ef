#!/usr/bin/env bash
# Whole-process benchmark: `designls check` against a floor program that only
# reads the same files and parses them with goldmark's default parser
# (internal/benchfloor), side by side in one run, for one typical doc and for
# 1,000 typical docs (both programs use every core).
#
# Targets: designls/floor <= 1.3 for one doc (start-up counts), <= 1.5 for
# 1,000 docs. internal/benchproc times the two in pairs, in a random order
# within each pair (see its doc for why not hyperfine's blocks of runs).
#
# usage: scripts/bench-process.sh [RUNS]     (default 200 runs for one doc;
#        the 1,000-doc case uses RUNS/10, at least 10)
set -euo pipefail

runs=${1:-200}
many_runs=$(( runs / 10 > 10 ? runs / 10 : 10 ))
root=$(cd "$(dirname "$0")/.." && pwd)
fixture=$root/cmd/designls/testdata/typical.md
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$root"
go build -o "$work/designls" ./cmd/designls
go build -o "$work/floor" ./internal/benchfloor
go build -o "$work/benchproc" ./internal/benchproc

mkdir -p "$work/one" "$work/many"
cp "$fixture" "$work/one/design.md"

# 1,000 variations of the fixture: each renames the title, drops one level-2
# section (so findings differ from doc to doc), and changes the numbers.
awk -v out="$work/many" '
	{ lines[NR] = $0 }
	END {
		for (i = 0; i < 1000; i++) {
			file = sprintf("%s/doc-%04d.md", out, i)
			drop = i % 20; h2 = -1; fence = 0; skipping = 0
			for (n = 1; n <= NR; n++) {
				line = lines[n]
				if (line ~ /^```/) fence = !fence
				if (!fence && line ~ /^## /) { h2++; skipping = (h2 == drop) }
				if (skipping) continue
				if (line ~ /^# /) line = line " (variant " i ")"
				gsub(/300,000/, (300 + i) ",000", line)
				gsub(/100 ms/, (100 + i % 50) " ms", line)
				print line > file
			}
			close(file)
		}
	}' "$fixture"

echo "fixture: $(wc -l < "$fixture") lines; $(ls "$work/many" | wc -l) generated docs; $(nproc) cores"
"$work/designls" version

# Both commands must work before they are timed.
"$work/floor" "$work/one" >/dev/null
"$work/designls" check --fail-on none "$work/one" >/dev/null 2>&1
"$work/designls" check --fail-on none "$work/many" >/dev/null 2>&1

measure() { # name runs floor-cmd designls-cmd
	"$work/benchproc" -label "$1" -runs "$2" -warmup 10 "$3" "$4"
}

results=$(
	measure "1 doc" "$runs" "$work/floor $work/one/design.md" "$work/designls check --fail-on none $work/one/design.md"
	measure "1000 docs" "$many_runs" "$work/floor $work/many" "$work/designls check --fail-on none $work/many"
)
echo
echo "$results"
echo "targets: 1 doc <= 1.30, 1000 docs <= 1.50"
