"""MkDocs hook: expands the site's shortcodes from the checker's own data, and checks every page.

Authors write Markdown; a shortcode is an HTML comment, ``<!-- md:NAME ARGS -->``:

- ``md:cite SOURCE_ID``: a numbered reference to a source; the page gets "Sources on this page".
- ``md:law PROVISION_ID``: the provision's words as a marked quotation, with its status and source.
- ``md:decision-table REGIME_ID``: what the checker decides in each simple case, run at build time.
- ``md:coverage``, ``md:regimes``: who each version binds, and the versions side by side.
- ``md:timeline``, ``md:sources``, ``md:unverified``, ``md:firm``, ``md:as-of``.
- ``md:checker``: the checker's form, from the question schema; ``md:provisions``: every provision.
- ``md:example``, ``md:embed-snippets``, ``md:print-links``: a decision computed at build time, the
  snippets for other sites, and links to the PDFs.
- ``md:bench``: the latest ``make bench`` figures, from ``docs/data/bench.json``.
- ``md:contacts [ID ...]``: whom to call, from ``docs/data/contacts.json`` (``contacts.py``, which
  holds its own few words in both languages).

Each language is built in turn (the i18n plugin); every word the hook writes comes from the
checker's message catalogues, so the Spanish pages get Spanish tables and captions.

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
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker import CITATIONS, REGIMES, decide_json, questions  # noqa: E402 - needs the path above
from checker.engine import evaluate  # noqa: E402
from checker.lawdata import CURRENT_AS_OF, SOURCE_TYPES, SOURCES  # noqa: E402
from checker.messages import catalogue, note  # noqa: E402
from checker.model import CUSTODIANS, DUTY_FACTS, Outcome, Scenario  # noqa: E402
from overrides.build.stdlib import COPIED, PYODIDE, runtime_digest, runtime_files  # noqa: E402
from overrides.hooks import contacts  # noqa: E402

DATA = ROOT / "docs" / "data"
SHORTCODE = re.compile(r"<!-- md:([a-z-]+)(?:\s+([^>]*?))?\s*-->")

# The language being built: the i18n plugin builds each language in turn; on_config sets these.
_lang = "en"
# The language's folder in the site ("" for the default language, "es/" for Spanish).
_lang_dir = ""


def W(key: str, **values: object) -> str:
    """The site's words for ``key`` in the language being built."""
    return catalogue(_lang)[key].format(**values)


def _t(text: str | dict[str, str]) -> str:
    """A data text in the language being built (data files give ``{"en": ..., "es": ...}``)."""
    if isinstance(text, str):
        return text
    return text.get(_lang) or text["en"]


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
    return W(f"site.type.{_source(sid)['type']}")


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
        label = _e(W("site.source_n", n=n))
        return f'<sup class="cite"><a href="#source-{n}" aria-label="{label}">[{n}]</a></sup>'

    def footer(self) -> str:
        if not self.cited:
            return ""
        items = "\n".join(
            f'<li id="source-{n}">{_source_line(sid)}. <span class="source-type">{_e(_kind(sid))}</span></li>'
            for n, sid in enumerate(self.cited, start=1)
        )
        return f'\n\n## {W("site.sources_on_page")} {{ #sources-on-this-page }}\n\n<ol class="page-sources">\n{items}\n</ol>\n'


# --- Shortcodes ----------------------------------------------------------------------------------


def _law(pid: str, page: _Page) -> str:
    if pid not in CITATIONS:
        raise PluginError(f"unknown provision id {pid!r}")
    entry = CITATIONS[pid]
    words = catalogue(_lang)
    status = entry["status"]
    label = words["label.status." + status]
    helptext = W(f"site.status_help.{status}")
    # The help text is shown under the badge, so no title: it would be read twice, and each title
    # costs the theme a tooltip (42 of them made the provisions page sluggish on phones).
    badge = f'<span class="law-status law-status--{status}">{_e(label)}</span>'
    body = (
        f'<blockquote lang="en"><p>{_e(entry["quote"])}</p></blockquote>'
        if entry["quote"]
        else f'<p class="law-missing">{_e(W("site.law_missing"))}</p>'
    )
    text = note(pid, _lang)
    note_html = f'<p class="law-note">{_e(text)}</p>' if text else ""
    return (
        f'<figure class="law-quote law-quote--{status}">{body}'
        f"<figcaption><strong>{_e(entry['citation'])}</strong> {badge} {page.cite(entry['source'])}"
        f"<br><small>{_e(helptext)}</small>{note_html}</figcaption></figure>"
    )


