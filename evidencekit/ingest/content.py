"""What attach understood of an exhibit's content (a chat's messages, a trace's events), kept
so that export and preview read it instead of parsing the file again.

The content is kept as JSON in a folder beside the blobs, one file per exhibit file, view
and reading context (the store's chat names decide who is the merchant; the stall threshold
decides the stalls): change a setting and the next reader parses once more and keeps that.
Exhibits attached before contents were kept are read the same way, once.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from .. import kinds
from ..gcpause import gc_paused
from .model import IngestContext, content_from_json, content_to_json

VERSION = 1  # bump when a parser's output changes, so kept contents are read again


def read_as_named(blob: Path, name: str, fn: Any) -> Any:
    """Run ``fn(path)`` on a blob seen under its original file name (parsers read suffixes,
    as they did at attach)."""
    tmp = Path(tempfile.mkdtemp(prefix="evidencekit-read-"))
    try:
        link = tmp / (Path(name).name or "file")
        try:
            os.symlink(blob, link)
        except OSError:
            shutil.copyfile(blob, link)
        return fn(link)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _key(sha256: str, view: str, ctx: IngestContext) -> str:
    h = hashlib.sha256(json.dumps([VERSION, view, sorted(ctx.store_names), ctx.stall_hours],
                                  ensure_ascii=False).encode()).hexdigest()[:16]
    return f"{sha256}-{view}-{h}.json"


class ContentStore:
    """Kept contents in ``folder`` (created on first write)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def get(self, sha256: str, view: str, ctx: IngestContext) -> Any | None:
        try:
            with gc_paused():
                data = json.loads((self.folder / _key(sha256, view, ctx)).read_text("utf-8"))
                return content_from_json(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # not kept yet, or damaged: read the file again

    def put(self, sha256: str, view: str, ctx: IngestContext, content: Any) -> None:
        """Keep ``content``; a failure to write only costs a parse later."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            path = self.folder / _key(sha256, view, ctx)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(content_to_json(content), ensure_ascii=False), "utf-8")
            os.replace(tmp, path)
        except OSError:
            pass

    def load(self, blob: Path, name: str, sha256: str, view: str, ctx: IngestContext,
             file_type: str) -> Any | None:
        """The content of a chat or trace exhibit: kept, or read once now and kept."""
        loader = kinds.VIEWS[view].loader
        if not loader:
            return None
        content = self.get(sha256, view, ctx)
        if content is None:
            fn = kinds.resolve(loader)
            content = read_as_named(blob, name, lambda p: fn(p, ctx, file_type)[0])
            self.put(sha256, view, ctx, content)
        return content
