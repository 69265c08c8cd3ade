// Types of the helpdesk-ai package. Field names are the core's JSON contract (snake_case), the same
// the `helpdesk` CLI and the edge worker write. Text offsets named `*_utf16` and every highlight are
// UTF-16 code units, i.e. JavaScript string indices (`text.slice(start, end)`).

// ─── Labels ────────────────────────────────────────────────────────────────────────────────────

export type Category =
  | 'technical_issue'
  | 'account_issue'
  | 'billing_issue'
  | 'feature_request'
  | 'general_inquiry'
  | 'feedback_complaint';
export type Area = 'authentication' | 'core_product' | 'integration' | 'mobile_app' | 'billing_system' | 'reporting';
export type Priority = 'P1' | 'P2' | 'P3' | 'P4';
export type Complexity = 'L1' | 'L2' | 'L3' | 'L4';
/** ISO 639-1; `und` when the language is neither English nor Russian or cannot be told. */
export type LanguageCode = 'en' | 'ru' | 'und';
export type Script = 'latin' | 'cyrillic' | 'other' | 'none';
/** `auto` above 0.9 confidence, `suggest` 0.7–0.9, `manual` below. */
export type Decision = 'auto' | 'suggest' | 'manual';
export type Verdict = 'view' | 'helpful' | 'not_helpful' | 'suggested' | 'resolved' | 'deflected';

/** Every `HelpdeskError.code`. */
export type ErrorCode =
  /** A JavaScript argument of the wrong type or shape (checked before the core sees it). */
  | 'invalid_argument'
  /** The core refused a ticket (wrong field types, empty ticket …). */
  | 'invalid_ticket'
  | 'invalid_conversation'
  /** The core refused a search query or its options. */
  | 'invalid_query'
  | 'invalid_kb'
  | 'invalid_model'
  | 'invalid_feedback'
  | 'unknown_article'
  | 'train_failed'
  | 'invalid_roster'
  | 'invalid_rules'
  /** A ticket or query over 16 MiB of JSON, a KB, model or training set over 64 MiB. */
  | 'input_too_large'
  /** `Engine.withDefaults()` before `await init()` in a browser. */
  | 'not_initialized'
  | 'wasm_load_failed'
  | 'engine_freed'
  | 'engine_unusable'
  /** A bug in the core (it trapped); please report it. */
  | 'internal';

/** The one error type this package throws. */
export declare class HelpdeskError extends Error {
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown });
  readonly name: 'HelpdeskError';
  readonly code: ErrorCode;
}

// ─── Inputs ────────────────────────────────────────────────────────────────────────────────────

/**
 * A ticket: `message` may be HTML mail; `text` or `body` are read when `message` is absent. The
 * other fields are read by routing.
 */
export interface Ticket {
  id?: string | number | null;
  subject?: string | null;
  message?: string | null;
  text?: string | null;
  body?: string | null;
  /** When the ticket arrived: RFC 3339 or Unix seconds (else `triage`'s `now`). */
  created_at?: string | number | null;
  tier?: Tier | null;
  channel?: Channel | null;
  customer_id?: string | null;
  vip?: boolean | null;
  complaint?: boolean | null;
  failed_attempts?: number | null;
}

export type Tier = 'enterprise' | 'premium' | 'standard' | 'trial';
export type Channel = 'email' | 'chat' | 'social' | 'phone' | 'web';
export type Seniority = 'junior' | 'intermediate' | 'experienced' | 'senior';

/** One agent of a roster for `loadRoster` (data/routing/roster.sample.json). */
export interface Agent {
  id: string;
  name: string;
  team: string;
  skills?: string[];
  languages?: string[];
  seniority?: Seniority;
  rating?: number;
  load?: number;
  capacity?: number;
  status?: 'available' | 'busy' | 'offline';
  /** RFC 3339. */
  returns_at?: string;
  supervisor?: boolean;
  cross_trained?: string[];
}

export interface Roster {
  agents: Agent[];
}

/** Routing rules, teams, SLA targets, tiers and templates (data/routing/rules.json). */
export interface RoutingRules {
  [section: string]: unknown;
}

