"""The checker page and its neighbours: the form (rendered from the question schema into
``overrides/partials/checker-form.html``), a decision computed at build time, the snippets other
sites paste, the links to the PDFs and the printouts' address and dates, and the details of the
law firm hosting the site."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from checker import decide_json, questions
from checker.lawdata import CURRENT_AS_OF
from overrides.sitegen import contacts
from overrides.sitegen.context import Context
from overrides.sitegen.parts import esc
from overrides.sitegen.runtime import PRELOADED, runtime_paths, runtime_sizes
from overrides.sitegen.templates import render

__all__ = [
    "EMBED_SANDBOX",
    "EXAMPLE",
    "PRINTOUTS",
    "checker_form",
    "embed_snippets",
    "example",
    "firm",
    "long_date",
    "print_links",
    "site_address",
    "site_address_link",
]

# The words the element needs in the browser: its own (ui.*, label.*) and the schema's.
_BROWSER_WORDS = ("ui.", "label.", "custodian.", "class.", "warrant.", "q.")


# Whom a result tells the reader to call, in this order (ids of docs/data/contacts.json).
RESULT_CONTACTS = (
    "public-defender",
    "ice-detainee-locator",
    "ct-doc-inmate-search",
    "eoir-case-line",
    "statewide-legal-services",
)


def result_contacts(code: str) -> list[dict[str, Any]]:
    """The contacts a result shows under "What you can do now", in language ``code``."""
    chosen = {c["id"]: c for c in contacts.load()}
    return [
        {
            "id": cid,
            "name": chosen[cid]["name"][code],
            "for": chosen[cid]["for"][code],
            "phone": chosen[cid]["phone"],
            "url": chosen[cid]["url"],
        }
        for cid in RESULT_CONTACTS
    ]


def checker_form(ctx: Context) -> str:
    """The form, with the schema and the words the element needs, and where its runtime is."""
    lang = ctx.lang
    schema = questions(lang.code)
    words = lang.words
    fields = []
    for field in schema["fields"]:
        fid = field["id"]
        # Which versions ask a question is not repeated in its hint: the form shows only the
        # questions of the version in force on the chosen date, and says which version that is.
        help_text = f"{field['help']} {words['ui.date_today']}" if fid == "as_of" else field["help"]
        options = [
            (json.dumps(v["value"]) if field["type"] == "boolean" else v["value"], v["label"])
            for v in field.get("values", [])
        ]
        fields.append(
            {"field": field, "id": f"ck-{fid}", "help_id": f"ck-{fid}-help", "help": help_text, "options": options}
        )
    browser_words = {k: v for k, v in words.items() if k.startswith(_BROWSER_WORDS)}
    data = json.dumps(
        {
            "words": browser_words,
            "questions": schema,
            "contacts": result_contacts(lang.code),
            "sizes": runtime_sizes(),
            # The printed result names the site and its address (the one it is built for).
            "site": {"name": str(ctx.config.get("site_name") or ""), "url": site_address(ctx) + lang.folder},
        },
        ensure_ascii=False,
    ).replace("</", "<\\/")
    paths = {k: ctx.prefix + v for k, v in runtime_paths().items()}
    return render(
        "checker-form.html",
        lang=lang.code,
        paths=paths,
        preload=[paths["runtime"] + name for name in PRELOADED],
        here=ctx.prefix + lang.folder,
        data=Markup(data),
        words=words,
        fields=fields,
        unknown=schema["unknown_label"],
        first_conviction=lang("ui.conviction", n=1),
    )


EXAMPLE = {
    "as_of": "2015-03-06",
    "custodian": "correction",
    "convictions": [{"class": "D"}],
    "release_at": "2015-03-06T17:00",
}


def example(ctx: Context) -> str:
    """A scenario and the main parts of its decision, computed now, so the docs never show a stale answer."""
    decision = decide_json(EXAMPLE, ctx.lang.code)
    shown = {
        "outcome": decision["outcome"],
        "summary": decision["summary"],
        "regime": {k: decision["regime"][k] for k in ("id", "effective_from", "effective_to")},
        "reasons": [{k: r[k] for k in ("text", "citation", "status")} for r in decision["reasons"][:2]],
        "hold_until": decision["hold_until"],
    }
    scenario = esc(json.dumps(EXAMPLE, indent=2))
    answer = esc(json.dumps(shown, indent=2, ensure_ascii=False))
    return (
        f'<p>{esc(ctx.lang("site.example_scenario"))}</p><pre><code class="language-json">{scenario}</code></pre>'
        f"<p>{esc(ctx.lang('site.example_decision', n=len(decision['reasons'])))}</p>"
        f'<pre><code class="language-json">{answer}</code></pre>'
    )


EMBED_SANDBOX = "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox"


def site_address(ctx: Context) -> str:
    """The address the site is built for (``site_url``, which `SITE_URL` sets), at its root."""
    site = str(ctx.config["site_url"] or "https://example.invalid/")
    return site.removesuffix(ctx.lang.folder) if ctx.lang.folder else site


def embed_snippets(ctx: Context) -> str:
    """The copy-paste snippets for other sites, with the address this site is built for."""
    lang = ctx.lang
    site = site_address(ctx)
    origin = re.sub(r"^(https?://[^/]+).*$", r"\1", site)
    embed = f"{lang.folder}embed/"
    loader = (
        f'<script src="{site}embed.js" async></script>\n'
        f'<trust-act-embed lang="{lang.code}" theme="light">'
        f'<a href="{site}{lang.folder}checker/">{lang("site.embed_fallback")}</a></trust-act-embed>'
    )
    frame = (
        f'<iframe src="{site}{embed}" title="{lang("site.embed_title")}"\n'
        f'        style="width:100%;height:1600px;border:0"\n'
        f'        sandbox="{EMBED_SANDBOX}"\n'
        '        allow="clipboard-write" referrerpolicy="no-referrer"></iframe>'
    )
    policy = f"script-src {origin}; frame-src {origin}"
    return (
        f"<p>{esc(lang('site.embed_loader'))}</p>"
        f'<pre><code class="language-html">{esc(loader)}</code></pre>'
        f"<p>{esc(lang('site.embed_iframe'))}</p>"
        f'<pre><code class="language-html">{esc(frame)}</code></pre>'
        f"<p>{esc(lang('site.embed_csp'))}</p>"
        f"<pre><code>{esc(policy)}</code></pre>"
    )


PRINTOUTS = (
    ("trust-act-guide.pdf", "site.print.guide"),
    ("trust-act-at-a-glance.pdf", "site.print.glance"),
    ("trust-act-wallet-card.pdf", "site.print.card"),
)


def print_links(ctx: Context) -> str:
    """Links to the PDFs that `make build` writes next to this page."""
    items = "".join(
        f'<li><a href="{name}" type="application/pdf">{esc(ctx.lang(key))} (PDF)</a>: '
        f"{esc(ctx.lang(key + '_text'))}</li>"
        for name, key in PRINTOUTS
    )
    return f'<ul class="print-links">{items}</ul>'


def site_address_link(ctx: Context, path: str = "") -> str:
    """``md:site-address [PATH]``: the address the site is built for (with ``PATH``, a page of the
    language being built), as a link that shows it without ``https://`` (the PDFs set it to the
    address they are printed for)."""
    url = site_address(ctx) + (ctx.lang.folder + path.strip().lstrip("/") if path.strip() else "")
    parts = urlsplit(url)
    return f'<a class="site-address" href="{esc(url)}">{esc((parts.netloc + parts.path).rstrip("/"))}</a>'


def long_date(ctx: Context, which: str) -> str:
    """``md:long-date as-of`` (the law's date) or ``md:long-date today`` (the build's), in words."""
    days = {"as-of": CURRENT_AS_OF, "today": dt.date.today()}
    if which not in days:
        raise PluginError(f"md:long-date: {which!r} is not one of {', '.join(days)}")
    day = days[which]
    return f'<time datetime="{day.isoformat()}">{esc(ctx.lang.long_date(day))}</time>'


def firm(ctx: Context) -> str:
    """The law firm's name, phone and contact link from ``extra.law_firm``; nothing when no name is set."""
    details = ctx.config["extra"].get("law_firm") or {}
    if not details.get("name"):
        return ""
    phone = details.get("phone", "")
    tel = re.sub(r"[^0-9+]", "", phone)
    parts = [f"<strong>{esc(details['name'])}</strong>"]
    if phone:
        parts.append(f'<a href="tel:{esc(tel)}">{esc(phone)}</a>')
    if details.get("contact_url"):
        parts.append(f'<a href="{esc(details["contact_url"])}">{esc(ctx.lang("site.contact_firm"))}</a>')
    return f'<p class="law-firm">{" · ".join(parts)}</p>'
