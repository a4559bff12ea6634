"""The question schema and the message catalogue agree with the engine."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from checker import FIELDS, decide_json, parse, questions
from checker.messages import catalogue, placeholders
from checker.model import BOOLEAN_FACTS, CONVICTION_CLASSES, CUSTODIANS, DUTIES, DUTY_FACTS, WARRANTS, Scenario
from overrides.sitegen.words import site_words
from tests.helpers import shown_words

ROOT = Path(__file__).resolve().parents[1]


def test_schema_fields_are_the_contract_fields() -> None:
    """The form asks exactly the scenario fields, in the contract's order, with the validator's values."""
    schema = questions()
    fields = {f["id"]: f for f in schema["fields"]}
    assert list(fields) == list(FIELDS)
    assert [f.name for f in dataclasses.fields(Scenario)] == list(FIELDS)
    assert [v["value"] for v in fields["custodian"]["values"]] == list(CUSTODIANS)
    assert [v["value"] for v in fields["warrant"]["values"]] == list(WARRANTS)
    assert [v["value"] for v in fields["convictions"]["item"]["class"]["values"]] == list(CONVICTION_CLASSES)
    for name in BOOLEAN_FACTS:
        assert fields[name]["type"] == "boolean"
    assert [v["value"] for v in fields["asked"]["values"]] == list(DUTIES)
    for name in DUTY_FACTS:
        assert fields[name]["type"] == "boolean"
        assert fields[name]["needed_for"], name


def test_duty_facts_are_asked_only_where_a_duty_reads_them() -> None:
    """The courthouse question belongs to the 2025 rules; consent and confidentiality to 2019 on."""
    fields = {f["id"]: f for f in questions()["fields"]}
    assert fields["in_courthouse"]["asked_in"] == ["hb_7259_2025"]
    assert fields["in_courthouse"]["needed_for"] == ["courthouse_arrest"]
    assert fields["written_consent"]["asked_in"] == ["pa_19_20_23", "hb_7259_2025"]
    assert fields["information_confidential"]["needed_for"] == ["share_information"]


def test_asked_in_follows_the_rules() -> None:
    """Which regimes ask a question is what their rules read."""
    asked = {f["id"]: f["asked_in"] for f in questions()["fields"]}
    assert asked["warrant"] == ["pa_19_20_23", "hb_7259_2025"]
    assert asked["gang_database"] == ["pa_13_155"]
    assert asked["release_at"] == ["before_2014", "pa_13_155", "pa_19_20_23", "hb_7259_2025"]
    assert asked["terrorist_screening_match"] == ["pa_13_155", "pa_19_20_23", "hb_7259_2025"]


def test_every_schema_value_is_accepted_by_the_engine() -> None:
    """Any answer the form can give passes validation, so the form and engine cannot disagree."""
    for field in questions()["fields"]:
        for option in field.get("values", []):
            value = [option["value"]] if field["type"] == "set" else option["value"]
            decide_json({"as_of": "2024-01-01", field["id"]: value})
        if field["type"] == "convictions":
            for option in field["item"]["class"]["values"]:
                parse({"convictions": [{"class": option["value"]}]})


def test_every_message_id_used_in_code_exists() -> None:
    """Message ids written in the code, and every template's placeholders (the checker's words and
    the site's), match the catalogue."""
    words = catalogue("en")
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "checker").rglob("*.py"))
    literal = set(
        re.findall(
            r'"((?:covered|before|frame|felony|class_ab|added|judicial_warrant|admin_warrant|'
            r'ground|hold|cfr|remedy|outcome|when|policy|courthouse|reviewed|duty|step|q)\.[a-z_0-9.]*[a-z_0-9])"',
            source,
        )
    )
    assert literal, "no message ids found in the code"
    assert literal - set(words) == set()
    allowed = {"when", "date", "start", "end", "custodian", "klass", "statute", "release_at", "hold_until"}
    allowed |= {"moment", "reviewed", "duty"}
    allowed |= {"question", "answer", "outcome", "n", "regimes"}  # the browser's own words (ui.*)
    allowed |= {"name", "period", "officials", "hours", "status", "acts", "bill"}  # the site's words (site.*)
    allowed |= {"runs", "chromium", "cpus", "pyodide", "pyscript", "version"}  # the speed page's (site.bench.*)
    allowed |= {"mbps", "rtt"}  # the speed page's throttled run (site.bench.throttled_intro)
    allowed |= {"count", "max", "value", "days"}  # the validator's (q.convictions.too_many, q.statute.bad, ...)
    allowed |= {"percent", "size", "raw"}  # the runtime's loading words (ui.progress_percent, ui.save_data, ui.load)
    allowed |= {"host"}  # the widget's share box names the host page (ui.share_host)
    for key, template in {**words, **shown_words("en")}.items():
        assert placeholders(template) <= allowed, key


@pytest.mark.parametrize("path", ["checker/messages/en.json", "docs/data/words/en.json"])
def test_catalogue_is_valid_json_without_duplicates(path: str) -> None:
    """The catalogue file (the checker's, and the site's) has no key written twice (a silent overwrite in JSON)."""
    pairs = json.loads((ROOT / path).read_text(encoding="utf-8"), object_pairs_hook=lambda p: p)
    keys = [k for k, _ in pairs]
    assert len(keys) == len(set(keys))


def test_the_checker_never_reads_the_site_words() -> None:
    """The checker's catalogue holds only its own words: no id of the site's catalogue is in it, and
    the checker's code names none of the site's word families."""
    checker_words, site = catalogue("en"), site_words("en")
    assert set(site) & set(checker_words) == set()
    assert not [k for k in checker_words if k.startswith(("site.", "ui.", "label."))]
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "checker").rglob("*.py"))
    assert not re.findall(r'"(?:site|ui|label)\.[a-z_]', source)
