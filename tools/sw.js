// Service worker: the site works offline after one visit, a new release reaches a returning reader
// at once, and the runtime downloads once. Written into the site root by the build
// (overrides/sitegen/release.py), with VERSION and FILES filled in.
//  - Files named by their content never change, so they come from the cache first: the site's own
//    scripts and styles (NAME.HASH.js), the theme's, and the runtime, the wheel and the worker
//    script. A new release names them anew, so a page never runs another release's scripts.
//  - Everything else (pages, the search index, the printouts) goes to the network first, asking the
//    server whether its copy changed (cache: "no-cache", past the browser's HTTP cache), so a new
//    release shows at once; the kept copy is used only when the network fails or the server errs.
//  - A network failure with no kept copy fails the request (the page or worker sees the error and
//    says so); it never hangs and never answers with something else.
//  - A new release (a new sw.js) installs in full before it takes over: it keeps its scripts and
//    styles, fetches again every page the reader had kept, keeps the runtime if unchanged (or
//    fetches the new one if the reader had the old one), and only then deletes the old copy. If the
//    network fails meanwhile, it is not installed and the old release keeps working offline; the
//    browser tries again at the next visit.
// Only this site's own files are kept: never the reader's answers (they never leave the page).
const VERSION = "__VERSION__";
const PREFIX = "trust-act-";
const CACHE = `${PREFIX}${VERSION}`;
const FILES = __FILES__;
const here = (path) => new URL(path, self.location.href).href;
const SHELL = FILES.shell.map(here); // every page loads these
const RUNTIME = FILES.runtime.map(here); // the checker's page only
const CURRENT = new Set([...SHELL, ...RUNTIME]);
const NAMED = /\.[0-9a-f]{8,}(\.min)?\.(m?js|css)$|\/assets\/(pyodide|checker)\//;
const bare = (url) => url.split(/[?#]/)[0];

self.addEventListener("install", (event) => event.waitUntil(install().then(() => self.skipWaiting())));

async function install() {
  const cache = await caches.open(CACHE);
  await cache.addAll(SHELL);
  let hadRuntime = false;
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const previous = await caches.open(name);
    for (const request of await previous.keys()) {
      const url = bare(request.url);
      if (/\/assets\/(pyodide|checker)\//.test(url)) hadRuntime = true;
      if (CURRENT.has(url)) {
        const kept = await previous.match(request);
        if (kept && !(await cache.match(url, { ignoreSearch: true }))) await cache.put(request, kept);
      } else if (!NAMED.test(new URL(url).pathname)) {
        await refresh(cache, previous, request);
      } // else: named by a content this release no longer has; left behind
    }
  }
  // The reader had the checker offline: keep it so with this release's runtime.
  if (hadRuntime) {
    // A failure rejects, and so fails the install: the old release, runtime included, stays.
    await Promise.all(RUNTIME.map(async (url) => (await cache.match(url, { ignoreSearch: true })) || cache.add(url)));
  }
}

// A page (or another file not named by its content) the reader had kept, in this release's
// version. A network failure rejects, and so fails the install.
async function refresh(cache, previous, request) {
  const response = await fetch(request.url, { cache: "no-cache", credentials: "same-origin" });
  if (response.ok && !response.redirected) return cache.put(request, response);
  if (response.redirected || response.status === 404 || response.status === 410) return null; // not in this release
  const kept = await previous.match(request); // the server failed: keep the copy the reader had
  return kept ? cache.put(request, kept) : null;
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  // A copy kept under another query (the worker script is asked for with its runtime's address
  // after "?") is given without its own address, so the worker keeps the one it asked for.
  if (hit) return hit.url === request.url ? hit : new Response(hit.body, hit);
  const response = await fetch(request); // offline and not kept: rejects, so the request fails
  if (response.ok) cache.put(request, response.clone()).catch(() => null);
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  let response;
  try {
    response = await fetch(request, { cache: "no-cache" });
  } catch (error) {
    const hit = await cache.match(request, { ignoreSearch: request.mode === "navigate" });
    if (hit) return hit;
    throw error; // offline and never kept: the request fails
  }
  if (response.ok) cache.put(request, response.clone()).catch(() => null);
  else if (response.status >= 500) {
    // The server failed: the copy the reader had is better than an error page.
    const hit = await cache.match(request, { ignoreSearch: request.mode === "navigate" });
    if (hit) return hit;
  }
  return response;
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
  event.respondWith(NAMED.test(url.pathname) ? cacheFirst(event.request) : networkFirst(event.request));
});