def _outcome_label(outcome: str) -> str:
    return W(f"label.outcome.{outcome}")


def _table(head: list[str], rows: list[str], caption: str, cls: str) -> str:
    th = "".join(f'<th scope="col">{_e(h)}</th>' for h in head)
    return (
        f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table {cls}"><table>'
        f"<caption>{_e(caption)}</caption><thead><tr>{th}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></div>"
    )


def _row(scenario: dict[str, Any], question: str, answer: str) -> str:
    decision = decide_json(scenario, _lang)
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
    schema = {f["id"]: f for f in questions(_lang)["fields"]}
    words = catalogue(_lang)
    covered = [c for c in CUSTODIANS if _covered(c, regime_id)]
    others = [c for c in CUSTODIANS if c not in covered]
    head = [W("site.head.question"), W("site.head.answer"), W("site.head.outcome"), W("site.head.citation")]
    who = schema["custodian"]["label"]
    rows: list[str] = []
    if regime.effective_from is None:
        local = next(c for c in CUSTODIANS if c != "federal")
        rows.append(_row({"as_of": day, "custodian": local}, who, W("site.any_local")))
        rows.append(_row({"as_of": day, "custodian": "federal"}, who, words["custodian.federal"]))
        caption = W("site.table_caption_before", name=regime.name(_lang), period=_period(regime))
        return _table(head, rows, caption, "decision-table")
    asked = [
        name
        for name, f in schema.items()
        if regime_id in f["asked_in"] and name not in ("as_of", "custodian", "release_at", "asked", *DUTY_FACTS)
    ]
    base: dict[str, Any] = {"as_of": day, "custodian": covered[0]}
    for name in asked:
        base[name] = {"warrant": "none", "convictions": []}.get(name, False)
    rows.append(_row(base, W("site.no_ground"), W("site.no_ground_answer")))
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
        rows.append(_row({**base, "custodian": custodian}, who, words[f"custodian.{custodian}"]))
    officials = ", ".join(words[f"custodian.{c}"] for c in covered)
    caption = W("site.table_caption", name=regime.name(_lang), period=_period(regime), officials=officials)
    return _table(head, rows, caption, "decision-table")


def _covered(custodian: str, regime_id: str) -> bool:
    regime = next(r for r in REGIMES if r.id == regime_id)
    day = regime.effective_from or dt.date(2013, 6, 1)
    outcome = evaluate(Scenario(as_of=day, custodian=custodian, warrant="judicial"), regime).outcome
    return outcome not in (Outcome.NOT_COVERED, Outcome.NO_STATE_LIMIT)


def _coverage() -> str:
    words = catalogue(_lang)
    head = [W("site.head.official"), *[_period(r) for r in REGIMES[1:]]]
    rows = []
    for custodian in CUSTODIANS:
        cells = "".join(
            f'<td class="covered">{_e(W("site.bound"))}</td>'
            if _covered(custodian, r.id)
            else f'<td class="not-covered">{_e(W("site.not_bound"))}</td>'
            for r in REGIMES[1:]
        )
        rows.append(f'<tr><th scope="row">{_e(words["custodian." + custodian])}</th>{cells}</tr>')
    return _table(head, rows, W("site.coverage_caption"), "coverage-table")


def _period(regime: Any) -> str:
    if regime.effective_from is None:
        return W("site.period_before", end=REGIMES[1].effective_from)
    if regime.effective_to is None:
        return W("site.period_open", start=regime.effective_from)
    return W("site.period", start=regime.effective_from, end=regime.effective_to)


def _act_label(act: dict[str, Any]) -> str:
    return f"{act['act']} ({act['bill']})" if act["confirmed"] else W("site.act_unconfirmed", bill=act["bill"])


