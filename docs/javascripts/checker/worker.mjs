// The checker's module worker: loads Python (Pyodide) and the checker wheel from this site, then
// answers requests. Messages in and out carry JSON strings; the rules live only in the Python package.
//   in:  {id, request}            request: the JSON string `checker.handle` takes
//   out: {type: "progress", stage, received} | {type: "ready", received} | {type: "error", message} | {type: "reply", id, reply}
// While stage is "runtime", received counts the bytes of the runtime's files (the WebAssembly, the
// standard library, the lock file, the wheel and Pyodide's two scripts) that have arrived so far,
// as they are decoded: the page knows their sizes from the build and shows the share received.
// "ready" carries the final count too.
// Anything that goes wrong outside a request (a rejected promise, an error thrown while loading)
// reaches the page as an error, never as silence.
import { installWheel } from "./wheel.mjs";

self.addEventListener("unhandledrejection", (event) => {
  postMessage({ type: "error", message: String((event.reason && event.reason.message) || event.reason) });
});
self.addEventListener("error", (event) => postMessage({ type: "error", message: String(event.message) }));

const params = new URL(import.meta.url).searchParams;
const runtime = new URL(params.get("runtime"), import.meta.url).href;
const wheel = new URL(params.get("wheel"), import.meta.url).href;

let stage = null;
let received = 0;
let reported = 0;
const progress = (next) => {
  stage = next;
  postMessage({ type: "progress", stage, received });
};

// Count every body this worker (Pyodide included) downloads, as it streams in: one download, no
// copy, the response otherwise as it came (WebAssembly.instantiateStreaming still reads its type).
// Once the WebAssembly and the standard library are in, Python is starting.
const plainFetch = self.fetch.bind(self);
const arrived = new Set();
self.fetch = async (input, init) => {
  const response = await plainFetch(input, init);
  if (!response.ok || !response.body || (init && init.method === "HEAD")) return response;
  const name = new URL(typeof input === "string" ? input : input.url, self.location.href).pathname.split("/").pop();
  const counter = new TransformStream({
    transform(chunk, controller) {
      received += chunk.byteLength;
      const now = performance.now();
      if (stage === "runtime" && now - reported > 100) {
        reported = now;
        postMessage({ type: "progress", stage, received });
      }
      controller.enqueue(chunk);
    },
    flush() {
      arrived.add(name);
      if (stage === "runtime" && arrived.has("pyodide.asm.wasm") && arrived.has("python_stdlib.zip")) progress("python");
    },
  });
  const { status, statusText, headers } = response;
  return new Response(response.body.pipeThrough(counter), { status, statusText, headers });
};

// Pyodide's two scripts arrive by import(), which that fetch does not see: each is counted once it
// is in, at its decoded size, from the browser's resource timing (where that is not offered, the
// share shown simply stays a little short of the whole until Python starts).
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.initiatorType !== "script" || !entry.name.startsWith(runtime)) continue;
      received += entry.decodedBodySize || 0;
      if (stage === "runtime") postMessage({ type: "progress", stage, received });
    }
  }).observe({ type: "resource", buffered: true });
} catch {
  // no resource timing in this worker: the scripts go uncounted
}

// Pyodide waits forever when its WebAssembly file is missing, so look before loading. A file is
// there if the service worker has kept it (offline, that is the only way) or the server has it; a
// network error with no kept copy is the failure it is, reported at once.
async function present(url) {
  const name = url.split("/").pop();
  if (self.caches && (await caches.match(url).catch(() => undefined))) return;
  let response;
  try {
    response = await fetch(url, { method: "HEAD" });
  } catch {
    throw new Error(`${name} could not be loaded (no connection, and no copy kept)`);
  }
  if (!response.ok) throw new Error(`${name} could not be loaded (${response.status})`);
}

async function start() {
  progress("runtime");
  const checked = Promise.all([present(`${runtime}pyodide.asm.wasm`), present(`${runtime}python_stdlib.zip`)]);
  const { loadPyodide } = await import(`${runtime}pyodide.mjs`);
  await checked;
  const [pyodide, bytes] = await Promise.all([
    loadPyodide({ indexURL: runtime }),
    fetch(wheel).then((response) => {
      if (!response.ok) throw new Error(`the checker package could not be loaded (${response.status})`);
      return response.arrayBuffer();
    }),
  ]);
  progress("checker");
  installWheel(pyodide, new Uint8Array(bytes), decodeURIComponent(wheel.split("/").pop()));
  const checker = pyodide.pyimport("checker");
  return (request) => checker.handle(request);
}

const ready = start();
ready.then(
  () => postMessage({ type: "ready", received }),
  (error) => postMessage({ type: "error", message: String(error && error.message ? error.message : error) }),
);

self.onmessage = async (event) => {
  const { id, request } = event.data;
  try {
    const handle = await ready;
    postMessage({ type: "reply", id, reply: handle(request) });
  } catch (error) {
    postMessage({ type: "reply", id, reply: JSON.stringify({ ok: false, field: "checker", error: String(error) }) });
  }
};
