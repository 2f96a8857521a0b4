"""Where an export goes: default file names and the no-silent-overwrite rule.

The default name carries case number, mode and a version (``EK-00012-申诉-v2.pdf``), shortened
to the profile's naming limits (Mastercom: at most 16 ASCII letters and digits, e.g.
``EK00012AP2.pdf``). An existing destination is refused unless the caller says to replace it.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import DestinationExists
from .profiles import Profile

MODE_WORDS = {"arbitration": ("举证", "EV"), "appeal": ("申诉", "AP")}


def default_name(case_no: str, mode: str, version: int, profile: Profile | None = None) -> str:
    """File name (with ``.pdf``) for version ``version`` of a case's export in ``mode``."""
    zh, short = MODE_WORDS.get(mode, (mode, mode[:2].upper()))
    if profile is not None and (profile.ascii_names or profile.max_name_chars):
        stem = f"{case_no}-{short}-v{version}"
        if profile.ascii_names:
            stem = re.sub(r"[^A-Za-z0-9]", "", stem.replace("-v", "V"))
        limit = profile.max_name_chars - 4 if profile.max_name_chars else 0  # room for ".pdf"
        if limit and len(stem) > limit:
            digits = re.sub(r"\D", "", case_no).lstrip("0") or "0"
            stem = re.sub(r"[^A-Za-z0-9]", "", f"EK{digits}{short}{version}")[:limit]
        return stem + ".pdf"
    return f"{case_no}-{zh}-v{version}.pdf"


def part_names(out: Path, parts: int) -> list[Path]:
    """The files an export writes: OUT.pdf, or OUT-1.pdf … OUT-n.pdf when split."""
    if parts <= 1:
        return [out]
    return [out.with_name(f"{out.stem}-{i}{out.suffix}") for i in range(1, parts + 1)]


def refuse_existing(paths: list[Path]) -> None:
    """Raise (exit 2, nothing written) if any destination exists."""
    existing = [p for p in paths if p.exists()]
    if existing:
        raise DestinationExists(names=", ".join(p.name for p in existing))
