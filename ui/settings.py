"""User preferences kept in QSettings (per user, not per library).

Declared as data (key, default, type) so the settings dialog and tests share one list.
Library-wide settings such as the store-side chat names live in the library itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings

ORG = "EvidenceKit"
APP = "EvidenceKit"


@dataclass(frozen=True)
class Pref:
    key: str
    default: Any
    type: type


PREFS = {p.key: p for p in (
    Pref("language", "zh_CN", str),          # zh_CN | en
    Pref("display_zone", "Asia/Shanghai", str),  # IANA name or "local"
    Pref("masking", True, bool),
    Pref("default_platform", "douyin", str),
    Pref("default_profile", "douyin", str),
    Pref("notifications", True, bool),
    Pref("library_path", "", str),            # empty: the default library
    Pref("export_dir", "", str),
    Pref("import_dir", "", str),              # where the last after-sale list came from
    Pref("evidence_view", "list", str),       # list | grid
    Pref("staff_name", "", str),              # who this desktop acts as; empty: the OS user
    Pref("my_cases", False, bool),            # the case list shows only my cases
)}


class UiSettings:
    """Typed access to the app's QSettings."""

    def __init__(self, qsettings: QSettings | None = None):
        self.qs = qsettings if qsettings is not None else QSettings(ORG, APP)

    def get(self, key: str) -> Any:
        pref = PREFS[key]
        value = self.qs.value(key, pref.default)
        if pref.type is bool:
            if isinstance(value, str):
                return value.lower() in ("1", "true", "yes")
            return bool(value)
        try:
            return pref.type(value)
        except (TypeError, ValueError):
            return pref.default

    def set(self, key: str, value: Any) -> None:
        if key not in PREFS:
            raise KeyError(key)
        self.qs.setValue(key, value)

    @property
    def lang(self) -> str:
        """``zh`` or ``en`` for the core's bilingual texts."""
        return "en" if self.get("language").startswith("en") else "zh"

    # window state --------------------------------------------------------------------------
    def save_state(self, name: str, data) -> None:
        self.qs.setValue(f"state/{name}", data)

    def state(self, name: str):
        return self.qs.value(f"state/{name}")

    def sync(self) -> None:
        self.qs.sync()
