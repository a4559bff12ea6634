"""Small pieces of HTML and wording that several renderers share."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
from typing import Any

from checker import REGIMES
from checker.lawdata import Regime
from checker.messages import written_date
from overrides.sitegen.words import Language

__all__ = ["BEFORE_2014", "act_label", "esc", "first_day", "period", "table"]

# A day to ask about the law before 2014 (any day before the TRUST Act took effect would do).
BEFORE_2014 = dt.date(2013, 6, 1)


def esc(text: object) -> str:
    """``text`` escaped for HTML text and attribute values."""
    return html.escape(str(text), quote=True)


def first_day(regime: Regime) -> dt.date:
    """A day the regime was in force: its first, or a day before 2014."""
    return regime.effective_from or BEFORE_2014


def period(lang: Language, regime: Regime) -> str:
    """The regime's dates as a table heading: "2014-01-01 to 2019-09-30" ("1 de enero de 2014 a ...")."""

    def day(value: dt.date | None) -> str:
        return written_date(str(value), lang.code)

    if regime.effective_from is None:
        return lang("site.period_before", end=day(REGIMES[1].effective_from))
    if regime.effective_to is None:
        return lang("site.period_open", start=day(regime.effective_from))
    return lang("site.period", start=day(regime.effective_from), end=day(regime.effective_to))


def act_label(lang: Language, act: dict[str, Any]) -> str:
    """A public act as "PA 13-155 (Substitute House Bill 6659)", or its bill where the act is not confirmed."""
    return f"{act['act']} ({act['bill']})" if act["confirmed"] else lang("site.act_unconfirmed", bill=act["bill"])


def table(head: list[str], rows: list[str], caption: str, cls: str) -> str:
    """A captioned table, wrapped as the theme wraps its own so a wide one scrolls (a phone shows
    one card per row: see ``cards``). The caption is the figure's, outside the scrolling box, so it
    never scrolls out of sight; it names the table for screen readers."""
    th = "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
    name = "table-" + hashlib.sha1(caption.encode("utf-8")).hexdigest()[:8]
    return (
        f'<figure class="table-figure"><figcaption id="{name}">{esc(caption)}</figcaption>'
        f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table {cls}"><table aria-labelledby="{name}">'
        f"<thead><tr>{th}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div></div></figure>"
    )
