"""Several processes writing to one library at once (issue 13): no duplicate numbers, no lost
write, no error shown. The bench runs the same writers longer (bench/bench_concurrent.py)."""

from __future__ import annotations

import pytest

from .concurrency import problems, run_writers

pytestmark = pytest.mark.usefixtures("engine")  # SQLite and PostgreSQL alike


def test_concurrent_writers_keep_numbers_and_writes(tmp_path):
    root = tmp_path / "lib"
    reports, shared, own = run_writers(root, tmp_path / "work", writers=3, ops=10)
    assert sum(r["ops"] for r in reports) == 30
    assert sum(r["attached"] for r in reports) > 0 and sum(len(r["tokens"]) for r in reports) > 0
    assert problems(root, reports, shared, own) == []
