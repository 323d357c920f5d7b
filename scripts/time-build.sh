#!/usr/bin/env bash
# Times `dokgen build` on a project: one warm-up run, then RUNS timed runs
# of a full build (--force: every document made) and RUNS of a build with
# nothing changed (every document up to date), into a scratch output
# folder; prints the median and fastest of each and their ratio.
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

# Prints "median fastest" in microseconds of RUNS runs of the command.
time_runs() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  local sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "${sorted[$(( runs / 2 ))]} ${sorted[0]}"
}

ms() { printf '%d.%03d ms' $(($1 / 1000)) $(($1 % 1000)); }

"$bin" build "$project" --output "$out" --force >/dev/null
read -r full_median full_fastest < <(time_runs "$bin" build "$project" --output "$out" --force)
read -r same_median same_fastest < <(time_runs "$bin" build "$project" --output "$out")
docs=$(ls "$out"/*.pdf | wc -l)
printf '%s build %s: %d documents, %d runs each\n' "$bin" "$project" "$docs" "$runs"
printf '  full build (--force):     median %s, fastest %s\n' "$(ms "$full_median")" "$(ms "$full_fastest")"
printf '  nothing changed:          median %s, fastest %s\n' "$(ms "$same_median")" "$(ms "$same_fastest")"
awk -v a="$full_median" -v b="$same_median" 'BEGIN { printf "  ratio full / unchanged:   %.1f\n", a / b }'
