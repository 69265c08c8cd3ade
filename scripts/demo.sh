#!/usr/bin/env bash
# The README's main job: installs what is missing, builds the `helpdesk` CLI and runs it on
# sample tickets in English, Russian, mixed, HTML mail and chat form; then builds the npm package
# and the demo site and serves it on 127.0.0.1, printing the URL (DEMO_SERVE=0 skips serving).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_rust
say "building the helpdesk CLI (release)"
cargo build --release --features cli --quiet

say "helpdesk triage < data/samples/tickets.jsonl"
./target/release/helpdesk triage < data/samples/tickets.jsonl > target/demo-triage.jsonl
python3 - target/demo-triage.jsonl data/samples/tickets.jsonl <<'PY'
import json, sys
def parse(line):
    try:
        return json.loads(line)
    except ValueError:  # the sample file holds one broken line on purpose
        return {"id": "?", "message": line.strip()}
results = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
inputs = [parse(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
for ticket, r in zip(inputs, results):
    print("─" * 78)
    text = (ticket.get("subject", "") + " | " + ticket.get("message", "")).replace("\n", " ")
    print(f"#{ticket.get('id')}: {text[:150]}")
    if "error" in r:
        print("  error:", r["error"]["message"]); continue
    s = r["sentiment"]
    print(f"  language   {r['language']['code']} ({r['language']['confidence']:.2f})")
    labels = ", ".join(f"{h} {r[h]['label']} ({r[h]['confidence']:.2f})" for h in ("category", "area", "priority", "complexity"))
    print(f"  triage     {labels} → {r['decision']}" + "".join(f"; rule {x['rule']}" for x in r["rules"]))
    print(f"  sentiment  {s['label']} {s['score']:+.2f} — {s['descriptor']}; urgency {s['urgency_level']}, escalation risk {s['escalation_risk']:.2f}")
    ents = ", ".join(f"{e['kind']}={e.get('value') or e['text']}" for e in r["entities"])
    print(f"  entities   {ents or '—'}")
    for group in ("technical", "features", "problems", "emotional"):
        words = ", ".join(k["text"] for k in r["keywords"][group])
        print(f"  {group:<10} {words or '—'}")

print("─" * 78)
print("full JSON results: target/demo-triage.jsonl (helpdesk analyze adds PII redaction and text details)")
PY

say "the npm package helpdesk-ai and the demo site (help widget, triage playground, dashboard)"
ensure_node
bash scripts/build-npm.sh
if [ "${DEMO_SERVE:-1}" != 0 ]; then
  say "serving the demo: open the URL below (Ctrl-C stops it)"
  exec node www/server.mjs --root target/www --port "${PORT:-8080}"
fi
