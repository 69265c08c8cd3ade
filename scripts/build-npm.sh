#!/usr/bin/env bash
# Builds the npm package `helpdesk-ai` into target/npm/helpdesk-ai/ (publishable: `npm publish
# target/npm/helpdesk-ai`) and the demo site into target/www/, then prints the sizes.
#
#   wasm-pack → two wasm modules: the full core (--target web and --target nodejs, one wasm for
#   both) and the search module (the crate without its `triage` feature: the knowledge base alone,
#   --target web; Node uses the full module's SearchEngine) → wasm-opt -Oz (binaryen 132 from npm,
#   in target/tools; cached by the input's hash) → the JS wrapper from npm/, the widget from
#   www/widget/ → target/npm/helpdesk-ai/ → target/www/ (+ pkg/).
#
# Idempotent: tools are installed once, wasm-opt runs only when a wasm changed, the outputs are
# rebuilt from scratch every time (a failed build never leaves a stale package behind).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

WASM_PACK_VERSION=0.15.1
BINARYEN_VERSION=132
TOOLS="$ROOT/target/tools"
BUILD="$ROOT/target/npm/build"
PKG="$ROOT/target/npm/helpdesk-ai"
SITE="$ROOT/target/www"

ensure_wasm_pack() {
  if wasm-pack --version 2>/dev/null | grep -q " $WASM_PACK_VERSION\$"; then
    return
  fi
  say "installing wasm-pack $WASM_PACK_VERSION (once, a minute or two)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked \
    || cargo install wasm-pack --version "$WASM_PACK_VERSION"
}

# wasm-opt from npm's binaryen (Debian's wasm-opt 108 breaks wasm-bindgen output: never use it).
ensure_wasm_opt() {
  if "$TOOLS/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION\b"; then
    return
  fi
  say "installing wasm-opt (binaryen@$BINARYEN_VERSION from npm) into target/tools"
  mkdir -p "$TOOLS"
  [ -f "$TOOLS/package.json" ] || echo '{"private": true}' > "$TOOLS/package.json"
  (cd "$TOOLS" && npm install --no-audit --no-fund --save-exact "binaryen@$BINARYEN_VERSION")
}

ensure_rust
ensure_wasm_bindgen
ensure_node
ensure_wasm_pack
ensure_wasm_opt

# The outputs go first: a build that fails anywhere below leaves no package for tests to pass on.
rm -rf "$PKG" "$SITE" "$ROOT/target/npm/sizes.json"

say "wasm-pack: the full core for browsers/bundlers (web) and for Node (nodejs)"
for target in web nodejs; do
  wasm-pack --quiet build --target "$target" --out-dir "$BUILD/$target" --out-name helpdesk_ai \
    --no-opt --no-pack --no-typescript --mode no-install --profile wasm "$ROOT"
done
if ! cmp -s "$BUILD/web/helpdesk_ai_bg.wasm" "$BUILD/nodejs/helpdesk_ai_bg.wasm"; then
  echo "the web and nodejs builds produced different wasm files; the package ships one" >&2
  exit 1
fi

# The search module: the crate without default features (no `triage`). Its own cargo target
# directory, so the two feature sets do not rebuild each other's wasm (a cdylib has one file name).
say "wasm-pack: the search module (--no-default-features) for browsers/bundlers (web)"
CARGO_TARGET_DIR="$ROOT/target/wasm-search" \
  wasm-pack --quiet build --target web --out-dir "$BUILD/search" --out-name helpdesk_ai_search \
    --no-opt --no-pack --no-typescript --mode no-install --profile wasm "$ROOT" -- --no-default-features
if grep -q '^export class Engine\b' "$BUILD/search/helpdesk_ai_search.js" \
  || ! grep -q '^export class SearchEngine\b' "$BUILD/search/helpdesk_ai_search.js"; then
  echo "the search module should export SearchEngine and not Engine: was it built without the triage feature?" >&2
  exit 1
fi