def _regimes(page: _Page) -> str:
    schema = {f["id"]: f for f in questions(_lang)["fields"]}
    head = [W("site.head.version"), *[_period(r) for r in REGIMES]]
    acts = "".join(
        "<td>"
        + ("<br>".join(f"{_e(_act_label(a))} {page.cite(a['source'])}" for a in r.acts) or _e(W("site.no_statute")))
        + "</td>"
        for r in REGIMES
    )
    summary = "".join(f"<td>{_e(r.summary(_lang))}</td>" for r in REGIMES)
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
        limit = decide_json({"as_of": (r.effective_from or dt.date(2013, 6, 1)).isoformat()}, _lang)["hold_limit"]
        if limit is None:
            limits.append(f"<td>{_e(W('site.limit_federal'))}</td>")
        elif limit["hours"]:
            status = W(f"label.status.{limit['status']}")
            limits.append(f"<td>{_e(W('site.limit_hours', hours=limit['hours'], status=status))}</td>")
        else:
            limits.append(f"<td>{_e(W('site.limit_unverified'))}</td>")
    rows = [
        f'<tr><th scope="row">{_e(W("site.row.acts"))}</th>{acts}</tr>',
        f'<tr><th scope="row">{_e(W("site.row.summary"))}</th>{summary}</tr>',
        f'<tr><th scope="row">{_e(W("site.row.questions"))}</th>{asked}</tr>',
        f'<tr><th scope="row">{_e(W("site.row.limit"))}</th>{"".join(limits)}</tr>',
    ]
    return _table(head, rows, W("site.regimes_caption"), "regimes-table")


def _long_date(day: dt.date) -> str:
    if _lang == "es":
        months = [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ]
        return f"{day.day} de {months[day.month - 1]} de {day.year}"
    return f"{day:%B} {day.day}, {day.year}"


def _timeline_html(page: _Page) -> str:
    events = [{**e, "text": _t(e["text"]), "label": _t(e.get("label", e["date"]))} for e in _timeline]
    for regime in REGIMES[1:]:
        assert regime.effective_from is not None
        acts = " + ".join(_act_label(a) for a in regime.acts)
        events.append(
            {
                "date": regime.effective_from.isoformat(),
                "label": _long_date(regime.effective_from),
                "text": W("site.timeline_act", acts=acts),
                "sources": [a["source"] for a in regime.acts],
            }
        )
    events.sort(key=lambda e: e["date"])
    items = "".join(
        f'<li><time datetime="{_e(e["date"])}">{_e(e["label"])}</time> '
        f"<span>{_e(e['text'])}{''.join(page.cite(s) for s in e.get('sources', []))}</span></li>"
        for e in events
    )
    return f'<ol class="timeline">{items}</ol>'


def _sources_html() -> str:
    parts = []
    for kind in SOURCE_TYPES:
        ids = sorted(
            (sid for sid, s in _all_sources.items() if s["type"] == kind), key=lambda s: _all_sources[s]["title"]
        )
        if not ids:
            continue
        items = "".join(f'<li id="src-{_e(sid)}">{_source_line(sid)}</li>' for sid in ids)
        parts.append(f'<h2>{_e(W(f"site.type.{kind}"))}</h2><ul class="source-list">{items}</ul>')
    return "\n".join(parts)


