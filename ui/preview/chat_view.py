"""A chat log as a transcript: buyer on the left, merchant on the right, times shown.

Messages carry the numbers the bundle prints ("#4"); the user marks key ones from the context
menu (``mark_requested``), and marked ones are framed and starred, as in the bundle.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTextBrowser

from evidencekit.timeutil import format_local

from ..highlight import marked_html
from ..i18n import pick

ROLE_STYLE = {"buyer": ("left", "#e3f2fd", "#0d47a1"), "merchant": ("right", "#e8f5e9", "#1b5e20"),
              "system": ("center", "#eeeeee", "#424242"), "unknown": ("left", "#fff8e1", "#5d4037")}
KEY_STYLE = ("#fff1b8", "#3e2c00")  # a marked message: background, text (as in the bundle)


class ChatPreview(QTextBrowser):
    mark_requested = Signal(int, bool)  # message number (1-based), mark (True) or unmark

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.message_count = 0
        self.revealed: int | None = None  # the message a search hit opened on (0-based)
        self.marks: set[int] = set()  # the key messages (1-based numbers)
        self.words: list[str] = []  # the searched words, highlighted
        self._log = None
        self._zone = None
        self._starts: list[int] = []  # document position where each message begins

    def set_chat(self, log, zone, reveal: int | None = None, marks=(),
                 words: list[str] | None = None) -> None:
        """Show the transcript; ``reveal`` (a search hit) is framed and scrolled to, the
        searched ``words`` highlighted in every message."""
        self._log, self._zone = log, zone
        self.words = list(words or [])
        self.message_count = len(log.messages)
        self.revealed = reveal if reveal is not None and 0 <= reveal < len(log.messages) else None
        self.marks = set(marks)
        self._render()
        self.scroll_to_revealed()

    def set_marks(self, marks) -> None:
        """The key messages changed (an op finished): draw them again, keeping the place."""
        if self._log is None or set(marks) == self.marks:
            return
        self.marks = set(marks)
        bar = self.verticalScrollBar()
        at = bar.value()
        self._render()
        bar.setValue(at)

    def _render(self) -> None:
        log, zone = self._log, self._zone
        key_label = self.tr("Key")
        rows = []
        for i, m in enumerate(log.messages):
            align, bg, fg = ROLE_STYLE.get(m.role, ROLE_STYLE["unknown"])
            key = i + 1 in self.marks
            if key:
                bg, fg = KEY_STYLE
            who = html.escape(m.speaker or pick("未知", "unknown"))
            when = html.escape(format_local(m.at, zone, seconds=True)) if m.at else \
                pick("（无时间）", "(no time)")
            text = (marked_html(m.text, self.words) if self.words else html.escape(m.text)).replace("\n", "<br>")
            frame = ' border="2" style="border-color:#f9a825"' if i == self.revealed else ""
            star = f"<b>★ {html.escape(key_label)}</b> · " if key else ""
            inner = ' border="2" style="border-color:#1f4e79"' if key else ""
            rows.append(
                f'<a name="m{i}"></a>'
                f'<table width="100%" cellspacing="0" cellpadding="2"{frame}><tr><td align="{align}">'
                f'<div style="color:#757575; font-size:small">{star}#{i + 1} · {who} · {when}</div>'
                f'<table cellpadding="6"{inner} style="background:{bg}; color:{fg}"><tr><td>{text}'
                f'</td></tr></table></td></tr></table>')
        if not rows:
            empty = pick("这个聊天记录里没有识别出消息。", "No messages were recognised in this chat log.")
            rows.append(f"<p>{empty}</p>")
        self.setHtml("".join(rows))
        self._starts = self._anchor_positions(len(log.messages))

    def _anchor_positions(self, n: int) -> list[int]:
        """Where message i's anchor ("m{i}") sits in the document, for the context menu."""
        found: dict[int, int] = {}
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                for name in frag.charFormat().anchorNames():
                    if name.startswith("m") and name[1:].isdigit():
                        found.setdefault(int(name[1:]), frag.position())
                it += 1
            block = block.next()
        return [found.get(i, -1) for i in range(n)]

    def message_at(self, pos) -> int | None:
        """The 1-based number of the message under ``pos`` (viewport coordinates)."""
        at = self.cursorForPosition(pos).position()
        number = None
        for i, start in enumerate(self._starts):
            if 0 <= start <= at:
                number = i + 1
        return number

    def contextMenuEvent(self, event) -> None:
        menu = self.createStandardContextMenu(event.pos())
        number = self.message_at(event.pos())
        if number is not None:
            menu.addSeparator()
            if number in self.marks:
                text = self.tr("Unmark message #%1 as key").replace("%1", str(number))
            else:
                text = self.tr("Mark message #%1 as key").replace("%1", str(number))
            action = menu.addAction(text)
            marked = number not in self.marks
            action.triggered.connect(lambda _c=False, n=number, m=marked: self.mark_requested.emit(n, m))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def highlight(self, words: list[str], reveal: int | None) -> None:
        """A search hit in the transcript already shown: highlight its words, frame its message."""
        if self._log is not None and (words != self.words or reveal != self.revealed):
            self.set_chat(self._log, self._zone, reveal, self.marks, words)
        elif reveal is not None:
            self.revealed = reveal
            self.scroll_to_revealed()

    def scroll_to_revealed(self) -> None:
        """Bring the revealed message to the top (again once the viewer has its final width)."""
        if self.revealed is not None:
            self.scrollToAnchor(f"m{self.revealed}")
