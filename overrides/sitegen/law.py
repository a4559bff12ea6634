"""The law's own words, from the checker's citation table: one provision as a marked quotation,
every provision by version, the versions side by side, and what we could not verify."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from checker import CITATIONS, REGIMES, decide_json, questions
from checker.lawdata import Regime
from checker.messages import citation, note
from overrides.sitegen.context import Context
from overrides.sitegen.parts import act_label, esc, first_day, period, table

__all__ = ["law", "provisions", "regimes", "unverified"]

# Questions every version asks, left out of "questions that matter".
_ALWAYS = ("as_of", "custodian", "release_at")


def law(ctx: Context, pid: str) -> str:
    """The provision's words as a marked quotation, with its citation, status and source."""
    if pid not in CITATIONS:
        raise PluginError(f"unknown provision id {pid!r}")
    entry = CITATIONS[pid]
    lang = ctx.lang
    status = entry["status"]
    # The help text is shown under the badge, so no title: it would be read twice, and each title
    # costs the theme a tooltip (42 of them made the provisions page sluggish on phones).
    badge = f'<span class="law-status law-status--{status}">{esc(lang(f"label.status.{status}"))}</span>'
    body = (
        f'<blockquote lang="en"><p>{esc(entry["quote"])}</p></blockquote>'
        if entry["quote"]
        else f'<p class="law-missing">{esc(lang("site.law_missing"))}</p>'
    )
    text = note(pid, lang.code)
    note_html = f'<p class="law-note">{esc(text)}</p>' if text else ""
    return (
        f'<figure class="law-quote law-quote--{status}">{body}'
        f"<figcaption><strong>{esc(citation(entry['citation'], lang.code))}</strong> {badge}"
        f" {ctx.cite(entry['source'])}"
        f"<br><small>{esc(lang(f'site.status_help.{status}'))}</small>{note_html}</figcaption></figure>"
    )


def provisions(ctx: Context) -> str:
    """Every provision of the citation table, grouped by version, each with an anchor reasons link to."""
    groups = [(ctx.lang("site.federal_law"), [p for p, c in CITATIONS.items() if c["regime"] is None])]
    groups += [(r.name(ctx.lang.code), [p for p, c in CITATIONS.items() if c["regime"] == r.id]) for r in REGIMES]
    parts = []
    for title, ids in groups:
        parts.append(f"<h2>{esc(title)}</h2>")
        for pid in ids:
            parts.append(f'<section id="p-{esc(pid)}" class="provision">{law(ctx, pid)}</section>')
    return "\n".join(parts)


def unverified(ctx: Context) -> str:
    """The law text we could not verify, the law we know only from summaries, and other open questions."""
    lang = ctx.lang
    law_items = "".join(
        f"<li><strong>{esc(citation(c['citation'], lang.code))}</strong> ({esc(lang('label.status.' + c['status']))})."
        f" {esc(note(pid, lang.code) or '')}</li>"
        for pid, c in CITATIONS.items()
        if c["status"] == "unverified"
    )
    paraphrased = "".join(
        f"<li>{esc(citation(c['citation'], ctx.lang.code))}</li>"
        for c in CITATIONS.values()
        if c["status"] == "official_paraphrase"
    )
    secondary = "".join(
        f"<li>{esc(citation(c['citation'], ctx.lang.code))}</li>"
        for c in CITATIONS.values()
        if c["status"] == "secondary_paraphrase"
    )
    other = "".join(
        f"<li>{esc(lang.text(q['text']))}{''.join(ctx.cite(s) for s in q.get('sources', []))}</li>"
        for q in ctx.data.open_questions
    )
    return (
        f"<h3>{esc(lang('site.unverified_law'))}</h3><ul>{law_items}</ul>"
        f"<h3>{esc(lang('site.paraphrased_law'))}</h3><ul>{paraphrased}</ul>"
        f"<h3>{esc(lang('site.secondary_law'))}</h3><ul>{secondary}</ul>"
        + (f"<h3>{esc(lang('site.other_questions'))}</h3><ul>{other}</ul>" if other else "")
    )


def regimes(ctx: Context) -> str:
    """The versions side by side: acts, summary, the questions that matter, the time limit. One row
    per version, so that a phone shows one card per version."""
    lang = ctx.lang
    schema = {f["id"]: f for f in questions(lang.code)["fields"]}
    head = [
        lang("site.head.version"),
        lang("site.row.acts"),
        lang("site.row.summary"),
        lang("site.row.questions"),
        lang("site.row.limit"),
    ]

    def acts(regime: Regime) -> str:
        listed = "<br>".join(f"{esc(act_label(lang, a))} {ctx.cite(a['source'])}" for a in regime.acts)
        return listed or esc(lang("site.no_statute"))

    def asked(regime: Regime) -> str:
        if not regime.effective_from:
            return "—"
        labels = [f["label"] for name, f in schema.items() if regime.id in f["asked_in"] and name not in _ALWAYS]
        return "<ul>" + "".join(f"<li>{esc(label)}</li>" for label in labels) + "</ul>"

    def limit(regime: Regime) -> str:
        found = decide_json({"as_of": first_day(regime).isoformat()}, lang.code)["hold_limit"]
        if found is None:
            return esc(lang("site.limit_federal"))
        if found["hours"]:
            status = lang(f"label.status.{found['status']}")
            return esc(lang("site.limit_hours", hours=found["hours"], status=status))
        return esc(lang("site.limit_unverified"))

    rows = [
        f'<tr><th scope="row">{esc(period(lang, r))}</th><td>{acts(r)}</td>'
        f"<td>{esc(r.summary(lang.code))}</td><td>{asked(r)}</td><td>{limit(r)}</td></tr>"
        for r in REGIMES
    ]
    return table(head, rows, lang("site.regimes_caption"), "regimes-table")
