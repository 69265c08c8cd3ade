// The same package inside a module Worker, bundled by Vite.
import { Engine } from 'helpdesk-ai';

const engine = await Engine.create();
self.onmessage = (e) => {
  const t = engine.triage(e.data);
  self.postMessage({ category: t.category.label, priority: t.priority.label, language: t.language.code });
};
self.postMessage({ ready: true });
