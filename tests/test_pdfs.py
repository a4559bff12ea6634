"""The printable guides: they exist, have the expected number of pages, and say the key facts and
the date the law is current as of; the red cards are wallet-sized, in both languages, with the
print-at-100% line; the guide has a cover; no PDF names a local address or says Esc."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from pypdf import PdfReader

from checker.lawdata import CURRENT_AS_OF
from checker.messages import written_date
from overrides.sitegen import contacts, red_card
from overrides.sitegen.words import Language
from tests.conftest import SITE_URL
from tests.helpers import LOOPBACK, pdf_links
from tests.site_html import Page as HtmlPage
from tools.pdfs import AT_A_GLANCE, GUIDE, LANGUAGES, WALLET_CARD, WALLET_CARD_CSS, compact, guide_pages


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
            (1, 1),
            [
                "YOUR RIGHTS",
                "SUS DERECHOS",
                "warrant signed by a judge",
                "orden firmada por un juez",
                "stay silent",
                "quedarse callado",
                "talk to a lawyer",
                "Print at 100%",
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
    """Each PDF has the right length, the key facts, and its date: the law's 'current as of' date, or
    on the red cards (which give rights, not the TRUST Act) the day the Your rights page was reviewed."""
    count, text = _text(printed / name)
    assert pages[0] <= count <= pages[1], count
    assert (red_card.checked() if name == WALLET_CARD else CURRENT_AS_OF.isoformat()) in text
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


# --- The red cards --------------------------------------------------------------------------------

# A wallet card, as printed: between a bank card (85.6 x 54 mm) and a business card (89 x 51 mm),
# give or take a printer's half millimetre. In PDF points (72 to the inch) and CSS pixels (96).
CARD_WIDTH_MM, CARD_HEIGHT_MM = (84.5, 90.0), (50.0, 55.0)
MM_PER_PT, MM_PER_PX = 25.4 / 72, 25.4 / 96


def _positions(path: Path, needle: str) -> list[tuple[float, float]]:
    """Where each piece of text containing ``needle`` starts on the first page, in points from the
    bottom left corner."""
    found: list[tuple[float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: object) -> None:
        if needle in text:
            found.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    PdfReader(path).pages[0].extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_red_card_sheet_is_one_letter_page_of_cards_in_both_languages(printed: Path, lang: str) -> None:
    """One letter-size page; every card says each right in English and in Spanish, with the
    contacts file's legal-help number; the print-at-100% line is there in both languages."""
    path = printed / LANGUAGES[lang] / WALLET_CARD
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # 8.5 x 11 in
    _, text = _text(path)
    phone = next(c for c in contacts.load() if c["id"] == red_card.HELP)["phone"]["display"]
    assert text.count(phone) == red_card.CARDS
    for code in ("en", "es"):
        words = Language(code)
        for key in red_card.RIGHTS:
            assert text.count(words(key)) == red_card.CARDS, (code, key)
        assert words("site.card.print_100") in text, code
    assert "100%" in text
    assert red_card.checked() in text  # the English half; the Spanish half writes it in words
    assert written_date(red_card.checked(), "es") in " ".join(text.split())


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_red_cards_measure_a_wallet_card_in_the_pdf(printed: Path, lang: str) -> None:
    """Measured in the PDF: the cards' titles repeat at one card's width across and one card's
    height down (the cards are edge to edge), in a grid of 2 by 4, and that is a wallet card's size."""
    title = Language("en")("site.card.title").upper()  # the title is set in capitals
    spots = _positions(printed / LANGUAGES[lang] / WALLET_CARD, title)
    xs, ys = sorted({round(x, 1) for x, _ in spots}), sorted({round(y, 1) for _, y in spots}, reverse=True)
    assert len(spots) == red_card.CARDS
    assert (len(xs), len(ys)) == (red_card.COLUMNS, red_card.ROWS)
    widths = {round((b - a) * MM_PER_PT, 1) for a, b in itertools.pairwise(xs)}
    heights = {round((a - b) * MM_PER_PT, 1) for a, b in itertools.pairwise(ys)}
    assert len(widths) == 1, widths
    assert len(heights) == 1, heights
    assert CARD_WIDTH_MM[0] <= widths.pop() <= CARD_WIDTH_MM[1]
    assert CARD_HEIGHT_MM[0] <= heights.pop() <= CARD_HEIGHT_MM[1]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_red_cards_boxes_are_wallet_sized_and_the_instructions_outside_them(
    site: Path, base_url: str, browser: Browser, lang: str
) -> None:
    """Rendered as the PDF renders it: each card's box is a wallet card's size, the cards touch
    (one cut serves two) and stay inside the page, and the how-to-print lines and the cut marks are
    outside every card."""
    page = browser.new_page(viewport={"width": 816, "height": 1056})  # a letter page, 8.5 x 11 in
    try:
        page.emulate_media(media="print")
        url = f"{base_url}{LANGUAGES[lang]}print/wallet-card/"
        page.goto(url)
        compact(page, url, WALLET_CARD_CSS, lang)
        boxes = page.evaluate(
            """() => Object.fromEntries(["red-card", "red-sheet__howto", "cut-mark"].map(c =>
                 [c, [...document.getElementsByClassName(c)].map(e => {
                   const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })]))"""
        )
    finally:
        page.close()
    cards = boxes["red-card"]
    assert len(cards) == red_card.CARDS
    for left, top, right, bottom in cards:
        assert CARD_WIDTH_MM[0] <= (right - left) * MM_PER_PX <= CARD_WIDTH_MM[1]
        assert CARD_HEIGHT_MM[0] <= (bottom - top) * MM_PER_PX <= CARD_HEIGHT_MM[1]
        assert left >= 0.25 * 96  # a quarter inch of margin, which any printer leaves
        assert right <= 8.25 * 96
        assert top >= 0.25 * 96
        assert bottom <= 10.75 * 96
    edges = {round(c[2]) for c in cards} & {round(c[0]) for c in cards}
    assert edges, "no two cards share an edge"
    (howto,) = boxes["red-sheet__howto"]
    assert howto[3] <= min(c[1] for c in cards)
    grid = (min(c[0] for c in cards), min(c[1] for c in cards), max(c[2] for c in cards), max(c[3] for c in cards))
    marks = boxes["cut-mark"]
    assert len(marks) == red_card.COLUMNS + 1 + red_card.ROWS + 1
    for left, top, right, bottom in marks:  # each reaches past the grid into the margin
        assert left < grid[0] or top < grid[1] or right > grid[2] or bottom > grid[3]


