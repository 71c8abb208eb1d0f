#!/usr/bin/env bash
# replicas-demo.sh — two `toolpolicy serve` replicas behind nginx, under load, with a
# rolling reload and a rolling restart, counting every lost request.
#
# Usage:
#   scripts/replicas-demo.sh [TOOLPOLICY_BINARY]
#
#   TOOLPOLICY_BINARY   the binary to run (default: .build-release/release/toolpolicy,
#                       relative to the repository root)
#
# Environment (all optional):
#   LOAD_SECONDS=8       length of the plain load run
#   ROLL_SECONDS=20      length of each load run that a rolling step runs under
#   WRK_CONNECTIONS=8    wrk connections (2 threads)
#   SKIP_RESTART=1       skip the rolling restart
#   KEEP=1               keep the temporary directory (logs, nginx.conf) for reading
#   RETRY_POST=0         leave `non_idempotent` out of proxy_next_upstream, to see the POSTs
#                        that a rolling restart loses without it (nginx answers them 502)
#   NGINX=/usr/sbin/nginx  WRK=/usr/bin/wrk
#
# What it does, all on loopback ports 18380-18382, in a fresh temporary directory:
#   1. makes a git repository holding a copy of Rules/ (the academy's rules checkout);
#   2. starts replica 1 on 18381 and replica 2 on 18382 with --policy that checkout;
#   3. starts Debian's nginx as the current user on 18380 (config, pid, logs and temp
#      paths inside the temporary directory), upstream = the two replicas, with an
#      `X-Upstream: $upstream_addr` response header so the spread can be counted;
#   4. load (wrk, POST /v1/check) through nginx: the spread between the replicas, from
#      the X-Upstream header (counted in Lua) and from the replicas' own request logs;
#   5. under load, a rolling reload: commits a change to a rule's message (so the policy
#      digest changes), SIGHUPs replica 1, waits until its /v1/policy digest is the new
#      one, then replica 2;
#   6. under load, a rolling restart: SIGTERM replica 1, wait for it to exit, start it
#      again, wait for /readyz and for nginx to route to it again, then replica 2.
# Each replica writes a decision log, as in production: about 5.5 KB per request, so some
# hundreds of MB in the temporary directory during a run (removed at the end).
# It needs bash, git, curl, jq, nginx and wrk. It exits 1 if any request through nginx
# got a non-2xx answer or a socket error, or a replica did not end on the new digest.
# Everything it starts is stopped, and the temporary directory removed, on exit.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${1:-$repo_root/.build-release/release/toolpolicy}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
nginx_bin=${NGINX:-/usr/sbin/nginx}
wrk_bin=${WRK:-/usr/bin/wrk}
load_seconds=${LOAD_SECONDS:-8}
roll_seconds=${ROLL_SECONDS:-20}
connections=${WRK_CONNECTIONS:-8}
profile=rennes
lb_port=18380
replica_ports=(18381 18382)

say() { printf '\n== %s\n' "$*"; }
die() { printf 'replicas-demo: %s\n' "$*" >&2; exit 2; }

[[ -x $bin ]] || die "no toolpolicy binary at $bin (build one: swift build -c release --product toolpolicy)"
[[ -x $nginx_bin ]] || die "no nginx at $nginx_bin"
[[ -x $wrk_bin ]] || die "no wrk at $wrk_bin"
for tool in git curl jq; do command -v "$tool" >/dev/null || die "$tool is needed"; done
for port in "$lb_port" "${replica_ports[@]}"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port is already in use"; fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/toolpolicy-demo.XXXXXX")
declare -a replica_pids=()
nginx_pid=
load_pid=

