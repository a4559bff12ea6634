"""The printable guides: they exist, have the expected number of pages, and say the key facts and
the date the law is current as of."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from checker.lawdata import CURRENT_AS_OF
from tools.pdfs import AT_A_GLANCE, GUIDE, WALLET_CARD, guide_pages


def _text(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    text = " ".join((page.extract_text() or "") for page in reader.pages)
    return len(reader.pages), " ".join(text.split())


@pytest.mark.parametrize(
    ("name", "pages", "facts"),
    [
        (
            AT_A_GLANCE,
            (1, 1),
            [
                "54-192h",
                "warrant signed by a judge",
                "class A or B felony",
                "Terrorist Screening",
                "permits",
                "1-800-453-3320",
            ],
        ),
        (
            WALLET_CARD,
            (2, 2),
            [
                "request, not an order",
                "warrant signed by a judge",
                "class A or B felony",
                "talk to a lawyer",
                "1-800-453-3320",
            ],
        ),
        (
            GUIDE,
            (20, 200),
            [
                "Secure Communities",
                "fingerprints",
                "detainer",
                "8 C.F.R.",
                "Galarza",
                "PA 13-155",
                "class A or B felony",
                "Glossary",
                "Sources on this page",
            ],
        ),
    ],
)
def test_printouts_have_their_pages_facts_and_date(
    printed: Path, name: str, pages: tuple[int, int], facts: list[str]
) -> None:
    """Each PDF has the right length, the key facts, and the law's 'current as of' date."""
    count, text = _text(printed / name)
    assert pages[0] <= count <= pages[1], count
    assert CURRENT_AS_OF.isoformat() in text
    for fact in facts:
        assert fact in text, fact


def test_the_guide_holds_every_guide_page_in_order(printed: Path) -> None:
    """The whole guide has each page's title, in the menu's order."""
    _, text = _text(printed / GUIDE)
    titles = [
        "Secure Communities and Connecticut",
        "How it works, step by step",
        "Detainers explained",
        "The criticism",
        "Connecticut's TRUST Act",
        "For officials",
        "Glossary",
        "Not legal advice",
    ]
    position = 0
    for title in titles:
        found = text.find(title, position)
        assert found >= 0, f"{title!r} missing, or out of order"
        position = found + len(title)
    assert "checker/" not in guide_pages()
