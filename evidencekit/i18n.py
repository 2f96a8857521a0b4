"""Language choice for the CLI and core messages: Chinese first, English second."""

from __future__ import annotations

import os


def detect_lang(explicit: str | None = None) -> str:
    """``zh`` or ``en``: an explicit choice, else EVIDENCEKIT_LANG, else the locale."""
    for value in (explicit, os.environ.get("EVIDENCEKIT_LANG"),
                  os.environ.get("LC_ALL"), os.environ.get("LC_MESSAGES"), os.environ.get("LANG")):
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def pick(lang: str, zh: str, en: str) -> str:
    return zh if lang.startswith("zh") else en
