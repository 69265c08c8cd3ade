# Shared helpers for the README's two commands. Every step is idempotent and fast when done.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
WASM_BINDGEN_VERSION=0.2.130

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

ensure_rust() {
  if ! command -v cargo >/dev/null; then
    echo "cargo is missing: install Rust with rustup first (https://rustup.rs)" >&2
    exit 1
  fi
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_wasm_bindgen() {
  if wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
    return
  fi
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (once, a few minutes)"
  # --locked pins the CLI's own dependencies; when the registry lacks one of those exact
  # versions, fall back to the newest compatible ones.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
}

ensure_node() {
  if ! command -v node >/dev/null; then
    say "installing Node.js from Debian"
    apt-get update -qq && apt-get install -y -qq nodejs npm
  fi
}

# Builds the core for wasm32 and generates the Node.js bindings into target/pkg-node.
build_wasm_node() {
  say "building the core for wasm32"
  (cd "$ROOT" && cargo build --lib --target wasm32-unknown-unknown --profile wasm --quiet)
  wasm-bindgen --target nodejs --out-dir "$ROOT/target/pkg-node" \
    "$ROOT/target/wasm32-unknown-unknown/wasm/helpdesk_ai.wasm"
  local raw gz
  raw=$(stat -c %s "$ROOT/target/pkg-node/helpdesk_ai_bg.wasm")
  gz=$(gzip -9c "$ROOT/target/pkg-node/helpdesk_ai_bg.wasm" | wc -c)
  echo "wasm: $raw bytes raw, $gz bytes gzipped (not yet wasm-opt'ed)"
}
