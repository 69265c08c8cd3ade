// The peer search libraries, each configured the way its documentation recommends for
// search-as-you-type over titled documents, with typo tolerance where the library has it.
//
// Every peer indexes the same four fields of every article (datasets.mjs `peerDoc`):
//   title, tags (joined), symptoms (joined), text (= steps + body).
// Every peer gets the raw query string, the same string our engine gets; nobody is told the
// query's language. A peer's answer is its top 10 ids, best first.
//
// Each adapter: { name, pkg, version, config, build(docs, opts) -> { search(q) -> native result,
// ids(result) -> [id] } }. `search` is the call that is timed; `ids` only reads the result.
// opts.multilingual is true when the KB holds Russian articles (our KB, the generated KB).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchError } from '../sentiment/lib.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const K = 10;
const FIELDS = ['title', 'tags', 'symptoms', 'text'];

export function peerVersion(pkg) {
  try {
    return JSON.parse(readFileSync(join(HERE, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

async function importPeer(name) {
  try {
    return await import(name);
  } catch (err) {
    if (err && (err.code === 'ERR_MODULE_NOT_FOUND' || err.code === 'MODULE_NOT_FOUND')) {
      throw new BenchError(`peer package ${JSON.stringify(name)} is not installed; run: npm ci --prefix bench/search`);
    }
    throw err;
  }
}

export async function loadPeers() {
  const MiniSearch = (await importPeer('minisearch')).default;
  const { Document } = await importPeer('flexsearch');
  const orama = await importPeer('@orama/orama');
  const lunr = (await importPeer('lunr')).default;
  const Fuse = (await importPeer('fuse.js')).default;
  // lunr-languages: Russian stemmer/stop words/trimmer, and lunr.multi to combine it with English
  require('lunr-languages/lunr.stemmer.support')(lunr);
  require('lunr-languages/lunr.ru')(lunr);
  require('lunr-languages/lunr.multi')(lunr);
  const lunrEnRu = lunr.multiLanguage('en', 'ru'); // once: each call re-registers its pipeline functions

  return [
    {
      name: 'minisearch',
      pkg: 'minisearch',
      // MiniSearch docs ("search options", search-as-you-type): prefix + fuzzy; title boosted.
      // combineWith stays the default OR; terms are lowercased, split on Unicode space/punctuation
      // (works for Cyrillic), no stemming. MiniSearch has no result limit: it returns every match
      // sorted, and that is part of its timed call.
      config: "new MiniSearch({fields:[title,tags,symptoms,text], searchOptions:{prefix:true, fuzzy:0.2, boost:{title:2}}}); search(q)",
      build(docs) {
        const ms = new MiniSearch({
          fields: FIELDS,
          idField: 'id',
          searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 2 } },
        });
        ms.addAll(docs);
        return { search: (q) => ms.search(q), ids: (r) => r.slice(0, K).map((h) => h.id) };
      },
    },
    {
      name: 'flexsearch',
      pkg: 'flexsearch',
      // FlexSearch docs: Document index over the fields, tokenize "forward" (prefix matching for
      // search-as-you-type), the universal default encoder (case folding, normalisation, letter
      // dedup; Latin-only phonetic presets would drop Cyrillic), and `suggest: true` - the docs'
      // item 4 for fuzziness: without it a query returns nothing unless every term matches.
      // `merge: true` merges the per-field lists in field order, so title hits rank first (this
      // is FlexSearch's field boost). limit 10 per field.
      config: "new Document({document:{id:'id', index:[title,symptoms,tags,text]}, tokenize:'forward'}); search(q, {limit:10, suggest:true, merge:true})",
      build(docs) {
        const idx = new Document({
          document: { id: 'id', index: ['title', 'symptoms', 'tags', 'text'] },
          tokenize: 'forward',
        });
        for (const d of docs) idx.add(d);
        const opts = { limit: K, suggest: true, merge: true };
        return { search: (q) => idx.search(q, opts), ids: (r) => r.slice(0, K).map((h) => h.id) };
      },
    },
    {
      name: 'orama',
      pkg: '@orama/orama',
      // Orama docs: create({schema}), insert, search({term, properties, tolerance, boost, limit}).
      // tolerance 1 = typo tolerance (Levenshtein 1); Orama's radix tree matches prefixes by
      // default; threshold stays the default 1 (documents matching any term). Tokenizer: the
      // default English one for the English data set; for KBs with Russian articles the
      // "russian" tokenizer, whose splitter keeps both a-z and Cyrillic (the English splitter
      // drops every Cyrillic letter). Stemming stays off (Orama's default; it ships only an
      // English stemmer).
      config: "create({schema:{title,tags,symptoms,text: 'string'}, components:{tokenizer:{language: english | russian(for ru KBs)}}}); search({term:q, properties:[title,tags,symptoms,text], tolerance:1, boost:{title:2}, limit:10})",
      build(docs, { multilingual }) {
        const db = orama.create({
          schema: { title: 'string', tags: 'string', symptoms: 'string', text: 'string' },
          components: { tokenizer: { language: multilingual ? 'russian' : 'english' } },
        });
        for (const d of docs) orama.insert(db, d);
        const params = { term: '', properties: FIELDS, tolerance: 1, boost: { title: 2 }, limit: K };
        return {
          search: (q) => {
            params.term = q;
            const r = orama.search(db, params);
            if (r && typeof r.then === 'function') throw new Error('orama.search returned a Promise; expected the synchronous path');
            return r;
          },
          ids: (r) => r.hits.map((h) => h.id),
        };
      },
    },
    {
      name: 'lunr',
      pkg: 'lunr',
      // Lunr docs: ref + fields (title boosted), the English pipeline (trimmer, stop words,
      // Porter stemmer); for KBs with Russian articles lunr-languages' multiLanguage('en','ru')
      // (both stemmers and stop-word lists). Queries go through Lunr's query builder (no query
      // syntax errors on user text), with the type-ahead recipe Lunr's author recommends
      // (JuliaDocs/Documenter.jl#560, lunr.js#383: fuzzy and wildcard matches score like exact
      // ones unless boosted): per token, the exact stemmed term ^100 and the fuzzy term~1 ^1
      // (stop words dropped first, as the index pipeline drops them); the last token, which the
      // user may still be typing, also as the trailing wildcard term* ^10. All clauses are
      // OPTIONAL (Lunr's default OR).
      config: "lunr(ref id; fields title^2,tags,symptoms,text; +multiLanguage('en','ru') for ru KBs); per token: term^100 term~1^1 (stop words dropped), last token also term*^10",
      build(docs, { multilingual }) {
        const idx = lunr(function () {
          if (multilingual) this.use(lunrEnRu);
          this.ref('id');
          this.field('title', { boost: 2 });
          this.field('tags');
          this.field('symptoms');
          this.field('text');
          for (const d of docs) this.add(d);
        });
        // the index pipeline's token filters minus the stemmers (the search pipeline stems)
        const filters = idx.pipeline._stack.filter((f) => f !== lunr.stemmer && f !== lunr.ru?.stemmer);
        const prep = (tok) => {
          let t = tok;
          for (const f of filters) {
            t = f(t, 0, [t]);
            if (t === undefined || t === null || t === '' || (Array.isArray(t) && !t.length)) return null;
            if (Array.isArray(t)) t = t[0];
          }
          return t.toString();
        };
        const WILD = lunr.Query.wildcard.TRAILING;
        return {
          search: (q) =>
            idx.query((query) => {
              const toks = lunr.tokenizer(q);
              toks.forEach((tok, i) => {
                const word = tok.toString().replace(/[^\p{L}\p{N}]/gu, '');
                const t = prep(tok);
                if (t) {
                  query.term(t, { usePipeline: true, boost: 100 });
                  query.term(t, { usePipeline: false, editDistance: 1, boost: 1 });
                }
                if (i === toks.length - 1 && word) query.term(word, { usePipeline: false, wildcard: WILD, boost: 10 });
              });
            }),
          ids: (r) => r.slice(0, K).map((h) => h.ref),
        };
      },
    },
    {
      name: 'fuse.js',
      pkg: 'fuse.js',
      // Fuse docs: keys with weights; ignoreLocation because the text fields are long (with the
      // default location 0 / distance 100 only the first ~60 characters of a field could match);
      // default threshold 0.6. Bitap fuzzy matching of the whole query string against each field.
      config: "new Fuse(docs, {keys:[title^2,tags,symptoms,text], ignoreLocation:true}); search(q, {limit:10})",
      build(docs) {
        const fuse = new Fuse(docs, {
          keys: [
            { name: 'title', weight: 2 },
            { name: 'tags', weight: 1 },
            { name: 'symptoms', weight: 1 },
            { name: 'text', weight: 1 },
          ],
          ignoreLocation: true,
        });
        return { search: (q) => fuse.search(q, { limit: K }), ids: (r) => r.map((h) => h.item.id) };
      },
    },
    {
      name: 'fuse.js token',
      pkg: 'fuse.js',
      // Fuse 7.2+ "Token Search" (its README's recommended mode for multi-word queries): each
      // query word is fuzzy-matched on its own and ranked with BM25-style IDF; Unicode tokenizer.
      config: "new Fuse(docs, {useTokenSearch:true, keys:[title^2,tags,symptoms,text], ignoreLocation:true}); search(q, {limit:10})",
      build(docs) {
        const fuse = new Fuse(docs, {
          useTokenSearch: true,
          keys: [
            { name: 'title', weight: 2 },
            { name: 'tags', weight: 1 },
            { name: 'symptoms', weight: 1 },
            { name: 'text', weight: 1 },
          ],
          ignoreLocation: true,
        });
        return { search: (q) => fuse.search(q, { limit: K }), ids: (r) => r.map((h) => h.item.id) };
      },
    },
  ].map((p) => ({ ...p, version: peerVersion(p.pkg) }));
}
