// Shared by the demo pages: the language (?lang=en|ru, else the browser's), the support endpoint
// (?endpoint=URL, else this server's /api/tickets), the top bar, and the service worker that makes
// every page work offline after the first visit.
const params = new URLSearchParams(location.search);

export const lang = (() => {
  const asked = (params.get('lang') || '').toLowerCase();
  if (asked === 'en' || asked === 'ru') return asked;
  return (navigator.languages || [navigator.language]).some((l) => String(l).toLowerCase().startsWith('ru')) ? 'ru' : 'en';
})();
document.documentElement.lang = lang;

export const endpoint = params.get('endpoint') || new URL('api/tickets', location.href).href;

export function t(strings) {
  return strings[lang] || strings.en;
}

/** Applies data-en / data-ru texts and marks the current language link. */
export function localise() {
  for (const node of document.querySelectorAll('[data-en]')) node.textContent = node.dataset[lang] || node.dataset.en;
  for (const node of document.querySelectorAll('[data-ph-en]')) node.placeholder = (lang === 'ru' ? node.dataset.phRu : null) || node.dataset.phEn;
  for (const a of document.querySelectorAll('.langs a')) {
    const url = new URL(location.href);
    url.searchParams.set('lang', a.dataset.lang);
    a.href = url.pathname.split('/').pop() + url.search;
    if (a.dataset.lang === lang) a.setAttribute('aria-current', 'true');
  }
  for (const a of document.querySelectorAll('.topbar nav a')) {
    const url = new URL(a.getAttribute('href'), location.href);
    for (const k of ['lang', 'endpoint']) if (params.get(k)) url.searchParams.set(k, params.get(k));
    a.href = url.pathname.split('/').pop() + url.search;
  }
}

// Registered after the page's load event, so precaching the whole site (both wasm modules
// included) does not compete with what the first visit needs now: the search wasm.
const loaded = document.readyState === 'complete' ? Promise.resolve() : new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
export const serviceWorkerReady = 'serviceWorker' in navigator
  ? loaded
    .then(() => navigator.serviceWorker.register(new URL('../sw.js', import.meta.url), { scope: new URL('../', import.meta.url).pathname }))
    .then(() => navigator.serviceWorker.ready)
    .catch((e) => {
      console.warn('service worker not registered:', e);
      return null;
    })
  : Promise.resolve(null);
