// The full Engine inside a module Worker, bundled by Vite.
import { Engine, HelpdeskError } from 'helpdesk-ai';

const engine = await Engine.create();
self.onmessage = (e) => {
  const { to, ticket } = e.data;
  let result;
  try {
    const t = engine.triage(ticket);
    result = { category: t.category.label, area: t.area.label, priority: t.priority.label, decision: t.decision, language: t.language.code };
  } catch (error) {
    result = { error: error instanceof HelpdeskError ? `${error.code}: ${error.message}` : String(error) };
  }
  self.postMessage({ to, result });
};
self.postMessage({ ready: true });
