#!/usr/bin/env bash
# Stops backends started by start.sh, by their recorded PID (TERM, then KILL after 10 s).
#   scripts/backends/stop.sh <jaeger|zipkin|tempo|hotrod|all>
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stop_one() {
  local name="$1" pid
  if ! pid="$(running_pid "$name")"; then
    rm -f "$(pid_file "$name")"
    log "$name is not running"
    return
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + ${TRACEPROOF_BACKEND_STOP_TIMEOUT:-10}))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name (pid $pid) ignored TERM; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$(pid_file "$name")"
  log "$name stopped (pid $pid)"
}

main() {
  local what="${1:-}"
  [[ -n "$what" ]] || die "usage: $0 <jaeger|zipkin|tempo|hotrod|all>"
  if [[ "$what" == all ]]; then
    # HotROD first: it exports to Jaeger until it stops.
    for name in hotrod $KNOWN_BACKENDS; do stop_one "$name"; done
  else
    require_name "$what"
    stop_one "$what"
  fi
}

main "$@"