/** A labelled example for `train`: a ticket with at least one label. */
export interface LabelledExample extends Ticket {
  category?: Category;
  area?: Area;
  priority?: Priority;
  complexity?: Complexity;
  /** Any intent name up to 255 bytes (a team's own chatbot intents). */
  intent?: string;
}

export interface ConversationMessage {
  sender?: 'customer' | 'user' | 'client' | 'agent' | 'operator' | 'bot';
  text?: string;
  message?: string;
  /** A timestamp of the caller's choosing (e.g. Unix seconds). */
  at?: number;
}

export interface Conversation {
  id?: string | number | null;
  messages: ConversationMessage[];
}

export interface SearchOptions {
  /** Hits to return, 1–100 (default 10). */
  limit?: number;
  /** Treat the last word as still being typed (default true); a trailing space ends it. */
  prefix?: boolean;
  /** The searcher's language: its articles get a small boost. */
  lang?: string;
  /** `beginner` or `advanced`. */
  audience?: string;
  /** The searcher's product tier. */
  tier?: string;
  /** The product version. */
  version?: string;
  /** Boost articles of this category. */
  category?: Category | string;
  /** Boost articles of this product area. */
  area?: Area | string;
  /** Only articles of this category. */
  onlyCategory?: Category | string;
  /** Today as `YYYY-MM-DD`, for recency (the core never reads the clock). */
  today?: string;
}

export interface Effectiveness {
  views: number;
  helpful: number;
  not_helpful: number;
  suggested: number;
  resolved: number;
  deflected: number;
}

/** A knowledge-base article, as given to `loadKb` (only `id` and `title` are required). */
export interface Article {
  id: string;
  title: string;
  lang?: string;
  category?: Category | string;
  area?: Area | string;
  tags?: string[];
  symptoms?: string[];
  steps?: string[];
  body?: string;
  related?: string[];
  audience?: string;
  product_tier?: string;
  version?: string;
  /** `YYYY-MM-DD`. */
  updated_at?: string;
  effectiveness?: Partial<Effectiveness>;
  /** Queries the article answered, learned from feedback (`exportIndex` keeps them too). */
  learned_queries?: LearnedQuery[];
}

/** A query an article answered (normalised), and how many times. */
export interface LearnedQuery {
  query: string;
  count: number;
}

/** An article as the knowledge base holds it (`article(id)`): every field, `''` or `[]` when not given. */
export interface KbArticle {
  id: string;
  lang: string;
  title: string;
  category: Category | string;
  area: Area | string;
  tags: string[];
  symptoms: string[];
  steps: string[];
  body: string;
  related: string[];
  audience: string;
  product_tier: string;
  version: string;
  updated_at: string;
  effectiveness: Effectiveness;
  /** Present when the article has learned queries. */
  learned_queries?: LearnedQuery[];
}

// ─── Results ───────────────────────────────────────────────────────────────────────────────────

export interface Span {
  /** UTF-8 byte offsets (for Rust and byte-oriented hosts). */
  start: number;
  end: number;
  /** UTF-16 offsets: `text.slice(start_utf16, end_utf16)`. */
  start_utf16: number;
  end_utf16: number;
}

export interface LanguageGuess {
  code: LanguageCode;
  confidence: number;
  script: Script;
  /** The detector's guess when the text is in another language. */
  other?: string;
}

export type EntityKind =
  | 'http_status'
  | 'error_code'
  | 'exception'
  | 'endpoint'
  | 'url'
  | 'email'
  | 'phone'
  | 'money'
  | 'date'
  | 'duration'
  | 'ticket_id'
  | 'version'
  | 'browser'
  | 'os'
  | 'device'
  | 'feature'
  | 'integration';

export interface Entity {
  /** Which field the span indexes; for HTML messages, `analyze().text.plain`. */
  field: 'subject' | 'message';
  kind: EntityKind;
  /** Exactly as written. */
  text: string;
  /** The normalised value, when there is one (`401`, `1500 RUB`, `relative:-1d` …). */
  value: string | null;
  span: Span;
}

