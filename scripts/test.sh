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

say "benchmarks compile"
cargo bench --bench analyze --no-run --quiet

say "release CLI (the native reference for the wasm test)"
cargo build --release --features cli --quiet

build_wasm_node

say "the core inside wasm (Node) against the native CLI"
node --test tests/wasm/
