# Shared settings of the backend lifecycle scripts; sourced, never run.
# Everything lives outside the repository, so a fresh clone reuses earlier builds.

set -euo pipefail

BACKENDS_HOME="${TRACEPROOF_CACHE:-$HOME/.cache/traceproof}/backends"
BACKENDS_BIN="$BACKENDS_HOME/bin"
BACKENDS_RUN="$BACKENDS_HOME/run"
BACKENDS_LOGS="$BACKENDS_HOME/logs"

# Versions. Jaeger's v2 binary (cmd/jaeger) is published in the Go module under the v1 tag
# of the same release (the module path has no /v2): v1.76.0 is the commit tagged v2.13.0.
JAEGER_VERSION="${TRACEPROOF_JAEGER_VERSION:-v1.76.0}"
# Tempo's module path has no /v2 either and its v2 tags are not published as module versions:
# this pseudo-version is Tempo's main branch on 2025-05-29, shortly before v2.8.0.
TEMPO_VERSION="${TRACEPROOF_TEMPO_VERSION:-v1.5.1-0.20250529124718-87c2dc380cec}"
ZIPKIN_VERSION="${TRACEPROOF_ZIPKIN_VERSION:-3.6.1}"

# Ports: all on 127.0.0.1, away from traceproof's own receiver (4317/4318).
JAEGER_QUERY_PORT="${TRACEPROOF_JAEGER_QUERY_PORT:-16686}"
JAEGER_OTLP_HTTP_PORT="${TRACEPROOF_JAEGER_OTLP_HTTP_PORT:-14318}"
JAEGER_OTLP_GRPC_PORT="${TRACEPROOF_JAEGER_OTLP_GRPC_PORT:-14317}"
JAEGER_ADMIN_PORT="${TRACEPROOF_JAEGER_ADMIN_PORT:-13133}"
ZIPKIN_PORT="${TRACEPROOF_ZIPKIN_PORT:-9411}"
TEMPO_HTTP_PORT="${TRACEPROOF_TEMPO_HTTP_PORT:-3200}"
TEMPO_GRPC_PORT="${TRACEPROOF_TEMPO_GRPC_PORT:-9095}"
TEMPO_OTLP_HTTP_PORT="${TRACEPROOF_TEMPO_OTLP_HTTP_PORT:-24318}"
TEMPO_OTLP_GRPC_PORT="${TRACEPROOF_TEMPO_OTLP_GRPC_PORT:-24317}"
TEMPO_MEMBERLIST_PORT="${TRACEPROOF_TEMPO_MEMBERLIST_PORT:-7946}"
HOTROD_PORT="${TRACEPROOF_HOTROD_PORT:-18080}"

KNOWN_BACKENDS="jaeger zipkin tempo"

log() { printf '[traceproof backends] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

require_name() {
  case " $KNOWN_BACKENDS hotrod " in
    *" $1 "*) ;;
    *) die "unknown backend '$1' (expected one of: $KNOWN_BACKENDS hotrod)" ;;
  esac
}

# Go builds share one module cache and build cache under BACKENDS_HOME.
go_env() {
  export GOPATH="$BACKENDS_HOME/go"
  export GOMODCACHE="$BACKENDS_HOME/go/pkg/mod"
  export GOCACHE="$BACKENDS_HOME/gocache"
  export GOFLAGS="-modcacherw -buildvcs=false"
  export GOTOOLCHAIN=local
  export CGO_ENABLED=0
}

# Polls an HTTP URL until it answers 2xx, for at most $2 seconds; `true` on success.
wait_http() {
  local url="$1" timeout="$2" pid="${3:-}" deadline=$((SECONDS + $2))
  while ((SECONDS < deadline)); do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  return 1
}

pid_file() { echo "$BACKENDS_RUN/$1/pid"; }

running_pid() {
  local f
  f="$(pid_file "$1")"
  [[ -f "$f" ]] || return 1
  local pid
  pid="$(cat "$f")"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}
