#!/usr/bin/env bash
# The helpdesk page in a real browser: starts `toolpolicy serve` on a loopback port with the
# repository's Rules/, starts Debian's headless Chromium, and drives it over the DevTools
# protocol (scripts/browser/driver.py) through real form submissions:
#   1. French, Zoom installed on an administrative computer, submitted with a mouse click:
#      expects REFUSÉ, a citation of the Cadre de référence (by its title) and a reply "Objet : …";
#   2. English (/?lang=en), the unlisted tool "Jitsi perso", keyboard only (Tab to the
#      field, type, Tab to the button, Enter): expects REVIEW;
# and on every page: no <script>, no URL to another host, labelled fields, and every
# request the browser made went to the server only. Full-page screenshots go to OUT.
#
#   scripts/browser-check.sh [TOOLPOLICY_BINARY] [OUT]
#     TOOLPOLICY_BINARY  default .build/debug/toolpolicy
#     OUT                default bench-out/browser (git-ignored)
#   Environment: CHROMIUM (default chromium), BROWSER_CHECK_PORT (first port tried for the
#   server, default 18481; the next free one up to 18489 is used).
#
# Needs chromium, python3 (with pip, to install websocket-client when missing) and curl.
# Exit 0 when every check passed, non-zero otherwise.
set -euo pipefail

here=$(pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
absolute() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$here/$1" ;; esac; }
bin=$(absolute "${1:-$root/.build/debug/toolpolicy}")
if [ $# -ge 2 ]; then out=$(absolute "$2"); else out="$root/bench-out/browser"; fi
chromium_bin=${CHROMIUM:-chromium}
cd "$root"

fail() { echo "browser-check: $*" >&2; exit 1; }
[ -x "$bin" ] || fail "no toolpolicy binary at $bin (build it, or pass its path)"
command -v "$chromium_bin" >/dev/null || fail "$chromium_bin not found (set CHROMIUM to the browser's path)"
command -v python3 >/dev/null || fail "python3 not found"
command -v curl >/dev/null || fail "curl not found"
[ -d Rules ] || fail "no Rules/ folder in $root"
if ! python3 -c 'import websocket' 2>/dev/null; then
  echo "installing the Python package websocket-client"
  python3 -m pip install --quiet websocket-client || fail "cannot install websocket-client with pip"
fi
mkdir -p "$out"

server_pid=""
driver_pid=""
chromium_pid=""
chromium_group=0
profile=""
. "$root/scripts/lib/stop-process.sh"
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$driver_pid" ]; then kill "$driver_pid" 2>/dev/null || true; wait "$driver_pid" 2>/dev/null || true; fi
  if [ -n "$chromium_pid" ]; then
    if [ "$chromium_group" = 1 ]; then kill -- "-$chromium_pid" 2>/dev/null || true; else kill "$chromium_pid" 2>/dev/null || true; fi
    for _ in $(seq 50); do kill -0 "$chromium_pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$chromium_pid" 2>/dev/null; then
      if [ "$chromium_group" = 1 ]; then kill -KILL -- "-$chromium_pid" 2>/dev/null || true; else kill -KILL "$chromium_pid" 2>/dev/null || true; fi
    fi
    wait "$chromium_pid" 2>/dev/null || true
  fi
  [ -n "$server_pid" ] && stop_process "$server_pid"
  [ -n "$profile" ] && rm -rf "$profile"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A free loopback port for the server.
first=${BROWSER_CHECK_PORT:-18481}
port=$(python3 - "$first" <<'PY'
import socket, sys
first = int(sys.argv[1])
for port in range(first, max(first, 18489) + 1):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
        print(port)
        break
PY
)
[ -n "$port" ] || fail "no free port from $first to 18489"
base="http://127.0.0.1:$port"

echo "server: $bin serve --port $port --policy Rules (log: $out/server.log)"
"$bin" serve --host 127.0.0.1 --port "$port" --policy "$root/Rules" --log-level warning >"$out/server.log" 2>&1 &
server_pid=$!
ready=""
for _ in $(seq 150); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    wait "$server_pid" && code=0 || code=$?
    server_pid=""
    cat "$out/server.log" >&2
    fail "the server stopped at start (exit $code)"
  fi
  if ready=$(curl -fsS --max-time 2 "$base/readyz" 2>/dev/null); then break; fi
  ready=""
  sleep 0.2
done
[ -n "$ready" ] || { cat "$out/server.log" >&2; fail "$base/readyz did not answer within 30 s"; }
echo "ready: $ready"

# Headless Chromium in its own process group (so that cleanup ends its helpers too), on a
# DevTools port it chooses, with a throwaway profile and a French Accept-Language.
profile=$(mktemp -d "${TMPDIR:-/tmp}/toolpolicy-chromium.XXXXXX")
chromium_args=(--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage
  --remote-debugging-address=127.0.0.1 --remote-debugging-port=0 --user-data-dir="$profile"
  --no-first-run --no-default-browser-check --disable-extensions --disable-sync
  --disable-background-networking --disable-component-update --disable-default-apps
  --disable-breakpad --disable-crash-reporter --metrics-recording-only --password-store=basic --use-mock-keychain --hide-scrollbars
  --lang=fr-FR --accept-lang=fr-FR,fr --window-size=1280,900 about:blank)
if command -v setsid >/dev/null; then
  setsid "$chromium_bin" "${chromium_args[@]}" >"$out/chromium.log" 2>&1 &
  chromium_group=1
else
  "$chromium_bin" "${chromium_args[@]}" >"$out/chromium.log" 2>&1 &
fi
chromium_pid=$!
devtools_port=""
for _ in $(seq 150); do
  kill -0 "$chromium_pid" 2>/dev/null || { cat "$out/chromium.log" >&2; fail "chromium stopped at start"; }
  if [ -s "$profile/DevToolsActivePort" ]; then
    devtools_port=$(head -n 1 "$profile/DevToolsActivePort")
    [ -n "$devtools_port" ] && break
  fi
  sleep 0.2
done
[ -n "$devtools_port" ] || { cat "$out/chromium.log" >&2; fail "chromium did not open its DevTools port within 30 s"; }
echo "chromium: $("$chromium_bin" --version 2>/dev/null | head -n 1 | sed 's/\/usr\/bin.*//'), DevTools on 127.0.0.1:$devtools_port"

# In the background so that a signal interrupts `wait` at once and the trap cleans up.
python3 -u "$root/scripts/browser/driver.py" --base "$base" --devtools-port "$devtools_port" --out "$out" &
driver_pid=$!
status=0
wait "$driver_pid" || status=$?
driver_pid=""
if [ "$status" -ne 0 ]; then
  echo "browser-check: FAILED (driver exit $status); screenshots and logs in $out" >&2
  exit "$status"
fi
echo "browser-check: all checks passed; screenshots in $out"