export interface Keyword {
  text: string;
  key: string;
  count: number;
}

export interface Keywords {
  technical: Keyword[];
  features: Keyword[];
  problems: Keyword[];
  emotional: Keyword[];
}

export type Emotion =
  | 'frustration'
  | 'anger'
  | 'disappointment'
  | 'gratitude'
  | 'politeness'
  | 'urgency'
  | 'satisfaction'
  | 'confusion'
  | 'worry';
export type SentimentLabel = 'negative' | 'neutral' | 'positive';
export type UrgencyLevel = 'low' | 'normal' | 'high' | 'critical';
export type SentimentRule =
  | 'negated'
  | 'intensified'
  | 'diminished'
  | 'caps'
  | 'after_contrast'
  | 'before_contrast'
  | 'exclamation';

export interface Cue {
  text: string;
  /** Its contribution on the lexicon scale −4…4, after the rules. */
  weight: number;
  rules?: SentimentRule[];
}

export interface Sentiment {
  /** −1 … 1. */
  score: number;
  label: SentimentLabel;
  confidence: number;
  emotions: { emotion: Emotion; score: number }[];
  urgency: number;
  urgency_level: UrgencyLevel;
  /** "frustrated but polite" … */
  descriptor: string;
  escalation_risk: number;
  cues: Cue[];
}

/** A model feature that pushed towards the label, for explanations (`word:401`, `concept:login` …). */
export interface Contribution {
  feature: string;
  weight: number;
}

export interface HeadLabel<L extends string> {
  label: L;
  /** Calibrated probability. */
  confidence: number;
  alternatives: { label: L; confidence: number }[];
  /** The priority rule that set the label, if one did. */
  rule?: string;
  because?: Contribution[];
}

export interface FiredRule {
  rule: string;
  priority: Priority;
  why: string;
}

export interface Triage {
  id?: string | number;
  language: LanguageGuess;
  category: HeadLabel<Category>;
  area: HeadLabel<Area>;
  priority: HeadLabel<Priority>;
  complexity: HeadLabel<Complexity>;
  decision: Decision;
  rules: FiredRule[];
  sentiment: Sentiment;
  entities: Entity[];
  keywords: Keywords;
  concepts: string[];
  /** The best knowledge-base articles for the ticket (the customer's language first). */
  suggestions: { id: string; title: string; lang: string; score: number }[];
  /** Where the ticket goes, when, and what the customer is told. */
  routing?: Routing;
  /** Why there is no `routing` (e.g. an unreadable `created_at`). */
  routing_error?: string;
}

export type EscalationTrigger =
  | 'no_response'
  | 'no_resolution'
  | 'complaint'
  | 'sla_breach'
  | 'sla_risk'
  | 'vip'
  | 'negative_sentiment'
  | 'failed_attempts'
  | 'complexity_above_agent';

export interface AgentChoice {
  id: string;
  name: string;
  team: string;
  seniority: Seniority;
  via: 'team' | 'cross_trained' | 'backup' | 'supervisor' | 'any_senior';
  available: boolean;
  eta_minutes: number;
}

export interface Routing {
  ticket_id?: string;
  /** The id of the rule that matched. */
  rule: string;
  team: string;
  /** In the ticket's language. */
  team_name: string;
  level: string;
  decision: Decision;
  /** Knowledge base first: an agent only if the suggested articles do not help. */
  self_service: boolean;
  /** Waits in the team's queue rather than going to a named agent. */
  queue: boolean;
  agent: AgentChoice | null;
  fallback_agents: AgentChoice[];
  eta_minutes: number | null;
  sla: {
    /** RFC 3339 with the business calendar's offset. */
    first_response_due: string;
    resolution_due: string;
    first_response_minutes: number;
    resolution_minutes: number;
    business_hours: boolean;
  };
  escalation_path: { from: string; to: string; when: EscalationTrigger; after_minutes?: number; due_at?: string }[];
  escalations: { key: string; trigger: EscalationTrigger; to: string; due_at: string; overdue_minutes: number; reason: string }[];
  auto_reply: { template: string; lang: LanguageCode; channel: Channel; subject: string | null; body: string };
  /** Why, in words, in the order the decisions were taken. */
  reasons: string[];
}

