// helpdesk-ai/search for Node.js, ES modules: KnowledgeBase on the full module's SearchEngine
// (Node has no separate search build; the wasm is loaded on import).
export { KnowledgeBase, HelpdeskError, VERDICTS } from './node.mjs';
