// The whole integration: search on the page with the small search module (`helpdesk-ai/search`:
// the bundle of this page never carries the full wasm), triage in a Worker with the full Engine.
import { KnowledgeBase, HelpdeskError } from 'helpdesk-ai/search';

const $ = (id) => document.getElementById(id);
const kb = await KnowledgeBase.create();
$('status').textContent = 'Ready.';
document.body.dataset.ready = 'true';

function mark(text, ranges) {
  const li = document.createElement('li');
  let at = 0;
  for (const [s, e] of ranges) {
    li.append(text.slice(at, s), Object.assign(document.createElement('mark'), { textContent: text.slice(s, e) }));
    at = e;
  }
  li.append(text.slice(at));
  return li;
}

$('q').addEventListener('input', () => {
  try {
    const { hits } = kb.search($('q').value, { limit: 5 });
    $('hits').replaceChildren(...hits.map((h) => mark(h.title, h.title_highlights)));
  } catch (e) {
    $('hits').replaceChildren(e instanceof HelpdeskError ? `${e.code}: ${e.message}` : String(e));
  }
});

// Triage in a Worker (the full Engine, bundled there), so the page never waits on it.
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
let workerReady = false;
let draft = null; // the latest ticket typed before the Worker was ready
worker.onmessage = (e) => {
  const { ready, to, result } = e.data;
  if (ready) {
    workerReady = true;
    worker.postMessage({ to: 'worker', ticket: { subject: 'Ошибка 502', message: 'С утра все запросы к API возвращают 502, срочно!' } });
    if (draft) worker.postMessage({ to: 'triage', ticket: draft });
  } else if (to === 'worker') {
    $('worker').textContent = `worker: ${result.language} ${result.category} ${result.priority}`;
  } else {
    $('triage').textContent = result.error || `${result.category} · ${result.area} · ${result.priority} (${result.decision})`;
  }
};

$('ticket').addEventListener('input', () => {
  draft = { message: $('ticket').value };
  if (workerReady) worker.postMessage({ to: 'triage', ticket: draft });
});