def _unverified_html(page: _Page) -> str:
    law = "".join(
        f"<li><strong>{_e(c['citation'])}</strong> ({_e(W('label.status.' + c['status']))})."
        f" {_e(note(pid, _lang) or '')}</li>"
        for pid, c in CITATIONS.items()
        if c["status"] == "unverified"
    )
    paraphrased = "".join(
        f"<li>{_e(c['citation'])}</li>" for c in CITATIONS.values() if c["status"] == "official_paraphrase"
    )
    secondary = "".join(
        f"<li>{_e(c['citation'])}</li>" for c in CITATIONS.values() if c["status"] == "secondary_paraphrase"
    )
    other = "".join(
        f"<li>{_e(_t(q['text']))}{''.join(page.cite(s) for s in q.get('sources', []))}</li>" for q in _open_questions
    )
    return (
        f"<h3>{_e(W('site.unverified_law'))}</h3><ul>{law}</ul>"
        f"<h3>{_e(W('site.paraphrased_law'))}</h3><ul>{paraphrased}</ul>"
        f"<h3>{_e(W('site.secondary_law'))}</h3><ul>{secondary}</ul>"
        + (f"<h3>{_e(W('site.other_questions'))}</h3><ul>{other}</ul>" if other else "")
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
        parts.append(f'<a href="{_e(firm["contact_url"])}">{_e(W("site.contact_firm"))}</a>')
    return f'<p class="law-firm">{" · ".join(parts)}</p>'


def _expand(markdown: str, page: _Page, config: Any, prefix: str = "") -> str:
    handlers: dict[str, Any] = {
        "cite": lambda arg: "".join(page.cite(s) for s in arg.split()),
        "law": lambda arg: _law(arg, page),
        "decision-table": _decision_table,
        "coverage": lambda arg: _coverage(),
        "regimes": lambda arg: _regimes(page),
        "timeline": lambda arg: _timeline_html(page),
        "sources": lambda arg: _sources_html(),
        "unverified": lambda arg: _unverified_html(page),
        "firm": lambda arg: _firm(config),
        "as-of": lambda arg: CURRENT_AS_OF.isoformat(),
        "checker": lambda arg: _checker_form(prefix),
        "provisions": lambda arg: _provisions(page),
        "example": lambda arg: _example(),
        "embed-snippets": lambda arg: _embed_snippets(config),
        "print-links": lambda arg: _print_links(),
        "bench": lambda arg: _bench(),
        "contacts": lambda arg: contacts.render(arg, _lang),
    }

    def replace(match: re.Match[str]) -> str:
        name, arg = match.group(1), (match.group(2) or "").strip()
        if name not in handlers:
            raise PluginError(f"unknown shortcode md:{name}")
        result: str = handlers[name](arg)
        return result

    return SHORTCODE.sub(replace, markdown)


# --- MkDocs events ------------------------------------------------------------------------------


def on_config(config: Any) -> Any:
    """Load the site data; note the language being built; give the templates their words and dates."""
    global _lang, _lang_dir
    i18n = config["plugins"].get("i18n")
    default = getattr(i18n, "default_language", None) or "en"
    _lang = getattr(i18n, "current_language", None) or default
    _lang_dir = "" if _lang == default else f"{_lang}/"
    _load_site_data()
    config["extra"]["law_current_as_of"] = CURRENT_AS_OF.isoformat()
    config["extra"]["words"] = {k: v for k, v in catalogue(_lang).items() if k.startswith("site.")}
    config["extra"]["lang_dir"] = _lang_dir
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Check the page's dates and expand its shortcodes."""
    reviewed = page.meta.get("reviewed")
    if not isinstance(reviewed, dt.date):
        raise PluginError(f"{page.file.src_uri}: front matter needs 'reviewed: YYYY-MM-DD'")
    state = _Page()
    prefix = "../" * page.url.count("/")
    text = _expand(markdown, state, config, prefix) + state.footer() + _abbreviations()
    kind = page.meta.get("print")
    if kind:
        text = f'<div class="print-{_e(kind)}" markdown>\n\n{text}\n\n</div>\n'
    return text


# --- The checker: its form, rendered from the question schema, and its runtime files ---------------

WORKER = ROOT / "docs" / "javascripts" / "checker" / "worker.mjs"


def _pyodide_version() -> str:
    package = json.loads((PYODIDE / "package.json").read_text(encoding="utf-8"))
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
        "runtime": f"assets/pyodide/{_pyodide_version()}-{runtime_digest()}/",
        "wheel": f"assets/checker/{_digest(wheel)}/{wheel.name}",
        "worker": f"javascripts/checker/worker.mjs?v={_digest(WORKER)}",
    }


def _checker_words() -> dict[str, str]:
    words = catalogue(_lang)
    return {k: v for k, v in words.items() if k.startswith(("ui.", "label.", "custodian.", "class.", "warrant.", "q."))}


def _choice(name: str, options: list[tuple[str, str]], unknown: str, described: str) -> str:
    radios = "".join(
        f'<label class="checker-choice"><input type="radio" name="{_e(name)}" value="{_e(value)}"'
        f"{' checked' if value == '' else ''}> {_e(text)}</label>"
        for value, text in [*options, ("", unknown)]
    )
    return f'<div class="checker-choices" aria-describedby="{described}">{radios}</div>'


