#!/usr/bin/env bash
# Issue 14's targets measured back to back, each beside the peer measured in the same run:
# the figures of docs/performance.md's "targets at a glance" table, in one command.
#
#   scripts/perf-glance.sh                       # builds release, then every step (about 8 min)
#   TOOLPOLICY_BIN=.build/release/toolpolicy scripts/perf-glance.sh   # binaries already built
#   STEPS="engine cold" scripts/perf-glance.sh   # some steps only (engine cold http lint)
#   PEERS_DIR=path/to/bench/peers scripts/perf-glance.sh   # the Cedar harness (default ../shared/bench/peers)
#
# Steps, in this order, so that each pair shares the machine's state:
#   engine  Cedar's own per-request metrics (the peers harness, `run.sh --only "cedarpy batch"`),
#           then ToolPolicyBench's rows A-D on the same five-rule policy; skipped for Cedar
#           when the harness is absent (the product never needs it);
#   cold    hyperfine: a cold `toolpolicy check` against `toolpolicy --version`;
#   http    scripts/http-bench.sh: never-seen POST /v1/check against GET /healthz under wrk;
#   lint    scripts/lint-bench.sh: a 1,000,000-row list in every format against Python's csv reader.
# Every step's whole output is kept in bench-out/glance/STEP.log; the summary printed at the end
# gives each figure, its peer and the ratio. Exit 0 when every step ran, 1 when one failed.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench-out/glance
mkdir -p "$out"
steps="${STEPS:-engine cold http lint}"
peers="${PEERS_DIR:-../shared/bench/peers}"
rows="${LINT_ROWS:-1000000}"

if [ -z "${TOOLPOLICY_BIN:-}" ]; then
  swift build -c release --product toolpolicy >/dev/null
  swift build -c release --product ToolPolicyBench >/dev/null
  bin=.build/release/toolpolicy
else
  bin="$TOOLPOLICY_BIN"
fi
bench="$(dirname "$bin")/ToolPolicyBench"
failed=0
load() { cut -d' ' -f1-3 /proc/loadavg; }

for step in $steps; do
  echo "== $step (load average $(load))" >&2
  case "$step" in
    engine)
      if [ -x "$peers/run.sh" ] && [ ! -w "$peers" ]; then
        # The harness writes its .venv and results.json beside itself: run a copy.
        rm -rf "$out/peers" && cp -r "$peers" "$out/peers" && chmod -R u+w "$out/peers"
        peers="$out/peers"
      fi
      if [ -x "$peers/run.sh" ]; then
        "$peers/run.sh" --only "cedarpy batch" >"$out/cedar.log" 2>&1 || failed=1
        cp "$peers/results.json" "$out/cedar.json" 2>/dev/null || true
      else
        echo "no peers harness at $peers: Cedar's row is left out" >"$out/cedar.log"
      fi
      "$bench" --no-shipped --only peers. --out "$out/engine.json" >"$out/engine.log" 2>&1 || failed=1
      ;;
    cold)
      hyperfine -N --warmup 5 --runs 50 --export-json "$out/cold.json" \
        "$bin check zoom --mode web --computer pedagogical --accounts none" "$bin --version" >"$out/cold.log" 2>&1 || failed=1
      ;;
    http)
      ROUNDS="${ROUNDS:-2}" DURATION="${DURATION:-8}" scripts/http-bench.sh "$bin" >"$out/http.log" 2>&1 || failed=1
      ;;
    lint)
      TOOLPOLICY_BIN="$bin" scripts/lint-bench.sh "$rows" >"$out/lint.log" 2>&1 || failed=1
      ;;
    *)
      echo "unknown step: $step (steps: engine cold http lint)" >&2
      exit 2
      ;;
  esac
done

python3 - "$out" "$steps" <<'PY'
import json, os, re, sys
out, steps = sys.argv[1], sys.argv[2].split()
def read(name):
    path = os.path.join(out, name)
    return open(path).read() if os.path.exists(path) else ""
print("## issue 14's targets, this run (logs in %s/)" % out)
if "engine" in steps and os.path.exists(os.path.join(out, "engine.json")):
    engine = json.load(open(os.path.join(out, "engine.json")))
    cedar = None
    if os.path.exists(os.path.join(out, "cedar.json")):
        for row in json.load(open(os.path.join(out, "cedar.json")))["rows"]:
            metrics = row.get("engine_metrics") or {}
            if "cedar_authz_us_mean" in metrics:
                cedar = metrics
    targets = {"peers.A": 100, "peers.B": 150, "peers.C": 150, "peers.D": 150}
    for row in engine["rows"]:
        if row["key"] not in targets:
            continue
        wall, cpu = row["ns_per_decision_median"], row["cpu_ns_per_decision_median"]
        line = "%s  %.1f ns wall median (min %.1f, CPU %.1f); target <= %d ns: %s" % (
            row["key"], wall, row["ns_per_decision_min"], cpu, targets[row["key"]],
            "met" if wall <= targets[row["key"]] else "not met")
        if cedar:
            peer = cedar["cedar_authz_us_mean"] if row["key"] in ("peers.A", "peers.B") else cedar["cedar_build_request_us_mean"]
            what = "authorization" if row["key"] in ("peers.A", "peers.B") else "request building"
            line += "; Cedar's %s %.2f us = %.0fx" % (what, peer, peer * 1000 / wall)
        print(line)
if "cold" in steps and os.path.exists(os.path.join(out, "cold.json")):
    results = json.load(open(os.path.join(out, "cold.json")))["results"]
    check, version = results[0], results[1]
    print("cold check  %.1f ms mean (min %.1f, sd %.1f) vs --version %.1f ms: %.2fx; target < 30 ms: %s" % (
        check["mean"] * 1e3, check["min"] * 1e3, check["stddev"] * 1e3, version["mean"] * 1e3,
        check["mean"] / version["mean"], "met" if check["mean"] < 0.030 else "not met"))
figures = {"engine": "engine.json", "cold": "cold.json"}
for step, name in figures.items():
    if step in steps and not os.path.exists(os.path.join(out, name)):
        last = (read(step + ".log").strip().splitlines() or ["(no log)"])[-1]
        print("%s: no figures, see %s/%s.log: %s" % (step, out, step, last))
for step in ("http", "lint"):
    if step in steps:
        text = read(step + ".log").strip().splitlines()
        # From the table's header on (http: every round; lint: the peers and every format).
        start = next((i for i, line in enumerate(text) if line.startswith(("round ", "  list:", "list:"))), max(0, len(text) - 12))
        print("%s (the script's own summary):" % step)
        for line in text[start:]:
            print("  " + line)
PY
exit "$failed"
