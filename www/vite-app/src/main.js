// The whole integration: import the package, create the engine, call it.
import { Engine, HelpdeskError } from 'helpdesk-ai';

const $ = (id) => document.getElementById(id);
const engine = await Engine.create();
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
  const { hits } = engine.search($('q').value, { limit: 5 });
  $('hits').replaceChildren(...hits.map((h) => mark(h.title, h.title_highlights)));
});

// And in a Worker, so the page never waits on the engine.
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
worker.onmessage = (e) => {
  if (e.data.ready) worker.postMessage({ subject: 'Ошибка 502', message: 'С утра все запросы к API возвращают 502, срочно!' });
  else $('worker').textContent = `worker: ${e.data.language} ${e.data.category} ${e.data.priority}`;
};

$('ticket').addEventListener('input', () => {
  try {
    const t = engine.triage({ message: $('ticket').value });
    $('triage').textContent = `${t.category.label} · ${t.area.label} · ${t.priority.label} (${t.decision})`;
  } catch (e) {
    $('triage').textContent = e instanceof HelpdeskError ? `${e.code}: ${e.message}` : String(e);
  }
});