# wasm-opt, cached per module by the input's hash: optimize NAME INPUT prints the optimised file.
OPT_FLAGS=(-Oz)
optimize() {
  local name=$1 input=$2 key out
  key=$( (sha256sum < "$input"; echo "${OPT_FLAGS[*]} binaryen $BINARYEN_VERSION") | sha256sum | cut -c1-16)
  out="$BUILD/opt-$name-$key.wasm"
  if [ ! -s "$out" ]; then
    say "wasm-opt ${OPT_FLAGS[*]} $name (a minute or so; cached until the wasm changes)" >&2
    rm -f "$BUILD/opt-$name-"*.wasm
    # (errexit does not reach into $(…): every failure returns explicitly)
    "$TOOLS/node_modules/.bin/wasm-opt" "${OPT_FLAGS[@]}" "$input" -o "$out.tmp" >&2 || { rm -f "$out.tmp"; return 1; }
    mv "$out.tmp" "$out" || return 1
  fi
  echo "$out"
}
for f in "$BUILD"/opt-*.wasm; do # the single-module cache of earlier builds: opt-<hash>.wasm
  if [[ "$(basename "$f")" =~ ^opt-[0-9a-f]{16}\.wasm$ ]]; then rm -f "$f"; fi
done
optimized=$(optimize full "$BUILD/web/helpdesk_ai_bg.wasm")
optimized_search=$(optimize search "$BUILD/search/helpdesk_ai_search_bg.wasm")

say "assembling target/npm/helpdesk-ai"
rm -rf "$PKG"
mkdir -p "$PKG/wasm" "$PKG/widget"
cp npm/index.js npm/search.js npm/core.js npm/node.mjs npm/node.cjs npm/node-search.mjs npm/node-search.cjs \
  npm/index.d.ts npm/search.d.ts npm/README.md "$PKG/"
cp npm/index.d.ts "$PKG/index.d.cts"
# search.d.cts: the CommonJS view of search.d.ts re-exports from index.d.cts.
sed "s|from './index.js'|from './index.cjs'|" npm/search.d.ts > "$PKG/search.d.cts"
# core.cjs: the same code as core.js, with its one closing `export { … }` made CommonJS.
node - "$PKG/core.js" "$PKG/core.cjs" <<'JS'
const fs = require('fs');
const [src, out] = process.argv.slice(2);
const text = fs.readFileSync(src, 'utf8');
const re = /\nexport \{([^}]*)\};\s*$/;
if (!re.test(text) || /^\s*(import|export)\s/m.test(text.replace(re, ''))) {
  console.error('npm/core.js must have no imports and end with one `export { … };`');
  process.exit(1);
}
fs.writeFileSync(out, "'use strict';\n" + text.replace(re, (m, names) => `\nmodule.exports = {${names}};\n`));
JS
cp "$BUILD/web/helpdesk_ai.js" "$PKG/wasm/helpdesk_ai.js"
cp "$BUILD/nodejs/helpdesk_ai.js" "$PKG/wasm/helpdesk_ai.cjs"
cp "$optimized" "$PKG/wasm/helpdesk_ai_bg.wasm"
cp "$BUILD/search/helpdesk_ai_search.js" "$PKG/wasm/helpdesk_ai_search.js"
cp "$optimized_search" "$PKG/wasm/helpdesk_ai_search_bg.wasm"
cp www/widget/*.js "$PKG/widget/"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
node - "$ROOT/npm/package.json" "$PKG/package.json" "$version" <<'JS'
const fs = require('fs');
const [src, out, version] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(src, 'utf8'));
pkg.version = version;
fs.writeFileSync(out, JSON.stringify(pkg, null, 2) + '\n');
JS
# Every file the exports map names must exist.
node - "$PKG" <<'JS'
const fs = require('fs'), path = require('path');
const dir = process.argv[2];
const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
const targets = [];
(function walk(v) { if (typeof v === 'string') targets.push(v); else if (v) Object.values(v).forEach(walk); })(pkg.exports);
for (const f of [pkg.main, pkg.module, pkg.types, ...targets]) {
  if (f && !f.includes('*') && !fs.existsSync(path.join(dir, f))) { console.error(`package.json names a missing file: ${f}`); process.exit(1); }
}
JS

say "assembling the demo site: target/www"
rm -rf "$SITE"
mkdir -p "$SITE"
cp www/*.html www/sw.js "$SITE/"
cp -r www/demo "$SITE/demo"
cp -r "$PKG" "$SITE/pkg"
# The service worker precaches every file of the site under a cache named after their hash.
node - "$SITE" <<'JS'
const fs = require('fs'), path = require('path'), crypto = require('crypto');
const site = process.argv[2];
const files = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (!/\.(d\.ts|d\.cts|cjs|md)$/.test(e.name) && !/(^|\/)(node\.mjs|node-search\.mjs|package\.json)$/.test(p) && e.name !== 'sw.js') files.push(p);
  }
})(site);
files.sort();
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f).update(fs.readFileSync(f));
const urls = ['./', ...files.map((f) => './' + path.relative(site, f).split(path.sep).join('/'))];
const sw = path.join(site, 'sw.js');
const text = fs.readFileSync(sw, 'utf8')
  .replace('__BUILD_ID__', hash.digest('hex').slice(0, 12))
  .replace('[/*__PRECACHE__*/]', JSON.stringify(urls, null, 2));
