"""MkDocs hook: markup fixes. Wide tables become cards on a phone (``overrides/sitegen/cards.py``),
and the theme's own markup is mended where the outside checkers (HTML_CodeSniffer, the Nu HTML
checker) flag it: the theme's hidden toggle checkboxes get a name, lose ``autocomplete`` (not
allowed on a checkbox), and an empty ``tabindex`` is dropped. The search form's submit button is in
``overrides/partials/search.html``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from overrides.sitegen.cards import cards  # noqa: E402 - needs the path above
from overrides.sitegen.words import Language  # noqa: E402

# The theme's toggles: the menu drawer, the search, and the page's table of contents.
_CHECKBOX = re.compile(r'<input [^>]*type="checkbox"[^>]*>')
_NAMES = {"__drawer": "site.toggle.menu", "__search": "site.toggle.search", "__toc": "site.toggle.toc"}


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Wide tables become cards on a narrow screen."""
    return cards(html)


def mend(output: str, lang: Language) -> str:
    """The theme's markup with the checkers' complaints fixed."""

    def checkbox(match: re.Match[str]) -> str:
        tag = match.group(0).replace(' autocomplete="off"', "")
        found = re.search(r'id="(__\w+)"', tag)
        if found and found.group(1) in _NAMES and "aria-label" not in tag:
            tag = f'{tag[:-1]} aria-label="{lang(_NAMES[found.group(1)])}">'
        return tag

    output = _CHECKBOX.sub(checkbox, output)
    return output.replace(' tabindex=""', "")


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Mend the theme's markup on every page."""
    return mend(output, Language.of(config))


def on_post_template(output: str, template_name: str, config: Any) -> str:
    """And on the 404 page, a theme template."""
    return mend(output, Language.of(config)) if template_name == "404.html" else output
