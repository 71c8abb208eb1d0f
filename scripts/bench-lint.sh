#!/usr/bin/env bash
# Lint throughput: generates a CSV list of N rows (default 1,000,000) shaped like a
# school's spreadsheet (French Excel: ';', CRLF, Windows-1252 accents), then times
# `toolpolicy lint` on it in release mode and reports wall time and peak memory.
#   scripts/bench-lint.sh [ROWS]
#   TOOLPOLICY_BIN=.build-release/release/toolpolicy scripts/bench-lint.sh   # an existing release binary, no build
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
out=bench-out
mkdir -p "$out"
csv="$out/list-$rows.csv"
if [ ! -f "$csv" ]; then
  python3 - "$rows" "$csv" <<'PY'
import random, sys
rows, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(20261123)
tools = ["Zoom", "zoom web", "Teams", "Skype", "BBB visio-agents", "Ma classe à la maison", "VIA",
         "RENAVISIO", "Discord", "GoToMeeting", "StarLeaf", "Jitsi", "Scaleway for Education"]
modes = ["web", "install", ""]
computers = ["administrative", "pedagogical", "personal", ""]
accounts = ["none", "staff", "pupils", "staff|pupils", ""]
audiences = ["pupils", "staff", "external", "pupils,staff", ""]
purposes = ["class", "staff-meeting", "council", "external-meeting", ""]
with open(path, "w", encoding="cp1252", newline="") as f:
    f.write("tool;mode;computer;accounts;audience;purpose;recorded;participants;notes\r\n")
    for i in range(rows):
        f.write(";".join([rng.choice(tools), rng.choice(modes), rng.choice(computers), rng.choice(accounts),
                          rng.choice(audiences), rng.choice(purposes), rng.choice(["oui", "non", ""]),
                          str(rng.randint(2, 30)), "séance n°%d" % i]) + "\r\n")
PY
fi
bin="${TOOLPOLICY_BIN:-}"
if [ -z "$bin" ]; then
  swift build -c release --product toolpolicy >/dev/null
  bin=.build/release/toolpolicy
fi
echo "rows: $rows  file: $csv ($(du -h "$csv" | cut -f1))"
for format in text sarif json; do
  set +e
  /usr/bin/time -f "%e %M" -o "$out/time-$format.txt" "$bin" lint "$csv" --format "$format" --policy Rules > "$out/lint-$format.out" 2>/dev/null
  status=$?
  set -e
  read -r seconds kib < <(tail -n 1 "$out/time-$format.txt")
  echo "format $format: ${seconds} s, peak RSS $((kib / 1024)) MiB, exit $status, $(tail -c 200 "$out/lint-$format.out" | tr '\n' ' ' | grep -o '[0-9]* lignes[^,]*' || true)"
done
