"""Reading one cell of an after-sale list: text, numbers, times and amounts.

Cells arrive as text (CSV) or typed values (xlsx: numbers, naive datetimes). Every reader
either returns a clean value or raises :class:`CellError` with a zh/en reason, so a bad cell
becomes an error on its row and never a guess.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta, timezone, tzinfo
from decimal import Decimal, InvalidOperation

from ..timeutil import UTC


class CellError(ValueError):
    """A cell that cannot be read; ``zh``/``en`` say why, naming the value."""

    def __init__(self, code: str, zh: str, en: str):
        super().__init__(en)
        self.code, self.zh, self.en = code, zh, en


def normalize(text: str) -> str:
    """Comparable form of a header, reason or status: NFKC (full-width → half-width),
    lower case, no spaces, no bracketed suffix such as ``（元）`` or ``(UTC+8)``."""
    s = unicodedata.normalize("NFKC", str(text)).strip().lower()
    s = re.sub(r"\([^)]*\)$", "", s)
    return re.sub(r"[\s*_]+", "", s)


def cell_text(value: object) -> str:
    """A cell as text: numbers without a spurious ``.0``, whitespace trimmed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).replace("\u3000", " ").strip().lstrip("\t'")


# Excel shows long numbers as 6.91234E+18 and, worse, keeps only 15 digits: the real
# number is lost, so such a cell is refused rather than matched against the wrong case.
_SCIENTIFIC = re.compile(r"^[0-9.]+e\+?[0-9]+$", re.I)


def identifier(value: object, label_zh: str, label_en: str) -> str:
    """An after-sale or order number; refuses numbers Excel has rounded."""
    if isinstance(value, float) and (not value.is_integer() or abs(value) >= 1e15):
        text = repr(value)
        raise CellError("number_rounded", f"{label_zh} {text} 已被 Excel 改成科学计数法，原号码已丢失",
                        f"{label_en} {text} was turned into a rounded number by Excel; the real number is lost")
    text = cell_text(value)
    if _SCIENTIFIC.match(text):
        raise CellError("number_rounded", f"{label_zh} {text} 已被 Excel 改成科学计数法，原号码已丢失",
                        f"{label_en} {text} was turned into a rounded number by Excel; the real number is lost")
    return text


def amount(value: object) -> str:
    """Decimal text with two places (``"89.00"``); empty cell gives ``""``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = Decimal(str(value))
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        text = re.sub(r"^(?:rmb|cny|usd|us\$|\$|¥|￥)\s*|\s*(?:元|rmb|cny|usd)$", "", text, flags=re.I)
        try:
            number = Decimal(text.replace(",", ""))
        except InvalidOperation:
            raise CellError("bad_amount", f"金额无法识别：{value}", f"Cannot read the amount: {value}") from None
    if not number.is_finite() or number < 0:
        raise CellError("bad_amount", f"金额无法识别：{value}", f"Cannot read the amount: {value}")
    return f"{number:.2f}"


_ZH = re.compile(
    r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?[ T]*"
    r"(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})(?:\.\d{1,6})?秒?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2}|UTC[+-]\d{1,2}(?::?\d{2})?)?$", re.I)
# TikTok Shop US exports write month first with AM/PM: 09/17/2024 11:45:01 AM.
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?$", re.I)


def instant(value: object, zone: tzinfo) -> datetime:
    """A time cell as an aware UTC instant; a time without an offset is read in ``zone``.

    A date without a time of day is refused: clocks count hours, and midnight would be a guess.
    """
    if isinstance(value, datetime):
        local = value if value.tzinfo else value.replace(tzinfo=zone)
        return local.astimezone(UTC)
    if isinstance(value, date):
        raise _no_time(value)
    text = cell_text(value)
    if isinstance(value, (int, float)) or (text.isdigit() and len(text) in (10, 13)):
        return _epoch(text)
    m = _ZH.match(text)
    if m:
        y, mo, d, h, mi, s, off = m.groups()
        return _build(text, int(y), int(mo), int(d), int(h), int(mi), int(s or 0), off, zone)
    m = _US.match(text)
    if m:
        mo, d, y, h, mi, s, ampm = m.groups()
        hour = int(h)
        if ampm:
            if not 1 <= hour <= 12:
                raise _bad_time(text)
            hour = hour % 12 + (12 if ampm.upper() == "PM" else 0)
        return _build(text, int(y), int(mo), int(d), hour, int(mi), int(s or 0), None, zone)
    if re.match(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$", text):
        raise _no_time(text)
    raise _bad_time(text)


def _build(text, y, mo, d, h, mi, s, off, zone) -> datetime:
    try:
        tz = _offset(off) if off else zone
        return datetime(y, mo, d, h, mi, s, tzinfo=tz).astimezone(UTC)
    except (ValueError, OverflowError):
        raise _bad_time(text) from None


def _offset(text: str) -> tzinfo:
    t = text.upper().removeprefix("UTC")
    if t == "Z":
        return UTC
    sign = -1 if t[0] == "-" else 1
    digits = t[1:].replace(":", "")
    hours, minutes = (int(digits[:-2] or 0), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _epoch(text: str) -> datetime:
    x = float(text)
    if x > 1e11:
        x /= 1000
    if not 946684800 <= x < 4102444800:  # 2000 … 2100: anything else is not a request time
        raise _bad_time(text)
    return datetime.fromtimestamp(x, UTC)


def _bad_time(text: object) -> CellError:
    return CellError("bad_time", f"时间无法识别：{text}（应如 2024-09-17 11:45:01）",
                     f"Cannot read the time: {text} (expected e.g. 2024-09-17 11:45:01)")


def _no_time(text: object) -> CellError:
    return CellError("time_without_hour", f"只有日期、没有时刻：{text}", f"A date without a time of day: {text}")
