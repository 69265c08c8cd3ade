// Types of helpdesk-ai/search: the knowledge base alone (the small search wasm in browsers).
export { KnowledgeBase, HelpdeskError, VERDICTS } from './index.js';
export type {
  Area,
  Article,
  ArticleStats,
  Category,
  Effectiveness,
  ErrorCode,
  KbArticle,
  KbStats,
  LearnedQuery,
  Range,
  SearchHit,
  SearchOptions,
  SearchResult,
  Verdict,
  WasmSource,
} from './index.js';
