// The tickets triaged in this browser session, for the dashboard: kept in sessionStorage and
// announced on a BroadcastChannel so an open dashboard tab updates live.
const KEY = 'helpdesk-ai:session-tickets';
const channel = 'BroadcastChannel' in self ? new BroadcastChannel('helpdesk-ai-session') : null;

export function sessionTickets() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) || '[]');
  } catch {
    return [];
  }
}

/** Records one triaged ticket: {subject, message, source, triage}. */
export function logTicket(ticket, triage, source) {
  const entry = {
    at: Date.now(),
    source,
    subject: ticket.subject || '',
    message: String(ticket.message || '').slice(0, 500),
    language: triage.language.code,
    category: triage.category.label,
    area: triage.area.label,
    priority: triage.priority.label,
    complexity: triage.complexity.label,
    decision: triage.decision,
    confidence: triage.category.confidence,
    sentiment: triage.sentiment.label,
    sentimentScore: triage.sentiment.score,
    urgency: triage.sentiment.urgency_level,
  };
  store(entry);
  if (channel) channel.postMessage(entry);
  return entry;
}

function store(entry) {
  const all = sessionTickets();
  all.push(entry);
  try {
    sessionStorage.setItem(KEY, JSON.stringify(all.slice(-1000)));
  } catch {
    /* full: the dashboard still gets the broadcast */
  }
}

export function clearSession() {
  sessionStorage.removeItem(KEY);
  if (channel) channel.postMessage({ cleared: true });
}

/** Tickets triaged in other tabs of this session are copied here, then `callback` runs. */
export function onTicket(callback) {
  if (!channel) return;
  channel.addEventListener('message', (e) => {
    if (e.data && e.data.cleared) sessionStorage.removeItem(KEY);
    else if (e.data && e.data.category) store(e.data);
    callback(e.data);
  });
}
