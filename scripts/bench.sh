#!/usr/bin/env bash
# Every whole-process comparison of docs/performance.md in one run, side by side: `briefing
# check` beside grep and ripgrep searching the same article for every name and alias as whole
# words; the floor of one pass over the article (`wc -l`, `cat`); `check` and the JSON export
# with a spelling that is a very common word; 100 MB of line breaks; peak memory against the
# bound 2 × article + 20 MB; and the reader's first frame and a search beside `less` at 10 MiB
# and at 256 MiB (scripts/interactive.py). Prints the table and writes it into
# docs/performance.md, between the lines `<!-- bench.sh -->` and `<!-- /bench.sh -->`
# (replacing what a former run wrote there).
#
# Usage: scripts/bench.sh [RUNS] [FOLDER]
#   RUNS    runs of each command, after 2 warm-up runs (default 10)
#   FOLDER  a briefing to measure instead of the synthetic one: facts.toml, article.txt and
#           patterns.txt (every spelling, one a line), as scripts/kjv.sh writes for the Bible;
#           the table is then printed, not written into docs/performance.md
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
results=$work/results.txt
export LC_ALL=C.UTF-8

# The same briefing with the first actor's name also spelled "the" (check warns about it, as
# it warns about every spelling that is a very common word).
mkdir "$work/common"
cp "$work/article.txt" "$work/common/"
python3 - "$work/facts.toml" "$work/common/facts.toml" <<'PY'
import re, sys
sheet = open(sys.argv[1], encoding="utf-8").read()
# The first [[actors]] table gets `aliases = ["the"]` (or "the" first in its aliases).
at = sheet.index("[[actors]]")
table_end = sheet.find("\n[[", at + 1)
table = sheet[at:table_end if table_end >= 0 else len(sheet)]
if "aliases = [" in table:
    new = table.replace("aliases = [", 'aliases = ["the", ', 1)
else:
    new = table.replace("\nkind = ", '\naliases = ["the"]\nkind = ', 1)
open(sys.argv[2], "w", encoding="utf-8").write(sheet[:at] + new + sheet[at + len(table):])
PY
# 100 MB of line breaks and one actor.
mkdir "$work/newlines"
head -c 100000000 /dev/zero | tr '\0' '\n' >"$work/newlines/article.txt"
printf '[briefing]\ntitle = "Line breaks"\narticle = "article.txt"\n\n[[actors]]\nid = "nobody"\nname = "Nobody"\nkind = "person"\n' \
    >"$work/newlines/facts.toml"
# The article repeated up to the reader's limit, 256 MiB, with the same fact sheet.
mkdir "$work/big"
cp "$work/facts.toml" "$work/big/"
python3 - "$work/article.txt" "$work/big/article.txt" <<'PY'
import sys
text = open(sys.argv[1], "rb").read()
limit = 256 * 1024 * 1024 - 1
with open(sys.argv[2], "wb") as out:
    written = 0
    while written + len(text) <= limit:
        out.write(text)
        written += len(text)
PY

size=$(wc -c <"$work/article.txt")
echo
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -n 1)"
echo "article: $size bytes; patterns: $(wc -l <"$work/patterns.txt")"
echo "grep: $(grep --version | head -n 1); rg: $(rg --version | head -n 1); less: $(less --version | head -n 1)"
echo "briefing check: $("$briefing" check "$work" | tail -n 1)"
echo "grep matches: $(grep -o -w -F -f "$work/patterns.txt" "$work/article.txt" | wc -l)"
echo "rg matches:   $(rg -o -w -F -f "$work/patterns.txt" "$work/article.txt" | wc -l)"
echo "with \"the\":   $("$briefing" check "$work/common" | tail -n 1)"
echo

# Medians of one hyperfine run, as `NAME<TAB>SECONDS` lines in the results.
timed() {
    local json=$work/times-$1.json
    shift
    hyperfine --style basic --warmup 2 --runs "$runs" --export-json "$json" "$@" >&2
    python3 - "$json" >>"$results" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"time\t{r['command']}\t{r['median']}")
PY
}

