"""MkDocs hook: after the build, copy the checker's runtime into the site (once, at its root): the
Python runtime and the checker wheel (``overrides/sitegen/runtime.py``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from overrides.sitegen.runtime import write_runtime  # noqa: E402 - needs the path above
from overrides.sitegen.words import Language  # noqa: E402


def on_post_build(config: Any) -> None:
    """Write the runtime after the default language's build (the others share it)."""
    if Language.of(config).folder:
        return
    write_runtime(Path(config["site_dir"]))
