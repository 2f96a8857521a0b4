"""The one masker for buyer data in every text that leaves the library.

Statement, captions, file names, product, chat, trace, manifest, work-order log and the
text layer of merged PDFs all go through :class:`Masker`, so a phone number is hidden the
same way wherever it appears (the way the platforms show it, ``138****5678``).

What is found (each form has a test in ``tests/core/test_masking.py``):

* Mobile numbers: 11 digits starting 13–19, in ASCII or full-width digits, optionally
  prefixed ``+86`` / ``86`` / ``0086``, written whole or in groups joined by a space, dash
  or dot (``138 1234 5678``, ``138.8888.9999``), after a Latin label (``Tel13588889999``).
  The 4th–7th digits become ``*``; separators stay where they were.
* Landlines: area code (010, 02x, 0xxx) then 7–8 digits, with or without a dash, space or
  brackets: ``0571-88886666`` → ``0571-****6666``, ``057188886666`` → ``0571****6666``.
* Resident ID numbers: 18 characters (last may be X) or the old 15 digits, whole or in
  spaced groups, when the province code and birth date are real: first 4 and last 4 kept.
* Addresses: after an administrative area (…省 …市 …区/县), everything from the first
  house number on becomes ``***``; spaces and full-width digits inside are allowed.
* Names: the buyer's name (and any other names given) wherever it occurs, and the name
  after a label such as 收件人 / 收货人 / 联系人, masked as on the cover (王**).

Digits are matched on a copy of the text with full-width digits folded to ASCII; the fold
is one character for one, so positions found there are positions in the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable

# Full-width digits and letters fold to ASCII for matching (1:1, positions unchanged).
_FOLD = {0xFF10 + i: ord("0") + i for i in range(10)}
_FOLD.update({0xFF21 + i: ord("A") + i for i in range(26)})
_FOLD.update({0xFF41 + i: ord("a") + i for i in range(26)})
_FOLD.update({0x3000: ord(" "), 0xFF0D: ord("-"), 0xFF0E: ord("."), 0xFF0B: ord("+"),
              0xFF08: ord("("), 0xFF09: ord(")")})

# A run of digit groups joined by one separator each (space, dash, dot, no-break space).
# An X/x may end it (the last character of an ID number).
_RUN = re.compile(r"\d(?:[ \-.\u00a0]?\d)*(?:[Xx](?![A-Za-z]))?")
_GROUP = re.compile(r"\d+|[Xx]")
# Latin words that may stand right before a phone number with no space (Tel13588889999).
_PHONE_LABELS = ("tel", "phone", "mobile", "mob", "cell", "call", "ph", "no", "tel.no", "m")
# Province codes of resident ID numbers (first two digits).
_PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45,
              46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91}
_MAX_DIGITS = 18  # the longest thing looked for; windows never grow past it

_HAN = "\u4e00-\u9fff"
_SP = r"[ \u00a0]?"
# Province/municipality (optional), city (optional), then district/county. Each name is
# short and bounded, so matching stays linear; single spaces may separate the parts.
_AREA = re.compile(
    rf"(?:[{_HAN}]{{2,8}}?(?:省|自治区|特别行政区){_SP})?"
    rf"(?:[{_HAN}]{{2,8}}?(?:市|自治州|地区|盟){_SP})?"
    rf"[{_HAN}]{{1,8}}?(?:区|县|旗|市)")
_HOUSE = "号栋幢楼室单元座层户门弄"
# The detail after the area: Han, Latin, digits, and spaces only where a number or a house
# mark follows (so "文三路123号 李先生" stops before the name). Bounded: an address detail
# is short, and an unbounded match from every area would be quadratic.
_DETAIL = re.compile(rf"{_SP}(?:[{_HAN}A-Za-z0-9\-#()（）·]|[ \u00a0]+(?=[0-9\-#{_HOUSE}])){{1,60}}")
_STREET_END = ("大道", "大街", "路", "街", "道", "巷", "弄", "镇", "乡", "村", "胡同", "里")
_HOUSE_MARKS = ("号", "栋", "幢", "楼", "室")
# A name after a label: 收件人：李四 / 收货人 王小明 / 联系人:张三丰
_NAME_LABEL = re.compile(rf"(?:收件人|收货人|联系人|买家姓名|姓名)\s*[:：]?\s*([{_HAN}]{{2,4}})")
_NOT_NAMES = {"本人", "家人", "快递", "代收", "门卫", "前台", "先生", "女士", "电话", "地址",
              "手机", "信息", "姓名"}


def mask_name(name: str) -> str:
    """王小明 → 王**, 李四 → 李*, a long (e.g. Latin) name keeps its first two characters."""
    name = (name or "").strip()
    if not name:
        return ""
    if len(name) == 1:
        return "*"
    return name[0] + "*" * (len(name) - 1) if len(name) <= 3 else name[:2] + "***"


def _valid_birth(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return 1900 <= y <= 2099


def _id_digits(digits: str) -> bool:
    if len(digits) == 18 and digits[:17].isdigit() and digits[17] in "0123456789Xx":
        return (int(digits[:2]) in _PROVINCES
                and _valid_birth(int(digits[6:10]), int(digits[10:12]), int(digits[12:14])))
    if len(digits) == 15 and digits.isdigit():
        return (int(digits[:2]) in _PROVINCES
                and _valid_birth(1900 + int(digits[6:8]), int(digits[8:10]), int(digits[10:12])))
    return False


def _classify(digits: str) -> tuple[str, int, int] | None:
    """What a digit sequence is: (kind, first digit to hide, digits to hide), or None."""
    if _id_digits(digits):
        return ("id", 4, len(digits) - 8)
    for prefix in ("0086", "86", ""):
        rest = digits[len(prefix):]
        if digits.startswith(prefix) and len(rest) == 11 and re.fullmatch(r"1[3-9]\d{9}", rest):
            return ("mobile", len(prefix) + 3, 4)
    if digits.startswith("0") and digits.isdigit() and len(digits) > 1:  # a lone 0 is no number
        area = 3 if digits[1] in "12" else 4
        local = len(digits) - area
        if 7 <= local <= 8 and digits[1] != "0":
            return ("landline", area, local - 4)
    return None


# A landline with its area code in brackets: (0571)88886666, （010） 12345678.
_BRACKET_LANDLINE = re.compile(r"\((0[1-9]\d{1,2})\) ?(\d{7,8})(?!\d)")


def _number_hits(folded: str) -> list[tuple[int, int]]:
    """Character ranges (in the text) of digits to hide."""
    hide: list[tuple[int, int]] = []
    for m in _BRACKET_LANDLINE.finditer(folded):
        hide += [(p, p + 1) for p in range(m.start(2), m.end(2) - 4)]
    for run in _RUN.finditer(folded):
        start, end = run.span()
        before = folded[max(0, start - 12):start]  # a label is short: never rescan the text
        latin = re.search(r"[A-Za-z.]+$", before)
        latin_label = latin is not None and latin.group(0).lower().rstrip(".") in _PHONE_LABELS
        if latin and not latin_label:
            continue  # part of a code (SF13812345678, a tracking number)
        if end < len(folded) and re.match(r"[A-Za-z]", folded[end]):
            continue
        groups = [(m.start() + start, m.group(0)) for m in _GROUP.finditer(run.group(0))]
        i = 0
        while i < len(groups):
            found = None
            # Longest window first: an ID before the phone-like run inside it.
            top, count = i, 0
            while top < len(groups) and count + len(groups[top][1]) <= _MAX_DIGITS:
                count += len(groups[top][1])
                top += 1
            for j in range(top, i, -1):
                digits = "".join(g for _, g in groups[i:j])
                if digits[-1] in "Xx" and len(digits) != 18:
                    continue
                kind = _classify(digits)
                if kind is None or (latin_label and i == 0 and kind[0] != "mobile"
                                    and kind[0] != "landline"):
                    continue
                found = (j, kind)
                break
            if found is None:
                i += 1
                continue
            j, (_, first, count) = found
            positions = [p + k for p, g in groups[i:j] for k in range(len(g))]
            for p in positions[first:first + count]:
                hide.append((p, p + 1))
            i = j
    return hide


def _address_hits(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for the house-number part of addresses."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    for m in _AREA.finditer(folded):
        if m.start() < pos:
            continue
        detail = _DETAIL.match(folded, m.end())
        if not detail:
            continue
        d = detail.group(0)
        first_digit = next((i for i, c in enumerate(d) if c.isdigit()), -1)
        if first_digit < 0 and not any(mark in d for mark in _HOUSE_MARKS):
            continue
        head = d[:first_digit] if first_digit >= 0 else d
        keep = _street_prefix(head)
        out.append((m.end() + len(keep), detail.end(), "***"))
        pos = detail.end()
    return out


def _street_prefix(head: str) -> str:
    """The longest prefix of ``head`` ending in a street word (文三路, 莫干山路, 留下镇)."""
    best = 0
    for end in _STREET_END:
        i = head.rfind(end)
        if i >= 0 and i + len(end) > best:
            best = i + len(end)
    return head[:best]


@dataclass(frozen=True)
class Masker:
    """Masks buyer data in text; ``Masker(enabled=False)`` passes text through unchanged.

    ``names`` are the buyer's names (case buyer name, chat nickname…): each is replaced
    wherever it occurs by :func:`mask_name` of it, the same everywhere.
    """

    enabled: bool = True
    names: tuple[str, ...] = ()

    @classmethod
    def for_case(cls, case, enabled: bool = True, extra_names: Iterable[str] = ()) -> "Masker":
        names = [getattr(case, "buyer_name", "") or "", *extra_names]
        return cls(enabled, tuple(sorted({n.strip() for n in names if len(n.strip()) >= 2},
                                         key=lambda n: (-len(n), n))))

    def __call__(self, text: str | None) -> str:
        if not text:
            return ""
        if not self.enabled:
            return text
        return self._apply(text)[0]

    def name(self, name: str) -> str:
        """A person's name as it is shown: masked (王**) when masking is on."""
        return mask_name(name) if self.enabled else (name or "")

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Ranges of ``text`` that masking hides (for blacking out glyphs on a PDF page)."""
        if not self.enabled or not text:
            return []
        return self._apply(text)[1]

    def _apply(self, text: str) -> tuple[str, list[tuple[int, int]]]:
        folded = text.translate(_FOLD)
        edits: list[tuple[int, int, str]] = []  # (start, end, replacement), non-overlapping
        for name in self.names:
            masked = mask_name(name)
            for m in re.finditer(re.escape(name), text):
                edits.append((m.start(), m.end(), masked))
        for m in _NAME_LABEL.finditer(folded):
            if m.group(1) not in _NOT_NAMES:
                edits.append((m.start(1), m.end(1), mask_name(m.group(1))))
        edits += [(s, e, "*") for s, e in _number_hits(folded)]
        edits += _address_hits(folded)
        if not edits:
            return text, []
        edits.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        out, spans, pos = [], [], 0
        for start, end, repl in edits:
            if start < pos:
                continue  # inside an earlier edit (a phone inside an address's ***)
            out.append(text[pos:start])
            # A masked name keeps its first character: only the rest counts as hidden.
            keep = 1 if repl.endswith("*") and repl[:1] == text[start:start + 1] else 0
            out.append(repl)
            spans.append((start + keep, end))
            pos = end
        out.append(text[pos:])
        return "".join(out), _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def mask_text(text: str, names: Iterable[str] = ()) -> str:
    """Mask one text with the default rules (and the given buyer names)."""
    return Masker(True, tuple(n for n in names if len(n.strip()) >= 2))(text)