export type PiiKind =
  | 'email'
  | 'phone'
  | 'card_number'
  | 'iban'
  | 'api_key'
  | 'bearer_token'
  | 'password'
  | 'inn'
  | 'snils';

export interface TextInfo {
  html: boolean;
  /** The plain text of an HTML message (entity spans of `message` index it). */
  plain?: string;
  /** The message was longer than 64 KiB and was analysed on its first 64 KiB. */
  truncated: boolean;
  /** Byte ranges of the message that are new (not quoted replies or signatures). */
  new_text: [number, number][];
  quoted_bytes: number;
  signature: boolean;
}

export interface Analysis {
  id?: string | number;
  language: LanguageGuess;
  text: TextInfo;
  entities: Entity[];
  redaction: {
    subject: string;
    message: string;
    masked: { field: 'subject' | 'message'; kind: PiiKind; span: Span }[];
  };
  keywords: Keywords;
  concepts: string[];
  sentiment: Sentiment;
}

export interface HeadPrediction {
  label: string;
  confidence: number;
  /** `[label, confidence]` pairs. */
  alternatives: [string, number][];
  because: Contribution[];
}

/** One entry per head of the model (`category`, `area`, `priority`, `complexity`, `intent` …). */
export interface Classification {
  id?: string | number;
  [head: string]: HeadPrediction | string | number | undefined;
}

export interface TimelinePoint {
  index: number;
  sender: 'customer' | 'agent' | 'bot';
  at?: number;
  score: number;
  label: SentimentLabel;
  escalation_risk: number;
  key_emotions: Emotion[];
}

export interface ConversationReport {
  id?: string | number;
  timeline: TimelinePoint[];
  overall: number;
  trend: 'improving' | 'stable' | 'declining';
  slope: number;
  critical_moments: number[];
  alert: 'red' | 'yellow' | 'green' | 'none';
  alert_reason: string;
}

/** A `[start, end)` range in UTF-16 units. */
export type Range = [number, number];

export interface SearchHit {
  id: string;
  title: string;
  lang: string;
  /** The blended score, 0 … 1. */
  score: number;
  breakdown: {
    relevance: number;
    feedback: number;
    recency: number;
    resolution: number;
    context: number;
    bm25f: number;
  };
  /** How query words matched: `reset`, `pasword→password` (typo), `~password` (concept), `"a b"` (phrase). */
  matched: string[];
  title_highlights: Range[];
  snippet: {
    field: 'title' | 'tags' | 'symptoms' | 'steps' | 'body' | string;
    text: string;
    highlights: Range[];
  };
}

export interface SearchResult {
  q: string;
  hits: SearchHit[];
  /** A corrected query when the words looked mistyped. */
  did_you_mean?: string;
}

export interface Suggestions {
  id?: string | number;
  category: Category;
  area: Area;
  suggestions: SearchHit[];
}

export interface ArticleStats {
  id: string;
  title: string;
  effectiveness: Effectiveness;
  resolution_rate: number;
  helpful_rate: number;
  advice: 'ok' | 'update' | 'retire';
}

export interface KbStats {
  articles: number;
  deflection_rate: number;
  /** Worst first. */
  per_article: ArticleStats[];
  /** `[query, times]`, most frequent first. */
  missing_topics: [string, number][];
}

// ─── The knowledge base and the engine ──────────────────────────────────────────────────────────

/** What `create({wasm})`, `init` and `initSync` can load a wasm module from. */
export type WasmSource = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the full wasm (the one `Engine` needs) once; later calls share the promise. Browsers and
 * workers fetch `helpdesk_ai_bg.wasm` next to the package's `index.js` unless told otherwise; in
 * Node it is loaded on import and this resolves at once.
 */
export declare function init(source?: WasmSource | Promise<WasmSource>): Promise<void>;
/** Instantiates the full wasm synchronously from its bytes or a compiled module. */
export declare function initSync(source: BufferSource | WebAssembly.Module): void;
/** Whether the full wasm is loaded (always true in Node), i.e. `Engine.withDefaults()` works. */
export declare function isReady(): boolean;

