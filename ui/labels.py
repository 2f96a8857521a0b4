"""Display text and colours for domain values, in the current UI language."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QColor

from evidencekit.domain import KINDS, MODES, STAGES
from evidencekit.timeutil import format_duration, format_local

from .i18n import lang, pick

STATE_COLORS = {  # background, foreground: readable in light and dark palettes
    "ok": ("#2e7d32", "#ffffff"),
    "due_soon": ("#f9a825", "#1a1a1a"),
    "critical": ("#e65100", "#ffffff"),
    "overdue": ("#b71c1c", "#ffffff"),
}
STATUS_MARKS = {"ok": "✓", "missing": "✗", "warning": "!"}
STATUS_COLORS = {"ok": "#2e7d32", "missing": "#c62828", "warning": "#ef6c00"}
_STATUS_COLORS_DARK = {"ok": "#81c784", "missing": "#ef9a9a", "warning": "#ffb74d"}


def dark_palette() -> bool:
    from PySide6.QtGui import QGuiApplication, QPalette
    return QGuiApplication.palette().color(QPalette.Window).lightness() < 128


def status_color(status: str) -> str:
    """Text colour for ok / missing / warning, readable on the current palette."""
    table = _STATUS_COLORS_DARK if dark_palette() else STATUS_COLORS
    return table.get(status, "#888888")


def plain_action_text(text: str) -> str:
    """Menu text without its mnemonic, for toolbar buttons: "新建案件(&N)…" → "新建案件…"."""
    import re
    return re.sub(r"\(&\w\)", "", text).replace("&", "")


def header_width(view, column: int) -> int:
    """Pixels a table column needs to show its header text unclipped (English headers are
    longer than the Chinese ones the widths were first chosen for)."""
    from PySide6.QtCore import Qt
    text = str(view.model().headerData(column, Qt.Horizontal) or "")
    header = view.horizontalHeader()
    return header.fontMetrics().horizontalAdvance(text) + 2 * header.fontMetrics().horizontalAdvance("M")


def kind_label(kind: str) -> str:
    if "|" in kind:
        return pick(" 或 ", " or ").join(kind_label(k) for k in kind.split("|"))
    if kind not in KINDS:  # an appeal requirement or a note ("proxy_signed")
        from evidencekit.checklist import requirement_name
        return pick(*requirement_name(kind))
    zh, en = KINDS[kind]
    return pick(zh, en)


def stage_label(stage: str) -> str:
    zh, en = STAGES.get(stage, (stage, stage))
    return pick(zh, en)


def mode_label(mode: str) -> str:
    zh, en = MODES.get(mode, (mode, mode))
    return pick(zh, en)


def platform_label(rules, platform_id: str) -> str:
    p = rules.platforms.get(platform_id)
    return p.name(lang()) if p else platform_id


def dispute_label(rules, platform_id: str, type_id: str) -> str:
    p = rules.platforms.get(platform_id)
    for t in (p.dispute_types if p else ()):
        if t.id == type_id:
            return t.name(lang())
    return type_id


def countdown(seconds: float) -> str:
    return format_duration(seconds, lang())


def state_color(state: str) -> tuple[QColor, QColor]:
    bg, fg = STATE_COLORS.get(state, ("#607d8b", "#ffffff"))
    return QColor(bg), QColor(fg)


def local_time(dt: datetime | None, zone) -> str:
    return format_local(dt, zone) if dt else ""


TEXT_FORMATS = ("text", "csv", "xlsx", "json", "html")


def media_type(exhibit) -> str:
    """``image``, ``video``, ``pdf``, a text format (``text``, ``csv``…) or ``other``.

    Taken from the MIME type ingestion recorded (``facts["format"]`` may hold the image
    codec, e.g. ``JPEG``, once the photo reader has run).
    """
    facts = exhibit.facts or {}
    mime = str(facts.get("mime", ""))
    fmt = str(facts.get("format", "")).lower()
    if mime.startswith("image/") or fmt == "image":
        return "image"
    if mime.startswith("video/") or fmt == "video":
        return "video"
    if mime == "application/pdf" or fmt == "pdf":
        return "pdf"
    return fmt if fmt in TEXT_FORMATS else "other"
