#!/usr/bin/env bash
# The same measurements as for the synthetic workload, on a real public-domain text: the King
# James Bible as Debian ships it (about 4.4 MB). Not run in CI.
#
# Usage: scripts/kjv.sh [RUNS]
set -euo pipefail
runs=${1:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v bible >/dev/null 2>&1 || { apt-get update -qq; apt-get install -y -qq bible-kjv bible-kjv-text >/dev/null; }

folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT
bible -f gen1:1-rev22:21 >"$folder/article.txt" 2>/dev/null
python3 scripts/kjv_sheet.py "$folder"
cargo build --quiet --release --bin briefing
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
briefing=$CARGO_TARGET_DIR/release/briefing
"$briefing" check "$folder" | tail -n 1

scripts/bench.sh "$runs" "$folder"
echo
BRIEFING_BENCH_SHEET="$folder/facts.toml" cargo bench --quiet --bench index 2>&1 | grep -E "^index|time:|thrpt:|workload"
BRIEFING_BENCH_SHEET="$folder/facts.toml" cargo bench --quiet --bench reader 2>&1 | grep -E "reader/open|time:|median"
