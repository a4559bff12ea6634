"""Stand-in for ``shutil`` in the site's Python (see ``tools/stdlib.py``).

Pyodide's start-up imports ``shutil`` and registers its wheel format with it; the checker never
copies, moves or unpacks files. So the two registration calls do nothing, and everything else
fails with a message that says why.
"""

from typing import Any

MESSAGE = "shutil.{} is not part of this site's Python: the checker does not need it"


def register_archive_format(*args: Any, **kwargs: Any) -> None:
    """Does nothing: no archive can be made here."""


def register_unpack_format(*args: Any, **kwargs: Any) -> None:
    """Does nothing: no archive can be unpacked here."""


def _unpack_zipfile(*args: Any, **kwargs: Any) -> None:
    raise NotImplementedError(MESSAGE.format("_unpack_zipfile"))


def __getattr__(name: str) -> Any:
    raise AttributeError(MESSAGE.format(name), name=name, obj=None)
