"""Plain language for families: the rights pages and each contact's "what it is for" read at US
grade 8 or lower in English (Flesch-Kincaid) and at least "normal" in Spanish (Szigriszt-Pazos on
the INFLESZ scale), computed by tests/readability.py. The scores can fail: known hard sentences
score as hard."""

from __future__ import annotations

import pytest

from checker.messages import catalogue
from overrides.sitegen import contacts
from tests.readability import grade, syllables, syllables_es, szigriszt_pazos
from tests.site_html import Page

ENGLISH_MAX_GRADE = 8.0
# INFLESZ: 55 to 65 is "normal", 65 to 80 "fairly easy". Pages for families aim higher than
# everyday prose; a single short contact text only has to be normal.
SPANISH_MIN_PAGE = 65.0
SPANISH_MIN_TEXT = 55.0

HARD_ENGLISH = (
    "Notwithstanding the aforementioned jurisdictional considerations, the administrative "
    "determination regarding removability necessitates comprehensive evidentiary documentation "
    "substantiating eligibility for discretionary immigration relief."
)
HARD_SPANISH = (
    "La interposición del correspondiente recurso contencioso-administrativo, previamente al "
    "agotamiento de la vía administrativa, determinará la inadmisibilidad de la pretensión "
    "ejercitada, sin perjuicio de la ulterior subsanación procedimental."
)


def test_the_scores_tell_hard_text_from_plain_text() -> None:
    """Legalese scores far above grade 8 and far below "normal"; a plain sentence scores as plain."""
    assert grade(HARD_ENGLISH) > 20
    assert szigriszt_pazos(HARD_SPANISH) < 40
    assert grade("You do not have to open the door. Ask for a lawyer.") < 4
    assert szigriszt_pazos("No tiene que abrir la puerta. Pida un abogado.") > 80


@pytest.mark.parametrize(
    ("word", "count"),
    [("leía", 3), ("ciudad", 2), ("guitarra", 3), ("muy", 1), ("aéreo", 4), ("inmigración", 4), ("que", 1)],
)
def test_spanish_syllables(word: str, count: int) -> None:
    """The Spanish heuristic splits hiatus, keeps diphthongs, and drops the silent u."""
    assert syllables_es(word) == count


def test_english_syllables() -> None:
    """The English heuristic counts vowel groups less a silent final e."""
    assert [syllables(w) for w in ("door", "lawyer", "immigration", "silent", "ice")] == [1, 2, 4, 2, 1]


def test_the_rights_page_reads_at_grade_8_or_lower(pages: dict[str, Page]) -> None:
    """The English "Your rights" page, as built (tables and the sources list aside)."""
    text = pages["rights/index.html"].article_text
    assert len(text.split()) > 500, "too little text to score"
    assert grade(text) <= ENGLISH_MAX_GRADE


def test_the_spanish_rights_page_is_fairly_easy(pages: dict[str, Page]) -> None:
    """The Spanish "Sus derechos" page, as built, scores "fairly easy" or easier."""
    text = pages["es/rights/index.html"].article_text
    assert len(text.split()) > 500, "too little text to score"
    assert szigriszt_pazos(text) >= SPANISH_MIN_PAGE


@pytest.mark.parametrize("contact", contacts.load(), ids=lambda c: c["id"])
def test_each_contact_says_what_it_is_for_in_plain_words(contact: dict[str, object]) -> None:
    """Each contact's "what it is for", in both languages."""
    texts = contact["for"]
    assert isinstance(texts, dict)
    assert grade(texts["en"]) <= ENGLISH_MAX_GRADE
    assert szigriszt_pazos(texts["es"]) >= SPANISH_MIN_TEXT


def test_all_contact_texts_together_are_fairly_easy() -> None:
    """Read together, as on the page, the Spanish contact texts score "fairly easy" or easier."""
    found = contacts.load()
    assert grade(" ".join(c["for"]["en"] for c in found)) <= ENGLISH_MAX_GRADE
    assert szigriszt_pazos(" ".join(c["for"]["es"] for c in found)) >= SPANISH_MIN_PAGE


def _next_steps(lang: str) -> str:
    return " ".join(text for key, text in catalogue(lang).items() if key.startswith("step."))


def test_the_next_steps_read_plainly_in_both_languages() -> None:
    """What a result tells a family to do now, every step together, at grade 8 or "normal" Spanish."""
    english, spanish = _next_steps("en"), _next_steps("es")
    assert len(english.split()) > 150, "too little text to score"
    assert grade(english) <= ENGLISH_MAX_GRADE
    assert szigriszt_pazos(spanish) >= SPANISH_MIN_PAGE
