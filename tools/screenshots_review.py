"""Screenshots of the review page (复盘) and its click-through, light and dark, zh and en.

    python tools/screenshots_review.py            # docs/screenshots/review/*.png, 4 runs
    python tools/screenshots_review.py --theme dark --lang en

Runs headless on the fixture library of tests/review_fixture.py with its fixed clock.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots" / "review"
SIZE = (1440, 900)


def run(theme: str, language: str) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings, QStandardPaths

    import ui  # noqa: F401 - installs the refcount guard first
    from evidencekit.store import Library
    from evidencekit.timeutil import parse_instant
    from tests.review_fixture import FROM, NOW, TO, build
    from tools.screenshots import _dark_palette
    from ui.app import make_application
    from ui.context import AppContext
    from ui.i18n import install_language
    from ui.main_window import MainWindow
    from ui.settings import UiSettings

    app = make_application(["screenshots"])
    app.setStyle("Fusion")
    QStandardPaths.setTestModeEnabled(True)
    app.setPalette(_dark_palette() if theme == "dark" else app.style().standardPalette())
    work = Path(tempfile.gettempdir()) / "evidencekit-review-shots"
    shutil.rmtree(work, ignore_errors=True)
    build(work / "lib", work / "src")
    now = parse_instant(NOW)
    lib = Library.open(work / "lib", clock=lambda: now)
    settings = UiSettings(QSettings(str(work / "ui.ini"), QSettings.IniFormat))
    settings.set("display_zone", "Asia/Shanghai")
    settings.set("language", language)
    install_language(language)
    ctx = AppContext(lib, settings=settings, clock=lambda: now)
    w = MainWindow(ctx)
    w.resize(*SIZE)
    w.show()
    suffix = ("" if language == "zh_CN" else "-en") + ("" if theme == "light" else "-dark")
    written = []

    def settle(ms=400):
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def save(name):
        path = OUT / f"{name}{suffix}.png"
        settle()
        w.grab().save(str(path))
        written.append(path)

    from datetime import date
    w.show_review()
    page = w.review_page
    page.set_range(date.fromisoformat(FROM), date.fromisoformat(TO))
    while page.job is not None:
        settle(100)
    save("review")
    page.by.setCurrentIndex(page.by.findData("week"))
    while page.job is not None:
        settle(100)
    save("review-by-week")
    page.sections["groups"][1].click_bar(0, "")  # the week's cases, in the case list
    save("review-click-through")
    w.close()
    lib.close()
    shutil.rmtree(work, ignore_errors=True)
    return written


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--theme", choices=("light", "dark"))
    ap.add_argument("--lang", choices=("zh_CN", "en"))
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.theme is None or args.lang is None:  # one process per picture set (Qt's palette and fonts)
        for theme in (args.theme,) if args.theme else ("light", "dark"):
            for language in (args.lang,) if args.lang else ("zh_CN", "en"):
                subprocess.run([sys.executable, __file__, "--theme", theme, "--lang", language], check=True,
                               env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        return 0
    for path in run(args.theme, args.lang):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
