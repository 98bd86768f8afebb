#!/usr/bin/env bash
# Sets up the Python environment of the shop example's payments service (OpenTelemetry SDK)
# in a venv cached outside the repository. Idempotent: does nothing when the venv already
# matches examples/shop/services/payments/requirements.txt.
#
#   bash scripts/python-env.sh            # create or update
#   bash scripts/python-env.sh --print    # print the venv's python path if ready, else exit 1
#
# TRACEPROOF_CACHE moves the cache (default ~/.cache/traceproof); PYTHON picks the interpreter.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
requirements="$root/examples/shop/services/payments/requirements.txt"
venv="${TRACEPROOF_CACHE:-$HOME/.cache/traceproof}/python-venv"
marker="$venv/.traceproof-ready"
python="${PYTHON:-python3}"

sha256() { if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1"; else shasum -a 256 "$1"; fi | cut -d' ' -f1; }
want="$(sha256 "$requirements")"
ready() { [[ -x "$venv/bin/python" && -f "$marker" && "$(cat "$marker")" == "$want" ]]; }

if [[ "${1:-}" == "--print" ]]; then
  ready && { echo "$venv/bin/python"; exit 0; }
  exit 1
fi

if ready; then
  echo "Python env ready: $venv"
  exit 0
fi

if ! command -v "$python" >/dev/null 2>&1; then
  echo "error: $python not found. Install Python 3.9+ or set PYTHON=/path/to/python3." >&2
  exit 1
fi

echo "Setting up the Python env for the shop example in $venv"
rm -f "$marker"
[[ -x "$venv/bin/python" ]] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install --disable-pip-version-check --quiet --requirement "$requirements"
"$venv/bin/python" -c 'import opentelemetry.sdk, opentelemetry.exporter.otlp.proto.http'
# Written last: a half-finished install is never taken for a ready one.
echo "$want" > "$marker"
echo "Python env ready: $venv"
