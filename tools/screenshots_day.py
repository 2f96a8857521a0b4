"""Screenshots of a clerk's day (issue 12) at laptop and desktop sizes, light and dark,
Chinese and English, into docs/screenshots/day/:

    python tools/screenshots_day.py                     # every size, theme and language
    python tools/screenshots_day.py --size 1366x768 --theme light --lang zh_CN

States: the evidence panel with several exhibits selected and their context menu
(evidence-multi), a big import in progress (import-progress), the History tab (history), and
the appeal points with the exhibit checklist (appeal-points). Headless, on a temporary
library with a fixed clock, seeded like tools/screenshots.py plus files whose kind is
guessed from their names.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots" / "day"
SIZES = ("1366x768", "1600x1000")


def run(theme: str, lang: str, size: tuple[int, int], only: set[str]) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPoint, QSettings, QStandardPaths
    from PySide6.QtGui import QPainter

    import ui  # noqa: F401 - installs the refcount guard first
    from evidencekit.store import Library
    from tests.ui.photos import make_photos
    from tools.screenshots import DATA, NOW, _compose, _dark_palette, _seed
    from ui.app import make_application
    from ui.context import AppContext
    from ui.i18n import install_language
    from ui.main_window import MainWindow
    from ui.settings import UiSettings

    app = make_application(["screenshots"])
    app.setStyle("Fusion")
    QStandardPaths.setTestModeEnabled(True)
    app.setPalette(_dark_palette() if theme == "dark" else app.style().standardPalette())
    work = Path(tempfile.gettempdir()) / "evidencekit-screenshots-day"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    clock = lambda: NOW  # noqa: E731
    lib = Library.open(work / "lib", clock=clock)
    lib.set_setting("store_names", ["小美家居旗舰店客服"])
    settings = UiSettings(QSettings(str(work / "ui.ini"), QSettings.IniFormat))
    settings.set("language", lang)
    install_language(lang)
    case = _seed(lib, clock)
    # Files named as clerks name them: their kinds are guessed from the names.
    named = work / "named"
    (named / "打包称重").mkdir(parents=True)
    shutil.copyfile(DATA / "photo_exif.jpg", named / "打包称重" / "IMG_0412.jpg")
    shutil.copyfile(DATA / "photo_rotated.jpg", named / "面单.jpg")
    shutil.copyfile(DATA / "screenshot_small.png", named / "详情页截图.png")
    for p in (named / "打包称重" / "IMG_0412.jpg", named / "面单.jpg", named / "详情页截图.png"):
        lib.attach(case.id, p)
    ctx = AppContext(lib, settings=settings, clock=clock)
    w = MainWindow(ctx)
    w.resize(*size)
    w.show()
    written: list[Path] = []
    suffix = f"-{size[0]}x{size[1]}-{'zh' if lang.startswith('zh') else 'en'}" + \
        ("-dark" if theme == "dark" else "")

    def settle(ms=400):
        import time
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def save(name, over=None, at=None):
        if only and name not in only:
            return
        path = OUT / f"{name}{suffix}.png"
        settle()
        if over is None:
            w.grab().save(str(path))
        elif at is None:
            _compose(w, over, path)
        else:  # a popup (menu) drawn where it opened
            base = w.grab()
            p = QPainter(base)
            p.drawPixmap(at, over.grab())
            p.end()
            base.save(str(path))
        written.append(path)

    w.open_case(case.id)
    view = w.case_view
    panel = view.evidence
    view.checklist.set_mode("appeal")
    view.tabs.setCurrentIndex(0)
    guessed = [e.id for e in lib.list_exhibits(case.id)][-3:]
    panel.select_exhibits(guessed)
    settle(800)
    menu = panel.context_menu()
    rect = panel.table.visualRect(panel.model.index(panel.model.row_of(guessed[0]), 2))
    anchor = panel.table.viewport().mapTo(w, rect.center())
    menu.popup(w.mapToGlobal(anchor))
    settle(300)
    save("evidence-multi", menu, QPoint(anchor.x(), anchor.y()))
    menu.hide()

    view.tabs.setCurrentIndex(3)
    settle(600)
    save("history")

    view.tabs.setCurrentIndex(2)
    settle(400)
    exhibits = lib.list_exhibits(case.id)
    from ui.exhibit_picker import ExhibitPicker
    picker = ExhibitPicker(exhibits, list(lib.get_case(case.id).appeal_points[1].exhibit_ids), w)
    picker.filter.setText("快递" if lang.startswith("zh") else "courier")
    picker.show()
    settle(500)
    save("appeal-points", picker)
    picker.close()
    save("appeal-points-links")

    if not only or "import-progress" in only:
        view.tabs.setCurrentIndex(0)
        make_photos(work / "photos", 60, size=(1200, 900))
        panel.add_paths([work / "photos"])
        while ctx.importer.batch(case.id) is None or ctx.importer.batch(case.id).done < 18:
            settle(50)
        save("import-progress")
    w.close()
    lib.close()
    shutil.rmtree(work, ignore_errors=True)
    return written


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--theme", choices=("light", "dark", "both"), default="both")
    ap.add_argument("--lang", choices=("zh_CN", "en", "both"), default="both")
    ap.add_argument("--size", choices=(*SIZES, "both"), default="both")
    ap.add_argument("--only", action="append", default=[])
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    combos = [(t, lang, s) for t in (("light", "dark") if args.theme == "both" else (args.theme,))
              for lang in (("zh_CN", "en") if args.lang == "both" else (args.lang,))
              for s in (SIZES if args.size == "both" else (args.size,))]
    if len(combos) > 1:  # one process each: palettes and fonts are set once per process
        for t, lang, s in combos:
            cmd = [sys.executable, __file__, "--theme", t, "--lang", lang, "--size", s]
            for o in args.only:
                cmd += ["--only", o]
            subprocess.run(cmd, check=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        return 0
    t, lang, s = combos[0]
    size = tuple(int(x) for x in s.split("x"))
    for path in run(t, lang, size, set(args.only)):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
