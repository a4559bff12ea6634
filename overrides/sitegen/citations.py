"""Sources: a page's numbered references and its "Sources on this page", the sources page, and
the timeline (its events cite their sources too)."""

from __future__ import annotations

from checker import REGIMES
from checker.lawdata import SOURCE_TYPES
from checker.messages import written_date
from overrides.sitegen.context import Context
from overrides.sitegen.parts import act_label, esc

__all__ = ["footer", "source_line", "sources_list", "timeline"]


def source_line(ctx: Context, sid: str) -> str:
    """Publisher, linked title and date of one source. The title is the source's own, in its own
    language (English, unless the source says otherwise), so a Spanish page marks it as such."""
    source = ctx.data.source(sid)
    publisher = f"{esc(source['publisher'])}, " if source.get("publisher") else ""
    date = f" ({esc(written_date(source['date'], ctx.lang.code))})" if source.get("date") else ""
    own = source.get("lang", "en")
    mark = f' lang="{esc(own)}"' if own != ctx.lang.code else ""
    return f'{publisher}<a href="{esc(source["url"])}"{mark}>{esc(source["title"])}</a>{date}'


def _kind(ctx: Context, sid: str) -> str:
    return ctx.lang(f"site.type.{ctx.data.source(sid)['type']}")


def footer(ctx: Context) -> str:
    """The page's "Sources on this page", numbered as they were cited ("" when none were)."""
    if not ctx.cited:
        return ""
    items = "\n".join(
        f'<li id="source-{n}">{source_line(ctx, sid)}. <span class="source-type">{esc(_kind(ctx, sid))}</span></li>'
        for n, sid in enumerate(ctx.cited, start=1)
    )
    heading = ctx.lang("site.sources_on_page")
    return f'\n\n## {heading} {{ #sources-on-this-page }}\n\n<ol class="page-sources">\n{items}\n</ol>\n'


def sources_list(ctx: Context) -> str:
    """Every source, grouped by type, each with an anchor."""
    parts = []
    sources = ctx.data.sources
    for kind in SOURCE_TYPES:
        ids = sorted((sid for sid, s in sources.items() if s["type"] == kind), key=lambda s: sources[s]["title"])
        if not ids:
            continue
        items = "".join(f'<li id="src-{esc(sid)}">{source_line(ctx, sid)}</li>' for sid in ids)
        parts.append(f'<h2>{esc(ctx.lang(f"site.type.{kind}"))}</h2><ul class="source-list">{items}</ul>')
    return "\n".join(parts)


def timeline(ctx: Context) -> str:
    """The site's timeline, with the date each version of the law took effect added from the checker."""
    lang = ctx.lang
    events = [
        {**e, "text": lang.text(e["text"]), "label": lang.text(e.get("label", e["date"]))} for e in ctx.data.timeline
    ]
    for regime in REGIMES[1:]:
        assert regime.effective_from is not None
        acts = " + ".join(act_label(lang, a) for a in regime.acts)
        events.append(
            {
                "date": regime.effective_from.isoformat(),
                "label": lang.long_date(regime.effective_from),
                "text": lang("site.timeline_act", acts=acts),
                "sources": [a["source"] for a in regime.acts],
            }
        )
    events.sort(key=lambda e: e["date"])
    items = "".join(
        f'<li><time datetime="{esc(e["date"])}">{esc(e["label"])}</time> '
        f"<span>{esc(e['text'])}{''.join(ctx.cite(s) for s in e.get('sources', []))}</span></li>"
        for e in events
    )
    return f'<ol class="timeline">{items}</ol>'
