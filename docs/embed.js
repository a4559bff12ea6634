// The one-line loader for other sites:
//   <script src="https://SITE/embed.js" async></script>
//   <trust-act-embed lang="en" theme="light"></trust-act-embed>
// It defines <trust-act-embed>, which shows the checker in a sandboxed iframe from this site,
// sized to its content. The frame sits in a closed shadow root, so the host's CSS cannot reach it,
// and the only global this script adds is the frozen object window.TrustActEmbed. The element's own
// content (a link to the checker, in the snippet) shows until the frame reports that it is there,
// so a blocked script or an unreachable site leaves a link, never a blank box. A second copy of
// this script, or one loaded as a module, changes nothing.
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
      frame.src = new URL(`${LANGUAGES[lang]}embed/?theme=${theme}`, site).href;
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
        if (!data || data.type !== "trust-act-checker:height") return;
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
    value: Object.freeze({ version: 1, origin: site.origin }),
    configurable: false,
    enumerable: false,
    writable: false,
  });
})();
