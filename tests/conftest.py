"""Shared fixtures: the site, built once per test session for a real address, and its PDFs."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from playwright.sync_api import Browser

from tests.helpers import ROOT
from tests.site_html import Page, parse_page
from tools.browser import chromium, serve
from tools.pdfs import make_pdfs

# The address the test site is built for: served from localhost, it must never name localhost.
SITE_URL = "https://trust.example.org/"

# Speed is measured by the benchmarks, not by the tests: no per-example deadline on a busy machine.
settings.register_profile("project", deadline=None)
settings.load_profile("project")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once with the strict flag into a temporary folder (no PDFs: see `printed`)."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL},  # PATH too: the build runs node
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out


@pytest.fixture(scope="session")
def printed(site: Path, browser: Browser) -> Path:
    """The site with its PDFs, printed as `make build` prints them (this needs the browser)."""
    make_pdfs(site, browser, SITE_URL)
    return site


@pytest.fixture(scope="session")
def pages(site: Path) -> dict[str, Page]:
    """Every HTML page of the site, parsed, by path relative to the site root."""
    return {str(p.relative_to(site)): parse_page(p) for p in sorted(site.rglob("*.html"))}


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The built site, served on localhost."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session (Playwright allows one sync instance at a time)."""
    with chromium() as instance:
        yield instance