def _checker_form(prefix: str) -> str:
    schema = questions(_lang)
    words = catalogue(_lang)
    unknown = schema["unknown_label"]
    names = {
        r["id"]: (
            W("site.law_from", date=r["effective_from"])
            if r["effective_from"]
            else W("site.law_before", date=REGIMES[1].effective_from)
        )
        for r in schema["regimes"]
    }
    parts = []
    for field in schema["fields"]:
        fid = field["id"]
        ident = f"ck-{fid}"
        help_id = f"{ident}-help"
        regimes = ", ".join(names[r] for r in field["asked_in"])
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
        elif field["type"] == "set":
            boxes = "".join(
                f'<label class="checker-choice"><input type="checkbox" name="{_e(fid)}" value="{_e(v["value"])}">'
                f" {_e(v['label'])}</label>"
                for v in field["values"]
            )
            parts.append(
                f'<fieldset class="checker-field"><legend>{_e(field["label"])}</legend>'
                f'<div class="checker-choices" aria-describedby="{help_id}">{boxes}</div>{hint}</fieldset>'
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
    here = prefix + _lang_dir
    return (
        f'<div class="checker-host"><trust-act-checker data-state="static" data-lang="{_lang}" {attrs} data-tables="{_e(here)}trust-act/decision-tables/"'
        f' data-law="{_e(here)}trust-act/provisions/" data-help="{_e(here)}about/#get-help">'
        f'<script type="application/json" class="checker-data">{data}</script>'
        f'<p class="checker-status" role="status">{_e(words["ui.loading"])}</p>'
        f'<noscript><p class="checker-failed">{_e(words["ui.failed"])} '
        f'<a href="{_e(here)}trust-act/decision-tables/">{_e(words["ui.failed_link"])}</a></p></noscript>'
        f'<form class="checker-form" novalidate>{"".join(parts)}'
        f'<button type="submit" class="md-button md-button--primary checker-submit">{_e(words["ui.check"])}</button></form>'
        '<div class="checker-result" aria-live="polite"></div></trust-act-checker></div>'
    )


def _provisions(page: _Page) -> str:
    """Every provision of the citation table, grouped by version, each with an anchor reasons link to."""
    parts = []
    groups: list[tuple[str, list[str]]] = [
        (W("site.federal_law"), [p for p, c in CITATIONS.items() if c["regime"] is None])
    ]
    groups += [(r.name(_lang), [p for p, c in CITATIONS.items() if c["regime"] == r.id]) for r in REGIMES]
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
    decision = decide_json(EXAMPLE, _lang)
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
        f'<p>{_e(W("site.example_scenario"))}</p><pre><code class="language-json">{scenario}</code></pre>'
        f"<p>{_e(W('site.example_decision', n=len(decision['reasons'])))}</p>"
        f'<pre><code class="language-json">{answer}</code></pre>'
    )


EMBED_SANDBOX = "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox"


def _embed_snippets(config: Any) -> str:
    """The copy-paste snippets for other sites, with this site's own address."""
    site = str(config["site_url"] or "https://example.invalid/")
    site = site.removesuffix(_lang_dir) if _lang_dir else site
    origin = re.sub(r"^(https?://[^/]+).*$", r"\1", site)
    embed = "embed/" if _lang == "en" else f"{_lang}/embed/"
    loader = f'<script src="{site}embed.js" async></script>\n<trust-act-embed lang="{_lang}" theme="light"></trust-act-embed>'
    frame = (
        f'<iframe src="{site}{embed}" title="{W("site.embed_title")}"\n'
        f'        style="width:100%;height:1600px;border:0"\n'
        f'        sandbox="{EMBED_SANDBOX}"\n'
        '        allow="clipboard-write" referrerpolicy="no-referrer"></iframe>'
    )
    policy = f"script-src {origin}; frame-src {origin}"
    return (
        f"<p>{_e(W('site.embed_loader'))}</p>"
        f'<pre><code class="language-html">{_e(loader)}</code></pre>'
        f"<p>{_e(W('site.embed_iframe'))}</p>"
        f'<pre><code class="language-html">{_e(frame)}</code></pre>'
        f"<p>{_e(W('site.embed_csp'))}</p>"
        f"<pre><code>{_e(policy)}</code></pre>"
    )


