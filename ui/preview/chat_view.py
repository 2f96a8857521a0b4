"""A chat log as a transcript: buyer on the left, merchant on the right, times shown."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser

from evidencekit.timeutil import format_local

from ..i18n import pick

ROLE_STYLE = {"buyer": ("left", "#e3f2fd", "#0d47a1"), "merchant": ("right", "#e8f5e9", "#1b5e20"),
              "system": ("center", "#eeeeee", "#424242"), "unknown": ("left", "#fff8e1", "#5d4037")}


class ChatPreview(QTextBrowser):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.message_count = 0
        self.revealed: int | None = None  # the message a search hit opened on (0-based)

    def set_chat(self, log, zone, reveal: int | None = None) -> None:
        """Show the transcript; ``reveal`` (a search hit) is framed and scrolled to."""
        self.message_count = len(log.messages)
        self.revealed = reveal if reveal is not None and 0 <= reveal < len(log.messages) else None
        rows = []
        for i, m in enumerate(log.messages):
            align, bg, fg = ROLE_STYLE.get(m.role, ROLE_STYLE["unknown"])
            who = html.escape(m.speaker or pick("未知", "unknown"))
            when = html.escape(format_local(m.at, zone, seconds=True)) if m.at else \
                pick("（无时间）", "(no time)")
            text = html.escape(m.text).replace("\n", "<br>")
            frame = ' border="2" style="border-color:#f9a825"' if i == self.revealed else ""
            rows.append(
                f'<a name="m{i}"></a>'
                f'<table width="100%" cellspacing="0" cellpadding="2"{frame}><tr><td align="{align}">'
                f'<div style="color:#757575; font-size:small">{who} · {when}</div>'
                f'<table cellpadding="6" style="background:{bg}; color:{fg}"><tr><td>{text}'
                f'</td></tr></table></td></tr></table>')
        if not rows:
            empty = pick("这个聊天记录里没有识别出消息。", "No messages were recognised in this chat log.")
            rows.append(f"<p>{empty}</p>")
        self.setHtml("".join(rows))
        self.scroll_to_revealed()

    def scroll_to_revealed(self) -> None:
        """Bring the revealed message to the top (again once the viewer has its final width)."""
        if self.revealed is not None:
            self.scrollToAnchor(f"m{self.revealed}")
