// The worker API: a Runtime starts the checker's module worker (worker.mjs) and asks it questions.
// It is the only code that talks to the worker, as in Pyodide's own web-worker example: the worker
// runs Python, this module tracks its state and matches replies to requests, and the element
// (element.js) renders. Messages carry JSON strings, never live objects.
//   const runtime = new Runtime(workerUrl);
//   runtime.listeners.add((r) => ...);   // on each change of r.state ("loading" | "ready" | "error"),
//                                        // r.stage, or r.received (bytes of the runtime received so far)
//   await runtime.ask({ scenario, lang }) // -> the reply of `checker.handle`, decoded

// A stage that sends no news for this long has stalled (a cut download, a worker that hangs): the
// reader gets the failure and the decision tables at once instead of a spinner that never ends.
// Bytes arriving count as news, so a slow but live connection never trips it.
export const STALL_MS = 25000;

export class Runtime {
  constructor(workerUrl) {
    this.listeners = new Set();
    this.pending = new Map();
    this.next = 1;
    this.state = "loading";
    this.stage = null;
    this.received = 0;
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
    this.watch();
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => this.fail(event.message || "the checker's worker failed");
  }

  watch() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.state === "loading" && this.fail("the checker stopped loading"), STALL_MS);
  }

  receive(message) {
    if (message.type === "progress") {
      this.watch();
      this.stage = message.stage;
      this.received = message.received || 0;
      this.emit();
    } else if (message.type === "ready") {
      clearTimeout(this.timer);
      this.state = "ready";
      this.received = message.received || this.received;
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
