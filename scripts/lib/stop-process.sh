# Sourced by the scripts that start `toolpolicy serve`: stop_process PID asks the process
# to stop (SIGTERM), gives it 5 s to drain, then kills it, and reaps it. Safe on a PID
# that has already exited.
stop_process() {
  kill -0 "$1" 2>/dev/null || { wait "$1" 2>/dev/null || true; return 0; }
  kill -TERM "$1" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
