// The triage playground: every field of helpdesk-ai's triage for a pasted ticket, explained, with
// the entities highlighted in the text. The engine runs in the widget's Worker.
import { connectEngine } from '../pkg/widget/engine-client.js';
import { localise, t } from './common.js';
import { SAMPLE_TICKETS } from './samples.js';
import { logTicket } from './session.js';

localise();
const engine = connectEngine();
const $ = (id) => document.getElementById(id);
const form = { subject: $('subject'), message: $('message'), sample: $('sample') };

const TEXT = {
  en: {
    decision: 'Decision', language: 'Language', confidence: 'confidence', alternatives: 'Alternatives',
    because: 'Because of', rule: 'Set by rule', rulesFired: 'Priority rules that fired', noRules: 'No priority rule fired; the model decided.',
    entities: 'Entities', noEntities: 'No entities found.', sentiment: 'Sentiment', emotions: 'Emotions', cues: 'Cues',
    urgency: 'Urgency', escalation: 'Escalation risk', keywords: 'Keywords', concepts: 'Concepts', redaction: 'Redaction (what may travel on)',
    noSecrets: 'No secrets found.', suggestions: 'Articles that may answer it (deflection)', other: 'Other fields', raw: 'Raw JSON',
    field: 'Field', kind: 'Kind', text: 'Text', value: 'Value', span: 'UTF-16 span', why: 'Why', priority: 'Priority',
    addToDashboard: 'Add to the session dashboard', added: 'Added to the dashboard.', timing: 'triage {ms} ms in the browser',
    pick: '— pick a sample —', score: 'score',
    routing: 'Routing', team: 'Team', agent: 'Agent', queue: 'waits in the team queue', selfService: 'knowledge base first (self-service)',
    sla: 'SLA', firstResponse: 'first response by', resolution: 'resolution by', businessHours: 'business hours', roundTheClock: 'round the clock',
    escalationPath: 'Escalation path', escalateNow: 'Escalate now', autoReply: 'Auto-reply to the customer', reasons: 'Why', routingError: 'No routing',
    decisions: {
      auto: 'auto — the lower of the category and priority confidences (a priority set by a rule counts as certain) is above 0.9: route without human review.',
      suggest: 'suggest — the lower of the category and priority confidences is 0.7–0.9: route, showing the suggested labels to the agent.',
      manual: 'manual — the lower of the category and priority confidences is below 0.7: a person classifies it.',
    },
    featureKinds: 'word: a word stem · phrase: two words together · chars: letters inside words (typos, translit) · concept: an en/ru concept · entity: a kind of entity',
    heads: { category: 'Category', area: 'Area', priority: 'Priority', complexity: 'Complexity' },
    groups: { technical: 'technical', features: 'product features', problems: 'problems', emotional: 'emotional' },
  },
  ru: {
    decision: 'Решение', language: 'Язык', confidence: 'уверенность', alternatives: 'Другие варианты',
    because: 'Почему', rule: 'Задано правилом', rulesFired: 'Сработавшие правила приоритета', noRules: 'Правила приоритета не сработали; решила модель.',
    entities: 'Сущности', noEntities: 'Сущности не найдены.', sentiment: 'Тональность', emotions: 'Эмоции', cues: 'Сигналы',
    urgency: 'Срочность', escalation: 'Риск эскалации', keywords: 'Ключевые слова', concepts: 'Понятия', redaction: 'Маскирование (что можно передавать дальше)',
    noSecrets: 'Секретов не найдено.', suggestions: 'Статьи, которые могут ответить (дефлекция)', other: 'Другие поля', raw: 'JSON целиком',
    field: 'Поле', kind: 'Тип', text: 'Текст', value: 'Значение', span: 'Позиция (UTF-16)', why: 'Почему', priority: 'Приоритет',
    addToDashboard: 'Добавить на дашборд сессии', added: 'Добавлено на дашборд.', timing: 'триаж {ms} мс в браузере',
    pick: '— выберите пример —', score: 'оценка',
    routing: 'Маршрутизация', team: 'Команда', agent: 'Агент', queue: 'ждёт в очереди команды', selfService: 'сначала база знаний (самообслуживание)',
    sla: 'SLA', firstResponse: 'первый ответ до', resolution: 'решение до', businessHours: 'рабочие часы', roundTheClock: 'круглосуточно',
    escalationPath: 'Путь эскалации', escalateNow: 'Эскалировать сейчас', autoReply: 'Автоответ клиенту', reasons: 'Почему', routingError: 'Нет маршрутизации',
    decisions: {
      auto: 'auto — меньшая из уверенностей в категории и приоритете (приоритет, заданный правилом, считается точным) выше 0,9: маршрутизировать без проверки человеком.',
      suggest: 'suggest — меньшая из уверенностей в категории и приоритете 0,7–0,9: маршрутизировать, показав агенту предложенные метки.',
      manual: 'manual — меньшая из уверенностей в категории и приоритете ниже 0,7: классифицирует человек.',
    },
    featureKinds: 'word: основа слова · phrase: пара слов · chars: буквы внутри слов (опечатки, транслит) · concept: понятие en/ru · entity: тип сущности',
    heads: { category: 'Категория', area: 'Раздел', priority: 'Приоритет', complexity: 'Сложность' },
    groups: { technical: 'технические', features: 'функции продукта', problems: 'проблемы', emotional: 'эмоции' },
  },
};
const s = t(TEXT);
const KNOWN = new Set(['id', 'language', 'category', 'area', 'priority', 'complexity', 'decision', 'rules', 'sentiment', 'entities', 'keywords', 'concepts', 'suggestions', 'routing', 'routing_error']);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}
const pct = (x) => `${Math.round(x * 100)}%`;
const bar = (x) => el('div', { class: 'bar', role: 'img', 'aria-label': pct(x) }, el('i', { style: `width:${Math.max(0, Math.min(1, x)) * 100}%` }));
const panel = (title, ...body) => el('section', { class: 'panel' }, el('h3', { text: title }), ...body);

