// Put the checker's wheel on Python's path as it is: the worker runs this, and so does the test that
// compares Pyodide's answers with CPython's. A wheel of pure Python is a zip archive, and Python's
// own zipimport (frozen into Pyodide, with zlib built in) imports from it directly, so nothing has
// to be unpacked: Pyodide's unpackArchive would need zipfile, shutil and tempfile, which the site's
// Python leaves out (tools/stdlib.py). The checker reads its data files through its loader, which
// works inside the archive (checker/package_data.py).

// Writes the wheel `bytes` (a Uint8Array) into site-packages as `name` and puts it on sys.path;
// returns its path.
export function installWheel(pyodide, bytes, name) {
  if (!/^[A-Za-z0-9_.+!-]+\.whl$/.test(name)) throw new Error(`${name}: not a wheel's file name`);
  const path = `${pyodide.runPython("import site; site.getsitepackages()[0]")}/${name}`;
  pyodide.FS.writeFile(path, bytes);
  pyodide.pyimport("sys").path.append(path);
  return path;
}
