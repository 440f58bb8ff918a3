"""When `compare` loads its encoder: the packaged one before segmenting (its tokenizer
builds meanwhile), a local model only once the inputs have passed their checks."""

from __future__ import annotations

import pytest

import provenance.embed
import provenance.segment
from provenance.api import compare
from provenance.errors import InputError

from .conftest import FIXTURES

KO = FIXTURES / "nk-workers/ko.txt"
EN = FIXTURES / "nk-workers/en.txt"


@pytest.fixture()
def calls(monkeypatch):
    """The order of encoder loads and segmentations (a load stops the comparison)."""
    seen: list[str] = []
    segment = provenance.segment.segment

    def loading(name, **kwargs):
        seen.append(f"load {name}")
        raise RuntimeError("stop here")  # the test is about order only

    def segmenting(*args, **kwargs):
        seen.append("segment")
        return segment(*args, **kwargs)

    monkeypatch.setattr(provenance.embed, "get_encoder", loading)
    monkeypatch.setattr(provenance.segment, "segment", segmenting)
    return seen


def test_the_packaged_encoder_is_loaded_before_segmenting(calls):
    with pytest.raises(RuntimeError, match="stop here"):
        compare(KO, EN)
    assert calls == ["load use-m3"]


def test_a_local_model_is_not_loaded_for_inputs_that_fail_their_checks(calls, tmp_path):
    with pytest.raises(InputError, match="swapped"):
        compare(EN, KO, encoder=str(tmp_path / "my-model"))
    assert calls == ["segment", "segment"]


def test_a_cold_comparison_does_not_import_numpys_masked_arrays():
    """`np.median` imports `numpy.ma`, 9 ms of a cold `compare` (issue #8): the pipeline's medians
    (the aligner's margin baseline, the lost-clause step's document offset) go without it."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from provenance.api import compare\n"
        f"report = compare({str(KO)!r}, {str(EN)!r})\n"
        "assert report.alignment\n"
        "print('numpy.ma' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
