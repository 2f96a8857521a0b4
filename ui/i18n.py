"""UI language: Qt translators for the widgets, zh/en picks for the core's bilingual data.

Source strings are English (``self.tr``); ``assets/translations/evidencekit_zh_CN.qm`` is the
default UI language. Domain names (kinds, stages, dispute types, reasons) come from the
core in both languages and are picked with :func:`pick`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}

_installed: list[QTranslator] = []
_current = {"lang": "zh"}


def translations_dir() -> Path:
    return Path(str(resources.files("assets").joinpath("translations")))


def install_language(code: str) -> bool:
    """Install translators for ``code`` (``zh_CN`` or ``en``), replacing earlier ones.

    Returns False when the app's .qm file is missing (the English source strings show).
    """
    app = QCoreApplication.instance()
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    _current["lang"] = "en" if code.startswith("en") else "zh"
    if code.startswith("en"):
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
        return True
    QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
    ok = False
    app_tr = QTranslator(app)
    if app_tr.load(str(translations_dir() / f"evidencekit_{code}.qm")):
        app.installTranslator(app_tr)
        _installed.append(app_tr)
        ok = True
    qt_tr = QTranslator(app)  # standard dialogs and buttons
    if qt_tr.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt_tr)
        _installed.append(qt_tr)
    # Installed last, so searched first: the few file-dialog strings qtbase's file lacks.
    extra = QTranslator(app)
    if extra.load(str(translations_dir() / f"qt_extra_{code}.qm")):
        app.installTranslator(extra)
        _installed.append(extra)
    return ok


def lang() -> str:
    """``zh`` or ``en``: the language of the installed translation."""
    return _current["lang"]


def pick(zh: str, en: str) -> str:
    return zh if lang() == "zh" else en


def translate(context: str, text: str) -> str:
    """Translate outside a QObject (module-level strings)."""
    return QCoreApplication.translate(context, text)
