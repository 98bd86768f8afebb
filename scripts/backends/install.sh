#!/usr/bin/env bash
# Installs real trace backends for traceproof's adapter tests, once, outside the repository.
#   scripts/backends/install.sh <jaeger|zipkin|tempo|all>
# Idempotent: what is already built is kept (delete ${TRACEPROOF_CACHE:-~/.cache/traceproof}/backends
# to start over). Versions: TRACEPROOF_JAEGER_VERSION, TRACEPROOF_TEMPO_VERSION, TRACEPROOF_ZIPKIN_VERSION.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

apt_updated=0
ensure_debian_packages() {
  local missing=()
  for tool_pkg in "$@"; do
    local tool="${tool_pkg%%:*}" pkg="${tool_pkg##*:}"
    command -v "$tool" >/dev/null 2>&1 || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get to install them"
  local sudo=()
  [[ "$(id -u)" == 0 ]] || sudo=(sudo)
  if ((apt_updated == 0)); then "${sudo[@]}" apt-get update -qq; apt_updated=1; fi
  log "installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
}

# Builds packages of a Go module as the main module, so its replace directives apply
# (`go install pkg@version` refuses modules that have them).
#   go_build_module <module> <version> <out-dir> <./pkg>...
go_build_module() {
  local module="$1" version="$2" out="$3"
  shift 3
  go_env
  local info dir src
  info="$(cd /tmp && go mod download -json "$module@$version")" || die "go mod download $module@$version failed: $info"
  dir="$(printf '%s' "$info" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [[ -n "$dir" && -d "$dir" ]] || die "go mod download $module@$version gave no directory: $info"
  src="$BACKENDS_HOME/src/${module//\//_}@$version"
  if [[ ! -f "$src/go.mod" ]]; then
    rm -rf "$src"
    mkdir -p "$(dirname "$src")"
    cp -r "$dir" "$src.tmp"
    chmod -R u+w "$src.tmp"
    mv "$src.tmp" "$src"
  fi
  mkdir -p "$out"
  for pkg in "$@"; do
    local name
    name="$(basename "$pkg")"
    log "building $module@$version $pkg -> $out/$name"
    (cd "$src" && go build -mod=mod -trimpath -ldflags='-s -w' -o "$out/$name.tmp" "$pkg")
    mv "$out/$name.tmp" "$out/$name"
  done
}

install_jaeger() {
  local out="$BACKENDS_BIN/jaeger-$JAEGER_VERSION"
  if [[ -x "$out/jaeger" && -x "$out/hotrod" ]]; then
    log "jaeger $JAEGER_VERSION already installed ($out)"
    return
  fi
  ensure_debian_packages go:golang-go curl:curl
  go_build_module github.com/jaegertracing/jaeger "$JAEGER_VERSION" "$out" ./cmd/jaeger ./examples/hotrod
}

install_tempo() {
  local out="$BACKENDS_BIN/tempo-$TEMPO_VERSION"
  if [[ -x "$out/tempo" ]]; then
    log "tempo $TEMPO_VERSION already installed ($out)"
    return
  fi
  ensure_debian_packages go:golang-go curl:curl
  # The checksum database does not know Tempo's main-branch pseudo-versions; Tempo's own
  # go.sum still pins every dependency it builds with.
  export GONOSUMDB=github.com/grafana/tempo
  go_build_module github.com/grafana/tempo "$TEMPO_VERSION" "$out" ./cmd/tempo
}

install_zipkin() {
  local out="$BACKENDS_BIN/zipkin-$ZIPKIN_VERSION"
  local jar="$out/zipkin-server-$ZIPKIN_VERSION-exec.jar"
  if [[ -f "$jar" ]]; then
    log "zipkin $ZIPKIN_VERSION already installed ($jar)"
    return
  fi
  ensure_debian_packages java:openjdk-17-jre-headless mvn:maven curl:curl
  mkdir -p "$out"
  log "downloading io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec"
  mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    "-Dartifact=io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec" \
    "-DoutputDirectory=$out" -Dmdep.overWriteReleases=false
  [[ -f "$jar" ]] || die "maven did not produce $jar"
}

main() {
  local what="${1:-}"
  [[ -n "$what" ]] || die "usage: $0 <jaeger|zipkin|tempo|all>"
  local names
  if [[ "$what" == all ]]; then names="$KNOWN_BACKENDS"; else names="$what"; fi
  for name in $names; do
    require_name "$name"
    [[ "$name" != hotrod ]] || name=jaeger
    local started=$SECONDS
    "install_$name"
    log "$name ready in $((SECONDS - started)) s"
  done
}

main "$@"
