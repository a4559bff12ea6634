"""The contacts file: every entry checked and well formed, bad data stops the build with a message
naming the contact and the field, and the pages show each contact with a tel: link, its source and
the date it was checked."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest

from overrides.hooks import contacts
from tests.site_html import Page

TODAY = dt.date(2026, 12, 1)


def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(contacts.CONTACTS.read_text(encoding="utf-8"))
    return data


def test_the_contacts_file_is_valid() -> None:
    """The committed file passes the build's own checks, with phone numbers for the key lines."""
    found = contacts.load(today=dt.date.today())
    assert len(found) >= 8
    phones = {c["id"]: c["phone"]["e164"] for c in found if c["phone"]}
    assert phones["eoir-case-line"] == "+18008987180"
    assert "ice-detainee-locator" in {c["id"] for c in found}


def _mutate(path: str, value: object) -> dict[str, Any]:
    data = copy.deepcopy(_data())
    target: Any = data["contacts"][3]  # the immigration court line: it has a phone number
    keys = path.split(".")
    for key in keys[:-1]:
        target = target[key]
    if value is KeyError:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("phone.e164", "1-800-898-7180", "contact 'eoir-case-line'.phone.e164: '1-800-898-7180' is not in E.164 form"),
        ("phone.e164", "+1800", "is not in E.164 form"),
        ("phone.display", "1-800-898-7181", "does not show the number +18008987180"),
        ("phone.display", "", "phone.display: missing"),
        ("phone", KeyError, "phone: missing (null when there is no number)"),
        ("url", "http://www.justice.gov/eoir/", "url: 'http://www.justice.gov/eoir/' is not an https:// address"),
        ("source", "", "source: missing"),
        ("checked", "2026-02-30", "checked: '2026-02-30' is not a date written YYYY-MM-DD"),
        ("checked", "12/01/2026", "is not a date written YYYY-MM-DD"),
        ("checked", "2027-01-01", "checked: 2027-01-01 is in the future"),
        ("name.es", "", "name.es: missing or empty"),
        ("for", KeyError, "for: missing"),
        ("id", "EOIR line", "is not an id like"),
        ("fax", "+18005550100", "unknown field 'fax'"),
    ],
)
def test_bad_data_stops_the_build_with_a_specific_message(path: str, value: object, message: str) -> None:
    """Each kind of mistake raises the build's error, and the message says which contact and field."""
    with pytest.raises(contacts.ContactsError) as raised:
        contacts.validate(_mutate(path, value), today=TODAY)
    assert message in str(raised.value)


def test_a_contact_listed_twice_and_an_unknown_id_are_errors() -> None:
    """Two entries with one id, and a page asking for an id the file lacks, both fail."""
    data = _data()
    data["contacts"].append(copy.deepcopy(data["contacts"][0]))
    with pytest.raises(contacts.ContactsError, match="is used twice"):
        contacts.validate(data, today=TODAY)
    with pytest.raises(contacts.ContactsError, match="unknown contact id 'no-such-line'"):
        contacts.render("no-such-line", "en")


@pytest.mark.parametrize("lang", contacts.LANGUAGES)
def test_the_list_shows_tel_links_sources_and_dates(lang: str) -> None:
    """Phones are tel: links in E.164 form, and each entry shows its source page and checked date."""
    found = contacts.load(today=TODAY)
    shown = contacts.render("", lang, found)
    for c in found:
        assert c["name"][lang].replace("'", "&#x27;") in shown
        assert f'href="{c["source"]}"' in shown
        assert f'datetime="{c["checked"].isoformat()}"' in shown
        if c["phone"]:
            assert f'href="tel:{c["phone"]["e164"]}">{c["phone"]["display"]}</a>' in shown
    assert shown.count("tel:") == sum(1 for c in found if c["phone"])
    assert ("diciembre" in shown) == (lang == "es")
    picked = contacts.render("eoir-case-line public-defender", lang, found)
    assert picked.count('class="contact"') == 2
    assert picked.index("eoir-case-line") < picked.index("public-defender")


@pytest.mark.parametrize("path", ["rights/index.html", "es/rights/index.html"])
def test_the_rights_pages_show_every_contact(pages: dict[str, Page], path: str) -> None:
    """Both rights pages list the contacts, each phone as a tel: link."""
    page = pages[path]
    found = contacts.load(today=dt.date.today())
    assert len(page.find("li", "contact")) >= len(found)
    tel = {a.attrs["href"] for a in page.find("a", "contact-phone")}
    assert tel == {f"tel:{c['phone']['e164']}" for c in found if c["phone"]}
