// Run the checker wheel in real Pyodide (npm `pyodide`, under Node), with no network, put in place
// by the very code the site's worker uses (wheel.mjs).
// Usage: node run.mjs WHEEL REQUESTS.json [INDEX_DIR]
//   -> prints {"traceback", "python", "platform", "checker_file", "replies", "stdlib", "frozen", "unpack"}
// Each request is the JSON string the browser worker sends to `checker.handle`. INDEX_DIR, when
// given, is a folder with the runtime files to load instead of the npm package's (the site's
// trimmed standard library). "stdlib" lists the standard-library files imported by the end, except
// the modules frozen into the wasm (os, io, site, importlib's bootstrap...): Python runs those from
// the wasm itself and never reads their files, so the site's zip leaves them out ("frozen" lists
// the files of those that were imported). "unpack" is what Pyodide's own unpackArchive does with the
// wheel, once the checker has answered: the error it raises, or "" if it unpacked it.
import { loadPyodide } from "pyodide";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { installWheel } from "../../docs/javascripts/checker/wheel.mjs";

const [wheelPath, requestsPath, indexDir] = process.argv.slice(2);
const pyodide = await loadPyodide(indexDir ? { indexURL: `${indexDir}/` } : {});
const wheel = new Uint8Array(readFileSync(wheelPath));
installWheel(pyodide, wheel, basename(wheelPath));
const checker = pyodide.pyimport("checker");
const requests = JSON.parse(readFileSync(requestsPath, "utf8"));
const replies = requests.map((request) => checker.handle(request));
const sys = pyodide.pyimport("sys");
const stdlib = JSON.parse(
  pyodide.runPython(
    "import json, sys\n" +
      "prefix = next(p for p in sys.path if p.endswith('.zip')) + '/'\n" +
      "json.dumps(sorted({m.__file__[len(prefix):] for m in list(sys.modules.values())\n" +
      "  if (getattr(m, '__file__', None) or '').startswith(prefix)\n" +
      "  and getattr(getattr(m, '__spec__', None), 'origin', None) != 'frozen'}))",
  ),
);
const frozen = JSON.parse(
  pyodide.runPython(
    "import json, sys\n" +
      "prefix = next(p for p in sys.path if p.endswith('.zip')) + '/'\n" +
      "json.dumps(sorted({m.__file__[len(prefix):] for m in list(sys.modules.values())\n" +
      "  if (getattr(m, '__file__', None) or '').startswith(prefix)\n" +
      "  and getattr(getattr(m, '__spec__', None), 'origin', None) == 'frozen'}))",
  ),
);
// A traceback through the standard library (its line tables are rewritten for the site).
const traceback = pyodide.runPython(
  "import json, traceback\ntry:\n    json.loads('{')\nexcept ValueError:\n    text = traceback.format_exc()\ntext",
);
let unpack = "";
try {
  pyodide.unpackArchive(wheel, "wheel", { extractDir: "/unpacked" });
} catch (error) {
  unpack = String(error.message || error);
}
process.stdout.write(
  JSON.stringify({
    traceback,
    python: sys.version.split(" ")[0],
    platform: sys.platform,
    checker_file: checker.__file__,
    replies,
    stdlib,
    frozen,
    unpack,
  }),
);
