#!/usr/bin/env bash
# Validates the JSON and SARIF outputs of toolpolicy against their schemas.
#
#   scripts/validate-outputs.sh [BINARY]      (run from the repository root)
#
# BINARY defaults to .build/debug/toolpolicy; the script builds nothing. It runs real
# commands (the domain cases of `check`, `tools`, `lint` in json and sarif), and asks the
# same of `toolpolicy serve` over HTTP (one schema for both, not two), then checks
# each output with Python's jsonschema: decision, lint and catalog documents against
# docs/schemas/*.schema.json (draft 2020-12; the $refs between them resolve locally,
# never over the network), the SARIF report against docs/schemas/sarif-schema-2.1.0.json.
# It also checks the schemas themselves and the example each one carries.
# Prints one line per document, then `schemas: N passed, M failed`; exits 1 if M > 0.
set -euo pipefail

binary="${1:-.build/debug/toolpolicy}"
schemas="docs/schemas"
date="2026-09-01"   # a fixed evaluation date, so that runs are reproducible

if [ ! -x "$binary" ]; then
  echo "error: $binary is not an executable; build it first (swift build --product toolpolicy)" >&2
  exit 2
fi
for schema in decision lint catalog; do
  if [ ! -f "$schemas/$schema.schema.json" ]; then
    echo "error: $schemas/$schema.schema.json not found; run from the repository root" >&2
    exit 2
  fi
done

if ! python3 -c 'import jsonschema, referencing' 2>/dev/null; then
  python3 -m pip install --quiet jsonschema
fi

work="$(mktemp -d)"
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT
manifest="$work/manifest"
: >"$manifest"
count=0
failed_runs=0

# run SCHEMA ACCEPTED_EXIT_CODES LABEL -- ARGS…: runs the binary, keeps its stdout for
# validation if the exit code is one of ACCEPTED_EXIT_CODES (space-separated).
run() {
  local schema="$1" accepted="$2" label="$3"
  shift 4
  count=$((count + 1))
  local out="$work/$count.out" err="$work/$count.err" status=0
  "$binary" "$@" >"$out" 2>"$err" || status=$?
  if [[ " $accepted " != *" $status "* ]]; then
    echo "FAIL  $label: exit $status (expected one of: $accepted)"
    sed 's/^/      /' "$err" | head -20
    failed_runs=$((failed_runs + 1))
    return 0
  fi
  printf '%s\t%s\t%s (exit %s)\n' "$schema" "$out" "$label" "$status" >>"$manifest"
}

check_codes="0 1 2"     # allowed or conditional, denied, review
lint_codes="0 1 2 65"   # clean, some row denied, some row needs review, a malformed row

run decision "$check_codes" "check zoom" -- \
  check zoom --format json
run decision "$check_codes" "check zoom --mode web --computer pedagogical --accounts none --audience external" -- \
  check zoom --mode web --computer pedagogical --accounts none --audience external --purpose external-meeting --date "$date" --format json
run decision "$check_codes" "check zoom --mode install --computer administrative" -- \
  check zoom --mode install --computer administrative --date "$date" --format json
run decision "$check_codes" "check teams --mode web --accounts pupils --audience pupils" -- \
  check teams --mode web --accounts pupils --audience pupils --date "$date" --format json
run decision "$check_codes" "check skype --mode install --computer pedagogical" -- \
  check skype --mode install --computer pedagogical --date "$date" --format json
run decision "$check_codes" "check jitsi-perso (unlisted)" -- \
  check jitsi-perso --date "$date" --format json
run decision "$check_codes" "check cned --audience pupils" -- \
  check cned --audience pupils --date "$date" --format json
run decision "$check_codes" "check cned --audience pupils --purpose class --no-recorded --fact waiting_room=false" -- \
  check cned --audience pupils --purpose class --no-recorded --fact waiting_room=false --date "$date" --format json
run decision "$check_codes" "check discord --audience pupils" -- \
  check discord --audience pupils --date "$date" --format json
run decision "$check_codes" "check bbb-visio-agents --mode install --purpose staff-meeting --participants 12" -- \
  check bbb-visio-agents --mode install --purpose staff-meeting --audience staff --participants 12 --date "$date" --format json
run catalog "0" "tools" -- \
  tools --format json
run lint "$lint_codes" "lint Examples/ecole-excel.csv --format json" -- \
  lint Examples/ecole-excel.csv --date "$date" --format json
run lint "$lint_codes" "lint Examples/ecole-excel.csv --format json --decisions" -- \
  lint Examples/ecole-excel.csv --date "$date" --format json --decisions
run sarif "$lint_codes" "lint Examples/ecole-excel.csv --format sarif" -- \
  lint Examples/ecole-excel.csv --date "$date" --format sarif
run sarif "0 1" "verify --all --format sarif" -- \
  verify --all --date "$date" --format sarif
