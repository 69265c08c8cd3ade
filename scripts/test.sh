#!/usr/bin/env bash
# The README's test command: installs what the tests need, then runs every test —
# unit, integration, property and doc tests natively, the wasm32 build, and the Node test
# that runs the core inside wasm and checks its results equal the native ones byte for byte.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_rust
ensure_wasm_bindgen
ensure_node

say "native tests (unit, integration, property, doc)"
cargo test --features cli

say "the search engine alone (no triage feature: the npm package's small search module)"
cargo test --no-default-features --lib --quiet

say "benchmarks compile"
cargo bench --bench analyze --no-run --quiet

say "release CLI (the native reference for the wasm test)"
cargo build --release --features cli --quiet

build_wasm_node

say "the core inside wasm (Node) against the native CLI"
node --test tests/wasm/

# The npm package, the help widget and the demo pages: Node tests of the package (ESM, CommonJS,
# worker_threads, errors, fuzzing), a Vite build, and Debian's Chromium driven by playwright-core.
if [ ! -x /usr/bin/chromium ]; then
  say "installing Chromium from Debian (once)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
fi
bash scripts/build-npm.sh
say "npm ci: test tooling (www) and the Vite example app (www/vite-app)"
(cd www && npm ci --no-audit --no-fund --loglevel=error)
(cd www/vite-app && npm ci --no-audit --no-fund --loglevel=error)
say "the npm package, the help widget and the demo pages (screenshots in target/screenshots)"
node --test www/tests/
