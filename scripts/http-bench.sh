#!/usr/bin/env bash
# POST /v1/check with bodies never seen before against GET /healthz, in the same run:
# how much of the HTTP stack's throughput the policy path keeps (issue 14's aim: >= 0.9,
# p99 < 10 ms, no error).
#
#   scripts/http-bench.sh [BINARY]
#
# It builds the release `toolpolicy` (swift build -c release --product toolpolicy) unless
# BINARY is given, starts `BINARY serve` on a free port of 127.0.0.1 with the shipped
# Rules/ and the default log level (info: one log line per request, to a file), then:
#   1. warm-up: WARMUP seconds of each endpoint, not reported;
#   2. ROUNDS rounds of: wrk on POST /v1/check with scripts/load/distinct.lua (every body
#      new, so the answer cache never hits), then wrk on GET /healthz, DURATION seconds
#      each with the same threads and connections;
#      then the same Lua with REPEAT=512 (each thread cycles through 512 bodies of the same
#      shapes, answered from the answer cache: the HTTP cost of reading a check body and
#      writing its answer with no policy work, the ceiling of the ratio);
#   3. prints each round's requests/s for all three, the ratio check/healthz and the p99s,
#      the server's CPU time per request of each (utime + stime from /proc, divided by
#      the requests wrk made: steadier than requests/s when other work shares the cores)
#      and their ratio, and whether the aim is met;
#   4. a SAMPLE_SECONDS seconds' run of the same Lua with SAMPLE=1, which reads every answer
#      (its status, and the verdict of every 8th): the verdict mix. The measured rounds
#      leave the answers unread, as the /healthz rounds do, since reading them in Lua costs
#      wrk about 9 µs per request on the cores the server shares (docs/performance.md).
# Exit status: 0 when no request failed (no non-2xx, no socket error, every sampled check a 200);
# 1 otherwise; 2 on a setup problem. The aim itself is reported, not an exit status.
#
# Settings (environment, defaults in brackets): THREADS [2] CONNECTIONS [16] DURATION [10]
# WARMUP [3] ROUNDS [3] SAMPLE_SECONDS [3] PORT [a free one] OUT [bench-out/http]: wrk outputs and the
# server's log are copied there.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

threads="${THREADS:-2}"
connections="${CONNECTIONS:-16}"
duration="${DURATION:-10}"
warmup="${WARMUP:-3}"
rounds="${ROUNDS:-3}"
sample="${SAMPLE_SECONDS:-3}"
out="${OUT:-bench-out/http}"
lua="$root/scripts/load/distinct.lua"

for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "error: $tool is not installed (apt-get install -y $tool)" >&2; exit 2; }
done
if [ $# -ge 1 ]; then
  bin="$1"
else
  swift build -c release --product toolpolicy >&2 || { echo "error: the release build failed" >&2; exit 2; }
  bin=.build/release/toolpolicy
fi
[ -x "$bin" ] || { echo "error: no executable toolpolicy at $bin" >&2; exit 2; }

# A port nothing listens on: the kernel's choice, else the first free one from 18300.
free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
    return
  fi
  local p
  for p in $(seq 18300 18400); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$p/" || { echo "$p"; return; }
  done
  return 1
}
port="${PORT:-$(free_port)}"
base="http://127.0.0.1:$port"

. "$root/scripts/lib/stop-process.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/toolpolicy-http.XXXXXX")
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && stop_process "$server_pid"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$out"

"$bin" serve --host 127.0.0.1 --port "$port" --policy "$root/Rules" > "$work/server.log" 2>&1 &
server_pid=$!
ready=0
for _ in $(seq 300); do
  kill -0 "$server_pid" 2>/dev/null || break
  if curl -sf --max-time 1 "$base/readyz" > /dev/null 2>&1; then ready=1; break; fi
  sleep 0.1
done
if [ "$ready" != 1 ]; then
  echo "error: the server did not become ready; its log:" >&2
  tail -n 20 "$work/server.log" >&2
  exit 2
fi

# A wrk latency figure (812.00us, 3.41ms, 1.02s) in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}
# requests/s, p99 in ms, errors (non-2xx + socket errors + Lua non-200) of a wrk output.
parse_wrk() {
  awk '
    /^Requests\/sec:/ { rps = $2 }
    $1 == "99%" { p99 = $2 }
    /Non-2xx or 3xx responses/ { errors += $NF }
    /Socket errors:/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
    /^  non-200:/ { errors += $2 }
    END { print rps, p99, errors + 0 }' "$1"
}
run_wrk() {  # path seconds file [lua]
  local args=(-t "$threads" -c "$connections" -d "$2s" --timeout 5s --latency)
  [ $# -ge 4 ] && args+=(-s "$4")
  wrk "${args[@]}" "$base$1" > "$3" 2>&1
}

cpu_model=$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo)
echo "toolpolicy HTTP bench: POST /v1/check (every body new) against GET /healthz"
echo "  binary:  $bin ($(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
echo "  machine: $(nproc) cores ($cpu_model), load average $(cut -d' ' -f1-3 /proc/loadavg); wrk and the server share them"
echo "  wrk:     $(wrk -v 2>&1 | head -n 1 | awk '{print $1, $2}'), -t $threads -c $connections, ${duration}s per run, $rounds rounds"
echo "  server:  127.0.0.1:$port, --policy Rules/, default log level"

