"""The throughput benchmark reads its corpus as new text in every pass."""

from __future__ import annotations

from pathlib import Path


def test_forgetting_texts_empties_the_checkers_caches(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import throughput

    from provenance.checks import check_pair
    from provenance.checks.lang import en

    check_pair("김정은 위원장이 3일 평양에서 말했다.", "Kim Jong Un said in Pyongyang on the 3rd.", "ko", "en")
    assert en.name_key.cache_info().currsize > 0
    assert throughput._forget_texts() > 0
    assert en.name_key.cache_info().currsize == 0