PRINTOUTS = (
    ("trust-act-guide.pdf", "site.print.guide"),
    ("trust-act-at-a-glance.pdf", "site.print.glance"),
    ("trust-act-wallet-card.pdf", "site.print.card"),
)


def _print_links() -> str:
    """Links to the PDFs that `make build` writes next to this page."""
    items = "".join(
        f'<li><a href="{name}" type="application/pdf">{_e(W(key))} (PDF)</a>: {_e(W(key + "_text"))}</li>'
        for name, key in PRINTOUTS
    )
    return f'<ul class="print-links">{items}</ul>'


def _number(value: float, digits: int) -> str:
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\u202f").replace(".", ",") if _lang == "es" else text


def _bench() -> str:
    """The latest `make bench` figures (docs/data/bench.json): the checker page against bare Pyodide
    and PyScript, the targets, and Lighthouse on two content pages."""
    path = DATA / "bench.json"
    if not path.exists():
        raise PluginError("docs/data/bench.json is missing (run `make bench`)")
    report = json.loads(path.read_text(encoding="utf-8"))
    pages = ("checker_page", "bare_pyodide", "pyscript")
    # Each figure: its unit, the divisor from the report's unit, and the digits shown.
    rows: dict[str, tuple[str, float, int]] = {
        "bytes_gzip": ("MB", 1e6, 2),
        "bytes_raw": ("MB", 1e6, 2),
        "ready_ms": ("s", 1000, 2),
        "click_to_result_ms": ("ms", 1, 0),
        "blocking_while_loading_ms": ("ms", 1, 0),
    }
    head = "".join(f'<th scope="col">{_e(W(f"site.bench.page.{name}"))}</th>' for name in pages)
    body = "".join(
        f'<tr><th scope="row">{_e(W(f"site.bench.figure.{key}"))}</th>'
        + "".join(
            f"<td>{_e(_number(report[name][key] / divisor, digits))} {unit}</td>"
            if key in report[name]
            else "<td>—</td>"
            for name in pages
        )
        + "</tr>"
        for key, (unit, divisor, digits) in rows.items()
    )
    env = report["environment"]
    intro = W(
        "site.bench.intro",
        date=_long_date(dt.date.fromisoformat(report["measured"])),
        runs=report["runs"],
        chromium=env["chromium"],
        cpus=env["cpus"],
        pyodide=env["pyodide"],
        pyscript=env["pyscript"],
    )
    figures = (
        f'<p>{_e(intro)}</p>\n<table><thead><tr><th scope="col">{_e(W("site.bench.head.figure"))}</th>'
        f"{head}</tr></thead><tbody>{body}</tbody></table>"
    )

    def target(row: dict[str, Any]) -> str:
        value, name = row["value"], row["figure"]
        shown = _number(value, 2 if name.startswith(("bytes_", "ready_")) else 0)
        op, limit = row["target"].split()
        goal = {"<=": "≤", ">=": "≥"}[op] + " " + _number(float(limit), 0 if float(limit).is_integer() else 2)
        met = W("site.bench.met" if row["met"] else "site.bench.missed")
        return (
            f'<tr><th scope="row">{_e(W(f"site.bench.target.{name}"))}</th>'
            f"<td>{_e(shown)}</td><td>{_e(goal)}</td><td>{_e(met)}</td></tr>"
        )

    targets = "".join(target(row) for row in report["targets"])
    targets_table = (
        f'<table><thead><tr><th scope="col">{_e(W("site.bench.head.target"))}</th>'
        f'<th scope="col">{_e(W("site.bench.head.measured"))}</th>'
        f'<th scope="col">{_e(W("site.bench.head.goal"))}</th>'
        f'<th scope="col">{_e(W("site.bench.head.met"))}</th></tr></thead><tbody>{targets}</tbody></table>'
    )
    scores = report.get("lighthouse_performance_scores", {})

    def spread(name: str) -> str:
        runs = scores.get(name, [])
        return f" ({min(runs)}\u2013{max(runs)})" if len(runs) > 1 and min(runs) != max(runs) else ""

    lighthouse = "".join(
        f'<tr><th scope="row">{_e(W(f"site.bench.lighthouse.{name}"))}</th>'
        f"<td>{figures_['performance']}{spread(name)}</td>"
        f"<td>{figures_['accessibility']}</td><td>{_e(_number(figures_['tbt_ms'], 0))} ms</td>"
        f"<td>{_e(_number(figures_['lcp_ms'] / 1000, 1))} s</td></tr>"
        for name, figures_ in report["lighthouse"].items()
    )
    lighthouse_table = (
        f"<p>{_e(W('site.bench.lighthouse_intro', runs=report['lighthouse_runs'], version=env['lighthouse']))}</p>\n"
        f'<table><thead><tr><th scope="col">{_e(W("site.bench.head.page"))}</th>'
        f'<th scope="col">{_e(W("site.bench.head.performance"))}</th>'
        f'<th scope="col">{_e(W("site.bench.head.accessibility"))}</th>'
        f'<th scope="col">{_e(W("site.bench.head.tbt"))}</th>'
        f'<th scope="col">{_e(W("site.bench.head.lcp"))}</th></tr></thead><tbody>{lighthouse}</tbody></table>'
    )

    def scroll(html_: str) -> str:  # as the theme wraps tables, so a narrow phone scrolls them
        return html_.replace(
            "<table>", '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>'
        ).replace("</table>", "</table></div></div>")

    return scroll(f"{figures}\n\n{targets_table}\n\n{lighthouse_table}")


