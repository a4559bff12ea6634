"""Read built HTML pages with the standard library: elements with attributes, ids, and article text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Text inside these is not prose to score for reading level.
_SKIP_TEXT = {"table", "figure", "script", "style", "pre", "code", "nav", "ol.page-sources", "p.page-dates"}


@dataclass
class Element:
    """One start tag: its name, attributes and the text directly inside it (for small elements)."""

    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class Page:
    """A parsed page."""

    path: Path
    elements: list[Element] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    article_text: str = ""

    def find(self, tag: str, cls: str | None = None) -> list[Element]:
        """Elements named ``tag`` (with class ``cls``)."""
        return [e for e in self.elements if e.tag == tag and (cls is None or cls in e.attrs.get("class", "").split())]


class _Parser(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.stack: list[tuple[str, Element, bool]] = []
        self.in_article = 0
        self.skip = 0
        self.prose: list[str] = []

    @staticmethod
    def _skips(tag: str, attrs: dict[str, str]) -> bool:
        classes = attrs.get("class", "").split()
        return tag in _SKIP_TEXT or "headerlink" in classes or any(f"{tag}.{c}" in _SKIP_TEXT for c in classes)

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: v or "" for k, v in attrs_list}
        element = Element(tag, attrs)
        self.page.elements.append(element)
        if "id" in attrs:
            self.page.ids.add(attrs["id"])
        if tag in _VOID:
            return
        skips = self._skips(tag, attrs)
        self.in_article += tag == "article"
        self.skip += skips
        self.stack.append((tag, element, skips))

    def handle_endtag(self, tag: str) -> None:
        if not any(t == tag for t, _, _ in self.stack):
            return
        while self.stack:
            name, _, skips = self.stack.pop()
            self.in_article -= name == "article"
            self.skip -= skips
            if name == tag:
                break
        if tag in ("p", "li", "h1", "h2", "h3", "h4", "dd", "dt", "div", "blockquote"):
            self.prose.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.stack[-1][1].text += data
        if self.in_article and not self.skip:
            self.prose.append(data)


def parse_page(path: Path) -> Page:
    """Parse one built page."""
    page = Page(path)
    parser = _Parser(page)
    parser.feed(path.read_text(encoding="utf-8"))
    page.article_text = "".join(parser.prose)
    return page