fs.writeFileSync(sw, text);
JS

say "sizes"
node - "$PKG" "$BUILD/web/helpdesk_ai_bg.wasm" "$BUILD/search/helpdesk_ai_search_bg.wasm" <<'JS'
const fs = require('fs'), path = require('path'), zlib = require('zlib');
const [dir, unoptimized, unoptimizedSearch] = process.argv.slice(2);
const size = (f) => {
  const b = fs.readFileSync(f);
  return { raw: b.length, gzip: zlib.gzipSync(b, { level: 9 }).length, brotli: zlib.brotliCompressSync(b).length };
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const show = (name, s) => console.log(`${name.padEnd(52)} ${kb(s.raw).padStart(10)} raw ${kb(s.gzip).padStart(10)} gzip ${kb(s.brotli).padStart(10)} brotli`);
const sum = (list) => list.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const files = (list) => sum(list.map((f) => size(path.join(dir, f))));
const GOAL_GZIP = 400 * 1024;
const out = {
  search_wasm_before_opt: size(unoptimizedSearch),
  search_wasm: size(path.join(dir, 'wasm/helpdesk_ai_search_bg.wasm')),
  wasm_before_opt: size(unoptimized),
  wasm: size(path.join(dir, 'wasm/helpdesk_ai_bg.wasm')),
  js_glue_search: files(['search.js', 'core.js', 'wasm/helpdesk_ai_search.js']),
  js_glue_browser: files(['index.js', 'search.js', 'core.js', 'wasm/helpdesk_ai.js', 'wasm/helpdesk_ai_search.js']),
  widget: sum(fs.readdirSync(path.join(dir, 'widget')).map((f) => size(path.join(dir, 'widget', f)))),
};
out.goal = {
  text: 'wasm under 400 KB gzipped',
  limit_gzip: GOAL_GZIP,
  search_module: { gzip: out.search_wasm.gzip, met: out.search_wasm.gzip < GOAL_GZIP },
  full_engine: { gzip: out.wasm.gzip, met: out.wasm.gzip < GOAL_GZIP },
};
show('search wasm before wasm-opt', out.search_wasm_before_opt);
show('search wasm (knowledge base; wasm-opt -Oz, shipped)', out.search_wasm);
show('full wasm before wasm-opt', out.wasm_before_opt);
show('full wasm (the whole desk; wasm-opt -Oz, shipped)', out.wasm);
show('JS glue, helpdesk-ai/search (search+core+bindings)', out.js_glue_search);
show('JS glue, helpdesk-ai (index+search+core+2 bindings)', out.js_glue_browser);
show('widget (component, worker, client, i18n)', out.widget);
const verdict = (g) => (g.met ? 'met' : 'NOT met');
console.log(`goal: wasm under 400 KB gzipped (default KB embedded)`);
console.log(`  search module — what the widget and KnowledgeBase load first: ${kb(out.search_wasm.gzip)} gzip — ${verdict(out.goal.search_module)}`);
console.log(`  full engine — triage, loaded on the first triage call: ${kb(out.wasm.gzip)} gzip — ${verdict(out.goal.full_engine)}${out.goal.full_engine.met ? '' : ` (${kb(out.wasm.gzip - GOAL_GZIP)} over)`}`);
fs.writeFileSync(path.join(dir, '..', 'sizes.json'), JSON.stringify(out, null, 2) + '\n');
JS
echo "package: $PKG"
echo "site:    $SITE"