cleanup() {
    local status=$?
    set +e
    [[ -n $load_pid ]] && kill "$load_pid" 2>/dev/null
    if [[ -n $nginx_pid ]]; then
        kill -QUIT "$nginx_pid" 2>/dev/null
        wait "$nginx_pid" 2>/dev/null
    fi
    for pid in "${replica_pids[@]}"; do
        [[ -n $pid ]] && kill -TERM "$pid" 2>/dev/null
    done
    for pid in "${replica_pids[@]}"; do
        [[ -n $pid ]] && wait "$pid" 2>/dev/null
    done
    if [[ ${KEEP:-0} == 1 ]]; then
        echo "replicas-demo: kept $work" >&2
    else
        rm -rf "$work"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$work/logs" "$work/nginx/temp"
rules=$work/rules

# --- the rules checkout -----------------------------------------------------------------
git_() { git -C "$rules" -c user.name="replicas-demo" -c user.email="demo@localhost" "$@"; }
mkdir -p "$rules"
cp -R "$repo_root/Rules/." "$rules/"
git_ init -q
git_ add -A
git_ commit -q -m "Rules as shipped"

# The digest toolpolicy validate gives for the profile: what the replicas must report.
expected_digest() {
    "$bin" validate --policy "$rules" | awk -v p="$profile" '$1 == "profile" && $2 == p { print $NF }'
}
short() { local d=${1#sha256:}; printf '%s' "${d:0:12}"; }

# --- replicas ----------------------------------------------------------------------------
http_get() { curl -fsS --max-time 2 "http://127.0.0.1:$1$2"; }
replica_digest() { http_get "${replica_ports[$1]}" /v1/policy 2>/dev/null | jq -r .digest 2>/dev/null || true; }
check_lines() { grep -c 'http.route=/v1/check' "$work/logs/replica-$(($1 + 1)).log" 2>/dev/null || true; }

start_replica() { # index
    local i=$1
    "$bin" serve --host 127.0.0.1 --port "${replica_ports[$i]}" --policy "$rules" --profile "$profile" \
        --decision-log "$work/logs/decisions-$((i + 1)).jsonl" \
        >>"$work/logs/replica-$((i + 1)).log" 2>&1 &
    replica_pids[$i]=$!
}

wait_ready() { # index
    local i=$1 n
    for ((n = 0; n < 300; n++)); do
        if http_get "${replica_ports[$i]}" /readyz >/dev/null 2>&1; then return 0; fi
        kill -0 "${replica_pids[$i]}" 2>/dev/null || { tail -5 "$work/logs/replica-$((i + 1)).log" >&2; die "replica $((i + 1)) exited"; }
        sleep 0.1
    done
    die "replica $((i + 1)) not ready after 30 s"
}

# --- nginx -------------------------------------------------------------------------------
next_upstream="error timeout http_502 http_503 non_idempotent"
[[ ${RETRY_POST:-1} == 0 ]] && next_upstream="error timeout http_502 http_503"
nginx_user=
if [[ $(id -u) == 0 ]]; then nginx_user="user $(id -un) $(id -gn);"; fi
cat >"$work/nginx/nginx.conf" <<EOF
# Generated by replicas-demo.sh; the upstream part is deploy/nginx-toolpolicy.conf's.
$nginx_user
daemon off;
master_process on;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log notice;
events { worker_connections 1024; }
http {
    client_body_temp_path $work/nginx/temp/body;
    proxy_temp_path       $work/nginx/temp/proxy;
    fastcgi_temp_path     $work/nginx/temp/fastcgi;
    uwsgi_temp_path       $work/nginx/temp/uwsgi;
    scgi_temp_path        $work/nginx/temp/scgi;
    log_format upstream '\$time_iso8601 \$status rid=\$toolpolicy_request_id up=\$upstream_addr upstatus=\$upstream_status rt=\$upstream_response_time';
    access_log $work/nginx/access.log upstream;

    upstream toolpolicy {
        server 127.0.0.1:${replica_ports[0]} max_fails=1 fail_timeout=3s;
        server 127.0.0.1:${replica_ports[1]} max_fails=1 fail_timeout=3s;
        keepalive 16;
    }
    map \$http_x_request_id \$toolpolicy_request_id {
        default \$http_x_request_id;
        ""      \$request_id;
    }
    server {
        listen 127.0.0.1:$lb_port;
        client_max_body_size 1m;             # = toolpolicy serve --max-body-size 1048576
        location / {
            proxy_pass http://toolpolicy;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Request-Id \$toolpolicy_request_id;
            proxy_next_upstream $next_upstream;
            proxy_next_upstream_timeout 5s;
            proxy_connect_timeout 1s;
            proxy_read_timeout 30s;
            add_header X-Upstream \$upstream_addr always;
        }
    }
}
EOF

# --- load (wrk) ----------------------------------------------------------------------------
cat >"$work/check.lua" <<'EOF'
-- POST /v1/check; counts answers per replica (X-Upstream), per policy digest and per status.
wrk.method = "POST"
wrk.path = "/v1/check"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"tool":"zoom","use":{"mode":"web","computer":"pedagogical","accounts":["none"]}}'

local threads = {}
function setup(thread) table.insert(threads, thread) end

function init(args)
    upstreams, digests, statuses, retried = {}, {}, {}, 0
end

local function bump(t, k) t[k] = (t[k] or 0) + 1 end

function response(status, headers, body)
    bump(statuses, tostring(status))
    local up = headers["X-Upstream"] or "-"
    if up:find(",", 1, true) then retried = retried + 1 end
    bump(upstreams, up:match("([^,%s]+)%s*$") or up)     -- the replica that answered
    bump(digests, body:match('"digest":"sha256:(%x+)"') or "-")
end

function done(summary, latency, requests)
    local ups, digs, sts, re, non2xx = {}, {}, {}, 0, 0
    for _, t in ipairs(threads) do
        for k, v in pairs(t:get("upstreams")) do ups[k] = (ups[k] or 0) + v end
        for k, v in pairs(t:get("digests")) do digs[k] = (digs[k] or 0) + v end
        for k, v in pairs(t:get("statuses")) do sts[k] = (sts[k] or 0) + v end
        re = re + t:get("retried")
    end
    for k, v in pairs(sts) do
        local s = tonumber(k)
        if s < 200 or s > 299 then non2xx = non2xx + v end
    end
    local e = summary.errors
    io.write(string.format("RESULT requests=%d non2xx=%d connect=%d read=%d write=%d timeout=%d retried=%d rps=%.0f p99ms=%.1f\n",
        summary.requests, non2xx, e.connect, e.read, e.write, e.timeout, re,
        summary.requests / (summary.duration / 1e6), latency:percentile(99) / 1000))
    for k, v in pairs(ups) do io.write(string.format("UPSTREAM %s %d\n", k, v)) end
    for k, v in pairs(digs) do io.write(string.format("DIGEST %s %d\n", k:sub(1, 12), v)) end
    for k, v in pairs(sts) do io.write(string.format("STATUS %s %d\n", k, v)) end
end
EOF

start_load() { # seconds, name
    "$wrk_bin" -t2 -c"$connections" -d"$1s" --timeout 5s -s "$work/check.lua" "http://127.0.0.1:$lb_port" \
        >"$work/logs/wrk-$2.out" 2>&1 &
    load_pid=$!
}

declare -A lost=()
finish_load() { # name
    local name=$1 out=$work/logs/wrk-$1.out result
    wait "$load_pid" || die "wrk failed: $(cat "$out")"
    load_pid=
    result=$(grep '^RESULT' "$out") || die "no wrk result in $out"
    printf '  %s\n' "${result#RESULT }"
    grep '^UPSTREAM' "$out" | sort | while read -r _ up n; do printf '  answered by %-17s %7d\n' "$up" "$n"; done
    grep '^DIGEST' "$out" | sort | while read -r _ d n; do
        if [[ $d == - ]]; then printf '  no decision (error)  %7d\n' "$n"; else printf '  policy sha256:%s…  %7d\n' "$d" "$n"; fi
    done
    local non2xx connect read write timeout
    non2xx=$(sed -n 's/.* non2xx=\([0-9]*\).*/\1/p' <<<"$result")
    connect=$(sed -n 's/.* connect=\([0-9]*\).*/\1/p' <<<"$result")
    read=$(sed -n 's/.* read=\([0-9]*\).*/\1/p' <<<"$result")
    write=$(sed -n 's/.* write=\([0-9]*\).*/\1/p' <<<"$result")
    timeout=$(sed -n 's/.* timeout=\([0-9]*\).*/\1/p' <<<"$result")
    lost[$name]=$((non2xx + connect + read + write + timeout))
    requests[$name]=$(sed -n 's/^RESULT requests=\([0-9]*\).*/\1/p' <<<"$result")
}
declare -A requests=()

# ===========================================================================================
say "toolpolicy $("$bin" --version 2>/dev/null || echo '?') · $bin"
echo "  work dir $work"
digest0=$(expected_digest)
[[ -n $digest0 ]] || die "toolpolicy validate gave no digest for profile $profile"
echo "  rules checkout $(git_ rev-parse --short HEAD), profile $profile, digest $(short "$digest0")…"

say "starting replica 1 (:${replica_ports[0]}) and replica 2 (:${replica_ports[1]})"
start_replica 0
start_replica 1
wait_ready 0
wait_ready 1
for i in 0 1; do echo "  replica $((i + 1)) pid ${replica_pids[$i]}: $(http_get "${replica_ports[$i]}" /readyz)"; done

say "starting nginx on :$lb_port"
"$nginx_bin" -t -q -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" \
    || die "nginx -t failed: $(cat "$work/nginx/error.log")"
"$nginx_bin" -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
for ((n = 0; n < 100; n++)); do
    http_get "$lb_port" /healthz >/dev/null 2>&1 && break
    kill -0 "$nginx_pid" 2>/dev/null || die "nginx exited: $(cat "$work/nginx/error.log")"
    sleep 0.1
done
http_get "$lb_port" /healthz >/dev/null || die "nginx does not answer on :$lb_port"
echo "  one check through nginx, with our own request id:"
curl -sS -o /dev/null -D - -H 'Content-Type: application/json' -H 'X-Request-Id: demo-0001' \
    -d '{"tool":"zoom","use":{"mode":"web"}}' "http://127.0.0.1:$lb_port/v1/check" \
    | tr -d '\r' | grep -Ei '^(HTTP/|x-request-id|x-upstream)' | sed 's/^/    /'
sleep 0.2
echo "    replica logs: $(grep -h 'hb.request.id=demo-0001' "$work"/logs/replica-*.log | grep -o 'hb.request.id=demo-0001 .*http.status=[0-9]*' || echo 'not found')"

# --- 1. spread -----------------------------------------------------------------------------
say "1. load through nginx for ${load_seconds}s (wrk -t2 -c$connections, POST /v1/check)"
before=($(check_lines 0) $(check_lines 1))
start_load "$load_seconds" spread
finish_load spread
after=($(check_lines 0) $(check_lines 1))
echo "  replicas' request logs (http.route=/v1/check lines): replica 1 $((after[0] - before[0])), replica 2 $((after[1] - before[1]))"

# --- 2. rolling reload ---------------------------------------------------------------------
say "2. rolling reload under load (${roll_seconds}s run)"
start_load "$roll_seconds" reload
sleep 2
sed -i 's/support for them\."/support for them (rolling reload demo)."/' "$rules/$profile.rules"
git_ commit -q -am "Reword the no-support advice"
"$bin" validate --policy "$rules" >/dev/null || die "the changed rules do not validate"
digest1=$(expected_digest)
[[ $digest1 != "$digest0" ]] || die "the change did not change the digest"
echo "  committed $(git_ rev-parse --short HEAD); validate OK; new digest $(short "$digest1")…"
for i in 0 1; do
    started=$(date +%s%N)
    kill -HUP "${replica_pids[$i]}"
    got=
    for ((n = 0; n < 200; n++)); do
        got=$(replica_digest "$i")
        [[ $got == "$digest1" ]] && break
        sleep 0.05
    done
    [[ $got == "$digest1" ]] || die "replica $((i + 1)) still reports $(short "$got") after SIGHUP"
    echo "  replica $((i + 1)): SIGHUP → /v1/policy digest $(short "$got")… after $((($(date +%s%N) - started) / 1000000)) ms"
    sleep 2
done
finish_load reload
final=()
for i in 0 1; do
    final[$i]=$(replica_digest "$i")
    echo "  replica $((i + 1)) now serves $(short "${final[$i]}")… (lastReload: $(http_get "${replica_ports[$i]}" /v1/policy | jq -c '.lastReload | {succeeded, errors}'))"
done
digests_ok=1
for i in 0 1; do [[ ${final[$i]} == "$digest1" ]] || digests_ok=0; done

# --- 3. rolling restart --------------------------------------------------------------------
if [[ ${SKIP_RESTART:-0} != 1 ]]; then
    say "3. rolling restart under load (${roll_seconds}s run)"
    start_load "$roll_seconds" restart
    sleep 2
    for i in 0 1; do
        pid=${replica_pids[$i]}
        started=$(date +%s%N)
        kill -TERM "$pid"
        status=0
        wait "$pid" || status=$?
        stopped=$((($(date +%s%N) - started) / 1000000))
        start_replica "$i"
        wait_ready "$i"
        ready=$((($(date +%s%N) - started) / 1000000))
        # Do not stop the other one before nginx sends traffic here again (fail_timeout).
        seen=$(check_lines "$i")
        for ((n = 0; n < 200; n++)); do
            (($(check_lines "$i") > seen)) && break
            sleep 0.05
        done
        back=$((($(date +%s%N) - started) / 1000000))
        echo "  replica $((i + 1)): SIGTERM → exit $status after ${stopped} ms; new pid ${replica_pids[$i]} ready at ${ready} ms; serving via nginx at ${back} ms"
        sleep 1
    done
    finish_load restart
    for i in 0 1; do
        final[$i]=$(replica_digest "$i")
        [[ ${final[$i]} == "$digest1" ]] || digests_ok=0
    done
fi

# --- summary -------------------------------------------------------------------------------
retries=$(grep -c 'up=[^ ]*, ' "$work/nginx/access.log" || true)
bad_gateway=$(grep -c '^[^ ]* 502 ' "$work/nginx/access.log" || true)
# A request nginx retried after the first replica had decided it would be logged twice,
# under the same X-Request-Id: count the ids found more than once in the decision logs.
decided=$(cat "$work"/logs/decisions-*.jsonl | wc -l)
twice=$(grep -ho '"requestId":"[^"]*"' "$work"/logs/decisions-*.jsonl | sort | uniq -d | wc -l)
log_size=$(du -ch "$work"/logs/decisions-*.jsonl | awk 'END { print $1 }')
say "summary"
total_lost=0
for name in spread reload restart; do
    [[ -n ${lost[$name]:-} ]] || continue
    printf '  %-8s %7d requests, %d lost\n' "$name" "${requests[$name]}" "${lost[$name]}"
    total_lost=$((total_lost + ${lost[$name]}))
done
echo "  nginx passed $retries request(s) on to the other replica; it answered $bad_gateway with 502 (access log)"
echo "  decision logs: $decided lines ($log_size), $twice request id(s) decided twice"
echo "  final digests: replica 1 $(short "${final[0]}")…, replica 2 $(short "${final[1]}")… (expected $(short "$digest1")…)"
if ((total_lost > 0)) || ((digests_ok == 0)); then
    echo "FAIL: $total_lost request(s) lost; digests $([[ $digests_ok == 1 ]] && echo ok || echo WRONG)"
    exit 1
fi
echo "OK: no request lost, both replicas serve the new rules"
