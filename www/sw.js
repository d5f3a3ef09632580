// A service worker for an offline-capable demo: after one visit, the pages and the widget's own files
// come from the cache, so the panel (and its crisis help) works with no connection.
// The widget never registers a worker itself; a host opts in, as offline.html does.
const CACHE = 'before-you-rely-demo-v1';
const FILES = [
  './offline.html', './site.css', './favicon.svg',
  '/widget/before-you-rely.js', '/widget/engine.js', '/widget/engine_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Same-origin GETs: the network when it answers (so updates arrive), else the cache.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true })),
  );
});