/** The text with each entity's UTF-16 span wrapped in <mark> (overlaps: the first wins). */
function highlightEntities(text, entities) {
  const out = el('div', { class: 'hl' });
  let at = 0;
  for (const e of [...entities].sort((a, b) => a.span.start_utf16 - b.span.start_utf16)) {
    const { start_utf16: start, end_utf16: end } = e.span;
    if (start < at || end > text.length) continue;
    out.append(text.slice(at, start));
    out.append(el('mark', { class: `k-${e.kind}`, 'data-kind': e.kind, title: `${e.kind}${e.value ? ` = ${e.value}` : ''}`, text: text.slice(start, end) }));
    at = end;
  }
  out.append(text.slice(at));
  return out;
}

function head(name, h) {
  const because = h.because && h.because.length
    ? el('ul', { class: 'because' }, ...h.because.map((c) => el('li', null, el('code', { text: c.feature }), ` +${c.weight.toFixed(2)}`)))
    : null;
  return el('div', { class: 'head', 'data-head': name },
    el('div', { class: 'name', text: s.heads[name] }),
    el('div', { class: 'label', text: h.label }),
    bar(h.confidence),
    el('div', { class: 'muted', text: `${s.confidence} ${pct(h.confidence)}` }),
    h.rule ? el('div', { class: 'pill P1', text: `${s.rule}: ${h.rule}` }) : null,
    el('ul', { class: 'alts' }, ...h.alternatives.map((a) => el('li', { text: `${a.label} ${pct(a.confidence)}` }))),
    because ? el('div', { class: 'explain', text: s.because }) : null,
    because);
}

