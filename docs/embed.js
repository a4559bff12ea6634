// The one-line loader for other sites:
//   <script src="https://SITE/embed.js" async></script>
//   <trust-act-embed lang="en" theme="light"></trust-act-embed>
// It defines <trust-act-embed>, which shows the checker in a sandboxed iframe from this site,
// sized to its content. The frame sits in a closed shadow root, so the host's CSS cannot reach it,
// and the only global this script adds is the frozen object window.TrustActEmbed. The element's own
// content (a link to the checker, in the snippet) shows until the frame reports that it is there,
// so a blocked script or an unreachable site leaves a link, never a blank box. A second copy of
// this script, or one loaded as a module, changes nothing.
//
// What the frame is told travels in its address's fragment (after #), which the browser never
// sends to any server: the host page's own address (for "Copy a link"), the site owner's contact
// (data-contact-name, data-contact-phone, data-contact-url, checked and shown by the frame, which
// warns in the console about a value it ignores), and the answers of a shared link opened on this
// page (#answers=…, taken out of the host's address bar at once). What the frame may tell the host:
// its height, in coarse steps, and that the reader pressed the quick exit, which then replaces
// this page with the neutral site, as the quick exit on the checker's own site does.
(() => {
  "use strict";
  if (window.TrustActEmbed || !window.customElements || customElements.get("trust-act-embed")) return;
  // A module has no currentScript: then the script is found by its name.
  const script =
    document.currentScript || [...document.querySelectorAll("script[src]")].find((s) => /\/embed\.js(?:[?#]|$)/.test(s.src));
  const site = new URL(".", script ? script.src : location.href);
  const SANDBOX = "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox";
  const CSS = ":host{display:block;contain:content}iframe{display:block;width:100%;min-width:0;height:0;border:0;margin:0;padding:0;background:transparent}";
  const LANGUAGES = { en: "", es: "es/" };
  const CONTACT = ["name", "phone", "url"];
  const ANSWERS = "answers=";
  let answers = null; // a shared link's answers, for the first widget on the page

  // A link made by "Copy a link" in the widget opens this page with the answers after #: they go to
  // the widget's frame and leave the address bar (and so the history entry) at once.
  if (location.hash.startsWith(`#${ANSWERS}`)) {
    answers = location.hash.slice(1 + ANSWERS.length);
    history.replaceState(history.state, "", location.pathname + location.search);
  }

  // Leave for the neutral site, replacing this page in the tab's history, and naming no page to it.
  const leave = (url) => {
    document.documentElement.style.visibility = "hidden";
    const policy = document.createElement("meta");
    policy.name = "referrer";
    policy.content = "no-referrer";
    document.head.append(policy);
    location.replace(url);
  };

  class TrustActEmbedElement extends HTMLElement {
    connectedCallback() {
      if (this.frame) {
        window.addEventListener("message", this.onMessage);
        return;
      }
      const root = this.attachShadow({ mode: "closed" });
      const lang = Object.prototype.hasOwnProperty.call(LANGUAGES, this.getAttribute("lang")) ? this.getAttribute("lang") : "en";
      const theme = this.getAttribute("theme") === "dark" ? "dark" : "light";
      const frame = document.createElement("iframe");
      frame.setAttribute("sandbox", SANDBOX);
      frame.setAttribute("allow", "clipboard-write");
      frame.setAttribute("referrerpolicy", "no-referrer");
      frame.title = this.getAttribute("title") || "TRUST Act checker";
      const told = new URLSearchParams({ host: location.origin + location.pathname + location.search });
      for (const key of CONTACT) {
        const value = this.getAttribute(`data-contact-${key}`);
        if (value !== null) told.set(`contact-${key}`, value.slice(0, 500));
      }
      if (answers !== null) {
        told.set("answers", answers);
        answers = null;
      }
      frame.src = new URL(`${LANGUAGES[lang]}embed/?theme=${theme}#${told}`, site).href;
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        root.adoptedStyleSheets = [sheet];
      } catch {
        frame.style.cssText = "display:block;width:100%;height:0;border:0";
      }
      const fallback = document.createElement("slot"); // the element's own link, until the frame is there
      root.append(frame, fallback);
      this.frame = frame;
      this.onMessage = (event) => {
        if (event.origin !== site.origin || event.source !== frame.contentWindow) return;
        const data = event.data;
        if (!data) return;
        if (data.type === "trust-act-checker:exit") {
          let url = null;
          try {
            url = new URL(String(data.url));
          } catch {
            return;
          }
          if (url.protocol === "https:" || url.protocol === "http:") leave(url.href);
          return;
        }
        if (data.type !== "trust-act-checker:height") return;
        const height = Number(data.height);
        if (Number.isFinite(height) && height > 100 && height < 50000) {
          frame.style.height = `${Math.ceil(height)}px`;
          fallback.style.display = "none";
        }
      };
      window.addEventListener("message", this.onMessage);
    }

    disconnectedCallback() {
      if (this.onMessage) window.removeEventListener("message", this.onMessage);
    }
  }

  customElements.define("trust-act-embed", TrustActEmbedElement);
  Object.defineProperty(window, "TrustActEmbed", {
    value: Object.freeze({ version: 2, origin: site.origin }),
    configurable: false,
    enumerable: false,
    writable: false,
  });
})();
