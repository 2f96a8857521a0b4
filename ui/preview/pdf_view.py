"""PDF pages (inspection reports, courier proofs, exported bundles) with QtPdf."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView


class PdfPreview(QPdfView):
    def __init__(self, parent=None):
        super().__init__(parent)
        # Not a child of the view: with the view as parent, PySide6 6.12 crashes at exit.
        self.document = QPdfDocument(None)
        self.setDocument(self.document)
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # A search hit's word, highlighted on the pages by QtPdf itself.
        self.search = QPdfSearchModel(None)
        self.search.setDocument(self.document)
        self.setSearchModel(self.search)

    def load(self, path: Path, password: str = "") -> bool:
        self.search.setSearchString("")
        self.document.close()
        if password:
            self.document.setPassword(password)
        err = self.document.load(str(path))
        return err == QPdfDocument.Error.None_

    def page_count(self) -> int:
        return self.document.pageCount()

    def reveal(self, page: int) -> None:
        """Scroll to a page (1-based, as search hits name them)."""
        if 1 <= page <= self.page_count():
            self.pageNavigator().jump(page - 1, QPointF(), self.pageNavigator().currentZoom())

    def highlight(self, words: list[str]) -> None:
        """Highlight a searched word (QtPdf's search takes one string: the longest word, the
        most telling one)."""
        self.search.setSearchString(max(words, key=len) if words else "")

    def current_page(self) -> int:
        return self.pageNavigator().currentPage() + 1
