"""MkDocs hook: the 404 page, a theme template rather than a page, in each language.

Each language's build (the i18n plugin builds them in turn) writes its 404 page to the site root,
so the later language would replace the English page there. Here English stays at the root and
the Spanish page goes to ``es/404.html``; each has its own ``lang`` and, since a 404 page has no
twin in the other language, language links to the two home pages. Listed after ``csp.py``, so the
page written is the final one, with its policy.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from overrides.sitegen.words import Language  # noqa: E402 - needs the path above

_written: dict[str, str] = {}  # the 404 page of each language built so far, by language folder


def on_template_context(context: Any, template_name: str, config: Any) -> Any:
    """The 404 page's language links go to each language's home page."""
    i18n = config["plugins"].get("i18n")
    if template_name == "404.html" and i18n is not None:
        base = urlsplit(config["site_url"] or "/").path.rstrip("/")
        homes = [
            {"name": lang.name, "lang": lang.locale, "link": lang.fixed_link or f"{base}{lang.link}"}
            for lang in i18n.config.languages
            if lang.build
        ]
        # The i18n plugin sets the attribute, which templates read before the item; set both.
        config["extra"]["alternate"] = homes
        config["extra"].alternate = homes
    return context


def on_post_template(output: str, template_name: str, config: Any) -> str:
    """Keep English at the root; write every other language's 404 page into its own folder."""
    if template_name != "404.html":
        return output
    folder = Language.of(config).folder
    _written[folder] = output
    if not folder:
        return output
    target = Path(config["site_dir"]) / folder / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return _written.get("", output)