run_wrk /v1/check "$warmup" "$work/warm-check.txt" "$lua"
run_wrk /healthz "$warmup" "$work/warm-healthz.txt"
REPEAT=512 run_wrk /v1/check "$warmup" "$work/warm-cached.txt" "$lua"

failures=0
ratios=()
worst_p99=0
# The server's CPU time so far, in clock ticks (utime + stime).
server_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
# Microseconds of server CPU per request: ticks before, ticks after, a wrk output.
cpu_per_request() {
  awk -v a="$1" -v b="$2" -v hz="$(getconf CLK_TCK)" '/ requests in / { n = $1 } END { printf "%.0f", (b - a) * 1e6 / hz / n }' "$3"
}

printf '\n%-6s %14s %10s %14s %10s %7s %12s %12s %9s %13s %13s %10s\n' round "check req/s" "p99 ms" "healthz req/s" "p99 ms" ratio \
  "check µs/req" "healthz µs" "cpu ratio" "cached req/s" "cached ratio" "cached µs"
for round in $(seq "$rounds"); do
  t0=$(server_ticks)
  run_wrk /v1/check "$duration" "$work/check-$round.txt" "$lua"
  t1=$(server_ticks)
  run_wrk /healthz "$duration" "$work/healthz-$round.txt"
  t2=$(server_ticks)
  REPEAT=512 run_wrk /v1/check "$duration" "$work/cached-$round.txt" "$lua"
  t3=$(server_ticks)
  k_cpu=$(cpu_per_request "$t2" "$t3" "$work/cached-$round.txt")
  read -r k_rps _ k_err < <(parse_wrk "$work/cached-$round.txt")
  c_cpu=$(cpu_per_request "$t0" "$t1" "$work/check-$round.txt")
  h_cpu=$(cpu_per_request "$t1" "$t2" "$work/healthz-$round.txt")
  read -r c_rps c_p99 c_err < <(parse_wrk "$work/check-$round.txt")
  read -r h_rps h_p99 h_err < <(parse_wrk "$work/healthz-$round.txt")
  c_p99=$(to_ms "$c_p99"); h_p99=$(to_ms "$h_p99")
  ratio=$(awk -v c="$c_rps" -v h="$h_rps" 'BEGIN {printf "%.2f", c / h}')
  ratios+=("$ratio")
  worst_p99=$(awk -v a="$worst_p99" -v b="$c_p99" 'BEGIN {print (b > a) ? b : a}')
  printf '%-6s %14.0f %10s %14.0f %10s %7s %12s %12s %9s %13.0f %13s %10s\n' "$round" "$c_rps" "$c_p99" "$h_rps" "$h_p99" "$ratio" \
    "$c_cpu" "$h_cpu" "$(awk -v c="$c_cpu" -v h="$h_cpu" 'BEGIN {printf "%.2f", c / h}')" \
    "$k_rps" "$(awk -v c="$k_rps" -v h="$h_rps" 'BEGIN {printf "%.2f", c / h}')" "$k_cpu"
  if [ "$c_err" != 0 ] || [ "$h_err" != 0 ] || [ "$k_err" != 0 ]; then
    echo "  round $round: $c_err failed checks, $h_err failed healthz, $k_err failed cached checks (see $out/)"
    failures=$((failures + 1))
  fi
  cp "$work/check-$round.txt" "$work/healthz-$round.txt" "$work/cached-$round.txt" "$out/"
done
SAMPLE=1 run_wrk /v1/check "$sample" "$work/check-sample.txt" "$lua"
read -r _ _ s_err < <(parse_wrk "$work/check-sample.txt")
if [ "$s_err" != 0 ]; then
  echo "  sampling run: $s_err failed checks (see $out/)"
  failures=$((failures + 1))
fi
cp "$work/check-sample.txt" "$out/"
cp "$work/server.log" "$out/server.log"

echo
echo "verdicts of the check answers (every 8th 200 answer of a ${sample}s sampling run):"
cat "$work/check-sample.txt" | awk '/^  verdict / { sub(":", "", $2); n[$2] += $3; t += $3 }
  END { for (v in n) printf "  %-12s %6d  (%.0f %%)\n", v, n[v], 100 * n[v] / t }' | sort
min_ratio=$(printf '%s\n' "${ratios[@]}" | sort -n | head -n 1)
aim=$(awk -v r="$min_ratio" -v p="$worst_p99" 'BEGIN {print (r >= 0.9 && p < 10) ? "met" : "NOT MET"}')
echo
echo "ratios: ${ratios[*]}; worst check p99 ${worst_p99} ms"
echo "(the cached ratio is the ceiling: a check body read and its answer written, with no policy work)"
echo "aim (every ratio >= 0.90, p99 < 10 ms): $aim"
echo "raw wrk outputs and the server log: $out/"
if [ "$failures" -gt 0 ]; then echo "FAILED: errors in $failures round(s)"; exit 1; fi
echo "OK: no error"
