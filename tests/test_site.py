"""The built site: strict build, dates on every page, links that resolve, nothing from other origins,
decision tables that equal the checker, and plain language on the overview pages."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from mkdocs.exceptions import PluginError
from pypdf import PdfReader

from checker import decide_json
from checker.lawdata import CURRENT_AS_OF
from checker.model import DUTIES
from overrides.hooks.csp import content_security_policy
from overrides.hooks.shortcodes import expand
from overrides.sitegen import checker_page
from overrides.sitegen.context import Context
from overrides.sitegen.data import load_site_data
from overrides.sitegen.tables import DUTY_TABLE_FACTS
from overrides.sitegen.words import Language
from tests.helpers import LOOPBACK, pdf_links, shown_words
from tests.readability import grade
from tests.site_html import Page

ROOT = Path(__file__).resolve().parents[1]
OVERVIEW_PAGES = [
    "index.html",
    "secure-communities/index.html",
    "detainers/index.html",
    "criticism/index.html",
    "trust-act/index.html",
]
CITED_PAGES = [
    "secure-communities/index.html",
    "detainers/index.html",
    "criticism/index.html",
    "trust-act/index.html",
    "trust-act/for-officials/index.html",
]
RESOURCE_ATTRS = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "embed": "src",
    "object": "data",
    "track": "src",
}


def _content_pages(pages: dict[str, Page]) -> dict[str, Page]:
    return {k: v for k, v in pages.items() if not k.endswith("404.html")}


def test_the_site_has_its_pages(pages: dict[str, Page]) -> None:
    """All pages the explainer promises are built."""
    for path in [
        *OVERVIEW_PAGES,
        "trust-act/decision-tables/index.html",
        "trust-act/for-officials/index.html",
        "glossary/index.html",
        "sources/index.html",
        "about/index.html",
    ]:
        assert path in pages, path


def test_every_page_shows_its_dates(pages: dict[str, Page]) -> None:
    """Every page says when it was last reviewed and what date the law is current as of."""
    for path, page in _content_pages(pages).items():
        dates = page.find("p", "page-dates")
        assert len(dates) == 1, path
        times = [e.attrs.get("datetime") for e in page.find("time")]
        assert CURRENT_AS_OF.isoformat() in times, path
        assert any(re.fullmatch(r"\d{4}-\d{2}-\d{2}", t or "") for t in times), path


def _target(site: Path, page_path: str, url: str) -> tuple[Path, str]:
    parts = urlsplit(url)
    base = site if parts.path.startswith("/") else (site / page_path).parent
    relative = unquote(parts.path).lstrip("/")
    target = (base / relative).resolve() if parts.path else (site / page_path).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def test_internal_links_and_anchors_resolve(printed: Path, pages: dict[str, Page]) -> None:
    """Every same-site link points at a file that exists (the PDFs too), and every #anchor at an id on that page."""
    site = printed
    parsed = {(site / k).resolve(): v for k, v in pages.items()}
    broken = []
    for path, page in pages.items():
        for element in page.elements:
            url = (
                element.attrs.get("href")
                if element.tag in ("a", "link")
                else element.attrs.get(RESOURCE_ATTRS.get(element.tag, "-"))
            )
            if not url or urlsplit(url).scheme or url.startswith("//"):
                continue
            target, fragment = _target(site, path, url)
            if not target.exists():
                broken.append(f"{path}: {url}")
            elif fragment and target in parsed and fragment not in parsed[target].ids:
                broken.append(f"{path}: {url} (no such anchor)")
    assert broken == []


def test_no_resource_comes_from_another_origin(site: Path, pages: dict[str, Page]) -> None:
    """Scripts, styles, fonts, images and frames are all same-origin; no Google Fonts anywhere."""
    foreign = []
    for path, page in pages.items():
        for element in page.elements:
            if element.tag == "link" and element.attrs.get("rel") not in ("canonical", "alternate"):
                url = element.attrs.get("href", "")
            elif element.tag in RESOURCE_ATTRS:
                url = element.attrs.get(RESOURCE_ATTRS[element.tag], "")
            else:
                continue
            if urlsplit(url).scheme in ("http", "https") or url.startswith("//"):
                foreign.append(f"{path}: <{element.tag}> {url}")
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8")):
            if re.match(r"^(https?:)?//", url):
                foreign.append(f"{css.name}: url({url})")
    for html_file in site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text, html_file
        assert "fonts.gstatic" not in text, html_file
    assert foreign == []


