#!/usr/bin/env bash
# The allocation thresholds of the evaluator path (docs/performance.md, "Allocations"):
# runs every benchmark of this package and compares each one's heap allocations per
# iteration with its ceiling in Thresholds/. Exit 0 when none is above its ceiling,
# 1 otherwise. A path that allocates less than its ceiling passes with a note: lower the
# figure in its file (0 for a path that no longer allocates).
#
# `swift package` exits 1 for a regression, an improvement and a crash alike, so the
# verdict is read from the tool's own closing line.
set -uo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
swift package benchmark thresholds check --no-progress 2>&1 | tee "$log"

if grep -q "is WORSE than the defined thresholds" "$log"; then
  echo "error: allocations: a path allocates more than its ceiling in Benchmarks/Allocations/Thresholds/ (table above)" >&2
  echo "hint: see where with: cd Benchmarks/Allocations && swift package benchmark run --allocation-stacks --filter '<benchmark>'" >&2
  exit 1
elif grep -q "is BETTER than the defined thresholds" "$log"; then
  echo "note: allocations: a path allocates less than its ceiling (table above): lower the figure in its Benchmarks/Allocations/Thresholds/ file"
elif grep -q "is EQUAL to the defined thresholds" "$log"; then
  echo "allocations: every thresholded path is at its ceiling (Benchmarks/Allocations/Thresholds/)"
else
  echo "error: allocations: the benchmark run did not finish (output above)" >&2
  exit 1
fi
