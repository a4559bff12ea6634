"""The checker's runtime in the site: Pyodide (from the npm package, with the trimmed standard
library and lock file from ``tools/stdlib.py``) and the checker wheel from ``dist/``, each under a
path named by its content so a release never goes stale. The worker script is named by its content
with the site's other scripts, and the service worker written, once the pages are built
(``sitegen/release.py``)."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
from functools import lru_cache
from pathlib import Path

from mkdocs.exceptions import PluginError

from overrides.sitegen.words import ROOT
from tools.stdlib import COPIED, PYODIDE, runtime_digest, runtime_files

__all__ = ["PRELOADED", "runtime_paths", "runtime_sizes", "wheel", "write_runtime"]


def _pyodide_version() -> str:
    package = json.loads((PYODIDE / "package.json").read_text(encoding="utf-8"))
    version: str = package["version"]
    return version


def wheel() -> Path:
    """The checker wheel `make wheel` built."""
    wheels = sorted((ROOT / "dist").glob("*-py3-none-any.whl"))
    if len(wheels) != 1:
        raise PluginError("the checker wheel is missing from dist/ (run `make wheel`)")
    return wheels[0]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def runtime_paths() -> dict[str, str]:
    """Where the runtime files go in the site, by content or version, so a release never goes stale
    (the worker script's name gets its content hash after the build, in ``sitegen/release.py``)."""
    built = wheel()
    return {
        "runtime": f"assets/pyodide/{_pyodide_version()}-{runtime_digest()}/",
        "wheel": f"assets/checker/{_digest(built)}/{built.name}",
        "worker": "javascripts/checker/worker.mjs",
    }


# What the checker page asks for as it opens (``<link rel=preload as=fetch crossorigin>``, the
# mode and credentials of the worker's own fetch), before its worker starts: the worker's request
# then joins that download or finds the file in the browser's HTTP cache (a worker cannot use the
# page's preloads directly). Only the standard library: the WebAssembly was measured both ways. In
# a private window (Chromium's cache then in memory) the worker's request joins a preload still
# downloading, so it was sent once on a slow link; but once the preload has finished, the cache had
# not kept it (9.6 MB, from a host that does not compress): it was sent twice. So the worker
# fetches that one itself.
PRELOADED = ("python_stdlib.zip",)


@lru_cache(maxsize=4)
def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, 6, mtime=0))


def runtime_sizes() -> dict[str, int]:
    """The bytes the checker downloads to start, known at build time: ``counted`` is what its worker
    counts as it arrives (the WebAssembly, the standard library, the lock file, the wheel, and
    Pyodide's two scripts, which it imports: the page's progress bar), ``total`` the same files
    uncompressed (today the same sum: every file is counted), and ``gzip`` the total as a host that
    compresses with gzip sends it."""
    files = {name: (PYODIDE / name).read_bytes() for name in COPIED}
    files.update(runtime_files())
    files["wheel"] = wheel().read_bytes()
    total = sum(len(data) for data in files.values())
    return {"counted": total, "total": total, "gzip": sum(_gzip_size(data) for data in files.values())}


def write_runtime(site: Path) -> None:
    """Copy the Python runtime and the checker wheel into the site."""
    paths = runtime_paths()
    runtime = site / paths["runtime"]
    runtime.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = PYODIDE / name
        if not source.exists():
            raise PluginError(f"{source.name} is missing from the pyodide npm package (run `npm ci`)")
        shutil.copyfile(source, runtime / name)
    for name, data in runtime_files().items():
        (runtime / name).write_bytes(data)
    target = site / paths["wheel"]
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(wheel(), target)
