// Inside the embedded checker (the iframe): take the host's theme, open links outside the frame,
// and tell the host page how tall the content is so the frame fits it. Only the height is sent,
// rounded up to a coarse step, so the host cannot tell one answer from another by its length.
(() => {
  "use strict";
  const params = new URLSearchParams(location.search);
  if (params.get("theme") === "dark") {
    document.body.setAttribute("data-md-color-scheme", "slate");
  }
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (link && !link.getAttribute("href").startsWith("#")) {
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
