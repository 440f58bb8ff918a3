"""The lost-clause benchmark reports cuts by the share of the sentence they keep."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture()
def partial(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import partial

    return partial


@pytest.mark.parametrize(("share", "band"), [(0.1, 0), (0.4, 1), (0.45, 1), (0.59, 2), (0.6, 3), (0.79, 4), (0.8, 5), (1.0, 5), (1.2, 5)])
def test_a_kept_share_falls_in_one_band(partial, share, band):
    assert partial.kept_band(share) == band
    assert partial.KEPT_BANDS[band] > share or band == len(partial.KEPT_BANDS) - 1
