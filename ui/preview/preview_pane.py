"""Shows the selected exhibit with the viewer for its kind; content is loaded off the UI thread."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QTextBrowser, QVBoxLayout, QWidget

from evidencekit.kinds import view_of

from .. import labels
from ..errors import describe
from ..i18n import pick
from ..ops import OpChanges, run_op
from ..runner import WORK
from .chat_view import ChatPreview
from .image_view import ImagePreview
from .loaders import load_image, load_text, load_video_frames
from .pdf_view import PdfPreview
from .trace_view import TracePreview
from .video_view import VideoPreview


class PreviewPane(QWidget):
    shown = Signal(str)  # which viewer: image | chat | trace | pdf | video | text | info | empty

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.stack = QStackedWidget()
        self.empty = QLabel(self.tr("Select an exhibit to preview it."))
        self.empty.setAlignment(Qt.AlignCenter)
        self.image = ImagePreview()
        self.chat = ChatPreview()
        self.trace = TracePreview()
        self.pdf = PdfPreview()
        self.video = VideoPreview()
        self.info = QTextBrowser()
        for w in (self.empty, self.image, self.chat, self.trace, self.pdf, self.video, self.info):
            self.stack.addWidget(w)
        self.chat.mark_requested.connect(self._on_mark_requested)
        self.trace.mark_requested.connect(self._on_mark_requested)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.stack, 1)
        self._generation = 0
        self.current = "empty"
        self.exhibit = None
        # (exhibit id, source, loc, words) of a search hit
        self._target: tuple[int, str, int, list[str]] | None = None

    def reveal(self, exhibit_id: int, source: str, loc: int, words: list[str] | None = None) -> None:
        """Open on a search hit's message, event or page, its ``words`` highlighted: now if the
        exhibit is shown, else when it is (the caller selects it next)."""
        self._target = (exhibit_id, source, loc, list(words or []))
        if self.exhibit is not None and self.exhibit.id == exhibit_id and self.current != "loading":
            self._apply_target()

    def _apply_target(self) -> None:
        target, self._target = self._target, None
        if target is None or self.exhibit is None or target[0] != self.exhibit.id:
            return
        _eid, source, loc, words = target
        if self.current == "chat":
            self.chat.highlight(words, loc if source == "message" else None)
        elif self.current == "trace":
            self.trace.highlight(words)
            if source == "event":
                self.trace.reveal(loc)
        elif self.current == "pdf":
            self.pdf.highlight(words)
            if source == "page":
                self.pdf.reveal(loc)

    def show_exhibit(self, exhibit) -> None:
        self._generation += 1
        gen = self._generation
        self.exhibit = exhibit
        if exhibit is None:
            self.title.clear()
            self.empty.setText(self.tr("Select an exhibit to preview it."))
            self._show("empty", self.empty)
            return
        self.update_title(exhibit)
        # The registry says which viewer shows this exhibit (as the bundle shows it).
        getattr(self, f"_open_{view_of(exhibit).preview}")(gen, exhibit)

    def _open_pdf(self, gen, exhibit) -> None:
        if self.pdf.load(self.ctx.lib.blob_path(exhibit.sha256)):
            self._show("pdf", self.pdf)
            self._apply_target()
        else:
            self._info(exhibit, pick("这个 PDF 无法在此预览（可能已加密）。",
                                     "This PDF cannot be previewed here (it may be encrypted)."))

    def _open_image(self, gen, exhibit) -> None:
        blob = self.ctx.lib.blob_path(exhibit.sha256)
        self._run(gen, lambda: load_image(blob), self._on_image_loaded)

    def _open_video(self, gen, exhibit) -> None:
        blob = self.ctx.lib.blob_path(exhibit.sha256)
        self._run(gen, lambda: load_video_frames(blob), self._on_video_loaded)

    def _open_chat(self, gen, exhibit) -> None:
        # What attach read, kept by the library (read once more only for older exhibits).
        self._run(gen, self.ctx.lib.content_reader(exhibit), self._on_chat_loaded)

    def _open_trace(self, gen, exhibit) -> None:
        self._run(gen, self.ctx.lib.content_reader(exhibit), self._on_trace_loaded)

    def _open_info(self, gen, exhibit) -> None:
        self._info(exhibit)

    def _open_text(self, gen, exhibit) -> None:
        # A note or a pasted record filed as "other": its words, not its hash and facts.
        blob = self.ctx.lib.blob_path(exhibit.sha256)
        encoding = (exhibit.facts or {}).get("encoding")
        self._run(gen, lambda: load_text(blob, encoding), self._on_text_loaded)

    def update_title(self, exhibit) -> None:
        """The header line (number, kind, file): also after an edit that keeps the viewer
        (key marks included: the viewer draws them again)."""
        self.exhibit = exhibit
        self.title.setText(f"<b>E{exhibit.position}</b> · {labels.kind_label(exhibit.kind)} · "
                           f"{exhibit.source_name}")
        if self.current == "chat":
            self.chat.set_marks(exhibit.marks)
        elif self.current == "trace":
            self.trace.set_marks(exhibit.marks)

    def _on_mark_requested(self, number: int, marked: bool) -> None:
        """Mark or unmark a key message / trace row: an op; the case view redraws from it."""
        exhibit = self.exhibit
        if exhibit is None:
            return
        eid, case_id = exhibit.id, exhibit.case_id
        run_op(self.ctx, "mark key item", lambda lib: OpChanges.of_case(
            case_id, lib.mark_exhibit(eid, [number], marked)),
            on_success=lambda changes: self._on_marked(changes.value))

    def _on_marked(self, exhibit) -> None:
        if self.exhibit is not None and self.exhibit.id == exhibit.id:
            self.update_title(exhibit)

    def show_count(self, n: int) -> None:
        """Several exhibits are selected: say so instead of showing one of them."""
        self._generation += 1
        self.exhibit = None
        self.title.clear()
        self.empty.setText(self.tr("%1 exhibits selected.").replace("%1", str(n)))
        self._show("empty", self.empty)

    def _run(self, gen, fn, done) -> None:
        self.info.setPlainText(pick("正在载入…", "Loading…"))
        self._show("loading", self.info)
        def succeeded(value) -> None:
            if gen == self._generation:  # the user may have moved on to another exhibit
                done(value)

        def failed(exc) -> None:
            if gen == self._generation:
                self._info(self.exhibit, describe(exc)[0])

        self.ctx.runner.run("preview", lambda progress, cancel: fn(), pool=WORK,
                            on_success=succeeded, on_failure=failed)

    def _on_image_loaded(self, image) -> None:
        if image.isNull():
            self._info(self.exhibit, pick("无法显示这张图片。", "This image cannot be shown."))
            return
        self.image.set_image(image)
        self._show("image", self.image)

    def _on_video_loaded(self, result) -> None:
        frames, decoder = result
        self.video.set_video(self.exhibit, frames, decoder)
        self._show("video", self.video)

    def _on_chat_loaded(self, log) -> None:
        target = self._target if self._target and self._target[0] == self.exhibit.id else None
        reveal = target[2] if target and target[1] == "message" else None
        self.chat.set_chat(log, self.ctx.zone, reveal, self.exhibit.marks, target[3] if target else None)
        self._show("chat", self.chat)
        self._apply_target()

    def _on_trace_loaded(self, trace) -> None:
        self.trace.set_trace(trace, self.ctx.zone, self.exhibit.marks)
        self._show("trace", self.trace)
        self._apply_target()

    def _on_text_loaded(self, text: str) -> None:
        self.info.setPlainText(text)
        self._show("text", self.info)

    def _info(self, exhibit, note: str = "") -> None:
        facts = dict(exhibit.facts or {}) if exhibit else {}
        facts.pop("text_excerpt", None)
        body = json.dumps(facts, ensure_ascii=False, indent=2, default=str)
        head = f"{note}\n\n" if note else ""
        self.info.setPlainText(head + (f"SHA-256 {exhibit.sha256}\n\n" if exhibit else "") + body)
        self._show("info", self.info)

    def _show(self, name: str, widget) -> None:
        self.current = name
        self.stack.setCurrentWidget(widget)
        self.shown.emit(name)
