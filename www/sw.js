// Offline support: precache the app shell on install, serve it cache-first, refresh on a new build.
// The build replaces __BUILD__ with a hash of the site so that every release gets its own cache.
const CACHE = 'synthesis-kinetics-__BUILD__';
const SHELL = [
  './',
  'index.html',
  'www/manifest.webmanifest',
  'www/icon.svg',
  'www/help.html',
  'www/views.html',
  'pkg/page_bg.wasm',
  'pkg/synthesis_kinetics.js',
  'pkg/synthesis_kinetics_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)),
  );
});
