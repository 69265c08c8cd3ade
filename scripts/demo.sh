#!/usr/bin/env bash
# The README's main job: installs what is missing, builds the `helpdesk` CLI and runs it on
# sample tickets in English, Russian, mixed, HTML mail and chat form.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_rust
say "building the helpdesk CLI (release)"
cargo build --release --features cli --quiet

say "helpdesk analyze < data/samples/tickets.jsonl"
./target/release/helpdesk analyze < data/samples/tickets.jsonl > target/demo-analysis.jsonl
python3 - target/demo-analysis.jsonl data/samples/tickets.jsonl <<'PY'
import json, sys
results = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
inputs = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
for ticket, r in zip(inputs, results):
    print("─" * 78)
    text = (ticket.get("subject", "") + " | " + ticket.get("message", "")).replace("\n", " ")
    print(f"#{ticket.get('id')}: {text[:150]}")
    if "error" in r:
        print("  error:", r["error"]["message"]); continue
    s = r["sentiment"]
    print(f"  language   {r['language']['code']} ({r['language']['confidence']:.2f})")
    print(f"  sentiment  {s['label']} {s['score']:+.2f} — {s['descriptor']}; urgency {s['urgency_level']}, escalation risk {s['escalation_risk']:.2f}")
    ents = ", ".join(f"{e['kind']}={e.get('value') or e['text']}" for e in r["entities"])
    print(f"  entities   {ents or '—'}")
    for group in ("technical", "features", "problems", "emotional"):
        words = ", ".join(k["text"] for k in r["keywords"][group])
        print(f"  {group:<10} {words or '—'}")
    if r["redaction"]["masked"]:
        print(f"  redacted   {', '.join(m['kind'] for m in r['redaction']['masked'])}")
print("─" * 78)
print(f"full JSON results: target/demo-analysis.jsonl")
PY
