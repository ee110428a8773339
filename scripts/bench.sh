#!/usr/bin/env bash
# The whole-process rows of docs/performance.md's tables, on the synthetic 10 MiB briefing
# (1,000 actors, 3,000 aliases; see crates/workload): `briefing check` beside grep and ripgrep
# searching the same article for every name and alias as whole words; peak memory of `check`
# and of a JSON export; and the reader's first frame, a search and its peak memory beside
# `less` (scripts/interactive.py). Prints the medians and the ratios.
#
# Usage: scripts/bench.sh [RUNS] [FOLDER]
#   RUNS    runs of each command, after 2 warm-up runs (default 10)
#   FOLDER  a briefing to measure instead of the synthetic one: facts.toml, article.txt and
#           patterns.txt (every spelling, one a line), as scripts/kjv.sh writes for the Bible
#
# The workload is written by the index benchmark: with BRIEFING_WORKLOAD_DIR set,
# `cargo bench --bench index` writes facts.toml, article.txt and patterns.txt (one spelling a
# line) there and exits without benchmarking.
#
# grep and rg write their matches to a file, not to /dev/null: GNU grep notices a /dev/null
# standard output and stops at the first match, which would time nothing. Both run in the
# UTF-8 locale (LC_ALL=C.UTF-8), so that, like briefing, they know non-ASCII letters as word
# characters.
set -euo pipefail

runs=${1:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

missing=()
command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v less >/dev/null 2>&1 || missing+=(less)
[ -x /usr/bin/time ] || missing+=(time)
if ((${#missing[@]})); then
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -c "import pyte" 2>/dev/null || pip install --quiet pyte

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --quiet --release --bin briefing
if [ -n "${2:-}" ]; then
    cp "$2/facts.toml" "$2/article.txt" "$2/patterns.txt" "$work/"
else
    BRIEFING_WORKLOAD_DIR="$work" cargo bench --quiet --bench index
fi
briefing=$CARGO_TARGET_DIR/release/briefing
out=$work/matches.txt

echo
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -n 1)"
echo "article: $(wc -c <"$work/article.txt") bytes; patterns: $(wc -l <"$work/patterns.txt")"
echo "grep: $(grep --version | head -n 1); rg: $(rg --version | head -n 1)"
echo "briefing check: $("$briefing" check "$work" | tail -n 1)"
echo "grep matches: $(LC_ALL=C.UTF-8 grep -o -w -F -f "$work/patterns.txt" "$work/article.txt" | wc -l)"
echo "rg matches:   $(LC_ALL=C.UTF-8 rg -o -w -F -f "$work/patterns.txt" "$work/article.txt" | wc -l)"
echo

export LC_ALL=C.UTF-8
hyperfine --warmup 2 --runs "$runs" --export-json "$work/times.json" \
    -n "briefing check" "'$briefing' check '$work' > /dev/null" \
    -n "grep -o -w -F -f" "grep -o -w -F -f '$work/patterns.txt' '$work/article.txt' > '$out'" \
    -n "rg -o -w -F -f" "rg -o -w -F -f '$work/patterns.txt' '$work/article.txt' > '$out'"

python3 - "$work/times.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
medians = {r["command"]: r["median"] for r in results}
base = medians["briefing check"]
print()
print(f"{'command':<20} {'median':>10} {'vs briefing check':>18}")
for name, m in medians.items():
    print(f"{name:<20} {m * 1000:>8.1f} ms {m / base:>17.2f}x")
PY

# Peak memory of the whole process, as the kernel counts it.
peak() {
    /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/^\tMaximum resident set size (kbytes): //p'
}
echo
echo "peak memory (maximum resident set size); the article is $(($(wc -c <"$work/article.txt") / 1048576)) MiB"
echo "  briefing check                 $(($(peak "$briefing" check "$work") / 1024)) MiB"
echo "  briefing export --format json  $(($(peak "$briefing" export "$work" --format json) / 1024)) MiB"

# The reader in a real pseudo-terminal beside less: first frame, a search, peak memory.
echo
python3 scripts/interactive.py "$briefing" "$work" "$runs"