def test_decision_tables_equal_the_checker(pages: dict[str, Page]) -> None:
    """Each row's outcome is what the checker returns for that row's scenario, in every table."""
    page = pages["trust-act/decision-tables/index.html"]
    rows = [e for e in page.find("tr") if "data-scenario" in e.attrs]
    cells = page.find("td")
    labels = {
        shown_words("en")[f"label.outcome.{o}"]
        for o in ("may_hold", "may_not_hold", "depends", "not_covered", "no_state_limit")
    }
    assert len(rows) >= 40
    regimes = set()
    for row in rows:
        scenario = json.loads(row.attrs["data-scenario"])
        decision = decide_json(scenario)
        assert decision["outcome"] == row.attrs["data-outcome"], scenario
        regimes.add(decision["regime"]["id"])
    assert regimes == {"before_2014", "pa_13_155", "pa_19_20_23", "hb_7259_2025"}
    shown = {c.text.strip() for c in cells if "outcome" in c.attrs.get("class", "")}
    assert shown <= labels
    assert len(shown) >= 4


@pytest.mark.parametrize("path", ["trust-act/for-officials/index.html", "es/trust-act/for-officials/index.html"])
def test_the_officials_duty_table_equals_the_checker(pages: dict[str, Page], path: str) -> None:
    """Every cell of "what you may, must and must not do" is the checker's answer for its case."""
    cells = [c for c in pages[path].find("td") if "data-as-of" in c.attrs]
    assert len(cells) == len(DUTIES) * 3
    assert {c.attrs["data-duty"] for c in cells} == set(DUTIES)
    for cell in cells:
        decision = decide_json({**DUTY_TABLE_FACTS, "as_of": cell.attrs["data-as-of"]})
        assert decision["regime"]["id"] == cell.attrs["data-regime"]
        answer = next(d for d in decision["duties"] if d["duty"] == cell.attrs["data-duty"])
        assert answer["outcome"] == cell.attrs["data-outcome"], cell.attrs
    assert {"forbidden", "required", "no_state_limit"} <= {c.attrs["data-outcome"] for c in cells}


@pytest.mark.parametrize("path", ["print/at-a-glance/index.html", "es/print/at-a-glance/index.html"])
def test_the_one_page_printout_lists_today_s_answer_for_every_request(pages: dict[str, Page], path: str) -> None:
    """The printout's list has each request once, with the checker's answer under the law in force."""
    answers = [e for e in pages[path].find("strong") if "data-as-of" in e.attrs]
    assert [a.attrs["data-duty"] for a in answers] == list(DUTIES[1:])  # the hold has its own paragraph
    for answer in answers:
        decision = decide_json({**DUTY_TABLE_FACTS, "as_of": answer.attrs["data-as-of"]})
        assert decision["regime"]["id"] == "hb_7259_2025"
        duty = next(d for d in decision["duties"] if d["duty"] == answer.attrs["data-duty"])
        assert duty["outcome"] == answer.attrs["data-outcome"]


@pytest.mark.parametrize("path", OVERVIEW_PAGES)
def test_overview_pages_are_plain_language(pages: dict[str, Page], path: str) -> None:
    """The overview pages read at a US grade of 8 or lower (Flesch-Kincaid, tables and quotes aside)."""
    text = pages[path].article_text
    assert len(text.split()) > 60, "too little text to score"
    assert grade(text) <= 8.0


@pytest.mark.parametrize("path", CITED_PAGES)
def test_pages_with_claims_cite_their_sources(pages: dict[str, Page], path: str) -> None:
    """Pages that state facts and law have numbered citations and a list of their sources."""
    page = pages[path]
    assert page.find("sup", "cite")
    assert page.find("ol", "page-sources")


def _context(config: dict[str, Any]) -> Context:
    return Context(Language("en"), load_site_data(), config)


def test_law_firm_details_come_only_from_the_config() -> None:
    """The firm's name, phone and contact link render from mkdocs.yml's extra, and nothing when unset."""
    firm = {"name": "Example & Partners", "phone": "(860) 555-0100", "contact_url": "https://example.org/contact"}
    shown = checker_page.firm(_context({"extra": {"law_firm": firm}}))
    assert "Example &amp; Partners" in shown
    assert 'href="tel:8605550100"' in shown
    assert 'href="https://example.org/contact"' in shown
    assert checker_page.firm(_context({"extra": {"law_firm": {"name": ""}}})) == ""
    pages_text = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    assert "<!-- md:firm -->" in pages_text


def test_unknown_shortcodes_and_ids_fail_the_build() -> None:
    """A typo in a shortcode or an id stops the build instead of printing nothing."""
    ctx = _context({"extra": {}})
    for bad in ("<!-- md:cite no-such-source -->", "<!-- md:law no-such-provision -->", "<!-- md:nonsense -->"):
        with pytest.raises(PluginError):
            expand(bad, ctx)


