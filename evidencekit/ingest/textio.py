"""Finding the encoding of a text export and reading it line by line.

Chat and trace exports come from Windows tools as often as from phones, so
GBK/GB18030, UTF-16 with a BOM and Big5 are as common as UTF-8. Detection looks
at a sample only; the file itself is then streamed, so memory does not grow
with file size.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SAMPLE_SIZE = 64 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# charset-normalizer's names for the Chinese legacy code pages; GB18030 is a
# superset of GB2312 and GBK, so reading with it never loses characters.
_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "hz": "gb18030",
    "big5": "big5hkscs", "big5hkscs": "big5hkscs", "cp950": "big5hkscs",
    "ascii": "utf-8", "utf_8": "utf-8", "utf-8": "utf-8",
}


@dataclass
class Decoded:
    """How a file was decoded."""
    encoding: str  # codec name used to read it
    undecodable: bool = False  # True when no encoding fitted; text read with replacements


def sniff_encoding(sample: bytes, *, complete: bool = False) -> Decoded:
    """Guess the encoding of a sample taken from the start of a file.

    ``complete`` says the sample is the whole file (so a cut multi-byte
    character at its end is a real error, not a sampling artefact).
    """
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return Decoded(name)
    if _decodes(sample, "utf-8", complete):
        if _gbk_posing_as_utf8(sample, complete):
            return Decoded("gb18030")
        return Decoded("utf-8")
    utf16 = _utf16_without_bom(sample)
    if utf16:
        return Decoded(utf16)
    if _decodes(sample, "gb18030", complete) and _looks_cjk(sample, "gb18030"):
        if _reads_as_common_simplified(sample):
            return Decoded("gb18030")
        # GB18030 accepts most byte soup; prefer Big5 when charset-normalizer is sure.
        guess = _charset_normalizer_guess(sample)
        if guess == "big5hkscs" and _decodes(sample, guess, complete):
            return Decoded(guess)
        return Decoded("gb18030")
    guess = _charset_normalizer_guess(sample)
    if guess and _decodes(sample, guess, complete):
        return Decoded(guess)
    return Decoded("utf-8", undecodable=True)


def _gbk_posing_as_utf8(sample: bytes, complete: bool) -> bool:
    """Short GBK text can also be valid UTF-8: 一 is D2 BB, which UTF-8 reads as Cyrillic һ,
    没 reads as û. Such bytes decode to two-byte UTF-8 characters only (nothing from U+0800
    up, where every CJK character lies), while as GB18030 they are everyday simplified
    Chinese. Real UTF-8 text of that shape is a European word: its accented letters sit
    inside words, beside ASCII letters ("café"), and Cyrillic or Greek text does not read
    as everyday Chinese (its trail bytes fall outside GB2312)."""
    text = sample.decode("utf-8", errors="ignore")
    non_ascii = [i for i, c in enumerate(text) if ord(c) > 127]
    if not non_ascii or any(ord(text[i]) >= 0x800 for i in non_ascii):
        return False
    if not (_decodes(sample, "gb18030", complete) and _reads_as_common_simplified(sample)):
        return False
    in_words = all(_ascii_letter_beside(text, i) for i in non_ascii)
    return not in_words


def _ascii_letter_beside(text: str, i: int) -> bool:
    return any(0 <= j < len(text) and text[j].isascii() and text[j].isalpha() for j in (i - 1, i + 1))


def _decodes(sample: bytes, encoding: str, complete: bool) -> bool:
    try:
        dec = codecs.getincrementaldecoder(encoding)("strict")
        dec.decode(sample, final=complete)
        return True
    except (UnicodeDecodeError, LookupError):
        return False


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 without BOM shows as many zero bytes at odd (LE) or even (BE) positions."""
    if len(sample) < 8:
        return None
    even = sample[0:2000:2]
    odd = sample[1:2000:2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        enc = "utf-16-le"
    elif even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        enc = "utf-16-be"
    else:
        return None
    return enc if _decodes(sample[: len(sample) // 2 * 2], enc, False) else None


def _looks_cjk(sample: bytes, encoding: str) -> bool:
    """Most decoded non-ASCII characters are CJK ideographs or CJK punctuation."""
    text = sample.decode(encoding, errors="ignore")
    non_ascii = [c for c in text[:20000] if ord(c) > 127]
    if not non_ascii:
        return True
    cjk = sum(1 for c in non_ascii if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f"
              or "\uff00" <= c <= "\uffef")
    return cjk >= 0.8 * len(non_ascii)


def _reads_as_common_simplified(sample: bytes) -> bool:
    """Nearly every character read as GB18030 is in GB2312 (the 6,763 everyday simplified ones).

    Text written in GBK reads that way; Big5 bytes read as GBK do not (a Big5 trail byte below
    0x7F, or a lead byte in 0xAA-0xAF, lands outside GB2312), so a short GBK message is not
    taken for Big5 just because charset-normalizer leans that way on little evidence.
    """
    text = sample.decode("gb18030", errors="ignore")[:20000]
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return False
    common = 0
    for c in non_ascii:
        try:
            c.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 1
    return common >= 0.9 * len(non_ascii)


def _charset_normalizer_guess(sample: bytes) -> str | None:
    """charset-normalizer's guess, kept only when it is a plausible encoding for our users.

    Single-byte code pages decode any byte soup, so they are accepted only when
    the decoded text reads cleanly (low "chaos").
    """
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(sample[:SAMPLE_SIZE]).best()
    except Exception:  # noqa: BLE001 - a detector bug must not stop ingestion
        return None
    if best is None:
        return None
    name = best.encoding.lower().replace("-", "_")
    name = _ALIASES.get(name, name)
    if name in _ALIASES.values() or name.startswith(("utf_16", "utf_32")):
        return name
    if name in ("cp1252", "latin_1", "iso8859_1", "iso8859_15") and best.chaos < 0.05:
        return name
    return None


def detect_file(path: Path) -> Decoded:
    with open(path, "rb") as f:
        sample = f.read(SAMPLE_SIZE + 1)
    complete = len(sample) <= SAMPLE_SIZE
    return sniff_encoding(sample[:SAMPLE_SIZE], complete=complete)


class LineReader:
    """Iterate a text file's lines (without line ends) in its detected encoding.

    Bytes that do not decode are replaced; ``replaced`` counts them so a caller
    can warn that the text is partly unreadable.
    """

    def __init__(self, path: Path, decoded: Decoded | None = None):
        self.path = path
        self.decoded = decoded or detect_file(path)
        self.replaced = 0
        self.chars = 0

    def __iter__(self) -> Iterator[str]:
        with open(self.path, "rb") as raw:
            stream = io.TextIOWrapper(raw, encoding=self.decoded.encoding, errors="replace",
                                      newline=None)
            for line in stream:
                self.chars += len(line)
                if "\ufffd" in line:
                    self.replaced += line.count("\ufffd")
                yield line.rstrip("\n")

    @property
    def mostly_unreadable(self) -> bool:
        return self.decoded.undecodable or (self.chars > 0 and self.replaced > 0.05 * self.chars)


def read_text(path: Path, limit: int | None = None,
              encoding: str | None = None) -> tuple[str, Decoded]:
    """Whole text (or its first ``limit`` bytes) of a small file, decoded leniently.

    ``encoding`` is the one ingestion found for the file, when it has been read before;
    otherwise the start of the file decides.
    """
    with open(path, "rb") as f:
        data = f.read() if limit is None else f.read(limit)
    if encoding and _known(encoding):
        decoded = Decoded(encoding)
    else:
        decoded = sniff_encoding(data[:SAMPLE_SIZE], complete=limit is None
                                 and len(data) <= SAMPLE_SIZE)
    enc = decoded.encoding
    if limit is not None and enc in ("utf-16-le", "utf-16-be", "utf-16", "utf-32"):
        data = data[: len(data) // 4 * 4]
    text = data.decode(enc, errors="replace").lstrip("\ufeff")
    return text, decoded


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
        return True
    except LookupError:
        return False
