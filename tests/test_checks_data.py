"""Real translations (../shared/data): the checks stay quiet and notice perturbations."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from provenance.types import Severity

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "checks.py"

pytestmark = [
    pytest.mark.data,
    pytest.mark.skipif(not (DATA / "kpc-dev").is_dir() or not (DATA / "jhe-dev").is_dir(), reason="no ../shared/data"),
]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("checks_benchmark", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def figures(bench):
    """Recall on the evaluation harness's own edits (the default)."""
    return bench.measure(bench.load_pairs(DATA), list(bench.CHECKS), Severity.WARNING)


@pytest.fixture(scope="module")
def targeted(bench):
    """Recall on edits aimed at what each check reads (a number both sides state, a day of month)."""
    return bench.measure(bench.load_pairs(DATA), list(bench.CHECKS), Severity.WARNING, edits="targeted")


# ceilings a little above the measured figures, and floors a little below, so a regression fails
FALSE_ALARMS_PER_100 = {"number": 0.8, "date": 0.2, "name": 0.2, "negation": 0.8, "partial": 0.6}
RECALL = {"number": 0.78, "date": 0.35, "negation": 0.86, "partial": 0.37}
TARGETED_RECALL = {"number": 0.95, "date": 0.88, "negation": 0.85}


@pytest.mark.parametrize(("kind", "floor"), TARGETED_RECALL.items())
def test_recall_on_targeted_edits(targeted, kind, floor):
    assert targeted["recall"][kind] >= floor


@pytest.mark.parametrize(("check", "ceiling"), FALSE_ALARMS_PER_100.items())
def test_false_alarms_on_real_translations(figures, check, ceiling):
    assert figures["false_alarms_per_100"][check] <= ceiling


@pytest.mark.parametrize(("kind", "floor"), RECALL.items())
def test_recall_on_perturbed_translations(figures, kind, floor):
    assert figures["recall"][kind] >= floor
