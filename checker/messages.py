"""The words of the checker, kept apart from its logic: one catalogue per language, keyed by id."""

from __future__ import annotations

import datetime as dt
import json
import re
import string
from functools import cache

from checker.package_data import read_text

__all__ = ["LANGUAGES", "catalogue", "citation", "note", "placeholders", "render", "written_date"]

LANGUAGES: tuple[str, ...] = ("en", "es")

# Parameters whose value is itself a message id stem (the value picks the wording).
_LOOKUP = {"custodian": "custodian.", "klass": "class.", "duty": "duty.name."}

# A date (2014-01-01), or a date and time (2014-01-03 15:00 or 2014-01-03T15:00), as the engine gives it.
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}:\d{2}))?$")
_MONTHS = {
    "es": [
        *("enero", "febrero", "marzo", "abril", "mayo", "junio"),
        *("julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"),
    ],
}


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


def written_date(value: str, lang: str = "en") -> str:
    """A date (or date and time) as a sentence in ``lang`` writes it: English keeps the ISO form
    the contract uses; Spanish writes "1 de octubre de 2019" ("... a las 15:00"). Anything that is
    not such a date comes back unchanged."""
    found = _ISO.match(value)
    months = _MONTHS.get(lang)
    if found is None or months is None:
        return value
    year, month, day, time = found.groups()
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:  # not a real day (month 13, day 32): left as it is
        return value
    text = f"{int(day)} de {months[int(month) - 1]} de {year}"
    return f"{text} a las {time}" if time else text


def render(message_id: str, params: dict[str, str] | None = None, lang: str = "en") -> str:
    """The sentence ``message_id`` in ``lang`` with its values filled in (dates written as ``lang`` writes them)."""
    words = catalogue(lang)
    values = {k: written_date(v, lang) if isinstance(v, str) else v for k, v in (params or {}).items()}
    for key, stem in _LOOKUP.items():
        if key in values:
            values[key] = words[stem + values[key]]
    return words[message_id].format(**values)


@cache
def _phrases(lang: str) -> tuple[tuple[str, str], ...]:
    english, words = catalogue("en"), catalogue(lang)
    keys = sorted((k for k in english if k.startswith("cite.")), key=lambda k: -len(english[k]))
    return tuple((english[k], words[k]) for k in keys)


def citation(text: str, lang: str = "en") -> str:
    """A citation from the citation table (written in English) with its connecting words in
    ``lang``: "(as amended by PA 19-23 § 1)" becomes "(modificado por la PA 19-23 § 1)". The
    section numbers, act numbers and form names stay as the law writes them."""
    if lang == "en":
        return text
    for english, words in _phrases(lang):
        text = text.replace(english, words)
    return text


def note(provision: str, lang: str = "en") -> str | None:
    """The note on a provision's doubts, in ``lang``, or ``None`` when there is none."""
    return catalogue(lang).get(f"note.{provision}")
