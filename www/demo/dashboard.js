// The live dashboard: category, priority and sentiment distributions of the tickets triaged in this
// browser session (widget, playground, or here), as SVG charts that update as tickets arrive.
import { connectEngine } from '../pkg/widget/engine-client.js';
import { localise, t } from './common.js';
import { SAMPLE_TICKETS } from './samples.js';
import { clearSession, logTicket, onTicket, sessionTickets } from './session.js';

localise();
const engine = connectEngine();
const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';

const TEXT = {
  en: { when: 'When', source: 'Source', ticket: 'Ticket', empty: 'No tickets yet.', of: '{n} tickets' },
  ru: { when: 'Время', source: 'Откуда', ticket: 'Обращение', empty: 'Пока нет обращений.', of: 'обращений: {n}' },
};
const s = t(TEXT);
const CATEGORIES = ['technical_issue', 'account_issue', 'billing_issue', 'feature_request', 'general_inquiry', 'feedback_complaint'];
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];
const SENTIMENTS = ['negative', 'neutral', 'positive'];
const COLORS = {
  P1: '#e03131', P2: '#f08c00', P3: '#3b5bdb', P4: '#868e96',
  negative: '#e03131', neutral: '#adb5bd', positive: '#2f9e44',
};

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  for (const c of children) node.append(c);
  return node;
}

function count(tickets, key, keys) {
  const counts = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const x of tickets) if (x[key] in counts) counts[x[key]] += 1;
  return counts;
}

/** Horizontal bars, one per label, with the count at the end. */
function bars(counts, name) {
  const entries = Object.entries(counts);
  const max = Math.max(1, ...entries.map(([, v]) => v));
  const row = 26;
  const width = 320;
  const labelW = 130;
  const summary = entries.map(([k, v]) => `${k}: ${v}`).join(', ');
  const chart = svg('svg', { viewBox: `0 0 ${width} ${entries.length * row}`, width: '100%', role: 'img', 'aria-label': `${name}: ${summary}`, 'data-chart': name },
    svg('title', {}, `${name}: ${summary}`));
  entries.forEach(([k, v], i) => {
    const y = i * row;
    const w = ((width - labelW - 34) * v) / max;
    chart.append(
      svg('text', { x: 0, y: y + 17 }, k),
      svg('rect', { x: labelW, y: y + 5, width: Math.max(w, v ? 2 : 0), height: 16, rx: 3, fill: COLORS[k] || '#3b5bdb', 'data-label': k, 'data-count': v }),
      svg('text', { x: labelW + w + 6, y: y + 17 }, String(v)));
  });
  return chart;
}

/** A donut of the sentiment split. */
function donut(counts, name) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const summary = Object.entries(counts).map(([k, v]) => `${k}: ${v}`).join(', ');
  const chart = svg('svg', { viewBox: '0 0 320 150', width: '100%', role: 'img', 'aria-label': `${name}: ${summary}`, 'data-chart': name },
    svg('title', {}, `${name}: ${summary}`));
  const r = 55;
  const c = 2 * Math.PI * r;
  let offset = 0;
  chart.append(svg('circle', { cx: 75, cy: 75, r, fill: 'none', stroke: '#f1f3f5', 'stroke-width': 26 }));
  for (const [k, v] of Object.entries(counts)) {
    if (!total || !v) continue;
    const len = (c * v) / total;
    chart.append(svg('circle', {
      cx: 75, cy: 75, r, fill: 'none', stroke: COLORS[k], 'stroke-width': 26, 'stroke-dasharray': `${len} ${c - len}`,
      'stroke-dashoffset': -offset, transform: 'rotate(-90 75 75)', 'data-label': k, 'data-count': v,
    }));
    offset += len;
  }
  Object.entries(counts).forEach(([k, v], i) => {
    chart.append(svg('rect', { x: 170, y: 35 + i * 30, width: 14, height: 14, rx: 3, fill: COLORS[k] }),
      svg('text', { x: 192, y: 47 + i * 30 }, `${k} ${v}${total ? ` (${Math.round((v / total) * 100)}%)` : ''}`));
  });
  return chart;
}

function render() {
  const tickets = sessionTickets();
  const n = tickets.length;
  const share = (f) => (n ? `${Math.round((tickets.filter(f).length / n) * 100)}%` : '—');
  $('k-count').textContent = String(n);
  $('k-auto').textContent = share((x) => x.decision === 'auto');
  $('k-urgent').textContent = share((x) => x.priority === 'P1' || x.priority === 'P2');
  $('k-negative').textContent = share((x) => x.sentiment === 'negative');
  $('chart-category').replaceChildren(bars(count(tickets, 'category', CATEGORIES), 'category'));
  $('chart-priority').replaceChildren(bars(count(tickets, 'priority', PRIORITIES), 'priority'));
  $('chart-sentiment').replaceChildren(donut(count(tickets, 'sentiment', SENTIMENTS), 'sentiment'));
  const table = $('latest');
  table.replaceChildren();
  if (!n) {
    table.append(Object.assign(document.createElement('caption'), { textContent: s.empty }));
    return;
  }
  const tr = (cells, th) => {
    const row = document.createElement('tr');
    for (const c of cells) row.append(Object.assign(document.createElement(th ? 'th' : 'td'), { textContent: c }));
    return row;
  };
  table.append(tr([s.when, s.source, s.ticket, 'category', 'priority', 'sentiment'], true));
  for (const x of tickets.slice(-12).reverse()) {
    table.append(tr([new Date(x.at).toLocaleTimeString(), x.source, (x.subject || x.message).slice(0, 60), x.category, x.priority, x.sentiment]));
  }
  document.body.dataset.tickets = String(n);
}

async function triageAndLog(ticket, source) {
  const triage = await engine.call('triage', ticket);
  logTicket(ticket, triage, source);
  render();
}

$('quick').addEventListener('submit', async (e) => {
  e.preventDefault();
  const message = $('q-message').value.trim();
  if (!message) return;
  await triageAndLog({ message }, 'dashboard');
  $('q-message').value = '';
});
$('samples').addEventListener('click', async () => {
  for (const x of SAMPLE_TICKETS) await triageAndLog(x, 'sample');
});
$('clear').addEventListener('click', () => {
  clearSession();
  render();
});
onTicket(() => render());
render();
