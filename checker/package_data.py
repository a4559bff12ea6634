"""The checker's own data files, read with ``open()`` next to this module.

Not through ``importlib.resources``: in the browser that module pulls in ``tempfile``, ``zipfile``
and ``pathlib``, which the checker would otherwise not need, and the site would have to ship them.
The wheel is always unpacked into a real folder (CPython's site-packages, Pyodide's file system).
"""

from __future__ import annotations

import os

__all__ = ["read_text"]

_HERE = os.path.dirname(os.path.abspath(__file__))


def read_text(*parts: str) -> str:
    """The UTF-8 text of the package file at ``parts`` (e.g. ``"data", "regimes.json"``)."""
    with open(os.path.join(_HERE, *parts), encoding="utf-8") as file:
        return file.read()
