// Run the checker wheel in real Pyodide (npm `pyodide`, under Node), with no network.
// Usage: node run.mjs WHEEL REQUESTS.json  -> prints {"python": ..., "platform": ..., "replies": [...]}
// Each request is the JSON string the browser worker sends to `checker.handle`.
import { loadPyodide } from "pyodide";
import { readFileSync } from "node:fs";

const [wheelPath, requestsPath] = process.argv.slice(2);
const pyodide = await loadPyodide();
const site = pyodide.runPython("import site; site.getsitepackages()[0]");
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel", { extractDir: site });
const checker = pyodide.pyimport("checker");
const requests = JSON.parse(readFileSync(requestsPath, "utf8"));
const replies = requests.map((request) => checker.handle(request));
const sys = pyodide.pyimport("sys");
process.stdout.write(
  JSON.stringify({
    python: sys.version.split(" ")[0],
    platform: sys.platform,
    checker_file: checker.__file__,
    replies,
  }),
);
