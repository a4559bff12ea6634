"""Stand-in for ``tempfile`` in the site's Python (see ``tools/stdlib.py``).

Pyodide's start-up imports ``NamedTemporaryFile`` for installing packages, which the checker never
does; using it, or anything else from here, fails with a message that says why.
"""

from typing import Any

MESSAGE = "tempfile.{} is not part of this site's Python: the checker does not need it"


def NamedTemporaryFile(*args: Any, **kwargs: Any) -> Any:
    raise NotImplementedError(MESSAGE.format("NamedTemporaryFile"))


def __getattr__(name: str) -> Any:
    raise AttributeError(MESSAGE.format(name), name=name, obj=None)
