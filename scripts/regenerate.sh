#!/usr/bin/env bash
# Writes again what dokgen generates from its own types and the tests
# compare: the JSON Schemas in schema/ and the field reference between
# the markers of docs/reference.md. Run after changing a fact, a
# declaration, dokgen.yaml's fields or what a template sees; review the
# diff like code.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
dokgen=target/debug/dokgen
for kind in facts document project; do
  "$dokgen" schema "$kind" >"schema/$kind.schema.json"
done
reference=docs/reference.md
begin='<!-- fields:begin -->'
end='<!-- fields:end -->'
{
  sed "/^$begin\$/q" "$reference"
  "$dokgen" schema --markdown
  sed -n "/^$end\$/,\$p" "$reference"
} >"$reference.new"
mv "$reference.new" "$reference"
git diff --stat -- schema "$reference"
