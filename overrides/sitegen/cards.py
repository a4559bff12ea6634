"""Tables on a phone: every table that cannot fit a narrow screen becomes one card per row there.

Each body cell is given ``data-label``, its column's heading, which the narrow-screen stylesheet
shows above the cell; the table is marked ``data-cards``. A table displayed as blocks loses its
table semantics in some browsers, so its parts are given their table roles explicitly: a screen
reader still reads a table, with its headings, at any width. Tables of one or two columns fit and
stay as they are.
"""

from __future__ import annotations

import html
import re

__all__ = ["CARD_COLUMNS", "cards"]

CARD_COLUMNS = 3  # from this many columns, a table is shown as cards on a narrow screen

_TABLE = re.compile(r"<table(\s[^>]*)?>(.*?)</table>", re.S)
_THEAD = re.compile(r"<thead[^>]*>(.*?)</thead>", re.S)
_HEAD_CELL = re.compile(r"<th(?:\s[^>]*)?>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr(\s[^>]*)?>(.*?)</tr>", re.S)
_CELL = re.compile(r"<(td|th)(\s[^>]*)?>")
_TAG = re.compile(r"<[^>]+>")
_ROLES = {"thead": "rowgroup", "tbody": "rowgroup"}


def _text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())


def _role(attrs: str | None, role: str) -> str:
    attrs = attrs or ""
    return attrs if "role=" in attrs else f'{attrs} role="{role}"'


def _table(match: re.Match[str]) -> str:
    attrs, body = match.group(1) or "", match.group(2)
    head = _THEAD.search(body)
    labels = [_text(c) for c in _HEAD_CELL.findall(head.group(1))] if head else []
    if len(labels) < CARD_COLUMNS or "data-cards" in attrs:
        return match.group(0)

    def cells(row: str, in_head: bool) -> str:
        column = iter(range(len(labels)))

        def cell(found: re.Match[str]) -> str:
            tag, cell_attrs = found.group(1), found.group(2) or ""
            n = next(column, None)
            if in_head:
                return f"<{tag}{_role(cell_attrs, 'columnheader')}>"
            role = "rowheader" if tag == "th" else "cell"
            label = f' data-label="{html.escape(labels[n], quote=True)}"' if n is not None and labels[n] else ""
            return f"<{tag}{_role(cell_attrs, role)}{label}>"

        return _CELL.sub(cell, row)

    def rows(part: str, in_head: bool) -> str:
        return _ROW.sub(lambda r: f"<tr{_role(r.group(1), 'row')}>{cells(r.group(2), in_head)}</tr>", part)

    out = body
    if head:
        out = out.replace(head.group(0), head.group(0).replace(head.group(1), rows(head.group(1), True)), 1)
    after = out.split("</thead>", 1)
    if len(after) == 2:
        out = after[0] + "</thead>" + rows(after[1], False)
    for tag, role in _ROLES.items():
        out = re.sub(rf"<{tag}(\s[^>]*)?>", lambda m, r=role, t=tag: f"<{t}{_role(m.group(1), r)}>", out)
    return f"<table{_role(attrs, 'table')} data-cards>{out}</table>"


def cards(page_html: str) -> str:
    """``page_html`` with every wide table ready to be shown as cards on a narrow screen."""
    return _TABLE.sub(_table, page_html)
