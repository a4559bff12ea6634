"""MkDocs hook: once every language is built, name the site's own scripts and styles by their
content, rewrite the pages' references to them, and write the service worker that knows them
(``overrides/sitegen/release.py``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from overrides.sitegen.release import release  # noqa: E402 - needs the path above


# After the i18n plugin's own on_post_build (priority -100), which builds the other languages
# inside the default language's build: every page of every language is written by then.
@event_priority(-200)
def on_post_build(config: Any) -> None:
    """Run once, after the last language (not inside the i18n plugin's build of another language)."""
    i18n = config["plugins"].get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    base = urlsplit(config["site_url"] or "/").path or "/"
    release(Path(config["site_dir"]), base if base.endswith("/") else base + "/")
