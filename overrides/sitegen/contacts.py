"""The ``md:contacts`` shortcode: whom to call, from ``docs/data/contacts.json``, checked at build time.

``<!-- md:contacts -->`` shows every contact; ``<!-- md:contacts ID ID ... -->`` only those, in
that order. Each contact has its name and what it is for in plain words (English and Spanish), a
``tel:`` link when it has a phone number, its web address, and, in small print, the public page it
was checked against and the date. The file is validated every time it is read: a missing field, a
phone number not in E.164 form, an address that is not ``https``, an impossible date or a date in
the future stops the build with a message naming the contact and the field.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

from overrides.sitegen.words import Language

__all__ = ["CONTACTS", "LANGUAGES", "WORDS", "ContactsError", "load", "render", "validate"]

CONTACTS = Path(__file__).resolve().parents[2] / "docs" / "data" / "contacts.json"
LANGUAGES = ("en", "es")
_E164 = re.compile(r"^\+[1-9][0-9]{7,14}$")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# The few words the list writes around the data, in each language the site is built in.
WORDS = {
    "en": {"call": "Call", "web": "Website", "source": "Checked against", "on": "on"},
    "es": {"call": "Llame al", "web": "Página web", "source": "Comprobado en", "on": "el"},
}


class ContactsError(PluginError):
    """The contacts file is not as the site needs it; the message names the contact and the field."""


def _https(where: str, value: object) -> str:
    if not isinstance(value, str) or not value:
        raise ContactsError(f"{where}: missing (an https:// address)")
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc or any(c.isspace() for c in value):
        raise ContactsError(f"{where}: {value!r} is not an https:// address")
    return value


def _texts(where: str, value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ContactsError(f"{where}: missing (give the text in {' and '.join(LANGUAGES)})")
    for lang in LANGUAGES:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise ContactsError(f"{where}.{lang}: missing or empty")
    return {lang: value[lang] for lang in LANGUAGES}


def _phone(where: str, value: object) -> dict[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ContactsError(f"{where}: must be null or {{'e164': ..., 'display': ...}}")
    e164, display = value.get("e164"), value.get("display")
    if not isinstance(e164, str) or not _E164.match(e164):
        raise ContactsError(f"{where}.e164: {e164!r} is not in E.164 form (a + and 8 to 15 digits, like +18008987180)")
    if not isinstance(display, str) or not display.strip():
        raise ContactsError(f"{where}.display: missing (the number as people write it, like 1-800-898-7180)")
    digits = re.sub(r"\D", "", display)
    if not e164.lstrip("+").endswith(digits) or len(digits) < 7:
        raise ContactsError(f"{where}.display: {display!r} does not show the number {e164}")
    return {"e164": e164, "display": display}


def _date(where: str, value: object, today: dt.date) -> dt.date:
    try:
        day = dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise ContactsError(f"{where}: {value!r} is not a date written YYYY-MM-DD")
    if day > today:
        raise ContactsError(f"{where}: {value} is in the future")
    return day


def validate(data: object, today: dt.date | None = None) -> list[dict[str, Any]]:
    """The contacts of ``data`` (the parsed file), checked; raises ContactsError naming the problem."""
    today = today or dt.date.today()
    if not isinstance(data, dict) or not isinstance(data.get("contacts"), list) or not data["contacts"]:
        raise ContactsError("contacts.json: needs a non-empty list 'contacts'")
    contacts = []
    seen: set[str] = set()
    for n, entry in enumerate(data["contacts"]):
        if not isinstance(entry, dict):
            raise ContactsError(f"contacts[{n}]: must be an object")
        cid = entry.get("id")
        if not isinstance(cid, str) or not _ID.match(cid):
            raise ContactsError(f"contacts[{n}].id: {cid!r} is not an id like 'eoir-case-line'")
        if cid in seen:
            raise ContactsError(f"contacts[{n}].id: {cid!r} is used twice")
        seen.add(cid)
        where = f"contact {cid!r}"
        known = {"id", "name", "for", "phone", "url", "source", "checked"}
        if unknown := sorted(set(entry) - known):
            raise ContactsError(f"{where}: unknown field {unknown[0]!r}")
        if "phone" not in entry:
            raise ContactsError(f"{where}.phone: missing (null when there is no number)")
        contacts.append(
            {
                "id": cid,
                "name": _texts(f"{where}.name", entry.get("name")),
                "for": _texts(f"{where}.for", entry.get("for")),
                "phone": _phone(f"{where}.phone", entry["phone"]),
                "url": _https(f"{where}.url", entry.get("url")),
                "source": _https(f"{where}.source", entry.get("source")),
                "checked": _date(f"{where}.checked", entry.get("checked"), today),
            }
        )
    return contacts


def load(path: Path = CONTACTS, today: dt.date | None = None) -> list[dict[str, Any]]:
    """The contacts file, read and validated."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContactsError(f"{path.name} is missing") from None
    except json.JSONDecodeError as error:
        raise ContactsError(f"{path.name}: not valid JSON ({error.msg}, line {error.lineno})") from None
    return validate(data, today)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _day(day: dt.date, lang: str) -> str:
    return Language(lang).long_date(day)


def _host(url: str) -> str:
    return urlsplit(url).netloc.removeprefix("www.")


def render(arg: str, lang: str, contacts: list[dict[str, Any]] | None = None) -> str:
    """The list for ``<!-- md:contacts [ID ...] -->`` in ``lang``."""
    contacts = load() if contacts is None else contacts
    by_id = {c["id"]: c for c in contacts}
    ids = arg.split() or list(by_id)
    for cid in ids:
        if cid not in by_id:
            raise ContactsError(f"md:contacts: unknown contact id {cid!r}")
    lang = lang if lang in LANGUAGES else "en"
    words = WORDS[lang]
    items = []
    for cid in ids:
        c = by_id[cid]
        ways = []
        if c["phone"]:
            ways.append(
                f'{_e(words["call"])} <a class="contact-phone" href="tel:{_e(c["phone"]["e164"])}">'
                f"{_e(c['phone']['display'])}</a>"
            )
        ways.append(f'{_e(words["web"])}: <a class="contact-url" href="{_e(c["url"])}">{_e(_host(c["url"]))}</a>')
        checked = c["checked"]
        items.append(
            f'<li class="contact" id="contact-{_e(cid)}"><strong class="contact-name">{_e(c["name"][lang])}</strong>'
            f'<p class="contact-for">{_e(c["for"][lang])}</p>'
            f'<p class="contact-ways">{" · ".join(ways)}</p>'
            f'<p class="contact-source">{_e(words["source"])} '
            f'<a href="{_e(c["source"])}">{_e(_host(c["source"]))}</a> {_e(words["on"])} '
            f'<time datetime="{checked.isoformat()}">{_e(_day(checked, lang))}</time></p></li>'
        )
    return f'<ul class="contacts">{"".join(items)}</ul>'
