"""Conn. Gen. Stat. § 54-192h, Civil immigration detainers (the TRUST Act), one module per version.

- :mod:`.before_2014`: no statute yet (until 2013-12-31);
- :mod:`.pa_13_155`: PA 13-155 (2014-01-01 to 2019-09-30);
- :mod:`.pa_19_20_23`: PA 19-20 and PA 19-23 (2019-10-01 to 2025-09-30);
- :mod:`.hb_7259_2025`: the 2025 amendments (from 2025-10-01).

Within a module each function is named after the address it implements, so
``pa_13_155.subsection_b_1`` (any felony) and ``pa_19_20_23.subsection_b_1_A_ii`` (class A or B)
are different sentences in different versions. :data:`RULESETS` maps each regime id of
``checker/data/regimes.json`` to its module's rules; a missing or extra id fails at import.
"""

from __future__ import annotations

from checker.law.s54_192h import before_2014, hb_7259_2025, pa_13_155, pa_19_20_23
from checker.law.s54_192h._common import RuleSet
from checker.lawdata import REGIMES, DataError

__all__ = ["RULESETS", "RuleSet"]

RULESETS: dict[str, RuleSet] = {
    "before_2014": before_2014.RULES,
    "pa_13_155": pa_13_155.RULES,
    "pa_19_20_23": pa_19_20_23.RULES,
    "hb_7259_2025": hb_7259_2025.RULES,
}

if set(RULESETS) != {r.id for r in REGIMES}:
    raise DataError("every regime in the law data needs a module of rules, and no module may lack a regime")