def _abbreviations() -> str:
    """The abbreviations of the language being built, so every term gets its hover definition."""
    suffix = "" if not _lang_dir else f".{_lang}"
    path = ROOT / "docs" / "includes" / f"abbreviations{suffix}.md"
    if not path.exists():
        path = ROOT / "docs" / "includes" / "abbreviations.md"
    return "\n\n" + path.read_text(encoding="utf-8")


def on_post_build(config: Any) -> None:
    """Copy the Python runtime (from the npm package) and the checker wheel into the site, once, at its root."""
    if _lang_dir:
        return
    site = Path(config["site_dir"])
    paths = _runtime_paths()
    runtime = site / paths["runtime"]
    runtime.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = PYODIDE / name
        if not source.exists():
            raise PluginError(f"{source.name} is missing from the pyodide npm package (run `npm ci`)")
        shutil.copyfile(source, runtime / name)
    for name, data in runtime_files().items():
        (runtime / name).write_bytes(data)
    wheel = site / paths["wheel"]
    wheel.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_wheel(), wheel)
    version = hashlib.sha256(
        json.dumps(paths, sort_keys=True).encode() + (ROOT / "overrides" / "build" / "sw.js").read_bytes()
    )
    worker = (
        (ROOT / "overrides" / "build" / "sw.js")
        .read_text(encoding="utf-8")
        .replace("__VERSION__", version.hexdigest()[:12])
    )
    (site / "sw.js").write_text(worker, encoding="utf-8")


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


def _with_policy(output: str) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(output)}">'
    return output.replace("<head>", "<head>\n    " + meta, 1)


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Put the page's Content-Security-Policy first in its head."""
    return _with_policy(output)


# --- The 404 page: a theme template, not a page, so it needs the same care by hand ----------------

_not_found: dict[str, str] = {}  # the 404 page of each language built so far, by language folder


def on_template_context(context: Any, template_name: str, config: Any) -> Any:
    """The 404 page has no twin in the other language: its language links go to each home page."""
    i18n = config["plugins"].get("i18n")
    if template_name == "404.html" and i18n is not None:
        base = urlsplit(config["site_url"] or "/").path.rstrip("/")
        homes = [
            {"name": lang.name, "lang": lang.locale, "link": lang.fixed_link or f"{base}{lang.link}"}
            for lang in i18n.config.languages
            if lang.build
        ]
        # The i18n plugin sets the attribute, which templates read before the item; set both.
        config["extra"]["alternate"] = homes
        config["extra"].alternate = homes
    return context


def on_post_template(output: str, template_name: str, config: Any) -> str:
    """The 404 page gets the policy; English stays at the site root, Spanish goes in es/404.html.

    Each language's build writes its 404 page to the root, so the later one would replace the
    English page there with a Spanish page that claims to be English's twin of the last page built.
    """
    if template_name != "404.html":
        return output
    output = _with_policy(output)
    _not_found[_lang_dir] = output
    if not _lang_dir:
        return output
    target = Path(config["site_dir"]) / _lang_dir / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return _not_found.get("", output)
