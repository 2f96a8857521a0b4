"""Several processes writing to one library at once (issue 13): no duplicate numbers, no lost
write, no error shown. The bench runs the same writers longer (bench/bench_concurrent.py)."""

from __future__ import annotations

import os

from evidencekit.store import Library

from .concurrency import problems, run_writers
from .test_cli import ek


def test_concurrent_writers_keep_numbers_and_writes(engine, tmp_path, monkeypatch):
    root = tmp_path / "lib"
    if not engine.postgresql:
        reports, shared, own = run_writers(root, tmp_path / "work", writers=3, ops=10)
        assert sum(r["attached"] for r in reports) > 0 and sum(len(r["tokens"]) for r in reports) > 0
        assert problems(root, reports, shared, own) == []
        return
    # A team library as it is used: the clerks log in with the staff role and the review group
    # with the reviewer role, all at once. Every write the reviewer tries is refused by the
    # database with the plain error, and none of them lands.
    from .test_team_library import _as_user, _sql, make_url

    monkeypatch.delenv("EVIDENCEKIT_DB")
    url = engine.server.empty_database()
    db = make_url(url).database
    assert ek(root, "init", "--db", url).returncode == 0
    clerk, reviewer = f"{db}_clerk", f"{db}_rev"
    _sql(url, f'CREATE ROLE "{clerk}" LOGIN', f'GRANT "{db}_staff" TO "{clerk}"',
         f'CREATE ROLE "{reviewer}" LOGIN', f'GRANT "{db}_reviewer" TO "{reviewer}"')
    try:
        reports, shared, own = run_writers(
            root, tmp_path / "work", writers=3, ops=10,
            env={**os.environ, "EVIDENCEKIT_DB": _as_user(url, clerk)},
            reviewer_env={**os.environ, "EVIDENCEKIT_DB": _as_user(url, reviewer)})
        *writers, review = reports
        assert sum(r["attached"] for r in writers) > 0 and sum(len(r["tokens"]) for r in writers) > 0
        assert problems(root, writers, shared, own) == []
        assert review["errors"] == [] and review["wrote"] == []
        assert review["reads"] == 10 and review["refused"] == 10
        with Library.open(root) as lib:
            assert not [c for c in lib.list_cases() if c.order_no.startswith("REV")]
            assert "REVIEWER" not in lib.get_case(shared).notes
    finally:
        _sql(url, f'DROP OWNED BY "{reviewer}", "{clerk}"', f'DROP ROLE "{reviewer}"', f'DROP ROLE "{clerk}"')
