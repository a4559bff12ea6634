// Compile the trimmed standard library to bytecode, in the very Python the browser runs (Pyodide,
// from the npm package, under Node), so the browser never compiles it: that compiling was most of
// Python's start-up time.
// Usage: node tools/stdlib.mjs STOCK_ZIP FILES_JSON OUT_ZIP (run by stdlib.py)
//   STOCK_ZIP   the npm package's python_stdlib.zip (sources), with the site's stand-ins in place
//               of the modules they replace (stdlib.py writes it)
//   FILES_JSON  a JSON list of the members to keep (".py" names)
//   OUT_ZIP     where to write the zip of ".pyc" members the site serves
// Each module is compiled with optimize=2 (no docstrings, no asserts). Its line table is replaced by
// one that gives every instruction the first line of its function: tracebacks still work, with less
// precise line numbers, and the table is a small fraction of its usual size.
import { loadPyodide } from "pyodide";
import { readFileSync, writeFileSync } from "node:fs";

const [stock, files, out] = process.argv.slice(2);
const pyodide = await loadPyodide();
pyodide.FS.writeFile("/tmp/stock.zip", new Uint8Array(readFileSync(stock)));
pyodide.globals.set("names", JSON.parse(readFileSync(files, "utf8")));
pyodide.runPython(`
import importlib.util, io, marshal, sys, zipfile

CODE = type(compile("", "", "exec"))

def first_line_table(code):
    # Location-table entries of kind 13 ("line only"), 8 code units each, line delta 0.
    units, table = len(code.co_code) // 2, bytearray()
    while units:
        n = min(units, 8)
        units -= n
        table += bytes([0x80 | (13 << 3) | (n - 1), 0])
    return bytes(table)

def slim(code):
    consts = tuple(slim(c) if isinstance(c, CODE) else c for c in code.co_consts)
    return code.replace(co_consts=consts, co_linetable=first_line_table(code))

# File names as Pyodide's own stdlib has them (its zip is on sys.path), for tracebacks.
PREFIX = next(p for p in sys.path if p.endswith(".zip")) + "/"
# A hash-based, unchecked .pyc header: the source is not shipped, so nothing to check against.
HEADER = importlib.util.MAGIC_NUMBER + (1).to_bytes(4, "little") + bytes(8)
source = zipfile.ZipFile("/tmp/stock.zip")
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
    for name in sorted(names.to_py()):
        code = compile(source.read(name), PREFIX + name, "exec", dont_inherit=True, optimize=2)
        info = zipfile.ZipInfo(name + "c", date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        zipped.writestr(info, HEADER + marshal.dumps(slim(code)), compresslevel=9)
with open("/tmp/out.zip", "wb") as f:
    f.write(buffer.getvalue())
`);
writeFileSync(out, pyodide.FS.readFile("/tmp/out.zip"));
