"""The checker's own data files, read through the loader that imported this module.

Not through ``importlib.resources``: in the browser that module pulls in ``tempfile``, ``zipfile``
and ``pathlib``, which the checker would otherwise not need, and the site would have to ship them.
The loader reads a file from a folder (CPython's site-packages, or the source tree) and from a zip
archive alike: the site's worker puts the wheel itself on Python's path, unpacked by no one.
"""

from __future__ import annotations

import os

__all__ = ["read_text"]

_HERE = os.path.dirname(os.path.abspath(__file__))


def read_text(*parts: str) -> str:
    """The UTF-8 text of the package file at ``parts`` (e.g. ``"data", "regimes.json"``)."""
    path = os.path.join(_HERE, *parts)
    get_data = getattr(getattr(__spec__, "loader", None), "get_data", None)
    if get_data is None:  # no loader that reads files (the module was run some other way)
        with open(path, encoding="utf-8") as file:
            return file.read()
    data: bytes = get_data(path)
    return data.decode("utf-8")
