#!/usr/bin/env bash
# Lists the crates whose features differ between the normal build
# (`cargo run`) and the test build (`cargo test`). Each one makes the two
# README commands compile part of the dependency tree twice; the fix is an
# entry in the "feature unification" block of Cargo.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
normal=$(mktemp); tests=$(mktemp)
trap 'rm -f "$normal" "$tests"' EXIT
cargo tree -e no-dev,features --prefix none -f '{p} {f}' | sort -u >"$normal"
cargo tree -e features --prefix none -f '{p} {f}' | sort -u >"$tests"
python3 - "$normal" "$tests" <<'PY'
import sys
def packages(path):
    out = {}
    for line in open(path):
        parts = line.split()
        # Package lines are "name vX.Y.Z [features]"; feature lines differ.
        if len(parts) >= 2 and parts[1].startswith("v") and parts[1][1:2].isdigit():
            out.setdefault((parts[0], parts[1]), set()).update(parts[2].split(",") if len(parts) > 2 else [])
    return out
normal, tests = packages(sys.argv[1]), packages(sys.argv[2])
diffs = [(k, sorted(tests[k] - normal[k])) for k in sorted(normal) if k in tests and tests[k] != normal[k]]
for (name, version), extra in diffs:
    print(f"{name} {version}: the tests add {', '.join(extra)}")
print(f"{len(diffs)} crate(s) built differently for the tests")
sys.exit(1 if diffs else 0)
PY
