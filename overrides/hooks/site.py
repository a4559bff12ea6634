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

import base64
import datetime as dt
import hashlib
import html
import json
import re
import shutil
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
        assert regime.effective_from is not None
        acts = " and ".join(
            f"{a['act']} ({a['bill']})" if a["confirmed"] else f"{a['bill']} (act number not confirmed)"
            for a in regime.acts
        )
        events.append(
            {
                "date": regime.effective_from.isoformat(),
                "label": f"{regime.effective_from:%B} {regime.effective_from.day}, {regime.effective_from.year}",
                "text": f"A version of Connecticut's TRUST Act takes effect: {acts}.",
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


def _expand(markdown: str, page: _Page, config: Any, prefix: str = "") -> str:
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
        if name == "checker":
            return _checker_form(prefix)
        if name == "provisions":
            return _provisions(page)
        if name == "example":
            return _example()
        if name == "embed-snippets":
            return _embed_snippets(config)
        if name == "print-links":
            return _print_links()
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
    prefix = "../" * page.url.count("/")
    text = _expand(markdown, state, config, prefix) + state.footer()
    kind = page.meta.get("print")
    if kind:
        text = f'<div class="print-{_e(kind)}" markdown>\n\n{text}\n\n</div>\n'
    return text


# --- The checker: its form, rendered from the question schema, and its runtime files ---------------

PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
WORKER = ROOT / "docs" / "javascripts" / "checker" / "worker.mjs"


def _pyodide_version() -> str:
    package = json.loads((PYODIDE_DIR / "package.json").read_text(encoding="utf-8"))
    version: str = package["version"]
    return version


def _wheel() -> Path:
    wheels = sorted((ROOT / "dist").glob("*-py3-none-any.whl"))
    if len(wheels) != 1:
        raise PluginError("the checker wheel is missing from dist/ (run `make wheel`)")
    return wheels[0]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _runtime_paths() -> dict[str, str]:
    """Where the runtime files go in the site, by content or version, so a release never goes stale."""
    wheel = _wheel()
    return {
        "runtime": f"assets/pyodide/{_pyodide_version()}/",
        "wheel": f"assets/checker/{_digest(wheel)}/{wheel.name}",
        "worker": f"javascripts/checker/worker.mjs?v={_digest(WORKER)}",
    }


def _checker_words() -> dict[str, str]:
    words = catalogue("en")
    return {k: v for k, v in words.items() if k.startswith(("ui.", "label.", "custodian.", "class.", "warrant.", "q."))}


def _choice(name: str, options: list[tuple[str, str]], unknown: str, described: str) -> str:
    radios = "".join(
        f'<label class="checker-choice"><input type="radio" name="{_e(name)}" value="{_e(value)}"'
        f"{' checked' if value == '' else ''}> {_e(text)}</label>"
        for value, text in [*options, ("", unknown)]
    )
    return f'<div class="checker-choices" aria-describedby="{described}">{radios}</div>'


def _checker_form(prefix: str) -> str:
    schema = questions()
    words = catalogue("en")
    unknown = schema["unknown_label"]
    names = {r["id"]: (r["effective_from"] or f"before {REGIMES[1].effective_from}") for r in schema["regimes"]}
    parts = []
    for field in schema["fields"]:
        fid = field["id"]
        ident = f"ck-{fid}"
        help_id = f"{ident}-help"
        regimes = ", ".join(
            f"law from {names[r]}" if not names[r].startswith("before") else f"law {names[r]}"
            for r in field["asked_in"]
        )
        help_text = f"{field['help']} {words['ui.asked_in'].format(regimes=regimes)}"
        if fid == "as_of":
            help_text = f"{field['help']} {words['ui.date_today']}"
        elif len(field["asked_in"]) == len(REGIMES) or fid == "custodian":
            help_text = field["help"]
        hint = f'<p class="checker-hint" id="{help_id}">{_e(help_text)}</p>'
        if field["type"] in ("date", "datetime"):
            kind = "date" if field["type"] == "date" else "datetime-local"
            parts.append(
                f'<div class="checker-field"><label for="{ident}">{_e(field["label"])}</label>'
                f'<input type="{kind}" id="{ident}" name="{fid}" aria-describedby="{help_id}">{hint}</div>'
            )
        elif fid == "custodian":
            options = "".join(f'<option value="{_e(v["value"])}">{_e(v["label"])}</option>' for v in field["values"])
            parts.append(
                f'<div class="checker-field"><label for="{ident}">{_e(field["label"])}</label>'
                f'<select id="{ident}" name="{fid}" aria-describedby="{help_id}"><option value="">{_e(unknown)}</option>'
                f"{options}</select>{hint}</div>"
            )
        elif field["type"] == "convictions":
            klass = field["item"]["class"]
            statute = field["item"]["statute"]
            class_options = "".join(
                f'<option value="{_e(v["value"])}">{_e(v["label"])}</option>' for v in klass["values"]
            )
            row = (
                '<fieldset class="checker-conviction" data-index="0"><legend>'
                f"{_e(words['ui.conviction'].format(n=1))}</legend>"
                f'<label for="ck-convictions-0-class">{_e(klass["label"])}</label>'
                f'<select id="ck-convictions-0-class" name="convictions[0].class"><option value="">{_e(unknown)}</option>'
                f"{class_options}</select>"
                f'<label for="ck-convictions-0-statute">{_e(statute["label"])} {_e(words["ui.optional"])}</label>'
                f'<input type="text" id="ck-convictions-0-statute" name="convictions[0].statute" inputmode="text"'
                f' autocomplete="off" spellcheck="false" pattern="{_e(statute["pattern"])}">'
                "</fieldset>"
            )
            choice = _choice(
                "convictions",
                [("none", words["ui.convictions_none"]), ("some", words["ui.convictions_some"])],
                unknown,
                help_id,
            )
            parts.append(
                f'<fieldset class="checker-field"><legend>{_e(field["label"])}</legend>{choice}{hint}'
                f'<div class="checker-convictions" hidden>{row}'
                f'<button type="button" class="md-button checker-add">{_e(words["ui.add_conviction"])}</button></div></fieldset>'
            )
        else:
            choices: list[tuple[str, str]] = [
                (json.dumps(v["value"]) if field["type"] == "boolean" else v["value"], v["label"])
                for v in field["values"]
            ]
            parts.append(
                f'<fieldset class="checker-field"><legend>{_e(field["label"])}</legend>'
                f"{_choice(fid, choices, unknown, help_id)}{hint}</fieldset>"
            )
    data = json.dumps({"words": _checker_words(), "questions": schema}, ensure_ascii=False).replace("</", "<\\/")
    paths = _runtime_paths()
    attrs = " ".join(f'data-{k}="{_e(prefix + v)}"' for k, v in paths.items())
    return (
        f'<div class="checker-host"><trust-act-checker data-state="static" {attrs} data-tables="{_e(prefix)}trust-act/decision-tables/"'
        f' data-law="{_e(prefix)}trust-act/provisions/" data-help="{_e(prefix)}about/#get-help">'
        f'<script type="application/json" class="checker-data">{data}</script>'
        f'<p class="checker-status" role="status">{_e(words["ui.loading"])}</p>'
        f'<noscript><p class="checker-failed">{_e(words["ui.failed"])} '
        f'<a href="{_e(prefix)}trust-act/decision-tables/">{_e(words["ui.failed_link"])}</a></p></noscript>'
        f'<form class="checker-form" novalidate>{"".join(parts)}'
        f'<button type="submit" class="md-button md-button--primary checker-submit">{_e(words["ui.check"])}</button></form>'
        '<div class="checker-result" aria-live="polite"></div></trust-act-checker></div>'
    )


def _provisions(page: _Page) -> str:
    """Every provision of the citation table, grouped by version, each with an anchor reasons link to."""
    parts = []
    groups: list[tuple[str, list[str]]] = [("Federal law", [p for p, c in CITATIONS.items() if c["regime"] is None])]
    groups += [(r.name, [p for p, c in CITATIONS.items() if c["regime"] == r.id]) for r in REGIMES]
    for title, ids in groups:
        parts.append(f"<h2>{_e(title)}</h2>")
        for pid in ids:
            parts.append(f'<section id="p-{_e(pid)}" class="provision">{_law(pid, page)}</section>')
    return "\n".join(parts)


EXAMPLE = {
    "as_of": "2015-03-06",
    "custodian": "correction",
    "convictions": [{"class": "D"}],
    "release_at": "2015-03-06T17:00",
}


def _example() -> str:
    """A scenario and the main parts of its decision, computed now, so the docs never show a stale answer."""
    decision = decide_json(EXAMPLE)
    shown = {
        "outcome": decision["outcome"],
        "summary": decision["summary"],
        "regime": {k: decision["regime"][k] for k in ("id", "effective_from", "effective_to")},
        "reasons": [{k: r[k] for k in ("text", "citation", "status")} for r in decision["reasons"][:2]],
        "hold_until": decision["hold_until"],
    }
    scenario = _e(json.dumps(EXAMPLE, indent=2))
    answer = _e(json.dumps(shown, indent=2, ensure_ascii=False))
    return (
        f'<p>Scenario:</p><pre><code class="language-json">{scenario}</code></pre>'
        f"<p>Decision (the first two of {len(decision['reasons'])} reasons):</p>"
        f'<pre><code class="language-json">{answer}</code></pre>'
    )


EMBED_SANDBOX = "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox"


def _embed_snippets(config: Any) -> str:
    """The copy-paste snippets for other sites, with this site's own address."""
    site = str(config["site_url"] or "https://example.invalid/")
    origin = re.sub(r"^(https?://[^/]+).*$", r"\1", site)
    loader = (
        f'<script src="{site}embed.js" async></script>\n<trust-act-embed lang="en" theme="light"></trust-act-embed>'
    )
    frame = (
        f'<iframe src="{site}embed/" title="TRUST Act checker"\n'
        f'        style="width:100%;height:1600px;border:0"\n'
        f'        sandbox="{EMBED_SANDBOX}"\n'
        '        allow="clipboard-write" referrerpolicy="no-referrer"></iframe>'
    )
    policy = f"script-src {origin}; frame-src {origin}"
    return (
        "<p>With the loader (the frame grows and shrinks with its content):</p>"
        f'<pre><code class="language-html">{_e(loader)}</code></pre>'
        "<p>Without scripts (a fixed height; for sites that strip script tags):</p>"
        f'<pre><code class="language-html">{_e(frame)}</code></pre>'
        "<p>If your site has a Content-Security-Policy, add this site to it:</p>"
        f"<pre><code>{_e(policy)}</code></pre>"
    )


PRINTOUTS = (
    (
        "trust-act-guide.pdf",
        "The whole guide",
        "Every page of this site that explains the program and the law, in one PDF.",
    ),
    (
        "trust-act-at-a-glance.pdf",
        "The TRUST Act at a glance",
        "One page: what the law allows today, who it binds, where to get help.",
    ),
    (
        "trust-act-wallet-card.pdf",
        "Wallet card",
        "A two-sided card: what a detainer is, when a hold is allowed, what you can say.",
    ),
)


def _print_links() -> str:
    """Links to the PDFs that `make build` writes next to this page."""
    items = "".join(
        f'<li><a href="{name}" type="application/pdf">{_e(title)} (PDF)</a>: {_e(text)}</li>'
        for name, title, text in PRINTOUTS
    )
    return f'<ul class="print-links">{items}</ul>'


def on_post_build(config: Any) -> None:
    """Copy the Python runtime (from the npm package) and the checker wheel into the site."""
    site = Path(config["site_dir"])
    paths = _runtime_paths()
    runtime = site / paths["runtime"]
    runtime.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        source = PYODIDE_DIR / name
        if not source.exists():
            raise PluginError(f"{source.name} is missing from the pyodide npm package (run `npm ci`)")
        shutil.copyfile(source, runtime / name)
    wheel = site / paths["wheel"]
    wheel.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_wheel(), wheel)


# --- Content-Security-Policy, with the hashes of the theme's own inline scripts -------------------

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S)


def content_security_policy(html_text: str) -> str:
    """A strict policy for one page: same-origin everything; inline scripts only by their hash."""
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
            for s in _INLINE_SCRIPT.findall(html_text)
        }
    )
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval' " + " ".join(hashes),
            "worker-src 'self'",
            "connect-src 'self'",
            "img-src 'self' data:",
            "style-src 'self' 'unsafe-inline'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    ).replace("  ", " ")


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Put the page's Content-Security-Policy first in its head."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(output)}">'
    return output.replace("<head>", "<head>\n    " + meta, 1)
