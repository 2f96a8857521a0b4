"""The export side of every view in :mod:`evidencekit.kinds`: what it reads once per export,
how it lays out its pages, and the time span it shows.

The pipeline does not know the views: it asks the registry for the exhibit's renderer.
A renderer's ``prepare`` runs once per export (before the fitting ladder tries settings);
``layout`` runs once per attempt and returns page specs and bundle warnings (zh, en).
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..ingest.textio import read_text
from .documents import LazyDocument, layout_document, scan_document
from .heading import facts_span
from .photos import ImageJobs, layout_image, layout_photos
from .timeline import layout_trace
from .transcript import layout_chat, layout_text
from .video import layout_video, load_frames
from .video import warning as video_warning

if TYPE_CHECKING:
    from .attempt import Run
    from .page import PageSpec, Palette
    from .plan import ExportPlan, PlannedExhibit

Warnings = list[tuple[str, str]]
TEXT_LIMIT = 2_000_000  # bytes of a text exhibit shown in the bundle


class Renderer:
    grouped = False  # laid out together with its neighbours of the same view (photos)

    def prepare(self, run: "Run", pe: "PlannedExhibit") -> Any:
        """Read what layout needs, once per export (``None``: nothing)."""
        return None

    def layout(self, run: "Run", plan: "ExportPlan", pe: "PlannedExhibit", content: Any,
               jobs: ImageJobs, pal: "Palette") -> tuple[list["PageSpec"], Warnings]:
        raise NotImplementedError

    def span(self, content: Any, facts: dict) -> tuple[datetime | None, datetime | None]:
        """The exhibit's time span for its header and the index."""
        return facts_span(facts)


class _Content(Renderer):
    """Chat logs and traces: the content attach read (kept in the source); shown as text,
    with a warning, when nothing could be recognised in it."""
    name_zh = name_en = ""
    lay: Any  # the subclass's layout function (layout_chat, layout_trace)

    def prepare(self, run, pe):
        content = run.plan.source.contents.get(pe.exhibit.id)
        if content is None:  # a source built without contents: read the file once
            from ..ingest.content import read_as_named
            from ..kinds import VIEWS, resolve
            loader = resolve(VIEWS[pe.render].loader)
            ctx = _context(run.plan)
            try:
                content = read_as_named(pe.path, pe.exhibit.source_name,
                                        lambda p: loader(p, ctx, pe.format)[0])
            except Exception:  # noqa: BLE001 - unreadable as chat/trace: shown otherwise
                content = None
        if not self.items(content):
            content = None  # nothing recognised: the text itself says more
            if pe.format == "text":
                run.warnings.append((f"{pe.label}：无法识别为{self.name_zh}，按原文显示",
                                     f"{pe.label}: not readable as a {self.name_en}; "
                                     "shown as text"))
        return content

    @staticmethod
    def items(content: Any) -> list:
        return list(getattr(content, "messages", None) or getattr(content, "events", None) or [])

    def layout(self, run, plan, pe, content, jobs, pal):
        if content is None:
            return (TEXT if pe.format == "text" else BINARY).layout(run, plan, pe, None, jobs, pal)
        return self.lay(plan, pe, content, pal, run.mask), []

    def span(self, content, facts):
        times = [i.at for i in self.items(content) if getattr(i, "at", None) is not None]
        return (min(times), max(times)) if times else facts_span(facts)


def _context(plan: "ExportPlan"):
    from ..ingest.model import IngestContext
    return IngestContext(store_names=list(plan.source.store_names))


class ChatRenderer(_Content):
    name_zh, name_en = "聊天记录", "chat log"

    def lay(self, plan, pe, content, pal, mask):
        return layout_chat(plan, pe, content, pal, mask)


class TraceRenderer(_Content):
    name_zh, name_en = "物流轨迹", "trace"

    def lay(self, plan, pe, content, pal, mask):
        return layout_trace(plan, pe, content, pal, mask)


class TextRenderer(Renderer):
    def layout(self, run, plan, pe, content, jobs, pal):
        # The one decoder, with the encoding ingestion found (GBK stays GBK).
        text, _ = read_text(pe.path, limit=TEXT_LIMIT,
                            encoding=(pe.exhibit.facts or {}).get("encoding"))
        return layout_text(plan, pe, text, pal, run.mask), []


class BinaryRenderer(Renderer):
    def layout(self, run, plan, pe, content, jobs, pal):
        specs = layout_text(plan, pe, "此文件无法在 PDF 中显示；原件保存在案件库中，哈希见上。\n"
                            "This file cannot be shown in a PDF; the original is kept in "
                            "the library, its hash is above.", pal, run.mask)
        return specs, [(f"{pe.label}：文件类型无法显示，仅列出哈希",
                        f"{pe.label}: file type cannot be shown; hash listed only")]


class DocumentRenderer(Renderer):
    def prepare(self, run, pe):  # opened when used, a few at a time: memory stays flat
        doc = LazyDocument(run.plan, pe, run.__dict__.setdefault("open_documents", OrderedDict()))
        run.redactions[pe.number] = scan_document(run.plan, pe, run.tmp)  # buyer data, scans
        return doc

    def layout(self, run, plan, pe, content, jobs, pal):
        return layout_document(plan, pe, content.reader, pal, plan.profile.no_blank_pages,
                               run.redactions.get(pe.number))


class ImageRenderer(Renderer):
    def layout(self, run, plan, pe, content, jobs, pal):
        return layout_image(plan, pe, jobs, pal), []


class PhotoRenderer(Renderer):
    grouped = True

    def layout_group(self, plan, group, jobs, pal):
        return layout_photos(plan, group, jobs, pal)


class VideoRenderer(Renderer):
    def prepare(self, run, pe):  # decoded once, whatever the fitting ladder tries
        return load_frames(pe, run.tmp)

    def layout(self, run, plan, pe, content, jobs, pal):
        w = video_warning(pe, content)
        return layout_video(plan, pe, content, jobs, pal), [w] if w else []


CHAT = ChatRenderer()
TRACE = TraceRenderer()
TEXT = TextRenderer()
BINARY = BinaryRenderer()
DOCUMENT = DocumentRenderer()
IMAGE = ImageRenderer()
PHOTO = PhotoRenderer()
VIDEO = VideoRenderer()
