// <trust-act-checker>: the checker's form, made live. The form is plain HTML rendered at build time
// from the checker's question schema; this script reads it, asks the Python checker (in a module
// worker) for a decision, and renders the decision. It never decides anything itself.
//
// API for embedders and tests:
//   await el.decide(scenario)  -> the decision object, exactly as `python -m checker` prints it
//   el.dataset.state            -> "loading" | "ready" | "error"  ("static" before this script runs)

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

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => (key in values ? values[key] : `{${key}}`));
}

class Runtime {
  constructor(workerUrl) {
    this.listeners = new Set();
    this.pending = new Map();
    this.next = 1;
    this.state = "loading";
    this.stage = null;
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      this.fail("this browser cannot run WebAssembly");
      return;
    }
    try {
      performance.mark("checker-start");
      this.worker = new Worker(workerUrl, { type: "module" });
    } catch (error) {
      this.fail(String(error));
      return;
    }
    this.timer = setTimeout(() => this.state === "loading" && this.fail("the checker took too long to start"), 120000);
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => this.fail(event.message || "the checker's worker failed");
  }

  receive(message) {
    if (message.type === "progress") {
      this.stage = message.stage;
      this.emit();
    } else if (message.type === "ready") {
      clearTimeout(this.timer);
      this.state = "ready";
      this.emit();
    } else if (message.type === "error") {
      this.fail(message.message);
    } else if (message.type === "reply") {
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (resolve) resolve(JSON.parse(message.reply));
    }
  }

  fail(reason) {
    clearTimeout(this.timer);
    this.state = "error";
    this.reason = reason;
    for (const resolve of this.pending.values()) resolve({ ok: false, field: "checker", error: reason });
    this.pending.clear();
    if (this.worker) this.worker.terminate();
    this.emit();
  }

  emit() {
    for (const listener of this.listeners) listener(this);
  }

  ask(request) {
    if (this.state === "error") return Promise.resolve({ ok: false, field: "checker", error: this.reason });
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ id, request: JSON.stringify(request) });
    });
  }
}

