// Registers the site's service worker (sw.js at the site root), which keeps the site's own files
// so that the checker's runtime downloads once and the site works offline after one visit.
(() => {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  const script = document.currentScript;
  const root = script ? new URL("../", script.src) : new URL("/", location.href);
  window.addEventListener("load", () => {
    navigator.serviceWorker
      .register(new URL("sw.js", root).href, { scope: root.pathname })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        // This page was loaded before the worker could see it: ask it to keep the page and its files.
        const files = [...document.querySelectorAll("link[rel=stylesheet][href], script[src]")].map((e) => e.href || e.src);
        registration.active.postMessage({ keep: [location.href.split("#")[0], ...files] });
      })
      .catch(() => {});
  });
})();