run sarif "1" "verify Examples/verify-planted --format sarif" -- \
  verify --policy Examples/verify-planted --date "$date" --format sarif

# The same documents over HTTP: `serve` on a free loopback port, then POST/GET with curl.
port=""
for candidate in $(seq 18590 18599); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
if [ -z "$port" ]; then
  echo "FAIL  serve: no free port in 18590-18599"
  failed_runs=$((failed_runs + 1))
else
  "$binary" serve --port "$port" --log-level error >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
    sleep 0.1
  done
  # fetch SCHEMA LABEL PATH [CURL ARGS…]: keeps a 200 answer's body for validation.
  fetch() {
    local schema="$1" label="$2" path="$3"
    shift 3
    count=$((count + 1))
    local out="$work/$count.out" status
    status=$(curl -s -o "$out" -w '%{http_code}' "$@" "http://127.0.0.1:$port$path" || true)
    if [ "$status" != "200" ]; then
      echo "FAIL  $label: HTTP $status"
      sed 's/^/      /' "$out" | head -5
      failed_runs=$((failed_runs + 1))
      return 0
    fi
    printf '%s\t%s\t%s (HTTP %s)\n' "$schema" "$out" "$label" "$status" >>"$manifest"
  }
  json=(-H 'Content-Type: application/json')
  fetch decision "POST /v1/check zoom install administrative" /v1/check "${json[@]}" \
    -d "{\"tool\": \"zoom\", \"use\": {\"mode\": \"install\", \"computer\": \"administrative\"}, \"date\": \"$date\"}"
  fetch decision "POST /v1/check cned pupils, waiting room off" /v1/check "${json[@]}" \
    -d "{\"tool\": \"cned\", \"use\": {\"audience\": [\"pupils\"], \"purpose\": \"class\", \"recorded\": false, \"waiting_room\": false}, \"date\": \"$date\"}"
  fetch decision "POST /v1/check jitsi-perso (unlisted)" /v1/check "${json[@]}" -d '{"tool": "jitsi-perso"}'
  fetch lint "POST /v1/lint Examples/ecole-excel.csv (text/csv)" "/v1/lint?date=$date&name=ecole-excel.csv" \
    -H 'Content-Type: text/csv' --data-binary @Examples/ecole-excel.csv
  fetch lint "POST /v1/lint ?decisions=true (text/csv)" "/v1/lint?date=$date&decisions=true" \
    -H 'Content-Type: text/csv' --data-binary @Examples/ecole-excel.csv
  fetch lint "POST /v1/lint JSON list" "/v1/lint?date=$date" "${json[@]}" \
    -d '[{"tool": "zoom", "mode": "web", "accounts": ["none"]}, {"tool": "teams", "accounts": "pupils"}, {"tool": "nosuch"}]'
  fetch catalog "GET /v1/tools" /v1/tools
fi

python3 - "$schemas" "$manifest" "$failed_runs" <<'PY'
import json
import sys
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.validators import validator_for
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

folder, manifest, failed_runs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
passed, failed = 0, failed_runs

ours = {name: json.loads((folder / f"{name}.schema.json").read_text(encoding="utf-8"))
        for name in ("decision", "lint", "catalog")}
sarif = json.loads((folder / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

# Every schema is registered under its $id, so `decision.schema.json#/$defs/…` in the
# lint and catalog schemas resolves here; nothing is fetched.
registry = Registry().with_resources(
    (schema["$id"], Resource.from_contents(schema, default_specification=DRAFT202012))
    for schema in ours.values()
)
validators = {name: Draft202012Validator(schema, registry=registry) for name, schema in ours.items()}
validators["sarif"] = validator_for(sarif)(sarif)


def report(ok, label, errors=()):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok    {label}")
    else:
        failed += 1
        print(f"FAIL  {label}")
        for error in errors[:10]:
            print(f"      at {error.json_path}: {error.message[:300]}")
        if len(errors) > 10:
            print(f"      … and {len(errors) - 10} more")


def validate(kind, document, label):
    errors = sorted(validators[kind].iter_errors(document), key=lambda e: list(e.absolute_path))
    report(not errors, label, errors)


# The schemas themselves, against their metaschemas, and the example each one carries.
for name, schema in ours.items():
    errors = list(Draft202012Validator(Draft202012Validator.META_SCHEMA).iter_errors(schema))
    report(not errors, f"{name}.schema.json is a valid draft 2020-12 schema", errors)
    for index, example in enumerate(schema.get("examples", [])):
        validate(name, example, f"{name}.schema.json examples[{index}]")

# The real outputs.
for line in manifest.read_text(encoding="utf-8").splitlines():
    kind, path, label = line.split("\t", 2)
    text = Path(path).read_text(encoding="utf-8")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        failed += 1
        print(f"FAIL  {label} [{kind}]: not JSON: {error}")
        continue
    validate(kind, document, f"{label} [{kind}]")

print(f"schemas: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