class TrustActChecker extends HTMLElement {
  connectedCallback() {
    if (this.form) return;
    const data = JSON.parse(this.querySelector("script.checker-data").textContent);
    this.words = data.words;
    this.questions = Object.fromEntries(data.questions.fields.map((f) => [f.id, f]));
    this.form = this.querySelector("form.checker-form");
    this.status = this.querySelector(".checker-status");
    this.result = this.querySelector(".checker-result");
    this.dataset.state = "loading";
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.check();
    });
    this.form.addEventListener("change", () => this.syncConvictions());
    this.querySelector(".checker-add").addEventListener("click", () => this.addConviction());
    this.restoreFromLink();
    this.syncConvictions();
    // Start Python once the page is idle, and once the service worker (if any) is ready, so that
    // the runtime's files pass through it and are kept for the next visit.
    const begin = () => {
      const sw = "serviceWorker" in navigator && window.isSecureContext ? navigator.serviceWorker.ready : null;
      const wait = sw ? Promise.race([sw, new Promise((resolve) => setTimeout(resolve, 3000))]) : Promise.resolve();
      wait.then(() => this.runtime || this.attach());
    };
    if ("requestIdleCallback" in window) requestIdleCallback(begin, { timeout: 1000 });
    else setTimeout(begin, 50);
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
  }

  showState() {
    const runtime = this.runtime;
    this.dataset.state = runtime.state;
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
      this.status.textContent = this.words[`ui.stage.${runtime.stage}`] || this.words["ui.loading"];
    }
  }

  async decide(scenario) {
    if (!this.runtime) this.attach();
    const reply = await this.runtime.ask({ scenario });
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
    const hash = decodeURIComponent(location.hash.slice(1));
    if (!hash.startsWith(FRAGMENT)) return;
    let scenario;
    try {
      scenario = decode(hash.slice(FRAGMENT.length));
      if (!scenario || typeof scenario !== "object" || Array.isArray(scenario)) throw new Error("not an object");
      if (scenario.convictions !== undefined && scenario.convictions !== null && !Array.isArray(scenario.convictions))
        throw new Error("convictions");
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
    const lang = this.dataset.lang || "en";
    const [one, all] = await Promise.all([
      this.runtime.ask({ scenario, lang }),
      this.runtime.ask({ scenario, compare: true, lang }),
    ]);
    if (!one.ok) {
      this.result.replaceChildren(this.renderError(one));
      return;
    }
    this.lastScenario = scenario;
    this.result.replaceChildren(this.render(one.decision, all.ok ? all.comparison : []));
    this.result.querySelector("h2").focus();
  }

  renderError(reply) {
    if (reply.field === "checker") {
      return el("p", { class: "checker-failed", role: "alert" }, this.words["ui.failed"], " ",
        el("a", { href: this.dataset.tables }, this.words["ui.failed_link"]));
    }
    return el("p", { class: "checker-failed", role: "alert" }, this.words["ui.invalid"], " ", reply.error);
  }

  label(id, value) {
    const question = this.questions[id];
    if (id === "convictions") {
      if (!value.length) return this.words["ui.convictions_none"];
      return value.map((c) => this.words[`class.${c.class}`] || this.words["class.unknown"]).join(", ");
    }
    const option = (question.values || []).find((o) => o.value === value);
    return option ? option.label : String(value);
  }

  period(regime) {
    if (!regime.effective_from) {
      return fill(this.words["ui.in_force_before"], { end: this.nextDay(regime.effective_to) });
    }
    if (!regime.effective_to) return fill(this.words["ui.in_force_open"], { start: regime.effective_from });
    return fill(this.words["ui.in_force"], { start: regime.effective_from, end: regime.effective_to });
  }

  nextDay(iso) {
    const day = new Date(`${iso}T12:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 1);
    return day.toISOString().slice(0, 10);
  }

  render(decision, comparison) {
    const w = this.words;
    const outcome = w[`label.outcome.${decision.outcome}`];
    const section = el("section", { class: `checker-answer outcome--${decision.outcome}`, "data-outcome": decision.outcome });
    section.append(
      el("h2", { tabindex: "-1" }, `${w["ui.result"]}: ${outcome}`),
      el("p", { class: "checker-summary" }, decision.summary),
      el("p", {}, el("strong", {}, `${w["ui.regime"]}: `), `${decision.regime.name} (${this.period(decision.regime)})`),
      el("p", { class: "checker-printed" }, `${w["ui.printed"]}: ${localToday()}`),
    );
    if (decision.hold_until) {
      section.append(el("p", { class: "checker-hold" }, el("strong", {}, `${w["ui.hold_until"]}: `), decision.hold_until.replace("T", " ")));
    }
    if (decision.missing_facts.length) {
      section.append(
        el("p", {}, el("strong", {}, `${w["ui.missing"]}:`)),
        el("ul", { class: "checker-missing" }, decision.missing_facts.map((f) => el("li", {}, this.questions[f].label))),
      );
    }
    if (decision.unverified.length) {
      section.append(
        el("p", {}, el("strong", {}, `${w["ui.unverified"]}:`)),
        el("ul", { class: "checker-unverified" }, decision.unverified.map((u) => el("li", {}, `${u.citation}. ${u.note || ""}`))),
      );
    }
    section.append(
      el("h3", {}, w["ui.reasons"]),
      el("ol", { class: "checker-reasons" }, decision.reasons.map((r) =>
        el("li", { "data-provision": r.provision },
          el("p", {}, r.text),
          el("p", { class: "checker-citation" },
            el("a", { href: `${this.dataset.law}#p-${r.provision}` }, r.citation),
            ` · ${w[`label.status.${r.status}`]}`)))),
    );
    if (comparison.length) {
      const rows = comparison.map((d) =>
        el("tr", { "data-regime": d.regime.id, "data-outcome": d.outcome },
          el("th", { scope: "row" }, `${d.regime.name} (${this.period(d.regime)})`),
          el("td", {}, w[`label.outcome.${d.outcome}`])));
      section.append(
        el("div", { class: "checker-extra checker-compare" },
          el("h3", {}, w["ui.compare"]),
          el("div", { class: "checker-table" }, el("table", {}, el("tbody", {}, rows)))),
      );
    }
    const changes = decision.what_if.map((c) =>
      el("li", {}, fill(w["ui.what_if_item"], {
        question: this.questions[c.field].label,
        answer: this.label(c.field, c.value),
        outcome: w[`label.outcome.${c.outcome}`],
      })));
    section.append(
      el("div", { class: "checker-extra" },
        el("h3", {}, w["ui.what_if"]),
        changes.length ? el("ul", { class: "checker-what-if" }, changes) : el("p", {}, w["ui.what_if_none"])),
    );
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

  share(section) {
    const url = `${location.origin}${location.pathname}#${FRAGMENT}${encode(this.lastScenario)}`;
    const box = section.querySelector(".checker-share-box") || el("div", { class: "checker-share-box", role: "status" });
    box.replaceChildren(el("p", {}, this.words["ui.share_warning"]));
    section.querySelector(".checker-actions").after(box);
    const manual = () => {
      const input = el("input", { type: "text", readonly: "", value: url, "aria-label": this.words["ui.share_manual"] });
      box.append(el("p", {}, this.words["ui.share_manual"]), input);
      input.select();
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(() => box.append(el("p", {}, this.words["ui.share_copied"])), manual);
    } else {
      manual();
    }
    history.replaceState(null, "", url);
  }

  print() {
    const root = document.documentElement;
    root.classList.add("checker-printing");
    const done = () => root.classList.remove("checker-printing");
    window.addEventListener("afterprint", done, { once: true });
    window.print();
    setTimeout(done, 1000);
  }
}

if (!customElements.get("trust-act-checker")) customElements.define("trust-act-checker", TrustActChecker);
