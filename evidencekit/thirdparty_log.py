"""Warnings of the libraries that read files (pypdf, Pillow) go to a log, not the terminal.

A batch of odd PDFs makes pypdf print hundreds of repair notes; they mean something to a
developer, not to a clerk. They are written to ``logs/warnings.log`` in the library, each
line naming the file it came from; the caller shows one line per file with the count.
"""

from __future__ import annotations

import logging
import threading
import warnings
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

LOGGERS = ("pypdf", "PIL", "py.warnings")
_current = ""  # what the core is reading now (an exhibit), for the log line


@contextmanager
def reading(label: str) -> Iterator[None]:
    """Core code names what it reads (``E3 report.pdf``), so a warning logged meanwhile says
    which file it is about. Costs nothing when no log is capturing."""
    global _current
    before, _current = _current, label
    try:
        yield
    finally:
        _current = before


class _Handler(logging.Handler):
    def __init__(self, log: "ThirdPartyLog"):
        super().__init__(logging.WARNING)
        self.log = log

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = record.getMessage().strip().replace("\n", " ")
        except Exception:  # noqa: BLE001 - a bad log record must not stop the work
            text = str(record.msg)
        self.log.write(record.name, text)


class ThirdPartyLog:
    """Collects third-party warnings under a label (an exhibit or a file name)."""

    def __init__(self, path: Path | None):
        self.path = path
        self.label = ""
        self.count = 0
        self.by_label: Counter[str] = Counter()
        self._lock = threading.Lock()

    def write(self, source: str, text: str) -> None:
        with self._lock:
            self.count += 1
            label = _current or self.label
            self.by_label[label] += 1
            if self.path is None:
                return
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with open(self.path, "a", encoding="utf-8", errors="backslashreplace") as f:
                    f.write(f"{label}\t{source}\t{text[:2000]}\n")
            except OSError:
                self.path = None  # read-only library or full disk: keep counting, stop writing

    @contextmanager
    def capture(self) -> Iterator["ThirdPartyLog"]:
        """Route the readers' warnings here for the duration (not to the terminal)."""
        handler = _Handler(self)
        loggers = [logging.getLogger(name) for name in LOGGERS]
        saved = [(lg.propagate, lg.level) for lg in loggers]
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            logging.captureWarnings(True)
            for lg in loggers:
                lg.addHandler(handler)
                lg.propagate = False
                if lg.level == logging.NOTSET or lg.level > logging.WARNING:
                    lg.setLevel(logging.WARNING)
            try:
                yield self
            finally:
                logging.captureWarnings(False)
                for lg, (prop, level) in zip(loggers, saved, strict=True):
                    lg.removeHandler(handler)
                    lg.propagate, lg.level = prop, level

    @contextmanager
    def labelled(self, label: str) -> Iterator[list[int]]:
        """Count what is logged while reading one file: ``with log.labelled(name) as n``,
        then ``n[0]`` is the number of warnings."""
        before, self.label = self.count, label
        counter = [0]
        try:
            yield counter
        finally:
            counter[0] = self.count - before


def library_log(root: Path) -> ThirdPartyLog:
    return ThirdPartyLog(Path(root) / "logs" / "warnings.log")
