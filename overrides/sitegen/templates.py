"""Jinja partials of the site generator (``overrides/partials/``), rendered into page Markdown.

Markdown ends a raw HTML block at a blank line, so within each block of a partial (blocks are
separated by blank lines) newlines and the indentation after them are removed: a partial may be
laid out for reading, and any space that matters is written inside a line.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from overrides.sitegen.words import ROOT

__all__ = ["PARTIALS", "render"]

PARTIALS = ROOT / "overrides" / "partials"


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(PARTIALS),
        autoescape=True,
        undefined=StrictUndefined,
        auto_reload=True,
    )


def render(name: str, **context: Any) -> str:
    """The partial ``name`` rendered with ``context``: each block on one line, blocks apart."""
    text = _environment().get_template(name).render(**context)
    blocks = (re.sub(r"\n[ \t]*", "", block.strip()) for block in re.split(r"\n[ \t]*\n", text))
    return "\n\n".join(block for block in blocks if block)
