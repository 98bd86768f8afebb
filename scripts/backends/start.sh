#!/usr/bin/env bash
# Starts a real trace backend on 127.0.0.1 for traceproof's adapter tests.
#   scripts/backends/start.sh <jaeger|zipkin|tempo|hotrod|all>
# Prints the environment a test run needs on stdout, so this works:
#   eval "$(scripts/backends/start.sh jaeger)"
# Logs, PID files and data live under ${TRACEPROOF_CACHE:-~/.cache/traceproof}/backends/run/<name>.
# Installs the backend first when it is missing. `hotrod` (Jaeger's demo app) starts Jaeger too.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

START_TIMEOUT="${TRACEPROOF_BACKEND_START_TIMEOUT:-90}"

print_env() {
  case "$1" in
    jaeger)
      echo "export TRACEPROOF_JAEGER_URL=http://127.0.0.1:$JAEGER_QUERY_PORT"
      echo "export TRACEPROOF_JAEGER_OTLP_URL=http://127.0.0.1:$JAEGER_OTLP_HTTP_PORT"
      ;;
    zipkin)
      echo "export TRACEPROOF_ZIPKIN_URL=http://127.0.0.1:$ZIPKIN_PORT"
      ;;
    tempo)
      echo "export TRACEPROOF_TEMPO_URL=http://127.0.0.1:$TEMPO_HTTP_PORT"
      echo "export TRACEPROOF_TEMPO_OTLP_URL=http://127.0.0.1:$TEMPO_OTLP_HTTP_PORT"
      ;;
    hotrod)
      print_env jaeger
      echo "export TRACEPROOF_HOTROD_URL=http://127.0.0.1:$HOTROD_PORT"
      ;;
  esac
}

health_url() {
  case "$1" in
    jaeger) echo "http://127.0.0.1:$JAEGER_QUERY_PORT/api/services" ;;
    zipkin) echo "http://127.0.0.1:$ZIPKIN_PORT/health" ;;
    tempo) echo "http://127.0.0.1:$TEMPO_HTTP_PORT/ready" ;;
    hotrod) echo "http://127.0.0.1:$HOTROD_PORT/config" ;;
  esac
}

# Launches "$@" detached (own session, survives this script), records its PID, then waits
# until the health URL answers. On failure: stops the process, prints the log tail, exits 1.
launch() {
  local name="$1"
  shift
  local dir="$BACKENDS_RUN/$name" url
  mkdir -p "$dir"
  url="$(health_url "$name")"
  if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then
    die "$url already answers, but not from a $name started by this script: stop whatever holds the port, or set its TRACEPROOF_*_PORT"
  fi
  : >"$dir/log"
  setsid "$@" >>"$dir/log" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$dir/pid"
  local started=$SECONDS
  if ! wait_http "$url" "$START_TIMEOUT" "$pid"; then
    if kill -0 "$pid" 2>/dev/null; then
      log "$name did not become ready at $url within ${START_TIMEOUT}s; last lines of $dir/log:"
    else
      log "$name exited before it became ready at $url; last lines of $dir/log:"
    fi
    tail -n 40 "$dir/log" >&2 || true
    kill "$pid" 2>/dev/null || true
    rm -f "$dir/pid"
    exit 1
  fi
  log "$name is ready (pid $pid, $((SECONDS - started))s); log: $dir/log"
}

start_jaeger() {
  local bin="$BACKENDS_BIN/jaeger-$JAEGER_VERSION/jaeger" dir="$BACKENDS_RUN/jaeger"
  [[ -x "$bin" ]] || "$(dirname "${BASH_SOURCE[0]}")/install.sh" jaeger
  mkdir -p "$dir"
  cat >"$dir/config.yaml" <<EOF
# Jaeger v2 (an OpenTelemetry Collector build): in-memory storage, every listener on loopback.
service:
  extensions: [jaeger_storage, jaeger_query, healthcheckv2]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    resource:
      service.name: jaeger
    metrics:
      level: none
    logs:
      level: info

extensions:
  healthcheckv2:
    use_v2: true
    http:
      endpoint: 127.0.0.1:$JAEGER_ADMIN_PORT
  jaeger_query:
    storage:
      traces: memstore
    # Jaeger must not trace its own queries: they would land in the store the tests read.
    enable_tracing: false
    http:
      endpoint: 127.0.0.1:$JAEGER_QUERY_PORT
    grpc:
      endpoint: 127.0.0.1:$((JAEGER_QUERY_PORT - 1))
  jaeger_storage:
    backends:
      memstore:
        memory:
          max_traces: 100000

receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 127.0.0.1:$JAEGER_OTLP_GRPC_PORT
      http:
        endpoint: 127.0.0.1:$JAEGER_OTLP_HTTP_PORT

processors:
  batch:
    timeout: 100ms

exporters:
  jaeger_storage_exporter:
    trace_storage: memstore
EOF
  launch jaeger "$bin" --config "$dir/config.yaml"
}

