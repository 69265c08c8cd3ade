#!/usr/bin/env bash
# Serves the demo site (target/www: the product page with the help widget, the triage playground,
# the live dashboard) on 127.0.0.1 and prints the URL. Builds it first unless --no-build.
#   bash scripts/www.sh [--no-build] [--port 8080]
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

build=1
port="${PORT:-8080}"
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --port) port="$2"; shift ;;
    *) echo "usage: scripts/www.sh [--no-build] [--port N]" >&2; exit 2 ;;
  esac
  shift
done

if [ "$build" = 1 ] || [ ! -f target/www/index.html ]; then
  bash scripts/build-npm.sh
fi
ensure_node
say "serving the demo (Ctrl-C stops it)"
exec node www/server.mjs --root target/www --port "$port"
