"""A release's URLs: content hashes in the names of the site's own scripts and styles, and the
service worker that knows every file named by its content.

MkDocs copies ``docs/javascripts/`` and ``docs/stylesheets/`` into the site under their own names,
which a browser (or the service worker) could keep past a release. After the build, every language
included, each of those files is renamed ``NAME.HASH.EXT`` (HASH: the first 10 hex digits of the
SHA-256 of its content) and every reference to it is rewritten: the pages' ``src``, ``href`` and
``data-*`` attributes, and the relative imports between the scripts. A script's hash covers the
hashed names it imports, so a changed ``runtime.js`` gives ``element.js`` a new name too: a page of
one release can never run another release's scripts or worker.

``embed.js`` at the site root keeps its name: other sites' snippets load it by that address (the
hosting notes ask for it to be sent with ``Cache-Control: no-cache``). The theme's own files are
named by their content already, and so are the runtime and the wheel (``sitegen/runtime.py``).

Run again on a built site whose hashed files were edited, it names them anew and rewrites the
references again (the redeploy test makes its second release that way).
"""

from __future__ import annotations

import functools
import hashlib
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from mkdocs.exceptions import PluginError

from overrides.sitegen.words import ROOT

__all__ = ["SERVICE_WORKER", "fingerprint", "release", "write_service_worker"]

SERVICE_WORKER = ROOT / "tools" / "sw.js"
OWN = ("javascripts", "stylesheets")
_NAME = re.compile(r"^(?P<stem>.+?)(?:\.(?P<hash>[0-9a-f]{10}))?(?P<ext>\.(?:m?js|css))$")
_IMPORT = re.compile(r"""(?P<q>["'])(?P<spec>\.{1,2}/[^"'\s]+?\.(?:m?js|css))(?P=q)""")
_ATTRIBUTE = re.compile(r"""(?P<name>\s(?:src|href|data-[\w-]+))="(?P<value>[^"]*)\"""")
# The theme's files named by their content, which every page loads (its search worker included).
_THEME = re.compile(r"^assets/(?:javascripts|stylesheets)/(?:workers/)?[\w-]+\.[0-9a-f]{8}\.min\.(?:js|css)$")
# The checker's runtime and wheel, named by content (sitegen/runtime.py); .gz/.br copies are never asked for by name.
_RUNTIME = ("assets/pyodide", "assets/checker")


def _original(path: str) -> str:
    """A site path without its content hash: ``javascripts/x.0123456789.js`` -> ``javascripts/x.js``."""
    match = _NAME.match(posixpath.basename(path))
    if not match:
        return path
    return posixpath.join(posixpath.dirname(path), match["stem"] + match["ext"])


def _own_files(site: Path) -> dict[str, Path]:
    """The site's own scripts and styles, by their names without a hash. A previous build's hashed
    copy beside a fresh unhashed one (``mkdocs serve`` may reuse its folder) is removed."""
    found: dict[str, list[Path]] = {}
    for folder in OWN:
        for path in sorted((site / folder).rglob("*")):
            if path.is_file() and _NAME.match(path.name):
                found.setdefault(_original(path.relative_to(site).as_posix()), []).append(path)
    kept: dict[str, Path] = {}
    for original, paths in found.items():
        fresh = [p for p in paths if p.relative_to(site).as_posix() == original]
        kept[original] = (fresh or paths)[0]
        for stale in paths:
            if stale != kept[original]:
                stale.unlink()
    return kept


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:10]


def fingerprint(site: Path, base: str = "/") -> dict[str, str]:
    """Rename the site's own scripts and styles by their content and rewrite every reference to
    them; ``base`` is the site's path on its host (``/`` or ``/trust-act/``). Returns the new site
    path of each file, by its name without a hash."""
    files = _own_files(site)
    names: dict[str, str] = {}

    def name(original: str, trail: tuple[str, ...] = ()) -> str:
        if original in names:
            return names[original]
        if original in trail:
            raise PluginError(f"the site's scripts import each other in a circle: {' -> '.join((*trail, original))}")
        path = files[original]
        data = path.read_bytes()
        if path.suffix in (".js", ".mjs"):
            folder = posixpath.dirname(original)

            def swap(match: re.Match[str]) -> str:
                target = _original(posixpath.normpath(posixpath.join(folder, match["spec"])))
                if target not in files:
                    return match[0]
                new = posixpath.relpath(name(target, (*trail, original)), folder)
                return f"{match['q']}{new if new.startswith('.') else './' + new}{match['q']}"

            data = _IMPORT.sub(swap, data.decode("utf-8")).encode("utf-8")
        parts = _NAME.match(posixpath.basename(original))
        assert parts is not None
        hashed = posixpath.join(posixpath.dirname(original), f"{parts['stem']}.{_digest(data)}{parts['ext']}")
        path.unlink()
        (site / hashed).write_bytes(data)
        names[original] = hashed
        return hashed

    for original in sorted(files):
        name(original)
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        here = posixpath.dirname(base + page.relative_to(site).as_posix())
        rewritten = _ATTRIBUTE.sub(functools.partial(_point, here=here, base=base, names=names), text)
        if rewritten != text:
            page.write_text(rewritten, encoding="utf-8")
    return names


def _point(match: re.Match[str], here: str, base: str, names: dict[str, str]) -> str:
    """One attribute of a page in folder ``here``, pointed at the hashed name if it names one of ``names``."""
    value = urlsplit(match["value"])
    if value.scheme or value.netloc or not value.path:
        return match[0]
    target = posixpath.normpath(value.path if value.path.startswith("/") else posixpath.join(here, value.path))
    new = names.get(_original(target[len(base) :])) if target.startswith(base) else None
    if new is None:
        return match[0]
    path = posixpath.join(posixpath.dirname(value.path), posixpath.basename(new))
    return f'{match["name"]}="{urlunsplit(("", "", path, value.query, value.fragment))}"'


def write_service_worker(site: Path) -> str:
    """Write ``sw.js`` at the site root from its template, with the files named by their content
    (the scripts and styles every page loads; the checker's runtime, wheel and worker script); its
    version is a hash of all that, so every release that changes one of them installs anew.
    Returns the version."""
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    worker = [f for f in files if _original(f) == "javascripts/checker/worker.mjs"]
    listed = {
        "shell": [f for f in files if (f.startswith(OWN) and _NAME.match(posixpath.basename(f))) or _THEME.match(f)],
        "runtime": [f for f in files if f.startswith(_RUNTIME) and not f.endswith((".gz", ".br"))] + worker,
    }
    listed["shell"] = [f for f in listed["shell"] if f not in worker]
    template = SERVICE_WORKER.read_text(encoding="utf-8")
    data = json.dumps(listed, sort_keys=True)
    version = hashlib.sha256((template + data).encode("utf-8")).hexdigest()[:12]
    (site / "sw.js").write_text(template.replace("__VERSION__", version).replace("__FILES__", data), encoding="utf-8")
    return version


def release(site: Path, base: str = "/") -> str:
    """Name the site's own files by their content, then write the service worker that knows them."""
    fingerprint(site, base)
    return write_service_worker(site)
