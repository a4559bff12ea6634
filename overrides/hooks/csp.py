"""MkDocs hook: every page gets a Content-Security-Policy meta tag, first in its head: same-origin
everything, the theme's inline scripts allowed by their hashes, and ``'wasm-unsafe-eval'`` for
Python's WebAssembly.

Under ``mkdocs serve`` only, inline scripts are allowed as well: MkDocs injects its live-reload
script into each page as it serves it, after this hook, with content that changes every time.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S)

# Set by on_startup: whether this run is `mkdocs serve`.
_serving = False


def content_security_policy(html_text: str, serving: bool = False) -> str:
    """A strict policy for one page: same-origin everything; inline scripts only by their hash
    (with ``serving``, any inline script, for the live-reload script of ``mkdocs serve``)."""
    if serving:
        scripts = "'unsafe-inline'"
    else:
        scripts = " ".join(
            sorted(
                {
                    "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
                    for s in _INLINE_SCRIPT.findall(html_text)
                }
            )
        )
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'wasm-unsafe-eval' {scripts}".strip(),
            "worker-src 'self'",
            "connect-src 'self'",
            "img-src 'self' data:",
            "style-src 'self' 'unsafe-inline'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def on_startup(command: str, dirty: bool) -> None:
    """Note whether the site is being served (live reload) or built."""
    global _serving
    _serving = command == "serve"


def _with_policy(output: str) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(output, _serving)}">'
    return output.replace("<head>", "<head>\n    " + meta, 1)


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Put the page's Content-Security-Policy first in its head."""
    return _with_policy(output)


def on_post_template(output: str, template_name: str, config: Any) -> str:
    """The 404 page, a theme template and not a page, gets the same policy."""
    return _with_policy(output) if template_name == "404.html" else output
