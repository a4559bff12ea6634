// Service worker: repeat visits cost no bytes for the Python runtime, and the site works offline
// after one visit. Written into the site root by the build, with VERSION filled in.
//  - The runtime and the checker wheel live under content-addressed paths, so they are served from
//    the cache first and never go stale.
//  - Everything else (pages, styles, scripts) goes to the network first, so a new release shows at
//    once; the cached copy is used only when the network fails.
// Only this site's own files are cached: never the reader's answers (they never leave the page).
const VERSION = "__VERSION__";
const CACHE = `trust-act-${VERSION}`;
const IMMUTABLE = /\/assets\/(pyodide|checker)\//;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("trust-act-") && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && request.method === "GET") cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && request.method === "GET") cache.put(request, response.clone());
    return response;
  } catch (error) {
    const hit = await cache.match(request, { ignoreSearch: request.mode === "navigate" });
    if (hit) return hit;
    throw error;
  }
}

// A page loaded before this worker took control asks it to keep that page and its files too.
self.addEventListener("message", (event) => {
  const urls = Array.isArray(event.data && event.data.keep) ? event.data.keep : [];
  const own = urls.filter((u) => typeof u === "string" && new URL(u).origin === self.location.origin);
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(own.map((u) => cache.add(u).catch(() => null)))));
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin || event.request.method !== "GET") return;
  event.respondWith(IMMUTABLE.test(url.pathname) ? cacheFirst(event.request) : networkFirst(event.request));
});
