#!/usr/bin/env bash
# Whole-process benchmark: `designls check` against a floor program that only
# reads the same files and parses them with goldmark's default parser
# (internal/benchfloor), side by side in one run, for one typical doc and for
# 1,000 typical docs (both programs use every core).
#
# Targets: designls/floor <= 1.3 for one doc (start-up counts), <= 1.5 for
# 1,000 docs. Uses hyperfine when installed, else a timed loop.
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

# ratio prints designls/floor from two times.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

if command -v hyperfine >/dev/null; then
	measure() { # name runs floor-cmd designls-cmd
		local csv=$work/$1.csv
		hyperfine -N --warmup 10 --runs "$2" --export-csv "$csv" "$3" "$4" >&2
		# CSV columns: command,mean,stddev,median,user,system,min,max (seconds).
		local fmean fmed dmean dmed
		fmean=$(awk -F, 'NR == 2 { print $2 }' "$csv"); fmed=$(awk -F, 'NR == 2 { print $4 }' "$csv")
		dmean=$(awk -F, 'NR == 3 { print $2 }' "$csv"); dmed=$(awk -F, 'NR == 3 { print $4 }' "$csv")
		# CPU time (user + system) is steadier than wall time on a shared
		# machine, so it is reported too.
		local fcpu dcpu
		fcpu=$(awk -F, 'NR == 2 { print $5 + $6 }' "$csv"); dcpu=$(awk -F, 'NR == 3 { print $5 + $6 }' "$csv")
		printf '%-10s wall: floor %7.2f ms  designls %7.2f ms  ratio %s (mean), %s (median)   cpu: floor %7.2f ms  designls %7.2f ms  ratio %s\n' \
			"$1" "$(awk -v s="$fmean" 'BEGIN { print s * 1000 }')" "$(awk -v s="$dmean" 'BEGIN { print s * 1000 }')" \
			"$(ratio "$dmean" "$fmean")" "$(ratio "$dmed" "$fmed")" \
			"$(awk -v s="$fcpu" 'BEGIN { print s * 1000 }')" "$(awk -v s="$dcpu" 'BEGIN { print s * 1000 }')" "$(ratio "$dcpu" "$fcpu")"
	}
else
	measure() { # name runs floor-cmd designls-cmd; no hyperfine: time a loop
		local t0 t1 t2 i
		for i in $(seq 5); do $3 >/dev/null 2>&1 || true; $4 >/dev/null 2>&1 || true; done
		t0=$(date +%s%N)
		for i in $(seq "$2"); do $3 >/dev/null 2>&1 || true; done
		t1=$(date +%s%N)
		for i in $(seq "$2"); do $4 >/dev/null 2>&1 || true; done
		t2=$(date +%s%N)
		printf '%-10s floor %7.2f ms  designls %7.2f ms  ratio %s (mean of %d runs, timed loop)\n' "$1" \
			"$(awk -v a="$t0" -v b="$t1" -v n="$2" 'BEGIN { print (b - a) / n / 1e6 }')" \
			"$(awk -v a="$t1" -v b="$t2" -v n="$2" 'BEGIN { print (b - a) / n / 1e6 }')" \
			"$(ratio $((t2 - t1)) $((t1 - t0)))" "$2"
	}
fi

results=$(
	measure "1 doc" "$runs" "$work/floor $work/one/design.md" "$work/designls check --fail-on none $work/one/design.md"
	measure "1000 docs" "$many_runs" "$work/floor $work/many" "$work/designls check --fail-on none $work/many"
)
echo
echo "$results"
echo "targets: 1 doc <= 1.30, 1000 docs <= 1.50"
