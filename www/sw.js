// The demo site's service worker: after the first visit the pages, the widget and both wasm modules
// come from the cache, so the help center works with no network at all. PRECACHE holds the search
// wasm the widget starts with and the full one it loads for the contact form (cached on install,
// only executed when the page asks for it). scripts/build-npm.sh fills in BUILD_ID (a hash of the
// site's files) and PRECACHE (every file).
const BUILD_ID = '__BUILD_ID__';
const CACHE = `helpdesk-ai-${BUILD_ID}`;
const PRECACHE = [/*__PRECACHE__*/];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('helpdesk-ai-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Pages: the network first (fresh content), the cache when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        })
        .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit || caches.match('./'))),
    );
    return;
  }
  // Everything else (wasm, scripts): the cache first — it is versioned by BUILD_ID.
  event.respondWith(
    caches.match(request).then((hit) => hit || fetch(request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(request, copy));
      }
      return response;
    })),
  );
});
