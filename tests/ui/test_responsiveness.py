"""Attaching 200 photos keeps the event loop responsive (no stall over 100 ms)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer

from .conftest import make_case, wait_imports
from .photos import make_photos

STALL_LIMIT_MS = 100


class Heartbeat:
    """A 10 ms timer; the longest gap between its ticks is the worst event-loop stall."""

    def __init__(self):
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.last = None
        self.worst = 0.0
        self.gaps = []

    def _on_timer_timeout(self):
        now = time.perf_counter()
        if self.last is not None:
            gap = (now - self.last) * 1000
            self.gaps.append(gap)
            self.worst = max(self.worst, gap)
        self.last = now

    def start(self):
        self.last = None
        self.timer.start()

    def stop(self):
        self.timer.stop()


@pytest.mark.slow
def test_attach_200_photos_without_stalls(qtbot, window, ctx, clock, tmp_path):
    make_photos(tmp_path / "photos", 200)
    case = make_case(ctx.lib, clock, dispute_type="seven_day_return")
    window.case_list.reload()
    window.open_case(case.id)
    window.case_view.evidence.toggle_view()  # grid: thumbnails for every photo
    qtbot.wait(100)
    beat = Heartbeat()
    beat.start()
    started = time.perf_counter()
    window.case_view.evidence.add_paths([tmp_path / "photos"])
    wait_imports(qtbot, ctx, timeout=120000)
    qtbot.waitUntil(lambda: window.case_view.evidence.thumbnails.pending() == 0, timeout=30000)
    qtbot.wait(300)
    beat.stop()
    elapsed = time.perf_counter() - started
    assert len(ctx.lib.list_exhibits(case.id)) == 200
    assert window.case_view.evidence.model.rowCount() == 200
    assert len(window.case_view.evidence.thumbnails._icons) >= 10  # the visible ones were made
    print(f"\n200 photos attached in {elapsed:.1f} s; worst event-loop gap {beat.worst:.0f} ms; "
          f"p99 {sorted(beat.gaps)[int(len(beat.gaps) * 0.99)]:.0f} ms")
    assert beat.worst < STALL_LIMIT_MS, f"event loop stalled for {beat.worst:.0f} ms"
