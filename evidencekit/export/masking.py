"""Buyer privacy in rendered text: phones, ID numbers, addresses and names masked.

Uses :mod:`evidencekit.privacy` when it is there (the shared rules), else the
same platform-style masks (``138****1234``) implemented here.
"""

from __future__ import annotations

import re
from typing import Callable

_PHONE = re.compile(r"(?<!\d)(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?!\d)")
_ID = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])")
_ADDR = re.compile(r"((?:[\u4e00-\u9fa5]{2,7}(?:省|自治区|市|区|县|镇|乡|街道)){1,4})"
                   r"([\u4e00-\u9fa5A-Za-z0-9\-－#号栋幢单元室楼层路街巷弄村组]{2,40})")


def _fallback_mask(text: str) -> str:
    text = _PHONE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)
    text = _ID.sub(lambda m: m.group(1) + "*" * 8 + m.group(2), text)
    text = _ADDR.sub(lambda m: m.group(1) + "****", text)
    return text


def _load() -> Callable[[str], str]:
    try:
        from ..privacy import mask_all  # type: ignore[attr-defined]
        return mask_all
    except Exception:  # not written yet, or broken: the local rules still protect the buyer
        return _fallback_mask


def masker(enabled: bool) -> Callable[[str], str]:
    if not enabled:
        return lambda s: s or ""
    fn = _load()

    def mask(text: str) -> str:
        return fn(text or "") if text else ""
    return mask


def mask_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        return ""
    if len(name) == 1:
        return "*"
    return name[0] + "*" * (len(name) - 1) if len(name) <= 3 else name[:2] + "***"