timed check \
    -n "briefing check" "'$briefing' check '$work' > /dev/null" \
    -n "grep -o -w -F -f" "grep -o -w -F -f '$work/patterns.txt' '$work/article.txt' > '$out'" \
    -n "rg -o -w -F -f" "rg -o -w -F -f '$work/patterns.txt' '$work/article.txt' > '$out'" \
    -n "wc -l" "wc -l '$work/article.txt' > /dev/null" \
    -n "cat" "cat '$work/article.txt' > /dev/null"
timed common \
    -n "briefing check, \"the\" an alias" "'$briefing' check '$work/common' > /dev/null" \
    -n "briefing export json" "'$briefing' export '$work' --format json -o '$work/out.json'" \
    -n "briefing export json, \"the\" an alias" "'$briefing' export '$work/common' --format json -o '$work/out.json'"
timed big \
    -n "briefing check, 256 MiB" "'$briefing' check '$work/big' > /dev/null" \
    -n "grep -o -w -F -f, 256 MiB" "grep -o -w -F -f '$work/patterns.txt' '$work/big/article.txt' > '$out'" \
    -n "wc -l, 256 MiB" "wc -l '$work/big/article.txt' > /dev/null"
timed newlines \
    -n "briefing check, 100 MB of line breaks" "'$briefing' check '$work/newlines' > /dev/null" \
    -n "wc -l, 100 MB of line breaks" "wc -l '$work/newlines/article.txt' > /dev/null"

# Peak memory of the whole process, as the kernel counts it, in KiB.
peak() {
    local name=$1
    shift
    printf 'peak\t%s\t%s\n' "$name" \
        "$(/usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/^\tMaximum resident set size (kbytes): //p')" \
        >>"$results"
}
peak "briefing check" "$briefing" check "$work"
peak "briefing check, \"the\" an alias" "$briefing" check "$work/common"
peak "briefing export json" "$briefing" export "$work" --format json -o "$work/out.json"
peak "briefing export json, \"the\" an alias" "$briefing" export "$work/common" --format json -o "$work/out.json"
peak "briefing check, 256 MiB" "$briefing" check "$work/big"
peak "briefing check, 100 MB of line breaks" "$briefing" check "$work/newlines"

# The reader in a real pseudo-terminal beside less: first frame, a search, peak memory.
python3 scripts/interactive.py "$briefing" "$work" "$runs" | tee "$work/interactive-10.txt"
python3 scripts/interactive.py "$briefing" "$work/big" "$runs" | tee "$work/interactive-256.txt"

python3 - "$results" "$work" "$size" "${2:-}" <<'PY'
import datetime, os, re, subprocess, sys

results, work, size, folder = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
times, peaks = {}, {}
for line in open(results, encoding="utf-8"):
    kind, name, value = line.rstrip("\n").split("\t")
    (times if kind == "time" else peaks)[name] = float(value)

def ms(s):
    return f"{s * 1000:,.1f} ms"

def mib(kib):
    return f"{kib / 1024:,.1f} MiB"

def bound(article_bytes):
    return 2 * article_bytes / 2**20 + 20 * 1e6 / 2**20

big = os.path.getsize(os.path.join(work, "big", "article.txt"))
rows = []
def row(what, target, measured, beside, ratio):
    rows.append(f"| {what} | {target} | {measured} | {beside} | {ratio} |")

t = times
row("`briefing check`, 10 MiB workload", "≤ 0.75 × grep", ms(t["briefing check"]),
    f"`grep -o -w -F -f` {ms(t['grep -o -w -F -f'])}, `rg -o -w -F -f` {ms(t['rg -o -w -F -f'])}",
    f"{t['briefing check'] / t['grep -o -w -F -f']:.2f} × grep, {t['briefing check'] / t['rg -o -w -F -f']:.2f} × rg")
row("one pass over the article (the floor)", "", "",
    f"`wc -l` {ms(t['wc -l'])}, `cat` {ms(t['cat'])}",
    f"check is {t['briefing check'] / t['wc -l']:.1f} × `wc -l`")
