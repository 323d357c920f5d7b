#!/usr/bin/env bash
# The test build's figures: how long `cargo test --no-run` takes after a
# change to the library's code (dokgen is compiled again and every test
# binary linked again) and after a change to one test file, and how many
# test binaries there are and how large they are. Each change is a new
# constant at the end of the file, removed again afterwards. Run from a
# checkout after a first build; the figures are seconds of wall time on
# this machine, so compare them within one run or one machine.
set -euo pipefail
cd "$(dirname "$0")/.."
lib=src/lib.rs
test_file=${1:-$(find tests -name '*.rs' -not -path '*/common/*' | sort | head -1)}
cp "$lib" /tmp/dokgen-probe-lib.rs
cp "$test_file" /tmp/dokgen-probe-test.rs
trap 'cp /tmp/dokgen-probe-lib.rs "$lib"; cp /tmp/dokgen-probe-test.rs "$test_file"' EXIT
cargo test --no-run --quiet >/dev/null 2>&1
seconds() {
  local start end
  start=$(date +%s%N)
  cargo test --no-run >/dev/null 2>&1
  end=$(date +%s%N)
  echo "scale=1; ($end - $start) / 1000000000" | bc
}
probe="#[doc(hidden)] pub const BUILD_PROBE: u64 = $(date +%s%N);"
echo "$probe" >>"$lib"
after_lib=$(seconds)
echo "#[allow(dead_code)] const TEST_PROBE: u64 = $(date +%s%N);" >>"$test_file"
after_test=$(seconds)
bins=$(cargo test --no-run --message-format=json 2>/dev/null \
  | grep '"test":true' | grep -o '"executable":"[^"]*"' | cut -d'"' -f4 | sort -u)
count=$(echo "$bins" | grep -c . || true)
bytes=$(echo "$bins" | xargs du -cb | tail -1 | cut -f1)
echo "after a change to $lib: $after_lib s"
echo "after a change to $test_file: $after_test s"
echo "test binaries (integration tests, the library's and binary's unit tests, benches): $count, $((bytes / 1000000)) MB"
