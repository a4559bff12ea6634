"""Helpers the tests share: the built wheel, the command line, the site's words, and answering the
checker's form in a browser as a reader would."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import Frame, Page
from pypdf import PdfReader

from overrides.sitegen.words import Language

__all__ = [
    "LOOPBACK",
    "READY",
    "ROOT",
    "SCENARIOS",
    "answer_form",
    "cli",
    "fill",
    "hooks",
    "pdf_links",
    "shown_words",
    "wheel_path",
]

ROOT = Path(__file__).resolve().parents[1]
READY = "trust-act-checker[data-state=ready]"
# A local address, which no page, script or PDF of a build for a real address may name.
LOOPBACK = re.compile(r"127\.0\.0\.1|localhost|\[::1\]")

SCENARIOS: list[dict[str, Any]] = [
    {"as_of": "2013-05-01", "custodian": "state_police"},
    {
        "as_of": "2016-05-27",
        "custodian": "correction",
        "convictions": [{"class": "D", "statute": "53a-125b"}],
        "release_at": "2016-05-27T16:30",
    },
    {
        "as_of": "2021-03-03",
        "custodian": "municipal_police",
        "warrant": "administrative",
        "convictions": [],
        "terrorist_screening_match": False,
    },
    {
        "as_of": "2026-01-05",
        "custodian": "prosecutor",
        "warrant": "none",
        "convictions": [{"class": "C"}, {"class": "misdemeanor"}],
        "terrorist_screening_match": False,
    },
    {"as_of": "2026-01-05", "custodian": "school_police", "gang_database": True},
]


def hooks() -> list[Path]:
    """The site's MkDocs hooks, in the order mkdocs.yml runs them."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"^hooks:\n((?:  - .*\n)+)", config, re.M)
    assert block, "mkdocs.yml lists no hooks"
    return [ROOT / line.split("#")[0].strip()[2:].strip() for line in block.group(1).splitlines()]


def wheel_path() -> Path:
    """The single wheel `make wheel` built."""
    wheels = sorted((ROOT / "dist").glob("*.whl"))
    assert len(wheels) == 1, f"expected one wheel in dist/, found {wheels} (run `make wheel`)"
    return wheels[0]


def pdf_links(reader: PdfReader) -> list[str]:
    """The address of every link in a PDF, page by page."""
    return [str(a.get_object().get("/A", {}).get("/URI", "")) for p in reader.pages for a in (p.get("/Annots") or [])]


def shown_words(lang: str = "en") -> dict[str, str]:
    """Every word the site shows in ``lang``: its own and the checker's."""
    return Language(lang).words


def cli(scenario: dict[str, Any], *flags: str) -> Any:
    """What `python -m checker` prints for ``scenario``, decoded."""
    result = subprocess.run(
        [sys.executable, "-m", "checker", *flags],
        input=json.dumps(scenario),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return json.loads(result.stdout)


def fill(page: Page | Frame, scenario: dict[str, Any]) -> None:
    """Answer the form as a reader would, through its controls (named after the contract's fields)."""
    for name, value in scenario.items():
        if name in ("as_of", "release_at"):
            page.fill(f"input[name={name}]", value)
        elif name == "custodian":
            page.select_option("select[name=custodian]", value)
        elif name == "convictions":
            page.check(f"input[name=convictions][value={'some' if value else 'none'}]")
            for i, item in enumerate(value):
                if i:
                    page.click("button.checker-add")
                page.select_option(f"select[name='convictions[{i}].class']", item.get("class") or "")
                page.fill(f"input[name='convictions[{i}].statute']", item.get("statute", ""))
        else:
            page.check(f"input[name={name}][value='{json.dumps(value) if isinstance(value, bool) else value}']")


def answer_form(page: Page, scenario: dict[str, Any], path: str = "checker/", base_url: str = "") -> None:
    """Open the checker, answer ``scenario`` through the form, and wait for the result."""
    if base_url:
        page.goto(base_url + path)
    fill(page, scenario)
    page.wait_for_selector(READY, state="attached", timeout=90_000)
    page.click("button.checker-submit")
    page.wait_for_selector(".checker-answer")
