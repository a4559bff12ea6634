"""The scenario tables (tests/cases/*.toml): one file per regime, each case named as a sentence."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CASES_DIR = Path(__file__).parent / "cases"


@dataclass(frozen=True)
class Case:
    """One row of a scenario table."""

    file: str
    regime: str
    name: str
    facts: dict[str, Any]
    expect: dict[str, Any]


def load_cases() -> list[Case]:
    """Every case of every table, in file order."""
    cases = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        for row in table["case"]:
            cases.append(Case(path.name, table["regime"], row["name"], row["facts"], row["expect"]))
    return cases


CASES = load_cases()
