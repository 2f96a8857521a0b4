"""Buyer privacy in rendered text: phones, ID numbers and addresses through the shared
rules in :mod:`evidencekit.privacy` (``138****1234``), and buyer names."""

from __future__ import annotations

from collections.abc import Callable

from ..privacy import mask_all


def masker(enabled: bool) -> Callable[[str], str]:
    if not enabled:
        return lambda s: s or ""

    def mask(text: str) -> str:
        return mask_all(text) if text else ""
    return mask


def mask_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        return ""
    if len(name) == 1:
        return "*"
    return name[0] + "*" * (len(name) - 1) if len(name) <= 3 else name[:2] + "***"