export declare const VERDICTS: readonly Verdict[];
export declare const LABELS: {
  readonly category: readonly Category[];
  readonly area: readonly Area[];
  readonly priority: readonly Priority[];
  readonly complexity: readonly Complexity[];
};

/**
 * The knowledge base: search as you type, articles, feedback and stats, loading and saving the
 * index. In browsers, workers and bundlers it runs on the small search wasm
 * (`helpdesk_ai_search_bg.wasm`); in Node on the full one. Methods are synchronous; failures
 * throw `HelpdeskError` and leave the instance usable.
 */
export declare class KnowledgeBase {
  /** Loads the search wasm if needed (or `options.wasm`), then returns `withDefaults()`. */
  static create(options?: { wasm?: WasmSource | Promise<WasmSource> }): Promise<KnowledgeBase>;
  /** The default knowledge base (52 en/ru articles); the wasm must be loaded. */
  static withDefaults(): KnowledgeBase;
  /** Instantiates the search wasm synchronously from its bytes or a compiled module. */
  static initSync(source: BufferSource | WebAssembly.Module): void;
  /** Same as `withDefaults()`. */
  constructor();

  search(query: string, options?: SearchOptions): SearchResult;
  /** The article as the knowledge base holds it (default KB, `loadKb` or `loadIndex`); `undefined` if unknown. */
  article(id: string): KbArticle | undefined;
  /**
   * Counts a verdict on an article. With `options.query` (what the user searched for), a verdict
   * that it answered (`helpful`, `resolved`, `deflected`) also teaches the KB that query.
   */
  recordFeedback(articleId: string, verdict: Verdict, options?: { query?: string }): void;
  /** Learns that `query` was answered by the article: the next person who asks that way finds it. */
  learn(query: string, articleId: string): void;
  recordUnanswered(query: string): void;
  stats(options?: { today?: string }): KbStats;

  loadKb(articles: Article[] | string): void;
  /** Bytes from `exportIndex()`: the index, the articles and their counters. */
  loadIndex(bytes: Uint8Array | ArrayBuffer): void;
  exportIndex(): Uint8Array;

  free(): void;
}

/**
 * The whole support desk: a KnowledgeBase plus the triage model, the analyser, the priority rules
 * and routing. It needs the full wasm. Methods are synchronous; failures throw `HelpdeskError`
 * and leave the engine usable.
 */
export declare class Engine extends KnowledgeBase {
  /** Loads the full wasm if needed, then returns `Engine.withDefaults()`. */
  static create(options?: { wasm?: WasmSource | Promise<WasmSource> }): Promise<Engine>;
  /** The embedded model, default knowledge base (52 en/ru articles) and priority rules. */
  static withDefaults(): Engine;
  /** Instantiates the full wasm synchronously (same as `initSync`). */
  static initSync(source: BufferSource | WebAssembly.Module): void;
  /** Same as `Engine.withDefaults()`. */
  constructor();

  /**
   * The full triage with suggestions and routing. Routing's clock: the ticket's `created_at`,
   * else `options.now` (RFC 3339, a Date or epoch ms), else the current time.
   */
  triage(ticket: Ticket | string, options?: { now?: string | Date | number }): Triage;
  analyze(ticket: Ticket | string): Analysis;
  classify(ticket: Ticket | string): Classification;
  conversation(conversation: Conversation | ConversationMessage[]): ConversationReport;
  suggestForTicket(ticket: Ticket | string, options?: { limit?: number }): Suggestions;

  loadModel(bytes: Uint8Array | ArrayBuffer): void;
  /** Trains on labelled examples (objects or JSON Lines) and returns the model's bytes for `loadModel`. */
  train(examples: LabelledExample[] | string): Uint8Array;

  /** The agents routing chooses from; without a roster routing names the team only. */
  loadRoster(roster: Roster | string): void;
  loadRoutingRules(rules: RoutingRules | string): void;
}