def test_speed_page_shows_the_latest_bench_report(pages: dict[str, Page]) -> None:
    """The "Speed and size" page shows the figures of docs/data/bench.json, each target with its verdict."""
    report = json.loads((ROOT / "docs" / "data" / "bench.json").read_text(encoding="utf-8"))
    words = shown_words("en")
    page = pages["speed/index.html"]
    cells = [c.text.strip() for c in page.find("td")]
    checker = report["checker_page"]
    assert f"{checker['bytes_gzip'] / 1e6:,.2f} MB" in cells
    assert f"{checker['ready_ms'] / 1000:,.2f} s" in cells
    rows = [r.text.strip() for r in page.find("th")]
    for target in report["targets"]:
        assert words[f"site.bench.target.{target['figure']}"] in rows
    throttled = report.get("throttled")
    if throttled:  # the slow link's run: each host's first visit, as downloaded and as timed
        for host in ("gzip", "br"):
            cold = throttled[host]["checker_page"]["cold"]
            assert f"{cold['bytes'] / 1e6:,.2f} MB" in cells
            assert f"{cold['ready_ms'] / 1000:,.1f} s" in cells
            assert words[f"site.bench.host.{host}"] in rows
    verdicts = [c for c in cells if c in (words["site.bench.met"], words["site.bench.missed"])]
    assert verdicts == [words["site.bench.met" if t["met"] else "site.bench.missed"] for t in report["targets"]]


TEXT_FILES = {".html", ".js", ".mjs", ".css", ".json", ".xml", ".txt", ".webmanifest"}


def test_a_build_for_a_real_address_never_names_the_local_server(printed: Path, pages: dict[str, Page]) -> None:
    """Built with SITE_URL=https://trust.example.org/ (as the tests build it), no page, script or
    PDF names a loopback address, and the embed snippets name that address."""
    found: list[str] = []
    to_site: list[str] = []
    for path in sorted(printed.rglob("*")):
        if path.suffix in TEXT_FILES:
            found += [f"{path.relative_to(printed)}: {m}" for m in LOOPBACK.findall(path.read_text(encoding="utf-8"))]
        elif path.suffix == ".pdf":
            reader = PdfReader(path)
            links = pdf_links(reader)
            text = " ".join([*(p.extract_text() or "" for p in reader.pages), *links, str(reader.metadata)])
            found += [f"{path.relative_to(printed)}: {m}" for m in LOOPBACK.findall(text)]
            to_site += [link for link in links if link.startswith("https://trust.example.org/")]
    assert found == []
    assert to_site, "no PDF links to the site: is the check above blind?"
    for embed_page, folder in (("embed-the-checker/index.html", ""), ("es/embed-the-checker/index.html", "es/")):
        snippets = [e.text for e in pages[embed_page].find("code")]
        assert any('<script src="https://trust.example.org/embed.js"' in s for s in snippets), embed_page
        assert any(f'<iframe src="https://trust.example.org/{folder}embed/"' in s for s in snippets), embed_page


def test_nothing_of_the_build_tools_is_published(site: Path) -> None:
    """No file under tools/ (PDF maker, standard-library trimming, service-worker template) is in the
    site: not by name, not by content; the service worker is published filled in."""
    tools = {p.read_bytes() for p in (ROOT / "tools").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    tools.discard(b"")
    names = {p.name for p in (ROOT / "tools").iterdir() if p.suffix != ".py"} - {"sw.js"}
    published = [p for p in site.rglob("*") if p.is_file()]
    assert [p for p in published if p.name in names] == []
    assert [p for p in published if p.stat().st_size < 1_000_000 and p.read_bytes() in tools] == []
    assert not (site / "build").exists()
    assert "__VERSION__" not in (site / "sw.js").read_text(encoding="utf-8")


def test_every_language_alternate_has_its_sitemap(site: Path, pages: dict[str, Page]) -> None:
    """Material fetches sitemap.xml beside each page's language alternates: each one is there."""
    asked = set()
    for path, page in pages.items():
        for link in page.find("link"):
            if link.attrs.get("rel") == "alternate" and link.attrs.get("hreflang"):
                folder, _ = _target(site, path, link.attrs["href"])
                asked.add(folder.parent / "sitemap.xml")
    assert asked == {site / "sitemap.xml", site / "es" / "sitemap.xml"}
    assert all(p.exists() for p in asked)


def test_the_policy_allows_inline_scripts_only_under_serve() -> None:
    """The built pages allow inline scripts by hash only; `mkdocs serve` allows its live-reload script."""
    html_text = "<head><script>var a = 1;</script><script src='x.js'></script></head>"
    built = content_security_policy(html_text)
    served = content_security_policy(html_text, serving=True)
    assert "'unsafe-inline'" not in built.split("script-src")[1].split(";")[0]
    assert "'sha256-" in built
    assert "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'" in served
    assert "'sha256-" not in served


def test_the_theme_markup_is_mended(pages: dict[str, Page]) -> None:
    """What the Nu HTML checker flags in the theme's own markup is fixed on every page: no
    ``autocomplete`` on a checkbox, no empty ``tabindex``, and the theme's hidden toggles (menu,
    search, table of contents), which not every page labels, have a name."""
    for path, page in pages.items():
        for element in page.find("input"):
            if element.attrs.get("type") == "checkbox":
                assert "autocomplete" not in element.attrs, path
                if element.attrs.get("id") in ("__drawer", "__search", "__toc"):
                    assert element.attrs.get("aria-label"), (path, element.attrs)
        assert not [e for e in page.elements if e.attrs.get("tabindex", None) == ""], path
