"""Suite-wide set-up: headless Qt, an isolated library, a fixed clock."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"


class FakeClock:
    """An injectable clock: tests never read the wall clock (see Anki's midnight bugs)."""

    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw) -> None:
        from datetime import timedelta
        self.now = self.now + timedelta(**kw)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2024, 9, 18, 2, 0, tzinfo=timezone.utc))


@pytest.fixture
def library(tmp_path, clock, monkeypatch):
    from evidencekit.store import Library
    monkeypatch.setenv("EVIDENCEKIT_LIBRARY", str(tmp_path / "lib"))
    lib = Library.open(tmp_path / "lib", clock=clock)
    yield lib
    lib.close()
