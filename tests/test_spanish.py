"""Spanish: every page and every checker string in both languages, the same answers in both, and
Spanish printouts. (Axe runs on the Spanish pages with the English ones, in test_site_browser.)"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from checker import decide_json
from checker.lawdata import CITATIONS, CURRENT_AS_OF
from checker.messages import LANGUAGES, catalogue, citation, render, written_date
from overrides.sitegen import red_card
from overrides.sitegen.words import LANGUAGES as SITE_LANGUAGES
from overrides.sitegen.words import site_words
from tests.cases import CASES
from tests.site_html import Page
from tools.pdfs import AT_A_GLANCE, GUIDE, WALLET_CARD

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _pages(suffix: str) -> set[str]:
    found = set()
    for path in DOCS.rglob("*.md"):
        if path.parent.name == "includes":
            continue
        name = path.relative_to(DOCS).as_posix()
        is_spanish = name.endswith(".es.md")
        if (suffix == ".es.md") == is_spanish:
            found.add(name.removesuffix(suffix))
    return found


def test_every_page_has_a_spanish_twin_and_back() -> None:
    """Each English page has a Spanish page beside it, and each Spanish page an English one."""
    assert _pages(".md") == _pages(".es.md")
    assert (DOCS / "includes" / "abbreviations.es.md").exists()


@pytest.mark.parametrize("words", [catalogue, site_words], ids=["checker", "site"])
def test_both_catalogues_have_every_string_with_the_same_placeholders(words: Callable[[str], dict[str, str]]) -> None:
    """Every message id (the checker's and the site's) exists in English and Spanish, with the same {placeholders}."""
    assert LANGUAGES == ("en", "es")
    assert tuple(LANGUAGES) == tuple(SITE_LANGUAGES)
    english, spanish = words("en"), words("es")
    assert set(english) == set(spanish)
    parse = string.Formatter().parse
    for key, text in english.items():
        assert {f for _, f, _, _ in parse(text) if f} == {f for _, f, _, _ in parse(spanish[key]) if f}, key
    same = [k for k in english if english[k] == spanish[k] and len(english[k]) > 12]
    assert len(same) < len(english) // 10, f"too many strings left in English: {same[:10]}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_answer_is_the_same_in_both_languages(case: object) -> None:
    """Outcome, citations, dates and facts are identical in Spanish; only the words differ."""
    facts = case.facts  # type: ignore[attr-defined]
    english, spanish = decide_json(facts, "en"), decide_json(facts, "es")
    for key in ("outcome", "as_of", "missing_facts", "hold_until", "what_if", "checker_version"):
        assert english[key] == spanish[key], key
    assert [r["provision"] for r in english["reasons"]] == [r["provision"] for r in spanish["reasons"]]
    assert [citation(r["citation"], "es") for r in english["reasons"]] == [r["citation"] for r in spanish["reasons"]]
    assert [r["status"] for r in english["reasons"]] == [r["status"] for r in spanish["reasons"]]
    assert english["regime"]["id"] == spanish["regime"]["id"]
    assert english["summary"] != spanish["summary"]
    assert [u["provision"] for u in english["unverified"]] == [u["provision"] for u in spanish["unverified"]]


# Words of English prose that Spanish never uses. The official names of the detainer forms stay
# English, as the forms are named ("Immigration Detainer - Notice of Action", with an en dash).
ENGLISH = re.compile(
    r"\b(the|and|as amended|amended|kept|text|clause|time limit|court|relief|added|notice|read with|from|"
    r"effective|edition|as reported|special session|guidance|posting|current|disclosure|person|with|not|"
    r"this|that|is|are|made with|public explainer|legal advice|search|page|of)\b",
    re.IGNORECASE,
)
FORM_NAMES = re.compile(r"Immigration Detainer \u2013 (Notice of Action|Request for Voluntary Action)")
# A date as English or ISO writes it in a sentence: "October 1, 2019", "2019-10-01".
ENGLISH_DATE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}"
    r"|\b\d{4}-\d{2}-\d{2}\b"
)


def test_spanish_citations_have_no_english_connecting_words() -> None:
    """Every citation in Spanish keeps its numbers and names and says the rest in Spanish."""
    for provision, entry in CITATIONS.items():
        spanish = citation(entry["citation"], "es")
        left = ENGLISH.findall(FORM_NAMES.sub("", spanish))
        assert not left, f"{provision}: {spanish!r} keeps {left}"
        assert not ENGLISH_DATE.search(spanish), spanish
        assert re.findall(r"\d+", spanish) == re.findall(r"\d+", entry["citation"]), spanish  # numbers kept


def test_spanish_dates_are_written_the_spanish_way() -> None:
    """A date in a Spanish sentence reads "1 de octubre de 2019"; English keeps the contract's ISO form."""
    assert written_date("2019-10-01", "es") == "1 de octubre de 2019"
    assert written_date("2014-01-03 15:00", "es") == "3 de enero de 2014 a las 15:00"
    assert written_date("2019-10-01", "en") == "2019-10-01"
    assert written_date("2026-13-01", "es") == "2026-13-01"  # not a day: left as it is, no error
    assert render("when.date", {"date": "2019-10-01"}, "es") == "El 1 de octubre de 2019"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_spanish_answers_write_no_date_the_english_way(case: object) -> None:
    """No sentence of a Spanish answer (summary, reasons, periods, steps) has an ISO or English date."""
    decision = decide_json(case.facts, "es")  # type: ignore[attr-defined]
    texts = [decision["summary"], decision["regime"]["period"], *(r["text"] for r in decision["reasons"])]
    texts += [r["citation"] for r in decision["reasons"]] + [s["text"] for s in decision["next_steps"]]
    texts += [d["summary"] for d in decision["duties"]]
    for text in texts:
        assert not ENGLISH_DATE.search(text), text


