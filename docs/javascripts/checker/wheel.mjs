// Put the checker's wheel into Python's file system, without Python's help: the worker runs this,
// and so does the test that compares Pyodide's answers with CPython's. The site serves the wheel
// with its files stored, not compressed (the host's HTTP compression shrinks it on the way), so
// reading it takes only its zip directory. Pyodide's own unpackArchive would need zipfile, shutil
// and tempfile, which the site's Python leaves out (tools/stdlib.py).
const END = 0x06054b50; // end of the zip directory
const ENTRY = 0x02014b50; // one file in the directory
const LOCAL = 0x04034b50; // one file's own header, before its bytes

// Writes every file of the wheel `bytes` (a Uint8Array) into site-packages; returns that folder.
export function installWheel(pyodide, bytes) {
  const folder = pyodide.runPython("import site; site.getsitepackages()[0]");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder();
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== END) end -= 1;
  if (end < 0) throw new Error("the checker package is not a zip file");
  let at = view.getUint32(end + 16, true);
  for (let count = view.getUint16(end + 10, true); count > 0; count -= 1) {
    if (view.getUint32(at, true) !== ENTRY) throw new Error("the checker package's zip directory is damaged");
    const method = view.getUint16(at + 10, true);
    const [packed, size] = [view.getUint32(at + 20, true), view.getUint32(at + 24, true)];
    const length = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = text.decode(bytes.subarray(at + 46, at + 46 + length));
    at += 46 + length + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (method !== 0 || packed !== size) {
      throw new Error(`${name} in the checker package is compressed (method ${method}); the site serves it stored`);
    }
    if (name.startsWith("/") || name.split("/").includes("..")) throw new Error(`${name}: not a path inside the package`);
    if (view.getUint32(local, true) !== LOCAL) throw new Error(`${name}: the checker package is damaged`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const path = `${folder}/${name}`;
    pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    if (!name.endsWith("/")) pyodide.FS.writeFile(path, bytes.subarray(start, start + size));
  }
  // Python may have listed site-packages while it was still empty: let it look again. (Not with
  // importlib.invalidate_caches(), which imports importlib.metadata and email.)
  pyodide.runPython("import site, sys; sys.path_importer_cache.pop(site.getsitepackages()[0], None)");
  return folder;
}
