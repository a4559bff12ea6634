"""MkDocs hook: say once when the site is built without ``SITE_URL``, and for which address.

``site_url`` (set from ``SITE_URL``) is the address the embed snippets and the PDFs' links name;
a build without it is a local build, for ``mkdocs.yml``'s default address.
"""

from __future__ import annotations

import logging
import os
from typing import Any

log = logging.getLogger("mkdocs.hooks.site_url")


def on_config(config: Any) -> Any:
    """A build without SITE_URL says so, with the address it used."""
    i18n = config["plugins"].get("i18n")
    default = getattr(i18n, "default_language", None)
    current = getattr(i18n, "current_language", None) or default  # unset before its first build
    if not os.environ.get("SITE_URL") and current == default:
        log.info(
            "SITE_URL is not set: a local build for %s (the embed snippets and the PDFs' links name it). "
            "Set SITE_URL to the address the site is published at, for example "
            "SITE_URL=https://trust.example.org/ make build",
            config["site_url"],
        )
    return config
