#!/usr/bin/env bash
# Lint at scale, in every output format, beside a same-run peer.
#
#   scripts/lint-bench.sh [ROWS]                     # default 1,000,000 rows; builds release first
#   TOOLPOLICY_BIN=path/to/toolpolicy scripts/lint-bench.sh   # an existing release binary, no build
#   FORMATS="text json" scripts/lint-bench.sh         # some formats only
#
# Generates bench-out/school-lists-ROWS.csv once (gitignored), shaped like the lists
# schools send, concatenated: French Excel (`;`, CRLF, Windows-1252), each school's few
# dozen uses repeated over its rows, listed tools under several spellings, unlisted
# tools, empty cells (unknown facts), about 1 % invalid rows (`instal`, `pédagogique`,
# `beaucoup` participants) and a free-text `notes` column (an ignored column, so a
# warning). Then, for each format, runs `toolpolicy lint` once under `/usr/bin/time` and
# prints wall time, peak RSS, output bytes and the ratio against two peers run in the
# same invocation on the same file: `wc -l` and Python's csv module reading every row.
# The ratios are the figures to compare across machines; the seconds are this run's.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
formats="${FORMATS:-text json sarif junit gitlab}"
out=bench-out
mkdir -p "$out"
csv="$out/school-lists-$rows.csv"

if [ ! -f "$csv" ]; then
  python3 - "$rows" "$csv" <<'PY'
import random, sys
rows, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(20261130)
listed = ["Zoom", "zoom", "Teams", "Microsoft Teams", "Skype", "BBB visio-agents", "bbb-ent",
          "Ma classe à la maison", "VIA", "RENAVISIO", "StarLeaf", "Scaleway for Education"]
unlisted = ["Jitsi", "Discord", "GoToMeeting", "Whereby"]
def cell(choices, empty=0.15):
    return "" if rng.random() < empty else rng.choice(choices)
def use():
    tool = rng.choice(unlisted) if rng.random() < 0.1 else rng.choice(listed)
    row = [tool, cell(["web", "install"]), cell(["administrative", "pedagogical", "personal"]),
           cell(["none", "staff", "pupils", "staff|pupils"]), cell(["pupils", "staff", "external", "pupils,staff"]),
           cell(["class", "staff-meeting", "council", "external-meeting"]), cell(["oui", "non"], 0.3),
           cell([str(n) for n in (6, 12, 25, 30, 120)], 0.4)]
    r = rng.random()
    if r < 0.004: row[1] = "instal"
    elif r < 0.008: row[2] = "pédagogique"
    elif r < 0.010: row[7] = "beaucoup"
    return row
with open(path, "w", encoding="cp1252", newline="") as f:
    f.write("tool;mode;computer;accounts;audience;purpose;recorded;participants;notes\r\n")
    written = 0
    school = 0
    while written < rows:
        school += 1
        uses = [use() for _ in range(rng.randint(15, 60))]
        for _ in range(min(rng.randint(200, 2000), rows - written)):
            row = rng.choice(uses)
            f.write(";".join(row + ["école %d, séance %d" % (school, written)]) + "\r\n")
            written += 1
PY
fi

bin="${TOOLPOLICY_BIN:-}"
if [ -z "$bin" ]; then
  swift build -c release --product toolpolicy >/dev/null
  bin=.build/release/toolpolicy
fi

# Runs a command once under /usr/bin/time; sets seconds, mib (peak RSS) and status.
measure() {
  local output="$1"; shift
  set +e
  /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" > "$output" 2>/dev/null
  status=$?
  set -e
  read -r seconds kib < <(tail -n 1 "$out/time.txt")
  mib=$((kib / 1024))
}

measure /dev/null wc -l "$csv"; wc_seconds=$seconds
measure /dev/null python3 -c 'import csv, sys
with open(sys.argv[1], encoding="cp1252", newline="") as f:
    print(sum(1 for _ in csv.reader(f, delimiter=";")))' "$csv"; py_seconds=$seconds

echo "list: $csv, $rows rows, $(stat -c %s "$csv") bytes; binary: $bin"
echo "peers (same run): wc -l ${wc_seconds} s; python3 csv.reader ${py_seconds} s"
printf '%-7s %9s %9s %14s %10s %12s %5s\n' format seconds "peak MiB" "output bytes" "bytes/row" "÷ python csv" exit
for format in $formats; do
  measure "$out/lint.$format" "$bin" lint "$csv" --format "$format" --date 2026-09-01 --policy Rules
  bytes=$(stat -c %s "$out/lint.$format")
  ratio=$(python3 -c "import sys; print(f'{float(sys.argv[1]) / max(float(sys.argv[2]), 0.01):.2f}')" "$seconds" "$py_seconds")
  printf '%-7s %9s %9s %14s %10s %12s %5s\n' "$format" "$seconds" "$mib" "$bytes" "$((bytes / rows))" "$ratio" "$status"
done
tail -n 1 "$out/lint.text" 2>/dev/null || true
