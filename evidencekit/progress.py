"""Progress and cancel plumbing for long operations (import, export).

Core functions take ``progress`` (a callable ``(fraction, text_zh, text_en)``)
and ``cancel`` (a :class:`CancelToken`, or anything with ``is_set()``). The app
wraps these in Qt signals; the CLI prints or ignores them.
"""

from __future__ import annotations

import threading
from typing import Callable, Protocol

from .errors import Cancelled

ProgressFn = Callable[[float, str, str], None]


class CancelLike(Protocol):
    def is_set(self) -> bool: ...


class CancelToken:
    """A thread-safe cancel flag."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()


def no_progress(fraction: float, text_zh: str = "", text_en: str = "") -> None:
    """Default progress callback: ignore."""


def check_cancel(cancel: CancelLike | None) -> None:
    """Raise :class:`Cancelled` when the user asked to stop."""
    if cancel is not None and cancel.is_set():
        raise Cancelled()
