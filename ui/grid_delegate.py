"""Grid cells of the evidence panel: the thumbnail, and under it the exhibit number (bold)
followed by its caption (or file name) on up to two lines, elided."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from .models.exhibit_model import COL_CAPTION, COL_NAME, COL_NO

PAD = 4
CAPTION_LINES = 2


def split_lines(text: str, fm: QFontMetrics, width: int, lines: int = CAPTION_LINES,
                first_indent: int = 0) -> list[str]:
    """Wrap ``text`` into at most ``lines`` lines of ``width`` pixels (the first one
    ``first_indent`` pixels shorter), eliding the last one.

    Wraps at any character (Chinese captions have no spaces), preferring a space when there is one.
    """
    out: list[str] = []
    rest = " ".join(text.split())
    while rest and len(out) < lines - 1:
        avail = width - (first_indent if not out else 0)
        if fm.horizontalAdvance(rest) <= avail:
            break
        n = 0
        while n < len(rest) and fm.horizontalAdvance(rest[:n + 1]) <= avail:
            n += 1
        space = rest.rfind(" ", 0, n + 1)
        if space > n // 2:
            n = space
        out.append(rest[:n].rstrip())
        rest = rest[n:].lstrip()
    if rest:
        out.append(fm.elidedText(rest, Qt.ElideRight, width - (first_indent if not out else 0)))
    return out


def grid_texts(index) -> tuple[str, str]:
    """(number, caption or file name) of the row of ``index``."""
    model = index.model()
    number = model.index(index.row(), COL_NO).data() or ""
    caption = model.index(index.row(), COL_CAPTION).data() or ""
    name = model.index(index.row(), COL_NAME).data() or ""
    return str(number), str(caption or name)


class ExhibitGridDelegate(QStyledItemDelegate):
    def __init__(self, icon_size: QSize, parent=None):
        super().__init__(parent)
        self.icon_size = icon_size

    def cell_size(self, fm: QFontMetrics) -> QSize:
        width = max(self.icon_size.width() + PAD * 4, fm.horizontalAdvance("M") * 9)
        height = self.icon_size.height() + PAD * 3 + fm.lineSpacing() * CAPTION_LINES
        return QSize(width, height)

    def sizeHint(self, option, index):
        return self.cell_size(option.fontMetrics)

    def paint(self, painter, option, index):
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        opt.text = ""
        opt.icon = QIcon()
        r = option.rect
        selected = bool(option.state & QStyle.State_Selected)
        group = QPalette.Active if option.state & QStyle.State_Active else QPalette.Inactive
        if selected:  # the whole cell, thumbnail included (styles only mark the text area)
            painter.fillRect(r.adjusted(1, 1, -1, -1), option.palette.brush(group, QPalette.Highlight))
        else:
            style.drawPrimitive(QStyle.PE_PanelItemViewItem, opt, painter, widget)

        icon = index.data(Qt.DecorationRole)
        icon_rect = QRect(r.x() + (r.width() - self.icon_size.width()) // 2, r.y() + PAD,
                          self.icon_size.width(), self.icon_size.height())
        if isinstance(icon, QIcon) and not icon.isNull():
            icon.paint(painter, icon_rect, Qt.AlignCenter, QIcon.Normal)  # no tint: keep photos true

        number, caption = grid_texts(index)
        role = QPalette.HighlightedText if selected else QPalette.Text
        painter.save()
        fg = index.data(Qt.ForegroundRole)  # a refused file is drawn in the error colour
        painter.setPen(fg.color() if hasattr(fg, "color") else fg if fg is not None
                       else option.palette.color(group, role))
        text_w = r.width() - 2 * PAD
        y = icon_rect.bottom() + 1 + PAD
        bold = QFont(option.font)
        bold.setBold(True)
        bfm, fm = QFontMetrics(bold), QFontMetrics(option.font)
        number = bfm.elidedText(number, Qt.ElideRight, text_w)
        head = bfm.horizontalAdvance(number + " ")
        lines = split_lines(caption, fm, text_w, first_indent=head)
        line_h = max(fm.lineSpacing(), bfm.lineSpacing())
        for i, line in enumerate(lines or [""]):
            # Each line is centred; the first starts with the number.
            w = fm.horizontalAdvance(line) + (head if i == 0 else 0)
            x = r.x() + PAD + max(0, (text_w - w) // 2)
            if i == 0:
                painter.setFont(bold)
                painter.drawText(QRect(x, y, head, line_h), Qt.AlignLeft | Qt.AlignTop, number)
                x += head
                painter.setFont(option.font)
            painter.drawText(QRect(x, y, r.right() - PAD - x + 1, line_h),
                             Qt.AlignLeft | Qt.AlignTop, line)
            y += line_h
        painter.restore()
        if option.state & QStyle.State_HasFocus:
            focus = QStyleOptionViewItem(opt)
            style.drawPrimitive(QStyle.PE_FrameFocusRect, focus, painter, widget)
