"""MkDocs hook: the language alternates Material reads, dates as each language writes them, and
search results in the page's own language.

Material fetches ``sitemap.xml`` beside every ``<link rel="alternate">`` of a page, taking each for
a language's root. The i18n plugin points them at the page's twin, so each page asked for a
``sitemap.xml`` in its own folder that is not there. Here they point at the language roots (the
language menu still links each page to its twin), and each language's root gets the sitemap.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.messages import written_date  # noqa: E402 - needs the path above
from overrides.sitegen.words import LANGUAGES, Language  # noqa: E402

_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="([a-z-]+)">')
# The theme's settings for its scripts; "base" is where its search index is fetched from.
_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{.*?"base": ")([^"]*)(")', re.S)


def _to_roots(output: str, prefix: str) -> str:
    def root(match: re.Match[str]) -> str:
        lang = match.group(1)
        folder = LANGUAGES.get(lang, f"{lang}/")
        return f'<link rel="alternate" href="{prefix + folder or "./"}" hreflang="{lang}">'

    return _ALTERNATE.sub(root, output)


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Templates write a date as the language being built writes it in a sentence (``written_date``)."""
    env.filters["written_date"] = lambda day: written_date(str(day), Language.of(config).code)
    return env


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Point the page's language alternates at the language roots; a page not in the default
    language searches its own language's index (see ``on_post_build``)."""
    output = _to_roots(output, "../" * page.url.count("/") if page.url else "")
    folder = Language.of(config).folder
    if folder:
        output = _CONFIG_BASE.sub(lambda m: f"{m.group(1)}{m.group(2).rstrip('/')}/{folder}{m.group(3)}", output, 1)
    return output


def on_post_template(output: str, template_name: str, config: Any) -> str:
    """The same for the 404 page, which may be shown at any address: from the site's root path."""
    if template_name != "404.html":
        return output
    return _to_roots(output, urlsplit(str(config["site_url"] or "/")).path or "/")


def split_search_index(site: Path) -> None:
    """One search index per language, so a search finds pages in the page's own language only.

    The i18n plugin writes one index of every language's pages to ``search/``; here that one keeps
    the default language's pages, and each other language's folder gets its own index, with its
    pages' addresses from that folder and the language's own stemmer.
    """
    path = site / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    others = {lang: folder for lang, folder in LANGUAGES.items() if folder}
    for lang, folder in [*others.items(), (next(k for k, v in LANGUAGES.items() if not v), "")]:
        if folder:
            docs = [
                {**d, "location": d["location"][len(folder) :]}
                for d in index["docs"]
                if d["location"].startswith(folder)
            ]
        else:
            docs = [d for d in index["docs"] if not d["location"].startswith(tuple(others.values()))]
        target = site / folder / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({**index, "config": {**index["config"], "lang": [lang]}, "docs": docs}, separators=(",", ":"))
        target.write_text(text, encoding="utf-8")


@event_priority(-110)  # after the i18n plugin (-100), which writes the search index of every language
def on_post_build(config: Any) -> None:
    """Give each language's root the site's sitemap (it lists every page and its twins), and its
    own search index once every language is built."""
    site = Path(config["site_dir"])
    sitemap = site / "sitemap.xml"
    if sitemap.exists():
        for folder in LANGUAGES.values():
            if folder and (site / folder).is_dir():
                shutil.copyfile(sitemap, site / folder / "sitemap.xml")
    if not getattr(config["plugins"].get("i18n"), "building", False):
        split_search_index(site)
