// <helpdesk-widget>: an in-app help center any page can drop in. Search as you type over the
// knowledge base (highlighted snippets, keyboard navigation, ARIA combobox/listbox), articles with
// steps and "Did this solve your problem?", and a contact form that triages while the user types
// and shows the articles that may already answer before a ticket exists. Everything runs in the
// browser (helpdesk-ai's wasm in a Worker), so it keeps working offline: search starts on the small
// search wasm; the full engine (triage) is loaded the first time the contact form needs it.
//
//   <script type="module" src="/pkg/widget/helpdesk-widget.js"></script>
//   <helpdesk-widget endpoint="https://support.example.com/tickets" lang="en"></helpdesk-widget>
//
// Attributes: endpoint (where the contact form POSTs JSON), lang (en | ru; else the page's, then
// the browser's), mode (floating | inline), open, limit (results, default 6), kb (URL of an
// articles JSON array to use instead of the built-in KB), index (URL of bytes from exportIndex()).
// Events (bubbling, composed): helpdesk-ready, helpdesk-results, helpdesk-article,
// helpdesk-feedback, helpdesk-triage, helpdesk-ticket-sent, helpdesk-ticket-queued.
import { STRINGS, chooseLanguage, format } from './i18n.js';
import { connectEngine } from './engine-client.js';

const FEEDBACK_KEY = 'helpdesk-ai:feedback';
const OUTBOX_KEY = 'helpdesk-ai:outbox';
const FEEDBACK_KEEP = 500;

const STYLE = `
:host { --hd-accent: #3b5bdb; --hd-bg: #fff; --hd-fg: #1f2430; --hd-muted: #667085; --hd-border: #d0d5dd;
  --hd-mark: #fff3bf; --hd-active: #edf2ff; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--hd-fg); }
:host([mode="inline"]) { display: block; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.launcher { position: fixed; right: 24px; bottom: 24px; z-index: 2147483000; border: 0; border-radius: 999px;
  padding: 12px 20px; background: var(--hd-accent); color: #fff; font: inherit; font-weight: 600; cursor: pointer;
  box-shadow: 0 6px 20px rgba(0,0,0,.2); }
.launcher:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible, [role=option]:focus-visible {
  outline: 3px solid color-mix(in srgb, var(--hd-accent) 45%, transparent); outline-offset: 2px; }
.panel { background: var(--hd-bg); border: 1px solid var(--hd-border); border-radius: 14px; display: flex;
  flex-direction: column; overflow: hidden; }
:host(:not([mode="inline"])) .panel { position: fixed; right: 24px; bottom: 84px; width: min(400px, calc(100vw - 32px));
  height: min(600px, calc(100vh - 110px)); z-index: 2147483000; box-shadow: 0 16px 48px rgba(0,0,0,.22); }
:host([mode="inline"]) .panel { min-height: 420px; }
header { display: flex; align-items: center; gap: 8px; padding: 12px 16px; background: var(--hd-accent); color: #fff; }
header h2 { font-size: 16px; margin: 0; flex: 1; }
header .status { font-size: 12px; background: rgba(255,255,255,.2); padding: 2px 8px; border-radius: 999px; }
header .close { background: none; border: 0; color: #fff; font-size: 22px; line-height: 1; cursor: pointer; padding: 0 4px; }
:host([mode="inline"]) header .close { display: none; }
.view { padding: 14px 16px; overflow: auto; flex: 1; }
label { display: block; font-weight: 600; font-size: 13px; margin: 0 0 6px; }
input, textarea { width: 100%; font: inherit; padding: 9px 11px; border: 1px solid var(--hd-border); border-radius: 8px;
  background: #fff; color: inherit; }
textarea { min-height: 96px; resize: vertical; }
.row2 { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
ul[role=listbox] { list-style: none; margin: 10px 0 0; padding: 0; }
[role=option] { padding: 9px 10px; border-radius: 8px; cursor: pointer; border: 1px solid transparent; }
[role=option] + [role=option] { margin-top: 4px; }
[role=option][aria-selected="true"] { background: var(--hd-active); border-color: color-mix(in srgb, var(--hd-accent) 35%, transparent); }
[role=option]:hover { background: var(--hd-active); }
.hit-title { font-weight: 600; }
.hit-snippet { color: var(--hd-muted); font-size: 13px; margin-top: 2px; }
.hit-lang { float: right; font-size: 11px; color: var(--hd-muted); border: 1px solid var(--hd-border); border-radius: 4px; padding: 0 4px; margin-left: 6px; }
mark { background: var(--hd-mark); color: inherit; border-radius: 2px; padding: 0 1px; }
.muted { color: var(--hd-muted); font-size: 13px; }
.dym button, .linkish { background: none; border: 0; padding: 0; color: var(--hd-accent); font: inherit; cursor: pointer; text-decoration: underline; text-align: left; }
.foot { margin-top: 16px; padding-top: 12px; border-top: 1px solid var(--hd-border); display: flex; align-items: center; gap: 8px; justify-content: space-between; }
.btn { border: 1px solid var(--hd-accent); background: var(--hd-accent); color: #fff; border-radius: 8px; padding: 8px 14px;
  font: inherit; font-weight: 600; cursor: pointer; }
.btn.secondary { background: #fff; color: var(--hd-accent); }
.btn[disabled] { opacity: .6; cursor: default; }
.back { margin-bottom: 8px; }
article h3 { margin: 4px 0 8px; font-size: 18px; }
article h4 { margin: 14px 0 6px; font-size: 14px; }
article ol, article ul { padding-left: 22px; margin: 0; }
article li + li { margin-top: 4px; }
.feedback { margin-top: 18px; padding: 12px; border-radius: 10px; background: #f6f7f9; }
.feedback .row { display: flex; gap: 8px; margin-top: 8px; }
.feedback [aria-pressed="true"] { box-shadow: inset 0 0 0 2px rgba(0,0,0,.25); }
.field { margin-bottom: 10px; }
.triage { margin: 12px 0; padding: 10px 12px; border-radius: 10px; background: #f6f7f9; font-size: 13px; }
.triage dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 6px 0 0; }
.triage dt { color: var(--hd-muted); }
.triage dd { margin: 0; font-weight: 600; }
.chip { display: inline-block; padding: 0 6px; border-radius: 6px; background: #e9ecef; font-weight: 600; }
.chip.P1 { background: #ffe3e3; color: #a61e1e; } .chip.P2 { background: #fff0db; color: #8a4b00; }
.suggestions { margin-top: 8px; }
.suggestions li { margin: 4px 0; }
.notice { padding: 10px 12px; border-radius: 10px; background: #ebfbee; margin-top: 10px; }
.notice.error { background: #fff5f5; color: #a61e1e; }
`;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === false || v === null || v === undefined) continue;
      if (k === 'text') node.textContent = v;
      else if (k === 'className') node.className = v;
      else node.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

