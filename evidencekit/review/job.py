"""The review as long work for the app's runner: ``fn(progress, cancel)`` on a worker thread,
reading the library on its own read-only connection."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from ..progress import CancelLike, ProgressFn
from ..store.review_rows import reader
from .numbers import Review, build_review
from .period import Period


def review_job(root: Path, clock: Callable[[], datetime], by: str, period: Period, now: datetime,
               zone: tzinfo, lang: str, **options: Any) -> Callable[[ProgressFn, CancelLike], Review]:
    def work(progress: ProgressFn, cancel: CancelLike) -> Review:
        lib = reader(root, clock)
        try:
            return build_review(lib, by, period, now, zone, lang, progress=progress, cancel=cancel,
                                **options)
        finally:
            lib.close()
    return work
