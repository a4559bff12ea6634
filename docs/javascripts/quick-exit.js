// Quick exit: leave for a neutral site and replace this page in the tab's history.
// The button works without JavaScript (it is a plain link); with JavaScript, Escape works too,
// except while the search box or a text field is in use, or a dialog is open (Escape closes those
// first). A radio button, a checkbox, a select or a date field does not keep it: a select or
// date picker that is open handles Escape itself and never lets it reach the page.
// Inside the widget's frame on another site, the frame cannot navigate the page around it, so it
// asks that page's loader (embed.js) to leave too; the frame itself leaves as well, so a page that
// frames it without the loader keeps at least no trace of the checker on screen.
(() => {
  "use strict";
  const leave = (url) => {
    document.documentElement.style.visibility = "hidden";
    // Told only to the host page the loader named, never to any page that frames this one.
    const host = document.querySelector("trust-act-checker[data-share-page]");
    if (window.parent !== window && host) {
      window.parent.postMessage({ type: "trust-act-checker:exit", url }, new URL(host.dataset.sharePage).origin);
    }
    window.location.replace(url);
  };
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("[data-quick-exit]") : null;
    if (!link) return;
    event.preventDefault();
    leave(link.href);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.defaultPrevented || event.isComposing) return;
    const search = document.getElementById("__search");
    if (search && search.checked) return;
    const active = document.activeElement;
    const typing = 'input:not([type=radio]):not([type=checkbox]):not([type=date]):not([type=datetime-local]):not([type=button]):not([type=submit])';
    if (active && active.closest(`${typing}, textarea, [contenteditable], dialog`)) return;
    const link = document.querySelector("[data-quick-exit]");
    if (link) leave(link.href);
  });
})();
