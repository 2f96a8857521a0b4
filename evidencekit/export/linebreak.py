"""Line breaking of mixed Chinese and English in reportlab paragraphs (table cells, the
statement, the index): English words are never cut.

reportlab's CJK wrapping (``wordWrap="CJK"``, which every paragraph of the bundle uses so that
Chinese breaks between any two characters) looks back for a space only half a line: a word
that started before the middle of the line was cut ("record verificat" / "ion"). These are
reportlab's own ``cjkFragSplit`` (paragraphs of several fragments) and ``dumbSplit`` (of one)
(reportlab 5, BSD licence) with that one difference: they look back to the start of the line
for a space or a Chinese character to break after; only a word longer than a line is cut.
"""

from __future__ import annotations

from unicodedata import category

from reportlab.lib import textsplit
from reportlab.lib.textsplit import ALL_CANNOT_START
from reportlab.platypus import paragraph
from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine
from reportlab.rl_config import _FUZZ


def cjk_frag_split(frags, maxWidths, calcBounds, encoding="utf8"):  # noqa: N803 - reportlab's names
    U = []  # one entry per glyph, with its width and fragment
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            U.extend([cjkU(t, f, encoding) for t in text])
        else:
            U.append(cjkU(text, f, encoding))
    lines = []
    i = widthUsed = lineStartPos = 0
    maxWidth = maxWidths[0]
    nU = len(U)
    while i < nU:
        u = U[i]
        i += 1
        w = u.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = maxWidth
            w = w.normalizedValue(maxWidth)
        widthUsed += w
        lineBreak = hasattr(u.frag, "lineBreak")
        endLine = (widthUsed > maxWidth + _FUZZ and widthUsed > 0) or lineBreak
        if endLine:
            extraSpace = maxWidth - widthUsed
            if not lineBreak:
                if ord(u) < 0x3000:
                    # Inside a Latin word: back to the last space or Chinese character of the
                    # line (reportlab stops half-way back, and cuts the word there).
                    for j in range(i - 1, lineStartPos, -1):
                        uj = U[j]
                        if uj and category(uj) == "Zs" or ord(uj) >= 0x3000:
                            k = j + 1
                            if k < i:
                                j = k + 1
                                extraSpace += sum(U[ii].width for ii in range(j, i))
                                w = U[k].width
                                u = U[k]
                                i = j
                                break
                # the character goes to the next line, unless it may not start one
                if u not in ALL_CANNOT_START and i > lineStartPos + 1:
                    i -= 1
                    extraSpace += w
            lines.append(makeCJKParaLine(U[lineStartPos:i], maxWidth, widthUsed, extraSpace,
                                         lineBreak, calcBounds))
            try:
                maxWidth = maxWidths[len(lines)]
            except IndexError:
                maxWidth = maxWidths[-1]
            lineStartPos = i
            widthUsed = 0
    if widthUsed > 0:
        lines.append(makeCJKParaLine(U[lineStartPos:], maxWidth, widthUsed, maxWidth - widthUsed,
                                     False, calcBounds))
    return ParaLines(kind=1, lines=lines)


def _break_back(chars, i: int, start: int) -> int | None:
    """The index after the last space or Chinese character before ``i`` on the line that
    begins at ``start``; None when the line is one word."""
    for j in range(i - 1, start, -1):
        cj = chars[j]
        if cj and category(cj) == "Zs" or ord(cj) >= 0x3000:
            return j + 1 if j + 1 < i else None
    return None


def dumb_split(word, widths, maxWidths):  # noqa: N803 - reportlab's names
    """``textsplit.dumbSplit`` looking back to the line's start (see the module's doc)."""
    if not isinstance(maxWidths, (list, tuple)):
        maxWidths = [maxWidths]
    lines = []
    i = widthUsed = lineStartPos = 0
    maxWidth = maxWidths[0]
    nW = len(word)
    while i < nW:
        w = widths[i]
        c = word[i]
        widthUsed += w
        i += 1
        if widthUsed > maxWidth + _FUZZ and widthUsed > 0:
            extraSpace = maxWidth - widthUsed
            if ord(c) < 0x3000:
                k = _break_back(word, i, lineStartPos)
                if k is not None:
                    extraSpace += sum(widths[k + 1:i])
                    w, c, i = widths[k], word[k], k + 1
            if c not in ALL_CANNOT_START and i > lineStartPos + 1:
                i -= 1
                extraSpace += w
            lines.append([extraSpace, word[lineStartPos:i].strip()])
            try:
                maxWidth = maxWidths[len(lines)]
            except IndexError:
                maxWidth = maxWidths[-1]
            lineStartPos = i
            widthUsed = 0
    if widthUsed > 0:
        lines.append([maxWidth - widthUsed, word[lineStartPos:]])
    return lines


def install() -> None:
    """Make reportlab's paragraphs break this way (looked up at call time, so once is enough)."""
    paragraph.cjkFragSplit = cjk_frag_split
    textsplit.dumbSplit = dumb_split
