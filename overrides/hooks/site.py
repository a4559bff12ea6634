"""MkDocs hook: expands the site's shortcodes from the checker's own data, and checks every page.

Authors write Markdown; a shortcode is an HTML comment, ``<!-- md:NAME ARGS -->``:

- ``md:cite SOURCE_ID``: a numbered reference to a source; the page gets "Sources on this page".
- ``md:law PROVISION_ID``: the provision's words as a marked quotation, with its status and source.
- ``md:decision-table REGIME_ID``: what the checker decides in each simple case, run at build time.
- ``md:coverage``, ``md:regimes``: who each version binds, and the versions side by side.
- ``md:timeline``, ``md:sources``, ``md:unverified``, ``md:firm``, ``md:as-of``.

Law data (versions, dates, citations, most sources) is read from ``checker/``; site-only facts (the
timeline, sources of history and news, open questions) from ``docs/data/``. An unknown shortcode
or id, or a page without its ``reviewed`` date, fails the build.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker import CITATIONS, REGIMES, decide_json, questions  # noqa: E402 - needs the path above
from checker.engine import evaluate  # noqa: E402
from checker.lawdata import CURRENT_AS_OF, SOURCES  # noqa: E402
from checker.messages import catalogue  # noqa: E402
from checker.model import CUSTODIANS, Outcome, Scenario  # noqa: E402

DATA = ROOT / "docs" / "data"
SHORTCODE = re.compile(r"<!-- md:([a-z-]+)(?:\s+([^>]*?))?\s*-->")
SOURCE_TYPES = {
    "statute": "Statutes",
    "public_act": "Public acts and bills",
    "regulation": "Regulations",
    "legislative_analysis": "Legislative analyses and legislators' statements",
    "agency_document": "Government agency documents",
    "court_opinion": "Court opinions",
    "secondary": "News, research and advocacy (secondary sources)",
}
STATUS_HELP = {
    "verbatim": "The statute's own words, copied from a reproduction of the official text.",
    "official_paraphrase": "Not the statute's words: an official summary's or legislator's description of them.",
    "unverified": "We could not retrieve or confirm this text.",
}

_all_sources: dict[str, dict[str, Any]] = {}
_timeline: list[dict[str, Any]] = []
_open_questions: list[dict[str, Any]] = []


def _load_site_data() -> None:
    _all_sources.clear()
    _all_sources.update(SOURCES)
    for path in sorted((DATA / "sources").glob("*.json")):
        for sid, source in json.loads(path.read_text(encoding="utf-8"))["sources"].items():
            if sid in _all_sources:
                raise PluginError(f"{path.name}: source {sid!r} is defined twice")
            if source.get("type") not in SOURCE_TYPES:
                raise PluginError(f"{path.name}: source {sid!r} has an unknown type {source.get('type')!r}")
            _all_sources[sid] = source
    _timeline[:] = _read_list(DATA / "timeline.json", "events")
    _open_questions[:] = [
        q for path in sorted((DATA / "open-questions").glob("*.json")) for q in _read_list(path, "questions")
    ]
    for item in [*_timeline, *_open_questions]:
        for sid in item.get("sources", []):
            _source(sid)


def _read_list(path: Path, key: str) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    items: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))[key]
    return items


def _source(sid: str) -> dict[str, Any]:
    if sid not in _all_sources:
        raise PluginError(f"unknown source id {sid!r}")
    return _all_sources[sid]


def _kind(sid: str) -> str:
    return SOURCE_TYPES[_source(sid)["type"]]


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _source_line(sid: str) -> str:
    source = _source(sid)
    publisher = f"{_e(source['publisher'])}, " if source.get("publisher") else ""
    date = f" ({_e(source['date'])})" if source.get("date") else ""
    return f'{publisher}<a href="{_e(source["url"])}">{_e(source["title"])}</a>{date}'


# --- Page-level state: numbered citations -------------------------------------------------------


class _Page:
    def __init__(self) -> None:
        self.cited: list[str] = []

    def cite(self, sid: str) -> str:
        _source(sid)
        if sid not in self.cited:
            self.cited.append(sid)
        n = self.cited.index(sid) + 1
        return f'<sup class="cite"><a href="#source-{n}" aria-label="Source {n}">[{n}]</a></sup>'

    def footer(self) -> str:
        if not self.cited:
            return ""
        items = "\n".join(
            f'<li id="source-{n}">{_source_line(sid)}. <span class="source-type">{_e(_kind(sid))}</span></li>'
            for n, sid in enumerate(self.cited, start=1)
        )
        return f'\n\n## Sources on this page {{ #sources-on-this-page }}\n\n<ol class="page-sources">\n{items}\n</ol>\n'


# --- Shortcodes ----------------------------------------------------------------------------------


def _law(pid: str, page: _Page) -> str:
    if pid not in CITATIONS:
        raise PluginError(f"unknown provision id {pid!r}")
    entry = CITATIONS[pid]
    words = catalogue("en")
    status = entry["status"]
    label = words["label.status." + status]
    badge = f'<span class="law-status law-status--{status}" title="{_e(STATUS_HELP[status])}">{_e(label)}</span>'
    body = (
        f"<blockquote><p>{_e(entry['quote'])}</p></blockquote>"
        if entry["quote"]
        else '<p class="law-missing">The text of this provision could not be retrieved.</p>'
    )
    note = f'<p class="law-note">{_e(entry["note"])}</p>' if entry.get("note") else ""
    return (
        f'<figure class="law-quote law-quote--{status}">{body}'
        f"<figcaption><strong>{_e(entry['citation'])}</strong> {badge} {page.cite(entry['source'])}"
        f"<br><small>{_e(STATUS_HELP[status])}</small>{note}</figcaption></figure>"
    )


def _outcome_label(outcome: str) -> str:
    return catalogue("en")[f"label.outcome.{outcome}"]


def _table(head: list[str], rows: list[str], caption: str, cls: str) -> str:
    th = "".join(f'<th scope="col">{_e(h)}</th>' for h in head)
    return (
        f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table {cls}"><table>'
        f"<caption>{_e(caption)}</caption><thead><tr>{th}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></div>"
    )


def _row(scenario: dict[str, Any], question: str, answer: str) -> str:
    decision = decide_json(scenario)
    deciding = [
        r for r in decision["reasons"] if r["finding"] in ("met", "unknown") and not r["id"].startswith("covered.")
    ]
    if decision["outcome"] == "may_not_hold":
        deciding = [r for r in decision["reasons"] if r["id"].startswith("frame.")]
    if decision["outcome"] == "not_covered":
        deciding = decision["reasons"][:1]
    cites = "; ".join(dict.fromkeys(r["citation"] for r in deciding))
    data = _e(json.dumps(scenario, sort_keys=True))
    outcome = decision["outcome"]
    return (
        f'<tr data-scenario="{data}" data-outcome="{outcome}"><td>{_e(question)}</td><td>{_e(answer)}</td>'
        f'<td class="outcome outcome--{outcome}">{_e(_outcome_label(outcome))}</td><td>{_e(cites)}</td></tr>'
    )


def _decision_table(regime_id: str) -> str:
    regime = next((r for r in REGIMES if r.id == regime_id), None)
    if regime is None:
        raise PluginError(f"unknown regime id {regime_id!r}")
    day = (regime.effective_from or dt.date(2013, 6, 1)).isoformat()
    schema = {f["id"]: f for f in questions()["fields"]}
    words = catalogue("en")
    covered = [c for c in CUSTODIANS if _covered(c, regime_id)]
    others = [c for c in CUSTODIANS if c not in covered]
    head = ["Question", "Answer", "Outcome", "Citation"]
    rows: list[str] = []
    if regime.effective_from is None:
        local = next(c for c in CUSTODIANS if c != "federal")
        rows.append(
            _row({"as_of": day, "custodian": local}, schema["custodian"]["label"], "Any state or local official")
        )
        rows.append(
            _row({"as_of": day, "custodian": "federal"}, schema["custodian"]["label"], words["custodian.federal"])
        )
        return _table(head, rows, f"{regime.name}: before {REGIMES[1].effective_from}", "decision-table")
    asked = [
        name
        for name, f in schema.items()
        if regime_id in f["asked_in"] and name not in ("as_of", "custodian", "release_at")
    ]
    base: dict[str, Any] = {"as_of": day, "custodian": covered[0]}
    for name in asked:
        base[name] = {"warrant": "none", "convictions": []}.get(name, False)
    rows.append(_row(base, "None of the listed grounds applies", "(every answer below is No or None)"))
    for name in asked:
        field = schema[name]
        if name == "convictions":
            for option in field["item"]["class"]["values"]:
                rows.append(_row({**base, name: [{"class": option["value"]}]}, field["label"], option["label"]))
        elif name == "warrant":
            for option in field["values"][1:]:
                rows.append(_row({**base, name: option["value"]}, field["label"], option["label"]))
        else:
            rows.append(_row({**base, name: True}, field["label"], words["q.yes"]))
    unknown = {k: v for k, v in base.items() if k != asked[0]}
    rows.append(_row(unknown, schema[asked[0]]["label"], words["q.unknown"]))
    for custodian in others:
        rows.append(
            _row({**base, "custodian": custodian}, schema["custodian"]["label"], words[f"custodian.{custodian}"])
        )
    until = f" to {regime.effective_to}" if regime.effective_to else " on"
    caption = (
        f"{regime.name}, from {regime.effective_from}{until}. Each row changes one answer; officials bound: "
        + ", ".join(words[f"custodian.{c}"] for c in covered)
    )
    return _table(head, rows, caption, "decision-table")


def _covered(custodian: str, regime_id: str) -> bool:
    regime = next(r for r in REGIMES if r.id == regime_id)
    day = regime.effective_from or dt.date(2013, 6, 1)
    outcome = evaluate(Scenario(as_of=day, custodian=custodian, warrant="judicial"), regime).outcome
    return outcome not in (Outcome.NOT_COVERED, Outcome.NO_STATE_LIMIT)


def _coverage() -> str:
    words = catalogue("en")
    head = ["Official", *[_period(r) for r in REGIMES[1:]]]
    rows = []
    for custodian in CUSTODIANS:
        cells = "".join(
            '<td class="covered">Bound</td>' if _covered(custodian, r.id) else '<td class="not-covered">Not bound</td>'
            for r in REGIMES[1:]
        )
        rows.append(f'<tr><th scope="row">{_e(words["custodian." + custodian])}</th>{cells}</tr>')
    return _table(head, rows, "Who each version of the TRUST Act binds (from the checker's rules)", "coverage-table")


def _period(regime: Any) -> str:
    if regime.effective_to is None:
        return f"From {regime.effective_from}"
    return f"{regime.effective_from} to {regime.effective_to}"


def _regimes(page: _Page) -> str:
    schema = {f["id"]: f for f in questions()["fields"]}
    head = [
        "Version in force",
        *[_period(r) if r.effective_from else f"Before {REGIMES[1].effective_from}" for r in REGIMES],
    ]
    acts = "".join(
        "<td>"
        + (
            "<br>".join(
                f"{_e(a['act'])}{'' if a['confirmed'] else ' (number not confirmed)'} ({_e(a['bill'])})"
                f" {page.cite(a['source'])}"
                for a in r.acts
            )
            or "No state statute"
        )
        + "</td>"
        for r in REGIMES
    )
    summary = "".join(f"<td>{_e(r.summary)}</td>" for r in REGIMES)
    asked = "".join(
        "<td>"
        + (
            "<ul>"
            + "".join(
                f"<li>{_e(f['label'])}</li>"
                for name, f in schema.items()
                if r.id in f["asked_in"] and name not in ("as_of", "custodian", "release_at")
            )
            + "</ul>"
            if r.effective_from
            else "—"
        )
        + "</td>"
        for r in REGIMES
    )
    limits = []
    for r in REGIMES:
        limit = decide_json({"as_of": (r.effective_from or dt.date(2013, 6, 1)).isoformat()})["hold_limit"]
        if limit is None:
            limits.append("<td>Only the federal regulation (48 hours, excluding weekends and holidays)</td>")
        elif limit["hours"]:
            limits.append(
                f"<td>{limit['hours']} hours, not counting Saturdays, Sundays and federal holidays "
                f"({_e(catalogue('en')['label.status.' + limit['status']])})</td>"
            )
        else:
            limits.append("<td>Not verified</td>")
    rows = [
        f'<tr><th scope="row">Acts</th>{acts}</tr>',
        f'<tr><th scope="row">In short</th>{summary}</tr>',
        f'<tr><th scope="row">Questions that matter</th>{asked}</tr>',
        f'<tr><th scope="row">Time limit on a hold</th>{"".join(limits)}</tr>',
    ]
    return _table(head, rows, "The versions of Conn. Gen. Stat. § 54-192h side by side", "regimes-table")


def _timeline_html(page: _Page) -> str:
    events = [dict(e) for e in _timeline]
    for regime in REGIMES[1:]:
        acts = " and ".join(a["act"] for a in regime.acts)
        events.append(
            {
                "date": regime.effective_from.isoformat() if regime.effective_from else "",
                "text": f"{regime.name} takes effect in Connecticut ({acts}).",
                "sources": [a["source"] for a in regime.acts],
            }
        )
    events.sort(key=lambda e: e["date"])
    items = "".join(
        f'<li><time datetime="{_e(e["date"])}">{_e(e.get("label", e["date"]))}</time> '
        f"<span>{_e(e['text'])}{''.join(page.cite(s) for s in e.get('sources', []))}</span></li>"
        for e in events
    )
    return f'<ol class="timeline">{items}</ol>'


def _sources_html() -> str:
    parts = []
    for kind, title in SOURCE_TYPES.items():
        ids = sorted(
            (sid for sid, s in _all_sources.items() if s["type"] == kind), key=lambda s: _all_sources[s]["title"]
        )
        if not ids:
            continue
        items = "".join(f'<li id="src-{_e(sid)}">{_source_line(sid)}</li>' for sid in ids)
        parts.append(f'<h2>{_e(title)}</h2><ul class="source-list">{items}</ul>')
    return "\n".join(parts)


def _unverified_html(page: _Page) -> str:
    words = catalogue("en")
    law = "".join(
        f"<li><strong>{_e(c['citation'])}</strong> ({_e(words['label.status.' + c['status']])})."
        f" {_e(c['note'] or '')}</li>"
        for c in CITATIONS.values()
        if c["status"] == "unverified"
    )
    paraphrased = "".join(
        f"<li>{_e(c['citation'])}</li>" for c in CITATIONS.values() if c["status"] == "official_paraphrase"
    )
    other = "".join(
        f"<li>{_e(q['text'])}{''.join(page.cite(s) for s in q.get('sources', []))}</li>" for q in _open_questions
    )
    return (
        "<h3>Law text we could not verify</h3>"
        f"<ul>{law}</ul>"
        "<h3>Law we know only from official summaries, not the statute's words</h3>"
        f"<ul>{paraphrased}</ul>" + (f"<h3>Other open questions</h3><ul>{other}</ul>" if other else "")
    )


def _firm(config: Any) -> str:
    firm = config["extra"].get("law_firm") or {}
    if not firm.get("name"):
        return ""
    phone = firm.get("phone", "")
    tel = re.sub(r"[^0-9+]", "", phone)
    parts = [f"<strong>{_e(firm['name'])}</strong>"]
    if phone:
        parts.append(f'<a href="tel:{_e(tel)}">{_e(phone)}</a>')
    if firm.get("contact_url"):
        parts.append(f'<a href="{_e(firm["contact_url"])}">Contact the firm</a>')
    return f'<p class="law-firm">{" · ".join(parts)}</p>'


def _expand(markdown: str, page: _Page, config: Any) -> str:
    def replace(match: re.Match[str]) -> str:
        name, arg = match.group(1), (match.group(2) or "").strip()
        if name == "cite":
            return "".join(page.cite(s) for s in arg.split())
        if name == "law":
            return _law(arg, page)
        if name == "decision-table":
            return _decision_table(arg)
        if name == "coverage":
            return _coverage()
        if name == "regimes":
            return _regimes(page)
        if name == "timeline":
            return _timeline_html(page)
        if name == "sources":
            return _sources_html()
        if name == "unverified":
            return _unverified_html(page)
        if name == "firm":
            return _firm(config)
        if name == "as-of":
            return CURRENT_AS_OF.isoformat()
        raise PluginError(f"unknown shortcode md:{name}")

    return SHORTCODE.sub(replace, markdown)


# --- MkDocs events ------------------------------------------------------------------------------


def on_config(config: Any) -> Any:
    """Load the site data and give the templates the law's 'current as of' date."""
    _load_site_data()
    config["extra"]["law_current_as_of"] = CURRENT_AS_OF.isoformat()
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Check the page's dates and expand its shortcodes."""
    reviewed = page.meta.get("reviewed")
    if not isinstance(reviewed, dt.date):
        raise PluginError(f"{page.file.src_uri}: front matter needs 'reviewed: YYYY-MM-DD'")
    state = _Page()
    return _expand(markdown, state, config) + state.footer()
