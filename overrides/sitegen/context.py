"""What every renderer is given: the language, the site's data, the page being built and its citations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from overrides.sitegen.data import SiteData
from overrides.sitegen.parts import esc
from overrides.sitegen.words import Language

__all__ = ["Context"]


@dataclass
class Context:
    """One page of one language being built."""

    lang: Language
    data: SiteData
    config: Any = field(default_factory=dict)  # MkDocs' config: site_url, extra.law_firm
    prefix: str = ""  # from the page to the site root ("../" per level)
    cited: list[str] = field(default_factory=list)  # the page's sources, in order of first citation

    def cite(self, sid: str) -> str:
        """A numbered reference to source ``sid``; the number is its place in the page's list."""
        self.data.source(sid)
        if sid not in self.cited:
            self.cited.append(sid)
        n = self.cited.index(sid) + 1
        label = esc(self.lang("site.source_n", n=n))
        return f'<sup class="cite"><a href="#source-{n}" aria-label="{label}">[{n}]</a></sup>'