start_hotrod() {
  local bin="$BACKENDS_BIN/jaeger-$JAEGER_VERSION/hotrod"
  running_pid jaeger >/dev/null || start_jaeger
  [[ -x "$bin" ]] || "$(dirname "${BASH_SOURCE[0]}")/install.sh" jaeger
  local h=127.0.0.1
  OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$JAEGER_OTLP_HTTP_PORT" \
    launch hotrod "$bin" all \
    --frontend-service-hostname $h --frontend-service-port "$HOTROD_PORT" \
    --customer-service-hostname $h --customer-service-port $((HOTROD_PORT + 1)) \
    --driver-service-hostname $h --driver-service-port $((HOTROD_PORT + 2)) \
    --route-service-hostname $h --route-service-port $((HOTROD_PORT + 3)) \
    --jaeger-ui "http://127.0.0.1:$JAEGER_QUERY_PORT"
}

start_zipkin() {
  local jar="$BACKENDS_BIN/zipkin-$ZIPKIN_VERSION/zipkin-server-$ZIPKIN_VERSION-exec.jar"
  [[ -f "$jar" ]] || "$(dirname "${BASH_SOURCE[0]}")/install.sh" zipkin
  # The whole armeria.ports list is replaced, so nothing listens beyond 127.0.0.1.
  # shellcheck disable=SC2086
  STORAGE_TYPE=mem SELF_TRACING_ENABLED=false \
    launch zipkin java ${TRACEPROOF_ZIPKIN_JAVA_OPTS:--Xms64m -Xmx512m -XX:TieredStopAtLevel=1} \
    -jar "$jar" \
    "--armeria.ports[0].ip=127.0.0.1" "--armeria.ports[0].port=$ZIPKIN_PORT" \
    "--armeria.ports[0].protocols[0]=http" "--server.port=$ZIPKIN_PORT"
}

start_tempo() {
  local bin="$BACKENDS_BIN/tempo-$TEMPO_VERSION/tempo" dir="$BACKENDS_RUN/tempo"
  [[ -x "$bin" ]] || "$(dirname "${BASH_SOURCE[0]}")/install.sh" tempo
  rm -rf "$dir/data"
  mkdir -p "$dir/data"
  cat >"$dir/config.yaml" <<EOF
# Tempo single binary: local block storage under the run dir, every listener on loopback,
# rings in memory (no gossip), short idle/flush periods so a trace is queryable quickly.
target: all
stream_over_http_enabled: true
usage_report:
  reporting_enabled: false

server:
  http_listen_address: 127.0.0.1
  http_listen_port: $TEMPO_HTTP_PORT
  grpc_listen_address: 127.0.0.1
  grpc_listen_port: $TEMPO_GRPC_PORT
  log_level: info

memberlist:
  bind_addr: [127.0.0.1]
  bind_port: $TEMPO_MEMBERLIST_PORT
  advertise_addr: 127.0.0.1
  advertise_port: $TEMPO_MEMBERLIST_PORT

distributor:
  ring:
    instance_addr: 127.0.0.1
    kvstore:
      store: inmemory
  receivers:
    otlp:
      protocols:
        grpc:
          endpoint: 127.0.0.1:$TEMPO_OTLP_GRPC_PORT
        http:
          endpoint: 127.0.0.1:$TEMPO_OTLP_HTTP_PORT

ingester:
  lifecycler:
    address: 127.0.0.1
    ring:
      kvstore:
        store: inmemory
      replication_factor: 1
    final_sleep: 0s
    min_ready_duration: 0s
  trace_idle_period: 1s
  flush_check_period: 1s
  max_block_duration: 1m

compactor:
  ring:
    instance_addr: 127.0.0.1
    kvstore:
      store: inmemory
    # One instance: no need to wait a minute for the ring to settle before /ready.
    wait_stability_min_duration: 0s

metrics_generator:
  ring:
    instance_addr: 127.0.0.1
    kvstore:
      store: inmemory
  storage:
    path: $dir/data/generator/wal

querier:
  frontend_worker:
    frontend_address: 127.0.0.1:$TEMPO_GRPC_PORT

storage:
  trace:
    backend: local
    wal:
      path: $dir/data/wal
    local:
      path: $dir/data/blocks
    blocklist_poll: 5s
EOF
  launch tempo "$bin" -config.file="$dir/config.yaml"
}

start_one() {
  local name="$1" pid
  require_name "$name"
  if pid="$(running_pid "$name")"; then
    log "$name already running (pid $pid)"
  else
    "start_$name"
  fi
  print_env "$name"
}

main() {
  local name="${1:-}"
  [[ -n "$name" ]] || die "usage: $0 <jaeger|zipkin|tempo|hotrod|all>"
  if [[ "$name" == all ]]; then
    # HotROD starts Jaeger first; it exports to it.
    for one in zipkin tempo hotrod; do start_one "$one"; done
  else
    start_one "$name"
  fi
}

main "$@"
