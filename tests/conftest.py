"""Shared test helpers: where the fixtures and the shared data live."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def encoder():
    """The real default encoder, loaded once for the whole run."""
    from provenance.embed import get_encoder

    return get_encoder("use-m3")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"{SHARED_DATA} is absent: the shared development data is not beside the checkout")
    return SHARED_DATA
