"""MkDocs hook: the language alternates Material reads.

Material fetches ``sitemap.xml`` beside every ``<link rel="alternate">`` of a page, taking each for
a language's root. The i18n plugin points them at the page's twin, so each page asked for a
``sitemap.xml`` in its own folder that is not there. Here they point at the language roots (the
language menu still links each page to its twin), and each language's root gets the sitemap.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from overrides.sitegen.words import LANGUAGES  # noqa: E402 - needs the path above

_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="([a-z-]+)">')


def _to_roots(output: str, prefix: str) -> str:
    def root(match: re.Match[str]) -> str:
        lang = match.group(1)
        folder = LANGUAGES.get(lang, f"{lang}/")
        return f'<link rel="alternate" href="{prefix + folder or "./"}" hreflang="{lang}">'

    return _ALTERNATE.sub(root, output)


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Point the page's language alternates at the language roots."""
    return _to_roots(output, "../" * page.url.count("/") if page.url else "")


def on_post_template(output: str, template_name: str, config: Any) -> str:
    """The same for the 404 page, which may be shown at any address: from the site's root path."""
    if template_name != "404.html":
        return output
    return _to_roots(output, urlsplit(str(config["site_url"] or "/")).path or "/")


def on_post_build(config: Any) -> None:
    """Give each language's root the site's sitemap (it lists every page and its twins)."""
    site = Path(config["site_dir"])
    sitemap = site / "sitemap.xml"
    if not sitemap.exists():
        return
    for folder in LANGUAGES.values():
        if folder and (site / folder).is_dir():
            shutil.copyfile(sitemap, site / folder / "sitemap.xml")