function render(ticket, tr, analysis, suggest, ms) {
  const out = $('out');
  const plainMessage = analysis.text && analysis.text.plain !== undefined ? analysis.text.plain : ticket.message;
  const parts = [];

  parts.push(panel(s.decision,
    el('p', null, el('span', { class: `pill ${tr.decision}`, 'data-field': 'decision', text: tr.decision }), ' ',
      el('span', { class: 'pill', 'data-field': 'language', text: `${s.language}: ${tr.language.code} (${pct(tr.language.confidence)}, ${tr.language.script})` })),
    el('p', { class: 'explain', text: s.decisions[tr.decision] })));

  parts.push(el('section', { class: 'panel' }, el('div', { class: 'heads' }, ...['category', 'area', 'priority', 'complexity'].map((n) => head(n, tr[n]))),
    el('p', { class: 'explain', text: s.featureKinds })));

  parts.push(panel(s.rulesFired, tr.rules.length
    ? el('table', null, el('tr', null, el('th', { text: 'rule' }), el('th', { text: s.priority }), el('th', { text: s.why })),
      ...tr.rules.map((r) => el('tr', null, el('td', { text: r.rule }), el('td', null, el('span', { class: `pill ${r.priority}`, text: r.priority })), el('td', { text: r.why }))))
    : el('p', { class: 'muted', text: s.noRules })));

  const subjectEntities = tr.entities.filter((e) => e.field === 'subject');
  const messageEntities = tr.entities.filter((e) => e.field === 'message');
  parts.push(panel(s.entities,
    ticket.subject ? highlightEntities(ticket.subject, subjectEntities) : null,
    el('div', { style: 'height:8px' }),
    highlightEntities(plainMessage, messageEntities),
    tr.entities.length
      ? el('table', { id: 'entities' }, el('tr', null, ...[s.field, s.kind, s.text, s.value, s.span].map((h) => el('th', { text: h }))),
        ...tr.entities.map((e) => el('tr', null, el('td', { text: e.field }), el('td', { text: e.kind }), el('td', { text: e.text }), el('td', { text: e.value ?? '' }), el('td', { text: `${e.span.start_utf16}–${e.span.end_utf16}` }))))
      : el('p', { class: 'muted', text: s.noEntities })));

  const st = tr.sentiment;
  parts.push(panel(s.sentiment,
    el('p', null, el('span', { class: 'pill', 'data-field': 'sentiment', text: st.label }), ` ${s.score} ${st.score.toFixed(2)} · ${s.confidence} ${pct(st.confidence)} · “${st.descriptor}”`),
    el('p', { text: `${s.urgency}: ${st.urgency_level} (${st.urgency.toFixed(2)})` }),
    el('div', { text: `${s.escalation}: ${pct(st.escalation_risk)}` }), bar(st.escalation_risk),
    st.emotions.length ? el('p', { text: `${s.emotions}: ${st.emotions.map((e) => `${e.emotion} ${pct(e.score)}`).join(', ')}` }) : null,
    st.cues.length ? el('ul', { class: 'because' }, ...st.cues.map((c) => el('li', null, el('code', { text: c.text }), ` ${c.weight > 0 ? '+' : ''}${c.weight.toFixed(2)}${c.rules && c.rules.length ? ` (${c.rules.join(', ')})` : ''}`))) : null));

  parts.push(panel(s.keywords, el('table', null, ...Object.entries(tr.keywords).map(([g, list]) =>
    el('tr', null, el('th', { text: s.groups[g] || g }), el('td', { text: list.map((k) => (k.count > 1 ? `${k.text} ×${k.count}` : k.text)).join(', ') || '—' }))))));
  parts.push(panel(s.concepts, el('p', { text: tr.concepts.join(' · ') || '—' })));

  const masked = analysis.redaction.masked;
  parts.push(panel(s.redaction, masked.length
    ? el('div', null, el('div', { class: 'hl', text: [analysis.redaction.subject, analysis.redaction.message].filter(Boolean).join('\n\n') }),
      el('p', { class: 'muted', text: masked.map((m) => m.kind).join(', ') }))
    : el('p', { class: 'muted', text: s.noSecrets })));

  parts.push(panel(s.suggestions, el('ol', null, ...suggest.suggestions.map((h) => el('li', { text: `${h.title} (${pct(h.score)})` })))));

  const r = tr.routing;
  if (r) {
    const due = (iso) => new Date(iso).toLocaleString(document.documentElement.lang, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
    const who = r.agent ? `${r.agent.name} (${r.agent.seniority}, ${r.agent.via}, ~${r.agent.eta_minutes} min)` : r.self_service ? s.selfService : s.queue;
    parts.push(panel(s.routing,
      el('table', { id: 'routing' },
        el('tr', null, el('th', { text: s.team }), el('td', { 'data-field': 'team', text: `${r.team_name} · ${r.level} · rule ${r.rule}` })),
        el('tr', null, el('th', { text: s.agent }), el('td', { text: who })),
        el('tr', null, el('th', { text: s.sla }), el('td', { text: `${s.firstResponse} ${due(r.sla.first_response_due)} · ${s.resolution} ${due(r.sla.resolution_due)} (${r.sla.business_hours ? s.businessHours : s.roundTheClock})` })),
        el('tr', null, el('th', { text: s.escalationPath }), el('td', { text: r.escalation_path.map((x) => `${x.from}→${x.to} (${x.when}${x.after_minutes ? `, ${x.after_minutes} min` : ''})`).join(' · ') })),
        r.escalations.length ? el('tr', null, el('th', { text: s.escalateNow }), el('td', { text: r.escalations.map((x) => `${x.to}: ${x.reason}`).join(' · ') })) : null),
      el('details', null, el('summary', { text: s.autoReply }), el('div', { class: 'hl', text: [r.auto_reply.subject, r.auto_reply.body].filter(Boolean).join('\n\n') })),
      el('p', { class: 'explain', text: s.reasons }),
      el('ol', { class: 'because' }, ...r.reasons.map((x) => el('li', { text: x })))));
  } else if (tr.routing_error) {
    parts.push(panel(s.routing, el('p', { class: 'muted', text: `${s.routingError}: ${tr.routing_error}` })));
  }

  const others = Object.keys(tr).filter((k) => !KNOWN.has(k));
  if (others.length) parts.push(panel(s.other, ...others.map((k) => el('details', { open: true }, el('summary', { text: k }), el('pre', { class: 'json', text: JSON.stringify(tr[k], null, 2) })))));

  const add = el('button', { class: 'btn secondary', type: 'button', id: 'add', text: s.addToDashboard });
  add.addEventListener('click', () => {
    logTicket(ticket, tr, 'playground');
    add.textContent = s.added;
    add.disabled = true;
  });
  parts.push(el('section', { class: 'panel' }, add, el('details', null, el('summary', { text: s.raw }), el('pre', { class: 'json', text: JSON.stringify(tr, null, 2) }))));
  out.replaceChildren(...parts);
  $('timing').textContent = s.timing.replace('{ms}', ms.toFixed(1));
  document.body.dataset.triaged = String(Number(document.body.dataset.triaged || 0) + 1);
}

let seq = 0;
async function update() {
  const ticket = { subject: form.subject.value, message: form.message.value };
  const mine = ++seq;
  if (!ticket.subject.trim() && !ticket.message.trim()) return;
  await engine.ready.catch(() => {});
  const t0 = performance.now();
  try {
    const [tr, analysis, suggest] = await Promise.all([
      engine.call('triage', ticket), engine.call('analyze', ticket), engine.call('suggestForTicket', ticket, { limit: 3 }),
    ]);
    if (mine === seq) render(ticket, tr, analysis, suggest, performance.now() - t0);
  } catch (e) {
    if (mine === seq) $('out').replaceChildren(el('p', { class: 'muted', text: `${e.code || 'error'}: ${e.message}` }));
  }
}

let timer;
for (const input of [form.subject, form.message]) input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(update, 80);
});

form.sample.append(el('option', { value: '', text: s.pick }), ...SAMPLE_TICKETS.map((x, i) => el('option', { value: String(i), text: (x.subject || x.message).slice(0, 70) })));
form.sample.addEventListener('change', () => {
  const x = SAMPLE_TICKETS[Number(form.sample.value)];
  if (!x) return;
  form.subject.value = x.subject;
  form.message.value = x.message;
  update();
});

const start = new URLSearchParams(location.search).get('ticket');
if (start) {
  form.message.value = start;
  update();
}
