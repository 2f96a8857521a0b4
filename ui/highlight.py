"""Search words highlighted where the app shows text: the hit list, a chat, a trace."""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from evidencekit.store import search_rank

# The marker pen's colours: readable on the light and the dark palette alike.
MARK_BG, MARK_FG = "#ffd54f", "#000000"


def marked_html(text: str, words: list[str]) -> str:
    """``text`` as HTML with every word in ``words`` on a highlighter background."""
    out, at = [], 0
    for s, e in search_rank.spans(text, words):
        out.append(html.escape(text[at:s]))
        out.append(f'<span style="background:{MARK_BG}; color:{MARK_FG}">{html.escape(text[s:e])}</span>')
        at = e
    out.append(html.escape(text[at:]))
    return "".join(out)


class HighlightDelegate(QStyledItemDelegate):
    """Paints an item's text with ``words`` highlighted (wrapping when the view wraps)."""

    def __init__(self, parent=None, words: list[str] | None = None):
        super().__init__(parent)
        self.words: list[str] = list(words or [])

    def paint(self, painter, option, index) -> None:
        text = index.data(Qt.DisplayRole)
        if not self.words or not isinstance(text, str) or not search_rank.spans(text, self.words):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SE_ItemViewItemText, opt, opt.widget) if style else opt.rect
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(2)
        wrap = bool(opt.features & QStyleOptionViewItem.WrapText)
        doc.setTextWidth(rect.width() if wrap else -1)
        doc.setHtml(marked_html(" ".join(text.split()) if not wrap else text, self.words))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.State_Selected)
        ctx.palette.setColor(QPalette.Text, opt.palette.color(
            QPalette.HighlightedText if selected else QPalette.Text))
        fg = index.data(Qt.ForegroundRole)
        if fg is not None and not selected:
            ctx.palette.setColor(QPalette.Text, fg.color())
        painter.save()
        painter.setClipRect(rect)
        top = rect.top() + max(0.0, (rect.height() - doc.size().height()) / 2) if not wrap else rect.top()
        painter.translate(rect.left(), top)
        ctx.clip = QRectF(0, 0, rect.width(), rect.height())
        doc.documentLayout().draw(painter, ctx)
        painter.restore()
