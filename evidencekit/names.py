"""File names from the outside world: kept, but made safe to store and to print.

A name on disk may not be valid UTF-8 (Python hands it over with lone surrogates, which
SQLite refuses), and may hold control characters, ESC sequences or right-to-left overrides
that rewrite what a terminal shows. Stored names keep every readable character; the bytes
that are not UTF-8 become ``\\xNN``. Printed names additionally show controls as escapes.
"""

from __future__ import annotations

import unicodedata

# Characters that change how the rest of a line is shown: bidi embeddings, overrides,
# isolates and marks.
_BIDI = {"\u061c", "\u200e", "\u200f", *(chr(c) for c in range(0x202A, 0x202F)),
         *(chr(c) for c in range(0x2066, 0x206A))}


def stored_name(name: str) -> str:
    """A file name as UTF-8-safe text: undecodable bytes written as ``\\xNN``."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def shown_name(name: str) -> str:
    """A file name safe to print on a terminal: controls, ESC and bidi characters escaped."""
    out = []
    for ch in stored_name(name):
        if ch in _BIDI or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") and ch != "\u200d":
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)
