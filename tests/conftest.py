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


# ---- both engines (issue 13) -----------------------------------------------------------------
# A module that says ``pytestmark = pytest.mark.usefixtures("engine")`` runs each of its tests on
# SQLite and on PostgreSQL (a throw-away cluster per run: tests/pg_cluster.py). On PostgreSQL
# every library a test opens is in a fresh database (EVIDENCEKIT_DB), unless the module sets
# ``ENGINE_DATABASE_PER_MODULE = True`` and points its own library folder at ``engine.url``.
# A test that is about SQLite itself is marked ``@pytest.mark.sqlite_only``. PostgreSQL that
# cannot be started fails the run: it is never skipped.
class EngineChoice:
    def __init__(self, name: str, server=None):
        self.name, self.server = name, server
        self.url = server.new_database() if server is not None else None

    @property
    def postgresql(self) -> bool:
        return self.name == "postgresql"

    def __repr__(self) -> str:
        return self.name


@pytest.fixture(scope="session")
def pg_server():
    from tests import pg_cluster
    try:
        server = pg_cluster.start()
    except pg_cluster.PgUnavailable as e:
        pytest.fail(f"PostgreSQL is needed for the team-library tests and could not be started: {e}",
                    pytrace=False)
    yield server
    server.close()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def engine(request):
    if request.param == "sqlite":
        return EngineChoice("sqlite")
    return EngineChoice("postgresql", request.getfixturevalue("pg_server"))


@pytest.fixture(autouse=True)
def _engine_database(request, monkeypatch):
    monkeypatch.delenv("EVIDENCEKIT_DB", raising=False)  # never the developer's team library
    if "engine" not in request.fixturenames:
        return
    choice = request.getfixturevalue("engine")
    if choice.postgresql and not getattr(request.module, "ENGINE_DATABASE_PER_MODULE", False):
        monkeypatch.setenv("EVIDENCEKIT_DB", choice.server.new_database())


def pytest_collection_modifyitems(config, items):
    """Tests about SQLite itself run on SQLite only (not collected twice, not skipped)."""
    keep, drop = [], []
    for item in items:
        spec = getattr(item, "callspec", None)
        if spec is not None and spec.params.get("engine") == "postgresql" and \
                item.get_closest_marker("sqlite_only"):
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
