// <trust-act-checker>: the checker's form, made live. The form is plain HTML rendered at build time
// from the checker's question schema; this script reads it, asks the Python checker (in a module
// worker, through the Runtime of runtime.js) for everything one click shows, and renders it. It
// never decides or words anything itself: every sentence and period comes from Python.
//
// API for embedders and tests:
//   await el.decide(scenario)  -> the decision object, exactly as `python -m checker --lang L` prints
//                                it, L being the element's data-lang (the page's language)
//   el.dataset.state            -> "loading" | "ready" | "error"  ("static" before this script runs;
//                                  "waiting" while a browser that asks to save data has downloaded nothing)
//   data-contact-name, data-contact-phone, data-contact-url
//                               -> the contact of the site the element is shown on (the widget's host
//                                  sets them on <trust-act-embed>), first under "What you can do now";
//                                  a value that is not a plain name, a phone number or an http(s)
//                                  address is left out, with a console warning
//   data-share-page             -> the http(s) address "Copy a link" opens (the widget's host page);
//                                  the answers always go after #, never in a query

import { Runtime } from "./runtime.js";

const FRAGMENT = "answers=";
let shared = null; // one worker per page, shared by every element (and kept across instant navigation)

function encode(value) {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decode(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
}

function localToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

// The browser asks to save data (Data Saver, or a 2G connection): download nothing unasked.
// The checker page's preload script applies the same test (overrides/partials/checker-form.html).
function savesData() {
  const c = navigator.connection;
  return Boolean(c && (c.saveData || /2g$/.test(c.effectiveType || "")));
}

// The site owner's contact, from the element's data-contact-* attributes: shown only as text and
// links, never as HTML; a value that does not pass is dropped with a warning, never a broken widget.
const CONTACT_NAME = /^[^\p{Cc}\p{Cf}<>]{1,100}$/u;
const CONTACT_PHONE = /^\+?[0-9 ()-]+$/;

function httpAddress(value) {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password ? url : null;
  } catch {
    return null;
  }
}

function hostContact(element) {
  const warn = (attribute, value, rule) =>
    console.warn(`<trust-act-checker>: ${attribute}="${value}" is ignored: ${rule}.`);
  const read = (key) => {
    const value = element.getAttribute(`data-contact-${key}`);
    return value === null ? null : value.trim().replace(/\s+/g, " ");
  };
  const contact = {};
  const name = read("name");
  if (name !== null) {
    if (CONTACT_NAME.test(name)) contact.name = name;
    else warn("data-contact-name", name, "a name is plain text of 1 to 100 characters, without < or >");
  }
  const phone = read("phone");
  if (phone !== null) {
    const digits = phone.replace(/[^0-9]/g, "");
    if (CONTACT_PHONE.test(phone) && digits.length >= 3 && digits.length <= 15) {
      contact.phone = { display: phone, tel: `tel:${phone.startsWith("+") ? "+" : ""}${digits}` };
    } else {
      warn("data-contact-phone", phone, "a phone number has 3 to 15 digits and only digits, +, -, spaces and parentheses");
    }
  }
  const address = read("url");
  if (address !== null) {
    const url = httpAddress(address);
    if (url) contact.url = url;
    else warn("data-contact-url", address, "an address is a full https:// (or http://) address");
  }
  if (!contact.phone && !contact.url) {
    if (contact.name) warn("data-contact-name", contact.name, "a name is shown only with a valid data-contact-phone or data-contact-url");
    return null;
  }
  return contact;
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => (key in values ? values[key] : `{${key}}`));
}

class TrustActChecker extends HTMLElement {
  static get observedAttributes() {
    return ["data-contact-name", "data-contact-phone", "data-contact-url"];
  }

  // Checked once, when set, so the warnings come as the page opens, not at the first answer.
  attributeChangedCallback() {
    if (this.form) this.hostContact = hostContact(this);
  }

