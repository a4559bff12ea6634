"""The words of the checker, kept apart from its logic: one catalogue per language, keyed by id."""

from __future__ import annotations

import json
import string
from functools import cache

from checker.package_data import read_text

__all__ = ["LANGUAGES", "catalogue", "note", "placeholders", "render"]

LANGUAGES: tuple[str, ...] = ("en", "es")

# Parameters whose value is itself a message id stem (the value picks the wording).
_LOOKUP = {"custodian": "custodian.", "klass": "class.", "duty": "duty.name."}


@cache
def catalogue(lang: str = "en") -> dict[str, str]:
    """Every message of ``lang``, by id."""
    if lang not in LANGUAGES:
        raise KeyError(f"no messages for language {lang!r}")
    text = read_text("messages", f"{lang}.json")
    data: dict[str, str] = json.loads(text)
    return {k: v for k, v in data.items() if not k.startswith("_")}


def placeholders(template: str) -> set[str]:
    """The ``{name}`` fields a template expects."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def render(message_id: str, params: dict[str, str] | None = None, lang: str = "en") -> str:
    """The sentence ``message_id`` in ``lang`` with its values filled in."""
    words = catalogue(lang)
    values = dict(params or {})
    for key, stem in _LOOKUP.items():
        if key in values:
            values[key] = words[stem + values[key]]
    return words[message_id].format(**values)


def note(provision: str, lang: str = "en") -> str | None:
    """The note on a provision's doubts, in ``lang``, or ``None`` when there is none."""
    return catalogue(lang).get(f"note.{provision}")
