"""The site's own data, beside the checker's: sources of history and news, the timeline and the
open questions, from ``docs/data/``. Read once per build, checked as it is read."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from checker.lawdata import SOURCE_TYPES, SOURCES
from overrides.sitegen.words import ROOT

__all__ = ["DATA", "SiteData", "load_site_data", "site_data"]

DATA = ROOT / "docs" / "data"


@dataclass(frozen=True)
class SiteData:
    """Every source (the checker's and the site's), the timeline's events and the open questions."""

    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    open_questions: list[dict[str, Any]] = field(default_factory=list)

    def source(self, sid: str) -> dict[str, Any]:
        """The source ``sid``; an unknown id fails the build."""
        if sid not in self.sources:
            raise PluginError(f"unknown source id {sid!r}")
        return self.sources[sid]


def _read_list(path: Path, key: str) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    items: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))[key]
    return items


def load_site_data(folder: Path = DATA) -> SiteData:
    """Read and check ``docs/data/``: no source twice, known types, every cited source known."""
    sources = dict(SOURCES)
    for path in sorted((folder / "sources").glob("*.json")):
        for sid, source in json.loads(path.read_text(encoding="utf-8"))["sources"].items():
            if sid in sources:
                raise PluginError(f"{path.name}: source {sid!r} is defined twice")
            if source.get("type") not in SOURCE_TYPES:
                raise PluginError(f"{path.name}: source {sid!r} has an unknown type {source.get('type')!r}")
            sources[sid] = source
    data = SiteData(
        sources=sources,
        timeline=_read_list(folder / "timeline.json", "events"),
        open_questions=[
            q for path in sorted((folder / "open-questions").glob("*.json")) for q in _read_list(path, "questions")
        ],
    )
    for item in [*data.timeline, *data.open_questions]:
        for sid in item.get("sources", []):
            data.source(sid)
    return data


@lru_cache(maxsize=2)
def _cached(stamp: tuple[tuple[str, int], ...]) -> SiteData:
    return load_site_data()


def site_data() -> SiteData:
    """The site's data, read again only when a file in ``docs/data/`` changes (as under `serve`)."""
    stamp = tuple((str(p), p.stat().st_mtime_ns) for p in sorted(DATA.rglob("*.json")))
    return _cached(stamp)