def test_spanish_pages_are_spanish(pages: dict[str, Page]) -> None:
    """Every built page under es/ says lang="es", and no translated page carries the fallback notice."""
    spanish = {k: v for k, v in pages.items() if k.startswith("es/") and k != "es/404.html"}
    assert len(spanish) == len([k for k in pages if not k.startswith("es/") and k != "404.html"])
    for path, page in spanish.items():
        html = page.find("html")[0]
        assert html.attrs.get("lang") == "es", path
        assert not page.find("p", "fallback-notice"), path


def test_each_language_searches_its_own_pages(site: Path) -> None:
    """The English index holds only English pages; the Spanish one, under es/, only the Spanish
    pages (their addresses from es/), stemmed as Spanish."""
    english = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    spanish = json.loads((site / "es" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"]
    assert spanish["config"]["lang"] == ["es"]
    assert english["docs"]
    assert not any(d["location"].startswith("es/") for d in english["docs"])
    assert {d["location"].split("#")[0] for d in spanish["docs"]} >= {"", "rights/", "checker/"}
    assert any("retención" in d["text"] for d in spanish["docs"])


class _SpanishText(HTMLParser):
    """The text a Spanish page shows in Spanish: not code, not scripts, and not what is marked as
    another language (the statute's English words, the sources' own titles)."""

    _SKIP = frozenset({"code", "pre", "script", "style", "svg"})
    _VOID = frozenset(
        {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._VOID:
            return
        lang = dict(attrs).get("lang")
        outside = bool(self.stack and self.stack[-1]) or tag in self._SKIP or (lang is not None and lang != "es")
        self.stack.append(outside)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.text.append(data)


# What the Spanish pages said in English before (footer, citations), and what the theme would add.
LEFT_IN_ENGLISH = re.compile(
    r"A public explainer|Not legal advice|Made with|as amended|kept in 2025|court relief|time limit|"
    r"administrative-warrant clause|as reported|current text",
    re.IGNORECASE,
)


def test_spanish_pages_have_no_english_left_and_no_english_dates(site: Path) -> None:
    """Every Spanish page, header and footer included: none of the English the review found, and
    no date written the English or ISO way in its Spanish text."""
    problems = []
    for path in sorted((site / "es").rglob("*.html")):
        parser = _SpanishText()
        html = path.read_text(encoding="utf-8")
        parser.feed(html[html.index("<body") :])
        text = " ".join(" ".join(parser.text).split())
        for found in [*LEFT_IN_ENGLISH.finditer(text), *ENGLISH_DATE.finditer(text)]:
            problems.append(f"{path.relative_to(site)}: ...{text[max(0, found.start() - 50) : found.end() + 10]}")
    assert problems == []


@pytest.mark.parametrize(
    ("name", "words"),
    [(GUIDE, ["orden", "retención", "ley"]), (AT_A_GLANCE, ["orden", "juez"]), (WALLET_CARD, ["orden", "abogado"])],
)
def test_spanish_printouts_are_in_spanish(printed: Path, name: str, words: list[str]) -> None:
    """The Spanish PDFs exist and hold Spanish text and their date written the Spanish way: the
    law's date, or on the red cards the day the rights they give were last reviewed."""
    reader = PdfReader(printed / "es" / name)
    text = " ".join(p.extract_text() or "" for p in reader.pages)
    for word in words:
        assert word in text, word
    day = red_card.checked() if name == WALLET_CARD else CURRENT_AS_OF.isoformat()
    assert written_date(day, "es") in " ".join(text.split())