# --- Every PDF ------------------------------------------------------------------------------------

PDFS = [f"{folder}{name}" for folder in LANGUAGES.values() for name in (GUIDE, AT_A_GLANCE, WALLET_CARD)]


@pytest.mark.parametrize("name", PDFS)
def test_no_pdf_links_to_a_local_address_and_each_links_to_the_site(printed: Path, name: str) -> None:
    """No link, text or metadata of any PDF names a loopback address; each links to the site's address."""
    reader = PdfReader(printed / name)
    links = pdf_links(reader)
    _, text = _text(printed / name)
    assert LOOPBACK.findall(" ".join([text, *links, str(reader.metadata)])) == []
    assert any(link.startswith(SITE_URL) for link in links), name


@pytest.mark.parametrize("name", PDFS)
def test_no_pdf_says_esc(printed: Path, pages: dict[str, HtmlPage], name: str) -> None:
    """The quick exit and its Esc key are for screens: the home page says Esc, no PDF does."""
    home = pages[f"{name.split('print/')[0]}index.html"]
    assert re.search(r"\bEsc\b", home.article_text)
    _, text = _text(printed / name)
    assert not re.search(r"\bEsc\b", text)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_guide_has_a_cover(printed: Path, lang: str) -> None:
    """The guide's first page is a cover: the title, who it is for, the law's date in words, the
    site's address and "not legal advice", and none of the pages that follow."""
    reader = PdfReader(printed / LANGUAGES[lang] / GUIDE)
    cover = " ".join((reader.pages[0].extract_text() or "").split())
    words = Language(lang)
    assert cover.startswith("Secure Communities")
    assert ("Who it is for" if lang == "en" else "Para quién es") in cover
    assert words.long_date(CURRENT_AS_OF) in cover
    assert SITE_URL.removeprefix("https://").rstrip("/") in cover
    assert words("site.not_advice") in cover
    assert words("site.sources_on_page") not in cover
    second = " ".join((reader.pages[1].extract_text() or "").split())
    assert second.startswith("Secure Communities")
