#!/usr/bin/env bash
# Regenerates the embedded default model (data/model/default.bin) from the project's own
# training corpus with `helpdesk train` — deterministic: same corpus and options, same bytes.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_rust
cargo build --release --features cli --quiet
./target/release/helpdesk train $(printf -- '--input %s ' data/corpus/en/train-*.jsonl data/corpus/ru/train-*.jsonl data/chatbot/train.jsonl) \
  --rows-per-head 4000 --weight-bits 4 --out data/model/default.bin
