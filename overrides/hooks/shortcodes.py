"""MkDocs hook: expands the site's shortcodes from the checker's own data, and checks every page.

Authors write Markdown; a shortcode is an HTML comment, ``<!-- md:NAME ARGS -->``. Each one is a
line of :data:`SHORTCODES`, which calls a renderer of ``overrides/sitegen/``:

- ``md:cite SOURCE_ID``: a numbered reference to a source; the page gets "Sources on this page".
- ``md:law PROVISION_ID``: the provision's words as a marked quotation, with its status and source.
- ``md:decision-table REGIME_ID``: what the checker decides in each simple case, run at build time.
- ``md:coverage``, ``md:regimes``: who each version binds, and the versions side by side.
- ``md:timeline``, ``md:sources``, ``md:unverified``, ``md:firm``, ``md:as-of``.
- ``md:checker``: the checker's form, from the question schema; ``md:provisions``: every provision.
- ``md:example``, ``md:embed-snippets``, ``md:print-links``: a decision computed at build time, the
  snippets for other sites, and links to the PDFs.
- ``md:red-cards``: the sheet of bilingual wallet cards (the rights, a number for legal help).
- ``md:site-address [PATH]``, ``md:long-date as-of|today``: the address the site is built for (or
  one of its pages); the law's date or the build's, in words.
- ``md:bench``: the latest ``make bench`` figures, from ``docs/data/bench.json``.

Each language is built in turn (the i18n plugin); the language being built is read from the config
and passed down to every renderer, so the Spanish pages get Spanish tables and captions. An unknown
shortcode or id, or a page without its ``reviewed`` date, fails the build.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.lawdata import CURRENT_AS_OF  # noqa: E402 - needs the path above
from checker.messages import written_date  # noqa: E402
from overrides.sitegen import bench, checker_page, citations, contacts, law, red_card, tables  # noqa: E402
from overrides.sitegen.context import Context  # noqa: E402
from overrides.sitegen.data import site_data  # noqa: E402
from overrides.sitegen.parts import esc  # noqa: E402
from overrides.sitegen.words import Language, site_words  # noqa: E402

SHORTCODE = re.compile(r"<!-- md:([a-z-]+)(?:\s+([^>]*?))?\s*-->")

# One line per shortcode: its name, and what it becomes (given the page's context and its argument).
SHORTCODES: dict[str, Callable[[Context, str], str]] = {
    "cite": lambda ctx, arg: "".join(ctx.cite(s) for s in arg.split()),
    "law": law.law,
    "decision-table": tables.decision_table,
    "coverage": lambda ctx, arg: tables.coverage(ctx),
    "duties": lambda ctx, arg: tables.duties_table(ctx, arg),
    "regimes": lambda ctx, arg: law.regimes(ctx),
    "timeline": lambda ctx, arg: citations.timeline(ctx),
    "sources": lambda ctx, arg: citations.sources_list(ctx),
    "unverified": lambda ctx, arg: law.unverified(ctx),
    "firm": lambda ctx, arg: checker_page.firm(ctx),
    "as-of": lambda ctx, arg: written_date(CURRENT_AS_OF.isoformat(), ctx.lang.code),
    "checker": lambda ctx, arg: checker_page.checker_form(ctx),
    "provisions": lambda ctx, arg: law.provisions(ctx),
    "example": lambda ctx, arg: checker_page.example(ctx),
    "embed-snippets": lambda ctx, arg: checker_page.embed_snippets(ctx),
    "print-links": lambda ctx, arg: checker_page.print_links(ctx),
    "red-cards": lambda ctx, arg: red_card.red_cards(ctx),
    "site-address": checker_page.site_address_link,
    "long-date": lambda ctx, arg: checker_page.long_date(ctx, arg),
    "bench": lambda ctx, arg: bench.bench(ctx),
    "contacts": lambda ctx, arg: contacts.render(arg, ctx.lang.code),
}


def expand(markdown: str, ctx: Context) -> str:
    """Every shortcode of ``markdown`` replaced by its HTML; an unknown one fails the build."""

    def replace(match: re.Match[str]) -> str:
        name, arg = match.group(1), (match.group(2) or "").strip()
        if name not in SHORTCODES:
            raise PluginError(f"unknown shortcode md:{name}")
        return SHORTCODES[name](ctx, arg)

    return SHORTCODE.sub(replace, markdown)


def abbreviations(lang: Language) -> str:
    """The abbreviations of the language being built, so every term gets its hover definition."""
    path = ROOT / "docs" / "includes" / f"abbreviations{'.' + lang.code if lang.folder else ''}.md"
    if not path.exists():
        path = ROOT / "docs" / "includes" / "abbreviations.md"
    return "\n\n" + path.read_text(encoding="utf-8")


# --- MkDocs events ------------------------------------------------------------------------------


def on_config(config: Any) -> Any:
    """Give the templates their words (the site's, in the language being built) and dates."""
    lang = Language.of(config)
    site_data()  # read and check the site's data before any page
    config["extra"]["law_current_as_of"] = CURRENT_AS_OF.isoformat()
    config["extra"]["words"] = {k: v for k, v in site_words(lang.code).items() if k.startswith("site.")}
    config["extra"]["lang_dir"] = lang.folder
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Check the page's dates and expand its shortcodes."""
    reviewed = page.meta.get("reviewed")
    if not isinstance(reviewed, dt.date):
        raise PluginError(f"{page.file.src_uri}: front matter needs 'reviewed: YYYY-MM-DD'")
    lang = Language.of(config)
    ctx = Context(lang, site_data(), config, prefix="../" * page.url.count("/"))
    text = expand(markdown, ctx) + citations.footer(ctx) + abbreviations(lang)
    kind = page.meta.get("print")
    if kind:
        text = f'<div class="print-{esc(kind)}" markdown>\n\n{text}\n\n</div>\n'
    return text
