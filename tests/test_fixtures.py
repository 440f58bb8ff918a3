"""Every planted problem in the fixtures is found; faithful pairs stay clean.

Runs the real default encoder through `provenance.compare`, the way users do.
"""

from __future__ import annotations

import pytest

from benchmarks.fixtures import judge, load_cases
from provenance import compare

from .conftest import FIXTURES

CASES = load_cases()

pytestmark = pytest.mark.model


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_planted_problems_are_found_and_nothing_else(case, encoder):
    report = compare(FIXTURES / case["original"], FIXTURES / case["translation"], encoder=encoder)
    result = judge(case, report)
    assert result.missed == []
    assert result.false_alarms == []


def test_cases_cover_each_kind_of_problem():
    reasons = {e["reason"] for c in CASES for e in c["expect"]}
    assert {"number", "date", "negation", "partial", "dropped", "added", "wrong_passage", "translator_missing"} <= reasons
    assert sum(1 for c in CASES if c["clean"]) >= 3
