"""The one font of the bundle (WenQuanYi Micro Hei, subset-embedded) and fast text measuring.

Every string in a bundle, Latin included, uses this TrueType font so that
``pdffonts`` shows nothing but embedded fonts and ``pdftotext`` returns Chinese.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..errors import FontMissing

FONT = "WQY"
_lock = threading.Lock()
_registered = False


def font_path() -> Path:
    path = Path(str(resources.files("assets") / "fonts" / "wqy-microhei.ttc"))
    if not path.is_file():
        raise FontMissing()
    return path


def register() -> str:
    """Register the font with reportlab once per process; return its name."""
    global _registered
    with _lock:
        if not _registered:
            pdfmetrics.registerFont(TTFont(FONT, str(font_path()), subfontIndex=0))
            # One face only: map bold/italic to it so <b> in paragraphs never
            # falls back to a standard (non-embedded) font.
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT, bold, italic, FONT)
            _registered = True
    return FONT


@lru_cache(maxsize=8192)
def _char_width(ch: str) -> float:
    return pdfmetrics.stringWidth(ch, FONT, 1000) / 1000.0


def text_width(text: str, size: float) -> float:
    return sum(_char_width(ch) for ch in text) * size


def wrap(text: str, size: float, width: float) -> list[str]:
    """Break text into lines no wider than ``width`` points.

    Chinese may break between any two characters; a Latin word moves whole to
    the next line when it fits there.
    """
    lines: list[str] = []
    for para in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        para = para.expandtabs(4)
        if not para:
            lines.append("")
            continue
        line: list[str] = []
        w = 0.0
        last_space = -1
        for ch in para:
            cw = _char_width(ch) * size
            if w + cw > width and line:
                if ch != " " and last_space > 0 and ord(ch) < 0x2E80:
                    rest = line[last_space + 1:]
                    lines.append("".join(line[:last_space]))
                    line = rest
                    w = sum(_char_width(c) for c in line) * size
                else:
                    lines.append("".join(line))
                    line, w = [], 0.0
                last_space = -1
                if ch == " " and not line:
                    continue
            if ch == " ":
                last_space = len(line)
            elif ord(ch) >= 0x2E80:
                last_space = -1
            line.append(ch)
            w += cw
        lines.append("".join(line))
    return lines


def ellipsize(text: str, size: float, width: float) -> str:
    """One line: cut with "…" when too wide."""
    text = " ".join((text or "").split())
    if text_width(text, size) <= width:
        return text
    out = []
    w = text_width("…", size)
    for ch in text:
        cw = _char_width(ch) * size
        if w + cw > width:
            break
        out.append(ch)
        w += cw
    return "".join(out) + "…"
