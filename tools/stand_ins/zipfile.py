"""Stand-in for ``zipfile`` in the site's Python (see ``tools/stdlib.py``).

Pyodide's start-up imports ``ZipFile`` for installing packages, which the checker never does (its
wheel is imported as it is, by Python's own zipimport); using it, or anything else from here, fails with a message
that says why.
"""

from typing import Any

MESSAGE = "zipfile.{} is not part of this site's Python: the checker does not need it"


class ZipFile:
    """Cannot be opened here."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise NotImplementedError(MESSAGE.format("ZipFile"))


def __getattr__(name: str) -> Any:
    raise AttributeError(MESSAGE.format(name), name=name, obj=None)