common_check = t['briefing check, "the" an alias']
common_json = t['briefing export json, "the" an alias']
row('`check` with `"the"` an alias', "≤ 3 × the normal sheet", ms(common_check),
    f"the normal sheet {ms(t['briefing check'])}", f"{common_check / t['briefing check']:.2f} ×")
row('`export --format json` with `"the"` an alias', "≤ 3 × the normal sheet", ms(common_json),
    f"the normal sheet {ms(t['briefing export json'])}",
    f"{common_json / t['briefing export json']:.2f} ×")
row("`briefing check`, 256 MiB article", "≤ 0.75 × grep", ms(t["briefing check, 256 MiB"]),
    f"grep {ms(t['grep -o -w -F -f, 256 MiB'])}, `wc -l` {ms(t['wc -l, 256 MiB'])}",
    f"{t['briefing check, 256 MiB'] / t['grep -o -w -F -f, 256 MiB']:.2f} × grep")
row("`briefing check`, 100 MB of line breaks", "", ms(t["briefing check, 100 MB of line breaks"]),
    f"`wc -l` {ms(t['wc -l, 100 MB of line breaks'])}",
    f"{t['briefing check, 100 MB of line breaks'] / t['wc -l, 100 MB of line breaks']:.1f} × `wc -l`")
p = peaks
for name, article in [("briefing check", size), ('briefing check, "the" an alias', size),
                      ("briefing export json", size), ('briefing export json, "the" an alias', size),
                      ("briefing check, 256 MiB", big),
                      ("briefing check, 100 MB of line breaks", 100_000_000)]:
    b = bound(article)
    row(f"peak memory, `{name.removeprefix('briefing ')}`", f"≤ 2 × article + 20 MB = {b:,.0f} MiB",
        mib(p[name]), "", f"{p[name] / 1024 / b:.2f} × the bound")
for label, path in [("10 MiB", "interactive-10.txt"), ("256 MiB", "interactive-256.txt")]:
    for line in open(os.path.join(work, path), encoding="utf-8"):
        m = re.match(r"(start to first frame|search to its match)\s+briefing\s+([\d.]+) ms\s+less\s+([\d.]+) ms", line)
        if m:
            what, b, l = m.group(1), float(m.group(2)), float(m.group(3))
            target = "≤ 1.5 × less" if what.startswith("start") else ""
            row(f"reader: {what}, {label}", target, f"{b:,.1f} ms", f"`less` {l:,.1f} ms", f"{b / l:.2f} × less")
        m = re.match(r"peak memory\s+briefing\s+([\d.]+) MiB\s+less\s+([\d.]+) MiB", line)
        if m:
            row(f"reader: peak memory, {label}", "", f"{float(m.group(1)):,.1f} MiB", f"`less` {float(m.group(2)):,.1f} MiB", "")

cpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
model = next((l.split(":", 1)[1].strip() for l in cpu.splitlines() if l.startswith("Model name")), "?")
today = datetime.date.today().isoformat()
head = (f"## {today}: side by side, one run of `scripts/bench.sh`\n\n"
        f"Written by `scripts/bench.sh` on {today}: {os.cpu_count()} cores ({model}), release build, "
        f"medians of hyperfine runs (whole processes); the 10 MiB synthetic workload ({size:,} bytes) "
        f"unless a row says otherwise. Ratios are briefing ÷ what is beside it.\n\n"
        "| what | target | measured | beside it | ratio |\n| --- | --- | --- | --- | --- |\n")
table = head + "\n".join(rows) + "\n"
print()
print(table)
if not folder:
    doc = "docs/performance.md"
    text = open(doc, encoding="utf-8").read()
    block = f"<!-- bench.sh -->\n{table}<!-- /bench.sh -->\n"
    m = re.search(r"<!-- bench\.sh -->\n.*?<!-- /bench\.sh -->\n", text, re.S)
    text = text[:m.start()] + block + text[m.end():] if m else text.rstrip("\n") + "\n\n" + block
    open(doc, "w", encoding="utf-8").write(text)
    print(f"written into {doc}")
PY
