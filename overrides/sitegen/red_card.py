"""The ``md:red-cards`` shortcode: a sheet of wallet-sized "red cards", in English and Spanish.

Like the Immigrant Legal Resource Center's red cards, each card says the rights the "Your rights"
page gives with its sources (the door, staying silent, not signing, a lawyer), in both languages on
one card, the language being built first, with a number for free legal help from
``docs/data/contacts.json``. The sheet has :data:`CARDS` cards, each 3.5 by 2 inches, edge to edge
so that one cut serves two cards, with cut marks outside the grid and, outside the cards, the line
that asks to print at 100% (both languages). The words are the site's (``site.card.*``); the PDF's
page layout is in ``tools/pdfs.py``.
"""

from __future__ import annotations

import datetime as dt

from mkdocs.utils.meta import get_data

from checker.messages import written_date
from overrides.sitegen import contacts
from overrides.sitegen.checker_page import site_address_link
from overrides.sitegen.context import Context
from overrides.sitegen.parts import esc
from overrides.sitegen.words import LANGUAGES, ROOT, Language

__all__ = ["CARDS", "COLUMNS", "HELP", "RIGHTS", "ROWS", "checked", "red_cards"]

COLUMNS, ROWS = 2, 4  # 7 by 8 inches of cards on a letter page
CARDS = COLUMNS * ROWS
RIGHTS = ("site.card.door", "site.card.enter", "site.card.silent", "site.card.sign", "site.card.lawyer")
RIGHTS_PAGE = ROOT / "docs" / "rights.md"  # the page the card's words come from; its review date is the card's
HELP = "statewide-legal-services"  # the contact whose number every card gives


def _languages(ctx: Context) -> list[Language]:
    """Every language of the site, the one being built first."""
    return [ctx.lang] + [Language(code, folder) for code, folder in LANGUAGES.items() if code != ctx.lang.code]


def _both(langs: list[Language], key: str, tag: str = "span", sep: str = " / ", **values: object) -> str:
    return sep.join(f'<{tag} lang="{lang.code}">{esc(lang(key, **values))}</{tag}>' for lang in langs)


def checked() -> str:
    """The day the "Your rights" page, whose words the card gives, was last reviewed (ISO)."""
    _, meta = get_data(RIGHTS_PAGE.read_text(encoding="utf-8"))
    return dt.date.fromisoformat(str(meta["reviewed"])).isoformat()


def red_cards(ctx: Context) -> str:
    """The sheet: how to print and use it (both languages), then :data:`CARDS` cards with cut marks."""
    langs = _languages(ctx)
    helper = next(c for c in contacts.load() if c["id"] == HELP)
    phone = helper["phone"]
    columns = "".join(
        f'<ul class="red-card__rights" lang="{lang.code}">'
        + "".join(f"<li>{esc(lang(key))}</li>" for key in RIGHTS)
        + "</ul>"
        for lang in langs
    )
    card = (
        '<div class="red-card">'
        f'<p class="red-card__title">{_both(langs, "site.card.title", sep=" · ")}</p>'
        f'<div class="red-card__columns">{columns}</div>'
        f'<p class="red-card__help">{_both(langs, "site.card.help")}: '
        f'<a href="tel:{esc(phone["e164"])}">{esc(phone["display"])}</a></p>'
        f'<p class="red-card__who">{esc(helper["name"][ctx.lang.code])}</p>'
        f'<p class="red-card__fine">{site_address_link(ctx)} · '
        + " / ".join(
            f'<span lang="{lang.code}">{esc(lang("site.card.checked", date=written_date(checked(), lang.code)))}</span>'
            for lang in langs
        )
        + f" · {_both(langs, 'site.card.fine')}</p>"
        "</div>"
    )
    # One mark at each end of every cut line: the lines between columns, then between rows.
    marks = "".join(
        f'<span class="cut-mark cut-mark--{axis}" style="--at: {n}" aria-hidden="true"></span>'
        for axis, count in (("v", COLUMNS), ("h", ROWS))
        for n in range(count + 1)
    )
    return (
        '<div class="red-sheet">'
        '<div class="red-sheet__howto">'
        + "".join(
            f'<p lang="{lang.code}"><strong>{esc(lang("site.card.print_100"))}</strong> '
            f"{esc(lang('site.card.use'))}</p>"
            for lang in langs
        )
        + f'</div><div class="red-cards">{card * CARDS}{marks}</div>'
        "</div>"
    )
