#!/bin/sh
# Writes the seed inputs into corpus/TARGET/seed-NAME, encoded the way each target decodes its
# input (see examples/cases.rs): the bundled briefing and the `warnings` test fixture for
# `sheet`, and the cases in seeds/. Run from anywhere; needs CARGO_TARGET_DIR if you use one.
set -eu
cd "$(dirname "$0")"
cargo build --quiet --release --example cases
cases="${CARGO_TARGET_DIR:-target}/release/examples/cases"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp ../assets/facts.toml "$tmp/bundled.toml"
cp ../assets/article.txt "$tmp/bundled.article"
cp ../tests/it/fixtures/warnings/facts.toml "$tmp/warnings.toml"
cp ../tests/it/fixtures/warnings/article.txt "$tmp/warnings.article"
mkdir -p corpus/sheet corpus/article corpus/mentions
for toml in "$tmp"/*.toml seeds/sheet/*.toml; do
    stem="${toml%.toml}"
    "$cases" encode sheet "$stem" "corpus/sheet/seed-$(basename "$stem")"
done
for target in article mentions; do
    for json in seeds/$target/*.json; do
        stem="${json%.json}"
        "$cases" encode "$target" "$stem" "corpus/$target/seed-$(basename "$stem")"
    done
done
ls corpus/*/seed-*
