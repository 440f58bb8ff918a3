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
def figures():
    spec = importlib.util.spec_from_file_location("checks_benchmark", BENCHMARK)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    pairs = bench.load_pairs(DATA)
    return bench.measure(pairs, list(bench.CHECKS), Severity.WARNING)


# ceilings a little above the measured figures, so a regression fails
FALSE_ALARMS_PER_100 = {"number": 1.0, "date": 0.5, "name": 0.6, "negation": 0.9, "partial": 0.7}
RECALL = {"number": 0.90, "date": 0.85, "negation": 0.85, "partial": 0.25}


@pytest.mark.parametrize(("check", "ceiling"), FALSE_ALARMS_PER_100.items())
def test_false_alarms_on_real_translations(figures, check, ceiling):
    assert figures["false_alarms_per_100"][check] <= ceiling


@pytest.mark.parametrize(("kind", "floor"), RECALL.items())
def test_recall_on_perturbed_translations(figures, kind, floor):
    assert figures["recall"][kind] >= floor
