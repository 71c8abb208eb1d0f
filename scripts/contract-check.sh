#!/usr/bin/env bash
# The HTTP contract checked by a real OpenAPI client: starts `toolpolicy serve` on a loopback
# port with the repository's Rules/, then runs schemathesis (PyPI) against the document the
# server serves, `GET /openapi.yaml`, which `$ref`s the JSON Schemas the server serves beside
# it (`GET /schemas/*.schema.json`). Schemathesis generates valid and invalid requests for
# every operation and checks every answer with all its checks (`--checks all`): status codes
# and headers documented, bodies valid against their schemas, invalid input refused, valid
# input accepted, undocumented methods refused with `Allow`. Any failure fails the script.
#
#   scripts/contract-check.sh [TOOLPOLICY_BINARY] [MAX_EXAMPLES]
#     TOOLPOLICY_BINARY  default .build/debug/toolpolicy
#     MAX_EXAMPLES       test cases per operation and phase, default 15 (about a minute on
#                        2 cores); 100 for a longer hunt
#   Environment: CONTRACT_CHECK_PORT (first port tried, default 18621; the next free one up to
#   18629 is used), CONTRACT_CHECK_SEED (schemathesis --seed, to replay a run; the run prints
#   its seed), OUT (reports, default bench-out/contract, git-ignored).
#
# Needs python3 (with pip, to install schemathesis when missing) and curl.
# Exit 0 when schemathesis found no failure, non-zero otherwise.
set -euo pipefail

here=$(pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
absolute() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$here/$1" ;; esac; }
bin=$(absolute "${1:-$root/.build/debug/toolpolicy}")
examples=${2:-15}
out=$(absolute "${OUT:-$root/bench-out/contract}")
cd "$root"

fail() { echo "contract-check: $*" >&2; exit 1; }
[ -x "$bin" ] || fail "no toolpolicy binary at $bin (build it, or pass its path)"
command -v python3 >/dev/null || fail "python3 not found"
command -v curl >/dev/null || fail "curl not found"
[ -d Rules ] || fail "no Rules/ folder in $root"
if ! command -v schemathesis >/dev/null 2>&1; then
  echo "installing the Python package schemathesis"
  python3 -m pip install --quiet schemathesis || fail "cannot install schemathesis with pip"
fi
mkdir -p "$out"

port=""
for candidate in $(seq "${CONTRACT_CHECK_PORT:-18621}" 18629); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || fail "no free port in ${CONTRACT_CHECK_PORT:-18621}-18629"

"$bin" serve --port "$port" --log-level error >"$out/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || fail "the server did not start (see $out/serve.log)"

# scripts/contract_hooks.py: a CSV body of another JSON type is no CSV text (see the file).
export SCHEMATHESIS_HOOKS=contract_hooks PYTHONPATH="$root/scripts${PYTHONPATH:+:$PYTHONPATH}"

seed=()
[ -n "${CONTRACT_CHECK_SEED:-}" ] && seed=(--seed "$CONTRACT_CHECK_SEED")
# Run from the report folder, so that schemathesis's example database stays out of the tree.
cd "$out"
schemathesis run "http://127.0.0.1:$port/openapi.yaml" \
  --checks all --max-examples "$examples" "${seed[@]}" \
  --generation-database none --no-color \
  --report junit --report-dir "$out"
