#!/usr/bin/env bash
# Times `dokgen build` on a project: one warm-up run, then RUNS timed runs
# into a scratch output folder; prints the median and the fastest.
#
#   scripts/time-build.sh [BINARY] [PROJECT_DIR] [RUNS]
#
# BINARY defaults to target/release/dokgen (build it with
# `cargo build --release`), PROJECT_DIR to the default project.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/dokgen}
project=${2:-.}
runs=${3:-20}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$bin" build "$project" --output "$out" >/dev/null
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$bin" build "$project" --output "$out" >/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
median=${sorted[$(( runs / 2 ))]}
fastest=${sorted[0]}
docs=$(ls "$out"/*.pdf | wc -l)
printf '%s build %s: %d documents, median %d.%03d ms, fastest %d.%03d ms over %d runs\n' \
  "$bin" "$project" "$docs" $((median / 1000)) $((median % 1000)) $((fastest / 1000)) $((fastest % 1000)) "$runs"
