"""The one font of the bundle (WenQuanYi Micro Hei, subset-embedded) and fast text measuring.

Every string in a bundle, Latin included, uses this TrueType font so that
``pdffonts`` shows nothing but embedded fonts and ``pdftotext`` returns Chinese. Emoji, which
it lacks, come from Symbola (an outline font, also embedded): :func:`displayable` and
:func:`draw_text`; a character neither has is written as its name in brackets, never dropped.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from ..errors import FontMissing

FONT = "WQY"
EMOJI = "Symbola"
EMOJI_SCALE = 1.35  # Symbola's pictographs are drawn small for their em: match the text
_lock = threading.Lock()
_registered = False
# Joiners and presentation selectors shape emoji in colour fonts; alone they are nothing to show.
_INVISIBLE = {"\u200d", "\ufe0e", "\ufe0f", "\u20e3"}


def font_path() -> Path:
    path = Path(str(resources.files("assets") / "fonts" / "wqy-microhei.ttc"))
    if not path.is_file():
        raise FontMissing()
    return path


def _to_unicode_cmap(fontname: str, subset) -> str:
    """reportlab's ToUnicode map, with characters beyond U+FFFF written as UTF-16 surrogate
    pairs: reportlab 5 writes ``<1F44D>``, which readers misread, so 👍 copied or searched
    in the bundle came out as another character."""
    def utf16(v: int) -> str:
        return chr(v).encode("utf-16-be", "surrogatepass").hex().upper()
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
        *[f"<{i:02X}> <{utf16(v)}>" for i, v in enumerate(subset)],
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"])


def register() -> str:
    """Register the font with reportlab once per process; return its name."""
    global _registered
    with _lock:
        if not _registered:
            ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # see _to_unicode_cmap
            from .linebreak import install
            install()  # English words in paragraphs are never cut (see linebreak.py)
            pdfmetrics.registerFont(TTFont(FONT, str(font_path()), subfontIndex=0))
            # One face only: map bold/italic to it so <b> in paragraphs never
            # falls back to a standard (non-embedded) font.
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT, bold, italic, FONT)
            _registered = True
    return FONT


@lru_cache(maxsize=1)
def _main_cmap() -> frozenset[int]:
    register()
    return frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)


@lru_cache(maxsize=1)
def _emoji_cmap() -> frozenset[int]:
    """Loaded at the first character the main font lacks (7 MB parsed: not for every bundle)."""
    path = font_path().with_name("Symbola.ttf")
    if not path.is_file():  # no emoji font with the assets: names in brackets instead
        return frozenset()
    with _lock:
        pdfmetrics.registerFont(TTFont(EMOJI, str(path)))
    return frozenset(pdfmetrics.getFont(EMOJI).face.charToGlyph)


@lru_cache(maxsize=8192)
def font_of(ch: str) -> str:
    """The font that draws ``ch``: the main one when it can, else the emoji font."""
    return FONT if ord(ch) in _main_cmap() or ord(ch) not in _emoji_cmap() else EMOJI


def displayable(text: str) -> str:
    """``text`` with every character one of the two fonts can draw: joiners and variation
    selectors go, a character neither font has becomes its name in brackets
    (``[GRINNING FACE]``), so an emoji-only message is never blank."""
    main = _main_cmap()
    if all(ord(ch) in main and ch not in _INVISIBLE for ch in text):
        return text  # the common case, no copy
    emoji = _emoji_cmap()
    out = []
    for ch in text:
        o = ord(ch)
        if ch in _INVISIBLE:
            continue
        if o in main or o in emoji or ch in "\n\t":
            out.append(ch)
        elif unicodedata.category(ch) in ("Mn", "Cf"):
            continue
        else:
            out.append(f"[{unicodedata.name(ch, f'U+{o:04X}')}]")
    return "".join(out)


def draw_text(c, x: float, y: float, text: str, size: float, font: str = FONT) -> None:
    """Draw one line, switching to the emoji font for the characters that need it."""
    if all(font_of(ch) == FONT for ch in text):
        c.setFont(font, size)
        c.drawString(x, y, text)
        return
    run: list[str] = []
    run_font = FONT
    for ch in text + "\0":
        f = font_of(ch) if ch != "\0" else ""
        if run and f != run_font:
            s = "".join(run)
            k = EMOJI_SCALE if run_font == EMOJI else 1.0
            c.setFont(run_font if run_font != FONT else font, size * k)
            c.drawString(x, y - (k - 1) * size * 0.12, s)
            x += pdfmetrics.stringWidth(s, run_font, size * k)
            run = []
        run_font = f or run_font
        run.append(ch)


@lru_cache(maxsize=8192)
def _char_width(ch: str) -> float:
    f = font_of(ch)
    return pdfmetrics.stringWidth(ch, f, 1000) / 1000.0 * (EMOJI_SCALE if f == EMOJI else 1.0)


def text_width(text: str, size: float) -> float:
    return sum(_char_width(ch) for ch in text) * size


def wrap(text: str, size: float, width: float) -> list[str]:
    """Break text into lines no wider than ``width`` points.

    Chinese may break between any two characters; a Latin word moves whole to the next line
    when it fits there (after a space, or right after a Chinese character: "包装" / "Packing").
    """
    lines: list[str] = []
    for para in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        para = para.expandtabs(4)
        if not para:
            lines.append("")
            continue
        line: list[str] = []
        w = 0.0
        keep = rest = 0  # the last break: characters kept on the line, where the next starts
        for ch in para:
            cw = _char_width(ch) * size
            if w + cw > width and line:
                if ch != " " and keep > 0 and ord(ch) < 0x2E80:
                    lines.append("".join(line[:keep]))
                    line = line[rest:]
                    w = sum(_char_width(c) for c in line) * size
                else:
                    lines.append("".join(line))
                    line, w = [], 0.0
                keep = rest = 0
                if ch == " " and not line:
                    continue
            if ch == " ":
                keep, rest = len(line), len(line) + 1
            elif ord(ch) >= 0x2E80:
                keep = rest = len(line) + 1  # after a Chinese character
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