  connectedCallback() {
    if (this.form) return;
    this.hostContact = hostContact(this);
    const data = JSON.parse(this.querySelector("script.checker-data").textContent);
    this.words = data.words;
    this.site = data.site;
    this.contacts = data.contacts || [];
    this.questions = Object.fromEntries(data.questions.fields.map((f) => [f.id, f]));
    this.regimes = data.questions.regimes;
    this.form = this.querySelector("form.checker-form");
    this.status = this.querySelector(".checker-status");
    this.result = this.querySelector(".checker-result");
    this.sizes = data.sizes || {};
    this.dataset.state = "loading";
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.check();
    });
    this.form.addEventListener("change", () => {
      this.syncConvictions();
      this.syncFields();
    });
    this.form.elements.namedItem("as_of").addEventListener("input", () => this.syncFields());
    this.querySelector(".checker-add").addEventListener("click", () => this.addConviction());
    this.restoreFromLink();
    this.syncConvictions();
    this.syncFields();
    this.querySelector("button.checker-submit").disabled = false;
    // Nothing of the answers outlives the page: leaving it (the quick exit included) clears the form
    // and the result, so Back or the browser's page cache cannot bring them back.
    this.onPageHide = () => this.forget();
    window.addEventListener("pagehide", this.onPageHide);
    this.onBeforePrint = () => this.openForPrint();
    this.onAfterPrint = () => this.closeAfterPrint();
    window.addEventListener("beforeprint", this.onBeforePrint);
    window.addEventListener("afterprint", this.onAfterPrint);
    // Start Python once the page is idle, and once the service worker (if any) is ready, so that
    // the runtime's files pass through it and are kept for the next visit.
    const begin = () => {
      const sw = "serviceWorker" in navigator && window.isSecureContext ? navigator.serviceWorker.ready : null;
      const wait = sw ? Promise.race([sw, new Promise((resolve) => setTimeout(resolve, 3000))]) : Promise.resolve();
      wait.then(() => this.runtime || this.attach());
    };
    if (!shared && savesData()) this.offerLoad();
    else if ("requestIdleCallback" in window) requestIdleCallback(begin, { timeout: 1000 });
    else setTimeout(begin, 50);
  }

  // Save-data mode: say how much the checker downloads, and load it only when asked (this button,
  // or Check, which attaches the runtime itself).
  offerLoad() {
    this.dataset.state = "waiting";
    const size = this.megabytes(this.sizes.gzip || 0);
    const raw = this.megabytes(this.sizes.total || 0);
    const button = el("button", { type: "button", class: "checker-load md-button" }, fill(this.words["ui.load"], { size }));
    button.addEventListener("click", () => this.runtime || this.attach());
    this.status.replaceChildren(fill(this.words["ui.save_data"], { size, raw }), " ", button);
  }

  megabytes(bytes) {
    const format = new Intl.NumberFormat(this.dataset.lang || "en", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return format.format(bytes / 1e6);
  }

  attach() {
    if (!shared) {
      const url = new URL(this.dataset.worker, location.href);
      url.searchParams.set("runtime", new URL(this.dataset.runtime, location.href).href);
      url.searchParams.set("wheel", new URL(this.dataset.wheel, location.href).href);
      shared = new Runtime(url.href);
    }
    this.runtime = shared;
    this.onRuntime = () => this.showState();
    shared.listeners.add(this.onRuntime);
    this.showState();
  }

  disconnectedCallback() {
    if (this.runtime) this.runtime.listeners.delete(this.onRuntime);
    window.removeEventListener("pagehide", this.onPageHide);
    window.removeEventListener("beforeprint", this.onBeforePrint);
    window.removeEventListener("afterprint", this.onAfterPrint);
  }

  forget() {
    this.form.reset();
    for (const more of this.form.querySelectorAll("details")) more.open = false;
    this.syncConvictions();
    this.syncFields();
    this.result.replaceChildren();
    this.lastScenario = null;
  }

  showState() {
    const runtime = this.runtime;
    this.dataset.state = runtime.state;
    if (runtime.state !== "loading") {
      if (this.bar) this.bar.remove();
      delete this.status.dataset.stage;
    }
    if (runtime.state === "ready") {
      if (!performance.getEntriesByName("checker-ready").length) performance.mark("checker-ready");
      this.status.textContent = this.words["ui.ready"];
      if (this.autorun) {
        this.autorun = false;
        this.check();
      }
    } else if (runtime.state === "error") {
      this.status.replaceChildren(
        el("span", { class: "checker-failed" }, this.words["ui.failed"], " "),
        el("a", { href: this.dataset.tables }, this.words["ui.failed_link"]),
      );
      this.status.setAttribute("role", "alert");
    } else {
      this.showProgress(runtime);
    }
  }

  // While the runtime loads: the stage in the status line (announced once per stage, not per byte),
  // with the decision tables offered meanwhile, and a progress bar: the share of the runtime's size
  // (known at build time) received so far, counted as decoded, so the share is true under a host's
  // compression too; then indeterminate, named by the stage, while Python starts.
  showProgress(runtime) {
    const w = this.words;
    const stage = String(runtime.stage);
    if (this.status.dataset.stage !== stage) {
      this.status.dataset.stage = stage;
      this.status.replaceChildren(w[`ui.stage.${stage}`] || w["ui.loading"], " ",
        el("a", { class: "checker-meanwhile", href: this.dataset.tables }, w["ui.meanwhile"]));
    }
    if (!this.bar) {
      this.bar = el("div", { class: "checker-progress" },
        el("progress", { "aria-label": w["ui.progress"] }), " ", el("span", { "aria-hidden": "true" }));
    }
    if (!this.bar.isConnected) this.status.after(this.bar);
    const [bar, label] = this.bar.children;
    const total = this.sizes.counted;
    if (runtime.stage === "runtime" && total) {
      const received = Math.min(runtime.received || 0, total);
      const percent = new Intl.NumberFormat(this.dataset.lang || "en").format(Math.floor((100 * received) / total));
      const text = fill(w["ui.progress_percent"], { percent });
      bar.max = total;
      bar.value = received;
      bar.setAttribute("aria-valuetext", text);
      label.textContent = text;
    } else {
      bar.removeAttribute("value");
      bar.setAttribute("aria-valuetext", w[`ui.stage.${stage}`] || w["ui.loading"]);
      label.textContent = "";
    }
  }

  async decide(scenario) {
    if (!this.runtime) this.attach();
    const reply = await this.runtime.ask({ scenario, lang: this.dataset.lang || "en" });
    if (!reply.ok) throw new Error(reply.error);
    return reply.decision;
  }

  // --- Reading and filling the form (names are the JSON contract's field names) -----------------

  scenario() {
    const form = this.form;
    const out = {};
    const value = (name) => {
      const field = form.elements.namedItem(name);
      return field ? field.value : "";
    };
    out.as_of = value("as_of") || localToday();
    for (const [id, question] of Object.entries(this.questions)) {
      if (id === "as_of") continue;
      const field = this.fieldOf(id);
      if (field && field.hidden) continue;
      const raw = value(id);
      if (question.type === "boolean") {
        if (raw !== "") out[id] = JSON.parse(raw);
      } else if (question.type === "set") {
        const checked = [...form.querySelectorAll(`input[name="${id}"]:checked`)].map((box) => box.value);
        if (checked.length) out[id] = checked;
      } else if (question.type === "convictions") {
        if (raw === "none") out.convictions = [];
        if (raw === "some") {
          out.convictions = [...this.querySelectorAll(".checker-conviction")].map((row) => {
            const i = row.dataset.index;
            const item = {};
            const klass = value(`convictions[${i}].class`);
            const statute = value(`convictions[${i}].statute`).trim();
            if (klass) item.class = klass;
            if (statute) item.statute = statute;
            return item;
          });
        }
      } else if (raw !== "") {
        out[id] = raw;
      }
    }
    return out;
  }

  restore(scenario) {
    const form = this.form;
    const set = (name, v) => {
      const field = form.elements.namedItem(name);
      if (field) field.value = v;
    };
    for (const [id, question] of Object.entries(this.questions)) {
      const v = scenario[id];
      if (v === undefined || v === null) continue;
      if (question.type === "boolean") set(id, JSON.stringify(v));
      else if (question.type === "set") {
        for (const box of form.querySelectorAll(`input[name="${id}"]`)) box.checked = v.includes(box.value);
        const more = this.fieldOf(id) && this.fieldOf(id).querySelector("details");
        if (more && v.length) more.open = true;
      } else if (question.type === "convictions") {
        set("convictions", v.length ? "some" : "none");
        v.forEach((item, i) => {
          if (i > 0) this.addConviction();
          set(`convictions[${i}].class`, item.class || "");
          set(`convictions[${i}].statute`, item.statute || "");
        });
      } else set(id, v);
    }
  }

  restoreFromLink() {
    let hash;
    try {
      hash = decodeURIComponent(location.hash.slice(1));
    } catch {
      hash = location.hash.slice(1); // a link such as "#%" is not valid percent-encoding
    }
    if (!hash.startsWith(FRAGMENT)) return;
    // The answers leave the address bar (and so the history) at once, whether they are valid or not.
    history.replaceState(null, "", location.pathname + location.search);
    let scenario;
    try {
      scenario = decode(hash.slice(FRAGMENT.length));
      if (!scenario || typeof scenario !== "object" || Array.isArray(scenario)) throw new Error("not an object");
      const convictions = scenario.convictions;
      if (convictions !== undefined && convictions !== null) {
        const most = (this.questions.convictions && this.questions.convictions.max_items) || 50;
        if (!Array.isArray(convictions) || convictions.length > most) throw new Error("convictions");
        if (convictions.some((item) => !item || typeof item !== "object" || Array.isArray(item))) throw new Error("conviction");
      }
    } catch {
      this.result.replaceChildren(el("p", { class: "checker-notice", role: "alert" }, this.words["ui.fragment_bad"]));
      return;
    }
    this.restore(scenario);
    this.result.replaceChildren(el("p", { class: "checker-notice" }, this.words["ui.fragment_loaded"]));
    this.autorun = true;
  }

  syncConvictions() {
    const some = this.form.elements.namedItem("convictions").value === "some";
    this.querySelector(".checker-convictions").hidden = !some;
  }

  // The form asks only what the law of the chosen date asks (each question's asked_in lists the
  // versions whose rules read it; the version in force is a lookup of the regimes' dates), and a
  // question only some requests need (needed_for) only once one of them is ticked under "What did
  // ICE ask for?". A hidden question keeps its answer but is not sent.
  regimeOn(date) {
    return this.regimes.find((r) => (!r.effective_from || r.effective_from <= date) && (!r.effective_to || date <= r.effective_to));
  }

  syncFields() {
    const regime = this.regimeOn(this.form.elements.namedItem("as_of").value || localToday());
    const ticked = new Set([...this.form.querySelectorAll('input[name="asked"]:checked')].map((box) => box.value));
    for (const [id, question] of Object.entries(this.questions)) {
      const field = this.fieldOf(id);
      if (!field) continue;
      const inForce = !regime || !question.asked_in || question.asked_in.includes(regime.id);
      const needed = !question.needed_for || question.needed_for.some((duty) => ticked.has(duty));
      field.hidden = !(inForce && needed);
    }
    const line = this.querySelector(".checker-applies");
    if (line) line.textContent = regime ? fill(this.words["ui.applies"], { name: regime.name, period: regime.period }) : "";
  }

  fieldOf(id) {
    const control = this.form.querySelector(`[name="${id}"]`);
    return control && control.closest(".checker-field");
  }

  addConviction() {
    const rows = this.querySelectorAll(".checker-conviction");
    const template = rows[0];
    const index = rows.length;
    const row = template.cloneNode(true);
    row.dataset.index = String(index);
    row.querySelector("legend").textContent = fill(this.words["ui.conviction"], { n: index + 1 });
    for (const control of row.querySelectorAll("select, input")) {
      const part = control.name.split(".")[1];
      control.name = `convictions[${index}].${part}`;
      control.id = `ck-convictions-${index}-${part}`;
      control.value = "";
    }
    for (const label of row.querySelectorAll("label")) {
      label.htmlFor = label.htmlFor.replace(/-\d+-/, `-${index}-`);
    }
    const remove = el("button", { type: "button", class: "md-button checker-remove" }, this.words["ui.remove_conviction"]);
    remove.addEventListener("click", () => row.remove());
    row.append(remove);
    this.querySelector(".checker-add").before(row);
    return row;
  }

  // --- Checking and rendering ---------------------------------------------------------------------

  async check() {
    const scenario = this.scenario();
    this.result.replaceChildren(el("p", { class: "checker-notice" }, this.words["ui.working"]));
    if (!this.runtime) this.attach();
    const reply = await this.runtime.ask({ scenario, lang: this.dataset.lang || "en" });
    if (!reply.ok) {
      this.result.replaceChildren(this.renderError(reply));
      return;
    }
    this.lastScenario = scenario;
    this.result.replaceChildren(this.render(reply));
    this.result.querySelector("h2").focus();
  }

  renderError(reply) {
    if (reply.field === "checker") {
      return el("p", { class: "checker-failed", role: "alert" }, this.words["ui.failed"], " ",
        el("a", { href: this.dataset.tables }, this.words["ui.failed_link"]));
    }
    // The field is named by its question, as the form shows it, never by its name in the contract.
    const label = this.fieldLabel(reply.field);
    return el("p", { class: "checker-failed", role: "alert" }, this.words["ui.invalid"], " ",
      label ? el("strong", {}, `${label}: `) : null, reply.problem ?? reply.error);
  }

  fieldLabel(field) {
    const item = /^convictions\[(\d+)\]\.(class|statute)$/.exec(field || "");
    if (item && this.questions.convictions) {
      return `${fill(this.words["ui.conviction"], { n: Number(item[1]) + 1 })}, ${this.questions.convictions.item[item[2]].label}`;
    }
    const question = this.questions[String(field).split(/[.[]/)[0]];
    return question ? question.label : null;
  }

  render({ decision, comparison, what_if: whatIf }) {
    const w = this.words;
    const outcome = w[`label.outcome.${decision.outcome}`];
    const section = el("section", { class: `checker-answer outcome--${decision.outcome}`, "data-outcome": decision.outcome });
    section.append(
      el("h2", { tabindex: "-1" }, `${w["ui.result"]}: ${outcome}`),
      el("p", { class: "checker-summary" }, decision.summary),
      el("p", {}, el("strong", {}, `${w["ui.regime"]}: `), `${decision.regime.name} (${decision.regime.period})`),
      el("p", { class: "checker-printed" }, `${w["ui.printed"]}: ${localToday()}`,
        this.site && this.site.name ? ` · ${this.site.name} · ${this.site.url}` : ""),
    );
    const asked = this.questions.asked ? Object.fromEntries(this.questions.asked.values.map((v) => [v.value, v.label])) : {};
    section.append(
      el("h3", {}, w["ui.duties"]),
      el("ul", { class: "checker-duties" }, decision.duties.filter((d) => decision.asked.includes(d.duty)).map((d) =>
        el("li", { "data-duty": d.duty, "data-outcome": d.outcome },
          el("strong", {}, `${asked[d.duty] || d.duty}: ${w[`label.duty.${d.outcome}`]}.`), " ",
          el("span", { class: "checker-duty-summary" }, d.summary)))),
      this.renderNextSteps(decision),
    );
    if (decision.hold_until) {
      // English keeps the contract's form (2026-06-07 16:00); Spanish writes the date in words. The
      // time is Connecticut's wall-clock time, so it is formatted as UTC to leave it unchanged.
      const lang = this.dataset.lang || "en";
      const moment = lang === "en" ? decision.hold_until.replace("T", " ")
        : new Intl.DateTimeFormat(lang, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" })
          .format(new Date(`${decision.hold_until}:00Z`));
      section.append(el("p", { class: "checker-hold" }, el("strong", {}, `${w["ui.hold_until"]}: `), moment));
    }
    // The details, each in a fold closed on screen (native <details>: a button to screen readers,
    // opened by Enter or Space), all opened for printing; one control opens or closes them all.
    const citation = (r) =>
      el("p", { class: "checker-citation" },
        el("a", { href: `${this.dataset.law}#p-${r.provision}` }, r.citation),
        ` · ${w[`label.status.${r.status}`]}`);
    const folds = [];
    const fold = (cls, title, ...content) => {
      const node = el("details", { class: `checker-fold ${cls}` }, el("summary", {}, el("h3", {}, title)), ...content);
      folds.push(node);
      return node;
    };
    const why = [];
    if (decision.missing_facts.length) {
      why.push(
        el("p", {}, el("strong", {}, `${w["ui.missing"]}:`)),
        el("ul", { class: "checker-missing" }, decision.missing_facts.map((f) => el("li", {}, this.questions[f].label))),
      );
    }
    if (decision.unverified.length) {
      why.push(
        el("p", {}, el("strong", {}, `${w["ui.unverified"]}:`)),
        el("ul", { class: "checker-unverified" }, decision.unverified.map((u) => el("li", {}, `${u.citation}. ${u.note || ""}`))),
      );
    }
    const toggle = el("button", { type: "button", class: "md-button checker-open-all" }, w["ui.open_all"]);
    section.append(
      el("div", { class: "checker-fold-actions" }, toggle),
      fold("checker-why", w["ui.reasons"], ...why,
        el("ol", { class: "checker-reasons" }, decision.reasons.map((r) =>
          el("li", { "data-provision": r.provision }, el("p", {}, r.text), citation(r))))),
    );
    const others = decision.duties.filter((d) => d.duty !== "hold" && decision.asked.includes(d.duty));
    if (others.length) {
      section.append(fold("checker-duty-why", w["ui.duty_why"],
        ...others.map((d) => el("div", { class: "checker-duty", "data-duty": d.duty },
          el("h4", {}, `${asked[d.duty] || d.duty}: ${w[`label.duty.${d.outcome}`]}`),
          el("ol", { class: "checker-duty-reasons" }, d.reasons.map((r) =>
            el("li", { "data-provision": r.provision }, el("p", {}, r.text), citation(r))))))));
    }
    if (comparison.length) {
      // One row per version; one column per request asked about (the hold's in its own words).
      const columns = decision.asked.filter((duty) => duty !== "hold");
      const rows = comparison.map((d) =>
        el("tr", { "data-regime": d.regime.id, "data-outcome": d.outcome },
          el("th", { scope: "row" }, `${d.regime.name} (${d.regime.period})`),
          el("td", {}, w[`label.outcome.${d.outcome}`]),
          columns.map((duty) => el("td", { "data-duty": duty, "data-outcome": d.duties[duty] }, w[`label.duty.${d.duties[duty]}`]))));
      const head = el("tr", {}, el("th", { scope: "col" }, w["ui.version"]),
        el("th", { scope: "col" }, asked.hold || "hold"), columns.map((duty) => el("th", { scope: "col" }, asked[duty] || duty)));
      section.append(fold("checker-extra checker-compare", w["ui.compare"],
        el("div", { class: "checker-table" },
          // Focusable, so a keyboard can scroll it when it is wider than a phone.
          el("table", { tabindex: "0", "aria-label": w["ui.compare"] }, el("thead", {}, head), el("tbody", {}, rows)))));
    }
    // One line per question and new outcome, as Python grouped them (several answers: one line).
    const changes = whatIf.map((c) =>
      el("li", { "data-field": c.field, "data-outcome": c.outcome },
        fill(w[c.answers.length > 1 ? "ui.what_if_group" : "ui.what_if_item"],
          { question: c.question, answer: c.answer, outcome: w[`label.outcome.${c.outcome}`] })));
    section.append(fold("checker-extra checker-changes", w["ui.what_if"],
      changes.length ? el("ul", { class: "checker-what-if" }, changes) : el("p", {}, w["ui.what_if_none"])));
    const label = () => {
      const all = folds.every((f) => f.open);
      toggle.textContent = all ? w["ui.close_all"] : w["ui.open_all"];
    };
    for (const f of folds) f.addEventListener("toggle", label);
    toggle.addEventListener("click", () => {
      const open = !folds.every((f) => f.open);
      for (const f of folds) f.open = open;
      label();
    });
    const share = el("button", { type: "button", class: "md-button checker-share" }, w["ui.share"]);
    share.addEventListener("click", () => this.share(section));
    const print = el("button", { type: "button", class: "md-button checker-print" }, w["ui.print"]);
    print.addEventListener("click", () => this.print());
    section.append(
      el("div", { class: "checker-actions" }, share, print),
      el("p", { class: "checker-help" }, el("a", { href: new URL(this.dataset.help, location.href).href }, w["ui.help"])),
      el("p", { class: "checker-disclaimer" }, decision.disclaimer),
    );
    return section;
  }

  // "What you can do now": first the contact of the site the reader is on, when it set one (the
  // widget's host, labelled as theirs); then the checker's next steps (each unknown fact as an
  // action), then whom to call, with the numbers as tel: links. The steps come from Python, the
  // contacts from the site's contacts file.
  renderHostContact() {
    const c = this.hostContact;
    if (!c) return null;
    const w = this.words;
    return el("div", { class: "checker-host-contact" },
      el("p", {}, el("strong", {}, `${w["ui.host_contact"]}:`), " ",
        c.name ? el("span", { class: "checker-host-contact-name" }, c.name) : null, c.name ? " " : null,
        c.phone ? el("a", { href: c.phone.tel }, c.phone.display) : null,
        c.phone && c.url ? " · " : null,
        c.url ? el("a", { href: c.url.href }, c.url.host) : null),
      el("p", { class: "checker-host-contact-note" }, w["ui.host_contact_note"]));
  }

  renderNextSteps(decision) {
    const w = this.words;
    const contacts = this.contacts.map((c) =>
      el("li", { class: "checker-contact", "data-contact": c.id },
        el("strong", {}, c.name), el("span", { class: "checker-contact-for" }, `: ${c.for}`), " ",
        c.phone ? el("a", { href: `tel:${c.phone.e164}` }, c.phone.display) : null,
        c.phone ? " · " : null,
        el("a", { href: c.url }, new URL(c.url).host)));
    return el("div", { class: "checker-next" },
      el("h3", {}, w["ui.next_steps"]),
      this.renderHostContact(),
      decision.next_steps.length
        ? el("ul", { class: "checker-next-steps" }, decision.next_steps.map((s) => el("li", { "data-fact": s.fact ?? "" }, s.text)))
        : null,
      contacts.length ? el("p", {}, el("strong", {}, `${w["ui.contacts"]}:`)) : null,
      contacts.length ? el("ul", { class: "checker-contacts" }, contacts) : null);
  }

  // The page a shared link opens: the widget's host page when the loader named one (without its
  // own fragment), else this page. The answers go after #, which no browser sends to a server.
  sharePage() {
    const host = this.dataset.sharePage ? httpAddress(this.dataset.sharePage) : null;
    if (!host) return { page: `${location.origin}${location.pathname}`, host: null };
    host.hash = "";
    return { page: host.href, host: host.host };
  }

  share(section) {
    const { page, host } = this.sharePage();
    const url = `${page}#${FRAGMENT}${encode(this.lastScenario)}`;
    const box = section.querySelector(".checker-share-box") || el("div", { class: "checker-share-box", role: "status" });
    // The link is shown (and copied where the browser allows), never put in the address bar: the
    // history keeps no answers.
    const input = el("input", { type: "text", readonly: "", value: url, "aria-label": this.words["ui.share_manual"] });
    box.replaceChildren(
      el("p", {}, this.words["ui.share_warning"]),
      host ? el("p", { class: "checker-share-host" }, fill(this.words["ui.share_host"], { host })) : null,
      el("p", {}, this.words["ui.share_manual"]), input);
    section.querySelector(".checker-actions").after(box);
    input.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(() => box.append(el("p", {}, this.words["ui.share_copied"])), () => {});
    }
  }

  print() {
    const root = document.documentElement;
    root.classList.add("checker-printing");
    const done = () => root.classList.remove("checker-printing");
    window.addEventListener("afterprint", done, { once: true });
    window.print();
    setTimeout(done, 1000);
  }

  // Any print (this result's button or the browser's own) opens every fold, and closes again the
  // ones the reader had closed.
  openForPrint() {
    this.closedForPrint = [...this.result.querySelectorAll("details.checker-fold:not([open])")];
    for (const fold of this.closedForPrint) fold.open = true;
  }

  closeAfterPrint() {
    for (const fold of this.closedForPrint || []) fold.open = false;
    this.closedForPrint = null;
  }
}

if (!customElements.get("trust-act-checker")) customElements.define("trust-act-checker", TrustActChecker);