/** Text with [start, end) UTF-16 ranges wrapped in <mark>, built as DOM nodes (never as HTML). */
function highlighted(text, ranges) {
  const frag = document.createDocumentFragment();
  let at = 0;
  const sorted = (Array.isArray(ranges) ? ranges : []).filter((r) => Array.isArray(r) && r[1] > r[0]).sort((a, b) => a[0] - b[0]);
  for (const [s, e] of sorted) {
    const start = Math.max(s, at);
    const end = Math.min(e, text.length);
    if (end <= start) continue;
    if (start > at) frag.append(text.slice(at, start));
    frag.append(el('mark', { text: text.slice(start, end) }));
    at = end;
  }
  if (at < text.length) frag.append(text.slice(at));
  return frag;
}

function readJson(key, fallback) {
  try {
    const v = JSON.parse(localStorage.getItem(key) || 'null');
    return v === null ? fallback : v;
  } catch {
    return fallback;
  }
}

function writeJson(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* storage full or disabled: feedback still reaches the engine */
  }
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

let uid = 0;

export class HelpdeskWidget extends HTMLElement {
  static get observedAttributes() {
    return ['lang', 'open'];
  }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    // Page-clock times (ms since navigation) and durations. search*: the KnowledgeBase on the small
    // wasm, what search needs; fullEngine: the last start of the full Engine (first triage-side call).
    this.metrics = {
      keystrokes: [], firstResultAt: null, engineReadyAt: null,
      workerStartedAt: null, searchReadyAt: null, searchCreateMs: null, searchWasmMs: null, searchBuildMs: null,
      fullEngineStarts: 0, fullEngine: null,
    };
    this._id = `hd${++uid}`;
    this._active = -1;
    this._hits = [];
    this._wanted = null;
    this._busy = false;
    this._viewed = [];
    this._contactSeq = 0;
    this._built = false;
  }

  get strings() {
    return STRINGS[this.language] || STRINGS.en;
  }

  /** The interface language: `lang` attribute, the page's, then the browser's. */
  get language() {
    return chooseLanguage(this);
  }

  t(key, values) {
    return format(this.strings[key] ?? STRINGS.en[key] ?? key, values);
  }

  label(value) {
    return this.strings.labels[value] || value;
  }

  connectedCallback() {
    if (!this._built) {
      this._built = true;
      this._build();
      this._start();
    }
  }

  attributeChangedCallback(name) {
    if (!this._built) return;
    if (name === 'open') this._syncOpen();
    if (name === 'lang') this._relabel();
  }

  // ── structure ──────────────────────────────────────────────────────────────────────────────
  _build() {
    const id = this._id;
    const root = this.shadowRoot;
    root.append(el('style', { text: STYLE }));

    this.$launcher = el('button', { class: 'launcher', part: 'launcher', 'aria-expanded': 'false', 'aria-controls': `${id}-panel` });
    this.$launcher.addEventListener('click', () => this.toggleAttribute('open'));

    this.$title = el('h2', { id: `${id}-title` });
    this.$status = el('span', { class: 'status', hidden: navigator.onLine !== false });
    this.$close = el('button', { class: 'close', type: 'button' }, '×');
    this.$close.addEventListener('click', () => this._closePanel());
    const header = el('header', null, this.$title, this.$status, this.$close);

    // Search view: a combobox that owns a listbox of articles.
    this.$qLabel = el('label', { for: `${id}-q` });
    this.$q = el('input', {
      id: `${id}-q`, type: 'search', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
      'aria-controls': `${id}-results`, autocomplete: 'off', spellcheck: 'false', enterkeyhint: 'search',
    });
    this.$q.addEventListener('input', () => this._onInput());
    this.$q.addEventListener('keydown', (e) => this._onSearchKey(e));
    this.$dym = el('p', { class: 'dym muted', hidden: true });
    this.$results = el('ul', { id: `${id}-results`, role: 'listbox' });
    this.$results.addEventListener('mousedown', (e) => e.preventDefault());
    this.$results.addEventListener('click', (e) => {
      const li = e.target.closest('[role=option]');
      if (li) this.openArticle(li.dataset.id);
    });
    this.$empty = el('p', { class: 'muted', hidden: true });
    this.$live = el('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
    this.$loading = el('p', { class: 'muted loading' });
    this.$contactIntro = el('span', { class: 'muted' });
    this.$toContact = el('button', { class: 'btn secondary to-contact', type: 'button' });
    this.$toContact.addEventListener('click', () => this.showContact());
    this.$searchView = el('div', { class: 'view view-search' },
      this.$qLabel, this.$q, this.$loading, this.$dym, this.$results, this.$empty, this.$live,
      el('div', { class: 'foot' }, this.$contactIntro, this.$toContact));

    // Article view.
    this.$articleView = el('article', { class: 'view view-article', hidden: true, 'aria-labelledby': `${id}-article-title` });

    // Contact view.
    this.$contactView = this._buildContact();

    this.$panel = el('section', { id: `${id}-panel`, class: 'panel', role: 'dialog', 'aria-labelledby': `${id}-title` },
      header, this.$searchView, this.$articleView, this.$contactView);
    this.$panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        if (!this.$searchView.hidden) this._closePanel();
        else this._backFromView();
      }
    });
    root.append(this.$launcher, this.$panel);

    window.addEventListener('online', () => {
      this.$status.hidden = true;
      this._flushOutbox();
    });
    window.addEventListener('offline', () => {
      this.$status.hidden = false;
    });
    this._relabel();
    this._syncOpen();
  }

  _buildContact() {
    const id = this._id;
    const field = (name, control) => {
      const label = el('label', { for: `${id}-${name}`, 'data-key': name });
      control.id = `${id}-${name}`;
      control.name = name;
      return el('div', { class: 'field' }, label, control);
    };
    this.$cName = el('input', { type: 'text', autocomplete: 'name' });
    this.$cEmail = el('input', { type: 'email', autocomplete: 'email' });
    this.$cSubject = el('input', { type: 'text' });
    this.$cMessage = el('textarea', { required: true, 'aria-required': 'true' });
    for (const c of [this.$cSubject, this.$cMessage]) c.addEventListener('input', () => this._onContactInput());
    this.$cTriage = el('section', { class: 'triage', hidden: true, 'aria-live': 'polite' });
    this.$cNotice = el('div', { class: 'notice', role: 'status', hidden: true });
    this.$cSend = el('button', { class: 'btn', type: 'submit' });
    this.$cBack = el('button', { class: 'linkish back', type: 'button' });
    this.$cBack.addEventListener('click', () => this._showView('search'));
    this.$cHeading = el('h3', { tabindex: '-1' });
    const form = el('form', { class: 'view view-contact', hidden: true, novalidate: true },
      this.$cBack, this.$cHeading,
      el('div', { class: 'row2' }, field('name', this.$cName), field('email', this.$cEmail)), field('subject', this.$cSubject), field('message', this.$cMessage),
      this.$cTriage, el('div', { class: 'foot' }, this.$cSend), this.$cNotice);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this._submit();
    });
    return form;
  }

  _relabel() {
    const s = this.strings;
    this.$launcher.textContent = s.launcher;
    this.$title.textContent = s.title;
    this.$status.textContent = s.offline;
    this.$close.setAttribute('aria-label', s.close);
    this.$qLabel.textContent = s.searchLabel;
    this.$q.placeholder = s.searchPlaceholder;
    this.$results.setAttribute('aria-label', s.resultsLabel);
    this.$loading.textContent = s.loading;
    this.$contactIntro.textContent = s.contactIntro;
    this.$toContact.textContent = s.contact;
    this.$cBack.textContent = `← ${s.back}`;
    this.$cHeading.textContent = s.contactTitle;
    for (const label of this.$contactView.querySelectorAll('label[data-key]')) label.textContent = s[label.dataset.key];
    this.$cSend.textContent = s.send;
    if (this.$q.value) this._queue(this.$q.value, performance.now());
  }

  _syncOpen() {
    const inline = this.getAttribute('mode') === 'inline';
    const open = inline || this.hasAttribute('open');
    this.$launcher.hidden = inline;
    this.$panel.hidden = !open;
    this.$launcher.setAttribute('aria-expanded', String(open));
    if (open && !inline) queueMicrotask(() => this.$q.focus());
  }

  _closePanel() {
    if (this.getAttribute('mode') === 'inline') return;
    this.removeAttribute('open');
    this.$launcher.focus();
  }

  // ── engine ─────────────────────────────────────────────────────────────────────────────────
  _start() {
    this.engine = connectEngine();
    const engineStarted = () => {
      this.metrics.fullEngineStarts = this.engine.engineStarts.length;
      this.metrics.fullEngine = this.engine.engineStarts.at(-1) || null;
    };
    engineStarted();
    this.engine.events.addEventListener('engine', engineStarted);
    this.ready = this.engine.ready
      .then(async (timings) => {
        this.metrics.workerStartedAt = timings.startedAt;
        this.metrics.searchReadyAt = timings.readyAt;
        this.metrics.searchCreateMs = timings.createMs;
        this.metrics.searchWasmMs = timings.wasmMs;
        this.metrics.searchBuildMs = timings.buildMs;
        await this._loadConfiguredKb();
        this._replayFeedback();
        this.metrics.engineReadyAt = performance.now();
        this.$loading.hidden = true;
        this._emit('helpdesk-ready', { metrics: this.metrics });
        this._flushOutbox();
      })
      .catch((e) => {
        this.$loading.textContent = this.t('loadFailed', { error: e.message });
        throw e;
      });
    this.ready.catch(() => {});
  }

  async _loadConfiguredKb() {
    const kb = this.getAttribute('kb');
    const index = this.getAttribute('index');
    if (kb) {
      const articles = await (await fetch(new URL(kb, document.baseURI))).json();
      await this.engine.call('loadKb', articles);
    } else if (index) {
      const bytes = new Uint8Array(await (await fetch(new URL(index, document.baseURI))).arrayBuffer());
      await this.engine.call('loadIndex', bytes);
    }
  }

  _replayFeedback() {
    // Verdicts given on earlier visits count again in this session's ranking and stats.
    for (const f of readJson(FEEDBACK_KEY, [])) {
      if (f && typeof f.id === 'string' && typeof f.verdict === 'string') {
        const options = typeof f.query === 'string' && f.query ? { query: f.query } : undefined;
        this.engine.call('recordFeedback', f.id, f.verdict, options).catch(() => {});
      }
    }
  }

  _emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // ── search ─────────────────────────────────────────────────────────────────────────────────
  _onInput() {
    this._queue(this.$q.value, performance.now());
    clearTimeout(this._unansweredTimer);
  }

  /** Searches now (as if typed). Resolves when the results are shown. */
  search(query) {
    this.$q.value = query;
    this._queue(query, performance.now());
    return new Promise((resolve) => this.addEventListener('helpdesk-results', resolve, { once: true }));
  }

  _queue(q, t0) {
    this._wanted = { q, t0 };
    if (!this._busy) this._drain();
  }

  async _drain() {
    this._busy = true;
    while (this._wanted) {
      const { q, t0 } = this._wanted;
      this._wanted = null;
      if (!q.trim()) {
        this._renderResults(q, { hits: [] }, t0);
        continue;
      }
      try {
        const result = await this.engine.call('search', q, {
          limit: Number(this.getAttribute('limit')) || 6,
          lang: this.language,
          today: today(),
        });
        if (!this._wanted) this._renderResults(q, result, t0); // a newer keystroke wins
      } catch (e) {
        if (!this._wanted) this._renderError(e);
      }
    }
    this._busy = false;
  }

  _renderResults(q, result, t0) {
    this._hits = result.hits || [];
    this._active = -1;
    this.$q.removeAttribute('aria-activedescendant');
    const items = this._hits.map((hit, i) =>
      el('li', { id: `${this._id}-opt-${i}`, role: 'option', 'aria-selected': 'false', 'data-id': hit.id, lang: hit.lang },
        el('div', { class: 'hit-title' }, el('span', { class: 'hit-lang', 'aria-hidden': 'true', text: hit.lang }), highlighted(hit.title, hit.title_highlights)),
        hit.snippet && hit.snippet.text && hit.snippet.field !== 'title'
          ? el('div', { class: 'hit-snippet' }, highlighted(hit.snippet.text, hit.snippet.highlights))
          : null));
    this.$results.replaceChildren(...items);
    const open = items.length > 0;
    this.$q.setAttribute('aria-expanded', String(open));
    this.$empty.hidden = !(q.trim() && !open);
    this.$empty.textContent = this.t('noResults', { q: q.trim() });
    this.$live.textContent = q.trim() ? (items.length === 1 ? this.t('result1') : this.t('results', { n: items.length })) : '';
    this.$dym.replaceChildren();
    this.$dym.hidden = !result.did_you_mean;
    if (result.did_you_mean) {
      const fix = el('button', { type: 'button', text: result.did_you_mean });
      fix.addEventListener('click', () => {
        this.search(result.did_you_mean);
        this.$q.focus();
      });
      this.$dym.append(`${this.t('didYouMean')}: `, fix, '?');
    }
    if (q.trim() && !open && q.trim().length >= 3) {
      this._unansweredTimer = setTimeout(() => this.engine.call('recordUnanswered', q.trim()).catch(() => {}), 2000);
    }
    const ms = performance.now() - t0;
    if (q.trim()) {
      this.metrics.keystrokes.push({ q, ms, hits: items.length });
      if (this.metrics.firstResultAt === null && items.length) this.metrics.firstResultAt = performance.now();
    }
    this._emit('helpdesk-results', { q, hits: this._hits, did_you_mean: result.did_you_mean, ms });
  }

  _renderError(e) {
    this.$results.replaceChildren();
    this.$q.setAttribute('aria-expanded', 'false');
    this.$empty.hidden = false;
    this.$empty.textContent = this.t('loadFailed', { error: e.message });
  }

  _onSearchKey(e) {
    const n = this._hits.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!n) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this._setActive(this._active < 0 ? (step > 0 ? 0 : n - 1) : (this._active + step + n) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const i = this._active >= 0 ? this._active : n ? 0 : -1;
      if (i >= 0) this.openArticle(this._hits[i].id);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (this._active >= 0 || (n && this.$q.getAttribute('aria-expanded') === 'true')) {
        this._setActive(-1);
        this.$q.setAttribute('aria-expanded', 'false');
        this.$results.replaceChildren();
        this._hits = [];
      } else if (this.$q.value) {
        this.$q.value = '';
        this._queue('', performance.now());
      } else {
        this._closePanel();
      }
    }
  }

  _setActive(i) {
    const options = this.$results.querySelectorAll('[role=option]');
    options.forEach((o, j) => o.setAttribute('aria-selected', String(j === i)));
    this._active = i;
    if (i >= 0 && options[i]) {
      this.$q.setAttribute('aria-activedescendant', options[i].id);
      options[i].scrollIntoView({ block: 'nearest' });
    } else {
      this.$q.removeAttribute('aria-activedescendant');
    }
  }

  // ── views ──────────────────────────────────────────────────────────────────────────────────
  _showView(name) {
    this.$searchView.hidden = name !== 'search';
    this.$articleView.hidden = name !== 'article';
    this.$contactView.hidden = name !== 'contact';
    if (name === 'search') this.$q.focus();
  }

  _backFromView() {
    if (!this.$articleView.hidden && this._articleReturn === 'contact') {
      this._showView('contact');
      this.$cMessage.focus();
    } else {
      this._showView('search');
    }
  }

  /** Shows an article (by id) with its steps and the "Did this solve your problem?" question. */
  async openArticle(id, from) {
    const hit = this._hits.find((h) => h.id === id) || (this._suggested || []).find((h) => h.id === id);
    let article = null;
    try {
      article = await this.engine.call('article', id);
    } catch {
      article = null;
    }
    article = article || { id, title: hit ? hit.title : id, body: hit && hit.snippet ? hit.snippet.text : '' };
    this._articleReturn = from || 'search';
    // The query that found it: a "Yes" teaches the knowledge base that this article answers it.
    this._articleQuery = !from && this._hits.some((h) => h.id === id) ? this.$q.value.trim() : '';
    this._record(id, 'view');
    if (!this._viewed.includes(id)) this._viewed.push(id);
    this._renderArticle(article);
    this._showView('article');
    this.$articleView.querySelector('h3').focus();
    this._emit('helpdesk-article', { id, article });
  }

  _renderArticle(a) {
    const s = this.strings;
    const back = el('button', { class: 'linkish back', type: 'button', text: `← ${s.back}` });
    back.addEventListener('click', () => this._backFromView());
    const parts = [back, el('h3', { id: `${this._id}-article-title`, tabindex: '-1', lang: a.lang || null, text: a.title })];
    if (a.category || a.area) {
      parts.push(el('p', { class: 'muted', text: [a.category, a.area].filter(Boolean).map((x) => this.label(x)).join(' · ') }));
    }
    const list = (tag, items) => el(tag, null, ...items.map((x) => el('li', { text: x })));
    if (Array.isArray(a.symptoms) && a.symptoms.length) parts.push(el('h4', { text: s.symptoms }), list('ul', a.symptoms));
    if (Array.isArray(a.steps) && a.steps.length) parts.push(el('h4', { text: s.steps }), list('ol', a.steps));
    if (a.body) parts.push(el('h4', { text: s.details }), el('p', { text: a.body }));
    if (Array.isArray(a.related) && a.related.length) {
      const rel = el('ul', { class: 'related' });
      parts.push(el('h4', { text: s.related }), rel);
      for (const rid of a.related.slice(0, 4)) {
        const btn = el('button', { class: 'linkish', type: 'button', text: rid });
        btn.addEventListener('click', () => this.openArticle(rid, this._articleReturn));
        rel.append(el('li', null, btn));
        this.engine.call('article', rid).then((r) => r && (btn.textContent = r.title)).catch(() => {});
      }
    }
    // "Did this solve your problem?"
    const qid = `${this._id}-solved`;
    const yes = el('button', { class: 'btn feedback-yes', type: 'button', 'aria-pressed': 'false', 'aria-describedby': qid, text: s.yes });
    const no = el('button', { class: 'btn secondary feedback-no', type: 'button', 'aria-pressed': 'false', 'aria-describedby': qid, text: s.no });
    const thanks = el('p', { class: 'thanks', role: 'status', hidden: true });
    const vote = (helpful) => {
      yes.disabled = no.disabled = true;
      (helpful ? yes : no).setAttribute('aria-pressed', 'true');
      this._record(a.id, helpful ? 'helpful' : 'not_helpful', helpful ? this._articleQuery : '');
      if (helpful) this._record(a.id, 'deflected'); // solved without a ticket
      thanks.hidden = false;
      thanks.textContent = helpful ? s.thanksYes : s.thanksNo;
      if (!helpful) {
        const go = el('button', { class: 'btn secondary', type: 'button', text: s.contact });
        go.addEventListener('click', () => this.showContact({ subject: a.title }));
        thanks.append(' ', go);
      }
    };
    yes.addEventListener('click', () => vote(true));
    no.addEventListener('click', () => vote(false));
    parts.push(el('div', { class: 'feedback' }, el('strong', { id: qid, text: s.solved }), el('div', { class: 'row' }, yes, no), thanks));
    this.$articleView.replaceChildren(...parts);
  }

  _record(id, verdict, query) {
    this.engine.call('recordFeedback', id, verdict, query ? { query } : undefined).catch(() => {});
    if (verdict !== 'view' && verdict !== 'suggested') {
      const log = readJson(FEEDBACK_KEY, []);
      log.push(query ? { id, verdict, query, at: Date.now() } : { id, verdict, at: Date.now() });
      writeJson(FEEDBACK_KEY, log.slice(-FEEDBACK_KEEP));
    }
    this._emit('helpdesk-feedback', { articleId: id, verdict });
  }

  // ── contact form ───────────────────────────────────────────────────────────────────────────
  /** Opens the contact form, optionally prefilled ({subject, message}). */
  showContact(prefill) {
    if (prefill && prefill.subject && !this.$cSubject.value) this.$cSubject.value = prefill.subject;
    if (!this.$cMessage.value && this.$q.value.trim()) this.$cMessage.value = this.$q.value.trim();
    if (prefill && prefill.message) this.$cMessage.value = prefill.message;
    if (!this.hasAttribute('open')) this.setAttribute('open', '');
    this.$cNotice.hidden = true;
    this._showView('contact');
    this.$cHeading.focus();
    this._onContactInput();
  }

  _onContactInput() {
    clearTimeout(this._triageTimer);
    this._triageTimer = setTimeout(() => this._triageNow(), 120);
  }

  async _triageNow() {
    const ticket = { subject: this.$cSubject.value, message: this.$cMessage.value };
    const seq = ++this._contactSeq;
    if (!(ticket.subject.trim() || ticket.message.trim())) {
      this.$cTriage.hidden = true;
      this._triage = null;
      return;
    }
    try {
      const [triage, suggest] = await Promise.all([
        this.engine.call('triage', ticket),
        this.engine.call('suggestForTicket', ticket, { limit: 3 }),
      ]);
      if (seq !== this._contactSeq) return;
      this._triage = triage;
      this._suggested = suggest.suggestions;
      this._renderTriage(triage, suggest.suggestions);
      this._emit('helpdesk-triage', { ticket, triage, suggestions: suggest.suggestions });
    } catch {
      /* an empty or unreadable draft: show nothing */
    }
  }

  _renderTriage(t, suggestions) {
    const s = this.strings;
    const pct = (x) => this.t('confidence', { p: Math.round(x * 100) });
    const row = (key, head, extra) =>
      [el('dt', { text: s[key] }), el('dd', { 'data-head': key }, el('span', { class: `chip ${extra || ''}`, text: this.label(head.label) }), ' ', el('span', { class: 'muted', text: pct(head.confidence) }))];
    const dl = el('dl', null, ...row('category', t.category), ...row('area', t.area), ...row('priority', t.priority, t.priority.label));
    const parts = [el('strong', { text: s.triageTitle }), dl];
    if (suggestions && suggestions.length) {
      const ul = el('ul', { class: 'suggestions' });
      for (const h of suggestions) {
        const b = el('button', { class: 'linkish', type: 'button', 'data-id': h.id, text: h.title });
        b.addEventListener('click', () => this.openArticle(h.id, 'contact'));
        ul.append(el('li', null, b));
      }
      parts.push(el('p', { class: 'maybe', text: s.maybeAnswered }), ul);
    }
    this.$cTriage.replaceChildren(...parts);
    this.$cTriage.hidden = false;
  }

  async _submit() {
    const s = this.strings;
    const message = this.$cMessage.value.trim();
    const email = this.$cEmail.value.trim();
    this.$cNotice.hidden = true;
    this.$cNotice.classList.remove('error');
    if (!message) return this._notice(s.required, true, this.$cMessage);
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return this._notice(s.invalidEmail, true, this.$cEmail);
    const endpoint = this.getAttribute('endpoint');
    if (!endpoint) return this._notice(s.noEndpoint, true);
    clearTimeout(this._triageTimer);
    await this._triageNow();
    const t = this._triage;
    const ticket = {
      client_id: `w-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      subject: this.$cSubject.value.trim(),
      message,
      name: this.$cName.value.trim() || undefined,
      email: email || undefined,
      lang: this.language,
      source: 'helpdesk-widget',
      page: location.href,
      created_at: new Date().toISOString(),
      viewed_articles: this._viewed.slice(),
      suggested_articles: (this._suggested || []).map((h) => h.id),
      client_triage: t
        ? {
            language: t.language.code,
            category: t.category.label,
            area: t.area.label,
            priority: t.priority.label,
            complexity: t.complexity.label,
            decision: t.decision,
            confidence: { category: t.category.confidence, area: t.area.confidence, priority: t.priority.confidence },
          }
        : undefined,
    };
    for (const id of ticket.suggested_articles) this._record(id, 'suggested');
    this.$cSend.disabled = true;
    this.$cSend.textContent = s.sending;
    try {
      const response = await this._post(endpoint, ticket);
      const rid = response && (response.id || response.ticket_id || (response.ticket && response.ticket.id));
      this._notice(rid ? this.t('sent', { id: `#${rid}` }) : s.sentNoId, false);
      this._emit('helpdesk-ticket-sent', { ticket, triage: t, response });
      this._resetForm();
    } catch (e) {
      if (e && e.offline) {
        const outbox = readJson(OUTBOX_KEY, []);
        outbox.push({ endpoint, ticket });
        writeJson(OUTBOX_KEY, outbox);
        this._notice(s.queued, false);
        this._emit('helpdesk-ticket-queued', { ticket, triage: t });
        this._resetForm();
      } else {
        this._notice(this.t('sendFailed', { error: e.message }), true);
      }
    } finally {
      this.$cSend.disabled = false;
      this.$cSend.textContent = s.send;
    }
  }

  async _post(endpoint, ticket) {
    let response;
    try {
      response = await fetch(new URL(endpoint, document.baseURI), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(ticket),
      });
    } catch (e) {
      const error = new Error(e.message);
      error.offline = true; // the network is down: keep it for later
      throw error;
    }
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    if (!response.ok) {
      const detail = body && (body.error && (body.error.message || body.error)) ;
      throw new Error(`HTTP ${response.status}${detail ? `: ${detail}` : ''}`);
    }
    return body;
  }

  async _flushOutbox() {
    const outbox = readJson(OUTBOX_KEY, []);
    if (!outbox.length || navigator.onLine === false) return;
    const left = [];
    for (const item of outbox) {
      try {
        const response = await this._post(item.endpoint, item.ticket);
        this._emit('helpdesk-ticket-sent', { ticket: item.ticket, response, fromOutbox: true });
      } catch (e) {
        if (e.offline) left.push(item); // still offline; a rejected ticket is dropped
      }
    }
    writeJson(OUTBOX_KEY, left);
  }

  _resetForm() {
    this.$cSubject.value = '';
    this.$cMessage.value = '';
    this.$cTriage.hidden = true;
    this._triage = null;
    this._suggested = [];
  }

  _notice(text, error, focus) {
    this.$cNotice.textContent = text;
    this.$cNotice.classList.toggle('error', Boolean(error));
    this.$cNotice.hidden = false;
    if (focus) focus.focus();
  }
}

if (!customElements.get('helpdesk-widget')) customElements.define('helpdesk-widget', HelpdeskWidget);
