"""Library settings a user may set (CLI ``settings``, the app's settings dialog): declared once
here, with what each means and how its value is checked, so both front ends agree.

A library setting lives in the library (it travels with a backup), unlike the app's own
preferences (language, window state).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import urlsplit

from .errors import BadSettingValue, UnknownSetting


@dataclass(frozen=True)
class LibrarySetting:
    key: str
    zh: str
    en: str
    check: Callable[[str], str]  # the value as stored, or raises BadSettingValue


def _url(text: str) -> str:
    text = text.strip()
    parts = urlsplit(text)
    if text and (parts.scheme not in ("http", "https") or not parts.netloc):
        raise BadSettingValue(key="timestamp_url", value=text[:80],
                              expected_zh="http:// 或 https:// 开头的网址",
                              expected_en="an http:// or https:// address")
    return text


def _line(text: str) -> str:
    return " ".join(text.split())


SETTINGS = {s.key: s for s in (
    LibrarySetting("timestamp_url", "时间戳服务器（RFC 3161）：导出的卷宗加盖可信时间戳",
                   "RFC 3161 timestamp server: exported bundles are timestamped by it", _url),
    LibrarySetting("store_name", "店铺名称（案件未填写时用于封面）",
                   "store name (on the cover when a case has none)", _line),
)}


def checked(key: str, value: str) -> str:
    """The value to store for ``key``; raises for an unknown key or a bad value."""
    setting = SETTINGS.get(key)
    if setting is None:
        raise UnknownSetting(key=key, choices=", ".join(SETTINGS))
    return setting.check(value)


def set_library_setting(lib: Any, key: str, value: str) -> str:
    """Check and store; an empty value clears the setting. Returns what was stored."""
    value = checked(key, value)
    lib.set_setting(key, value)
    return value
