"""Attaching 200 photos leaves the event loop running: timers fire and rows appear while the
import is under way, not all at once when it ends.

The size of the worst stall is a timing, measured by ``bench/bench_ui.py`` (numbers in
bench/README.md); a wall-clock bound here would fail on a busy machine whatever the code did.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer

from .conftest import make_case, wait_imports
from .photos import make_photos


class ImportWatcher:
    """A 10 ms timer that records, at each tick, whether files are still queued and how many
    rows the evidence view shows. Ticks only arrive while the event loop is free."""

    def __init__(self, ctx, view):
        self.ctx, self.view = ctx, view
        self.ticks_while_importing = 0
        self.rows_seen: set[int] = set()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._on_timer_timeout)

    def _on_timer_timeout(self):
        if self.ctx.importer.pending() or self.ctx.runner.busy:
            self.ticks_while_importing += 1
            self.rows_seen.add(self.view.model.rowCount())


@pytest.mark.slow
def test_attach_200_photos_keeps_the_event_loop_running(qtbot, window, ctx, clock, tmp_path):
    make_photos(tmp_path / "photos", 200)
    case = make_case(ctx.lib, clock, dispute_type="seven_day_return")
    window.case_list.reload()
    window.open_case(case.id)
    evidence = window.case_view.evidence
    evidence.toggle_view()  # grid: thumbnails for every photo
    qtbot.wait(100)
    watcher = ImportWatcher(ctx, evidence)
    watcher.timer.start()
    evidence.add_paths([tmp_path / "photos"])
    wait_imports(qtbot, ctx, timeout=120000)
    qtbot.waitUntil(lambda: evidence.thumbnails.pending() == 0, timeout=30000)
    watcher.timer.stop()
    assert len(ctx.lib.list_exhibits(case.id)) == 200
    assert evidence.model.rowCount() == 200
    assert len(evidence.thumbnails._icons) >= 10  # the visible ones were made
    # Work on the UI thread would starve the timer until the end: it kept firing instead, and
    # the view grew in steps while files were still being read.
    assert watcher.ticks_while_importing >= 20
    assert len(watcher.rows_seen - {0, 200}) >= 2, sorted(watcher.rows_seen)
