"""Shared fixtures: the site, built once per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from playwright.sync_api import Browser

from overrides.build.browser import chromium, serve
from overrides.build.pdfs import make_pdfs
from tests.site_html import Page, parse_page

ROOT = Path(__file__).resolve().parents[1]

# Speed is measured by the benchmarks, not by the tests: no per-example deadline on a busy machine.
settings.register_profile("project", deadline=None)
settings.load_profile("project")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> Path:
    """The site, built once with the strict flag into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},  # PATH too: the build runs node
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    make_pdfs(out, browser)
    return out


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
