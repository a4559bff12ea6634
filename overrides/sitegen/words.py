"""The language being built, as an object passed down to every renderer.

The site's own words (captions, headings, the checker page's controls) live in
``docs/data/words/{en,es}.json``; the checker's words (questions, answers, outcomes, regime names)
in the checker's catalogues. A :class:`Language` reads both: the site's first.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from checker.messages import catalogue, written_date

__all__ = ["LANGUAGES", "ROOT", "WORDS", "Language", "site_words"]

ROOT = Path(__file__).resolve().parents[2]
WORDS = ROOT / "docs" / "data" / "words"
# Each language's folder in the built site (the default language at the root).
LANGUAGES: dict[str, str] = {"en": "", "es": "es/"}


@cache
def _site_words(lang: str, mtime: int) -> dict[str, str]:
    data: dict[str, str] = json.loads((WORDS / f"{lang}.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def site_words(lang: str) -> dict[str, str]:
    """The site's own words in ``lang``, by id (read again when the file changes, as under `serve`)."""
    path = WORDS / f"{lang}.json"
    if not path.exists():
        raise KeyError(f"no site words for language {lang!r}")
    return _site_words(lang, path.stat().st_mtime_ns)


_merged_cache: dict[tuple[str, int], dict[str, str]] = {}


def _merged(lang: str, site: dict[str, str]) -> dict[str, str]:
    key = (lang, id(site))
    if key not in _merged_cache:
        _merged_cache[key] = {**catalogue(lang), **site}
    return _merged_cache[key]


@dataclass(frozen=True)
class Language:
    """One language of the site: its code, its folder, and its words."""

    code: str
    folder: str = ""  # "" for the default language, "es/" for Spanish

    @classmethod
    def of(cls, config: Any) -> Language:
        """The language the i18n plugin is building now (it builds each in turn)."""
        i18n = config["plugins"].get("i18n")
        default = getattr(i18n, "default_language", None) or "en"
        code = getattr(i18n, "current_language", None) or default
        return cls(code, "" if code == default else f"{code}/")

    @property
    def words(self) -> dict[str, str]:
        """Every word of the site and the checker in this language, by id."""
        return _merged(self.code, site_words(self.code))

    def __call__(self, key: str, **values: object) -> str:
        """The words for ``key``, with ``values`` filled in."""
        return self.words[key].format(**values)

    def text(self, text: str | dict[str, str]) -> str:
        """A data text in this language (data files give ``{"en": ..., "es": ...}``)."""
        if isinstance(text, str):
            return text
        return text.get(self.code) or text["en"]

    def long_date(self, day: dt.date) -> str:
        """``January 1, 2014`` or ``1 de enero de 2014``."""
        if self.code == "es":
            return written_date(day.isoformat(), "es")  # the checker's own way, so both agree
        return f"{day:%B} {day.day}, {day.year}"

    def number(self, value: float, digits: int) -> str:
        """A figure with this language's separators."""
        text = f"{value:,.{digits}f}"
        return text.replace(",", "\u202f").replace(".", ",") if self.code == "es" else text
