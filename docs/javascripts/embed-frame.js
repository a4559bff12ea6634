// Inside the embedded checker (the iframe): take the host's theme, open links outside the frame,
// and tell the host page how tall the content is so the frame fits it. Only the height is sent,
// rounded up to a coarse step, so the host cannot tell one answer from another by its length.
//
// What the loader (embed.js) tells the frame comes in the fragment of its address, never in the
// query, so it reaches no server's logs: `host` (the address of the page the reader is on, which
// "Copy a link" then offers), the site owner's contact (`contact-name`, `contact-phone`,
// `contact-url`, handed to <trust-act-checker> as data-contact-*, which checks them and ignores a
// bad one with a console warning), and `answers` (a shared link's, left in the fragment the way
// the checker reads it). This classic script runs before the element's module, so the element
// finds them in place. The quick exit (quick-exit.js) asks the host page to leave as well.
(() => {
  "use strict";
  const params = new URLSearchParams(location.search);
  if (params.get("theme") === "dark") {
    document.body.setAttribute("data-md-color-scheme", "slate");
  }
  const told = new URLSearchParams(location.hash.slice(1));
  // What the loader says counts only inside a frame, and only when the page framing it is the host
  // it names (where the browser tells that): the embed page opened on its own from a crafted link
  // shows no one's contact on this site's address, and offers its own address to share.
  let origin = null;
  try {
    origin = told.has("host") ? new URL(told.get("host")).origin : null;
  } catch {
    origin = null;
  }
  const ancestors = location.ancestorOrigins;
  const named = ancestors && ancestors.length && ancestors[0] !== "null" ? ancestors[0] : null;
  const trusted = window.parent !== window && origin !== null && (named === null || named === origin);
  if (told.has("host") || told.has("contact-name") || told.has("contact-phone") || told.has("contact-url")) {
    const checker = document.querySelector("trust-act-checker");
    if (checker && trusted) {
      if (told.has("host")) checker.dataset.sharePage = told.get("host");
      for (const key of ["name", "phone", "url"]) {
        if (told.has(`contact-${key}`)) checker.setAttribute(`data-contact-${key}`, told.get(`contact-${key}`));
      }
    }
    const answers = told.get("answers");
    history.replaceState(null, "", location.pathname + location.search + (answers ? `#answers=${answers}` : ""));
  }
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (link && !link.getAttribute("href").startsWith("#") && !link.hasAttribute("data-quick-exit")) {
      link.target = "_blank";
      link.rel = "noopener";
    }
  });
  if (window.parent === window) return;
  // The theme stretches the page to the frame's height, so measure the article, not the document.
  const article = document.querySelector("article") || document.body;
  const STEP = 240;
  let last = 0;
  const report = () => {
    const exact = article.getBoundingClientRect().bottom + window.scrollY + 32;
    const height = Math.ceil(exact / STEP) * STEP;
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "trust-act-checker:height", height }, "*");
    }
  };
  new ResizeObserver(report).observe(article);
  report();
})();
