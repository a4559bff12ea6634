// The theme's search on demand, for a page whose front matter says `search_on_demand: true` (the
// checker's): its index, its worker and the language files that worker loads download when the
// reader opens search, not with the page, so the checker's runtime has the connection to itself.
// Loaded before the theme's script, it holds back the two things the theme starts at once:
//  - the request for this language's search index (the theme asks with XMLHttpRequest): opened as
//    the theme asks, sent only once the reader opens search (the search toggle is checked, or the
//    search field gets the focus: a click or tap, or the theme's "/", "s" and "f" keys);
//  - the search worker: the theme gets a stand-in, and the real worker starts at the first message
//    the theme sends it, which the theme sends once the index has arrived.
// Any other request and any other worker (the checker's) pass through untouched. If a new version
// of the theme asks otherwise, nothing matches and search loads with the page, as before.
(() => {
  "use strict";
  // Arriving from a search result (`?h=…`), the theme highlights the words found, which needs the
  // index at once: nothing is held back then.
  if (new URLSearchParams(location.search).has("h")) return;
  let config;
  try {
    config = JSON.parse(document.getElementById("__config").textContent);
  } catch (error) {
    return; // not the theme's page: nothing to hold back
  }
  const resolve = (url, base) => {
    try {
      return new URL(url, base).href;
    } catch (error) {
      return null;
    }
  };
  // Where the theme asks for them: the index beside its "base", the worker at its "search".
  const index = resolve("search/search_index.json", resolve(config.base, location.href));
  const workerScript = config.search ? resolve(config.search, location.href) : null;

  const XHR = XMLHttpRequest.prototype;
  const open = XHR.open;
  const send = XHR.send;
  const asked = new WeakSet(); // the requests for the index, opened and not sent yet
  const held = []; // their sends, until search opens
  let opened = false;

  function openIndex(method) {
    if (!opened && typeof method === "string" && method.toUpperCase() === "GET" && resolve(arguments[1], location.href) === index) {
      asked.add(this);
    } else {
      asked.delete(this);
    }
    return open.apply(this, arguments); // as called: open(method, url) must stay asynchronous
  }
  function sendLater() {
    if (opened || !asked.has(this)) return send.apply(this, arguments);
    asked.delete(this);
    const request = this;
    const args = arguments;
    held.push(() => send.apply(request, args));
    return undefined;
  }
  XHR.open = openIndex;
  XHR.send = sendLater;

  const openSearch = () => {
    if (opened) return;
    opened = true;
    document.removeEventListener("change", onChange, true);
    document.removeEventListener("focusin", onFocus, true);
    if (XHR.open === openIndex) XHR.open = open;
    if (XHR.send === sendLater) XHR.send = send;
    for (const start of held.splice(0)) {
      try {
        start();
      } catch (error) {
        console.warn("search could not load its index:", error);
      }
    }
  };
  const onChange = (event) => {
    if (event.target && event.target.id === "__search" && event.target.checked) openSearch();
  };
  const onFocus = (event) => {
    if (event.target instanceof Element && event.target.closest("form[name=search]")) openSearch();
  };
  document.addEventListener("change", onChange, true);
  document.addEventListener("focusin", onFocus, true);

  const RealWorker = window.Worker;
  if (!workerScript || typeof RealWorker !== "function") return;

  // A worker whose script is fetched only when it is first sent a message (or is sent an event):
  // until then, listeners and handlers wait here, and are handed to the real worker when it starts.
  function standIn(args) {
    let real = null;
    let ended = false;
    const listeners = [];
    const handlers = {};
    const capture = (options) => Boolean(typeof options === "boolean" ? options : options && options.capture);
    const start = () => {
      if (!real && !ended) {
        real = new RealWorker(...args);
        for (const [type, listener, options] of listeners.splice(0)) real.addEventListener(type, listener, options);
        for (const [name, handler] of Object.entries(handlers)) real[name] = handler;
      }
      return real;
    };
    const worker = {
      postMessage() {
        const target = start();
        if (target) target.postMessage(...arguments);
      },
      terminate() {
        ended = true;
        if (real) real.terminate();
      },
      addEventListener(type, listener, options) {
        if (real) real.addEventListener(type, listener, options);
        else if (!ended) listeners.push([type, listener, options]);
      },
      removeEventListener(type, listener, options) {
        if (real) return real.removeEventListener(type, listener, options);
        const at = listeners.findIndex(([t, l, o]) => t === type && l === listener && capture(o) === capture(options));
        if (at >= 0) listeners.splice(at, 1);
        return undefined;
      },
      dispatchEvent(event) {
        const target = start();
        return target ? target.dispatchEvent(event) : true;
      },
    };
    for (const name of ["onmessage", "onmessageerror", "onerror"]) {
      Object.defineProperty(worker, name, {
        enumerable: true,
        get: () => (real ? real[name] : (handlers[name] ?? null)),
        set: (handler) => {
          if (real) real[name] = handler;
          else handlers[name] = handler;
        },
      });
    }
    return worker;
  }

  function Worker(script) {
    const kind = new.target && new.target !== Worker ? new.target : RealWorker;
    if (resolve(script, location.href) !== workerScript) return Reflect.construct(RealWorker, arguments, kind);
    if (window.Worker === Worker) window.Worker = RealWorker; // the theme makes one: the rest go straight through
    return standIn([...arguments]);
  }
  Worker.prototype = RealWorker.prototype;
  window.Worker = Worker;
})();
