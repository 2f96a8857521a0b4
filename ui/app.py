"""Start the desktop app: ``evidencekit-app`` or ``python -m ui``."""

from __future__ import annotations

import gc
import os
import sys
import time
from importlib import resources
from pathlib import Path

START = time.perf_counter()


def register_fonts() -> list[str]:
    """Register the bundled CJK font and use it as the fallback after the system font."""
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication
    path = Path(str(resources.files("assets").joinpath("fonts", "wqy-microhei.ttc")))
    families: list[str] = []
    if path.is_file():
        fid = QFontDatabase.addApplicationFont(str(path))
        if fid >= 0:
            families = QFontDatabase.applicationFontFamilies(fid)
    if families:
        font = QApplication.font()
        font.setFamilies([font.family(), *families])
        QApplication.setFont(font)
    return families


ICON = ("icons", "evidencekit.png")  # under assets/: made by tools/make_icon.py from draw_icon


def draw_icon(size: int = 64):
    """The app's icon drawn (a blue rounded square with 证): tools/make_icon.py saves it as
    ``assets/icons/evidencekit.png``, which the app loads. Drawing it at every start cost
    ~0.08 s of CPU (the first text Qt draws, before the window's); loading the file ~0.005 s."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
    pm = QPixmap(size, size)
    pm.fill(Qt.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.Antialiasing)
    p.scale(size / 64, size / 64)
    p.setBrush(QColor("#1565c0"))
    p.setPen(Qt.NoPen)
    p.drawRoundedRect(QRect(2, 2, 60, 60), 12, 12)
    p.setPen(QColor("white"))
    f = QFont()
    f.setPixelSize(30)
    f.setBold(True)
    p.setFont(f)
    p.drawText(QRect(0, 0, 64, 64), Qt.AlignCenter, "证")
    p.end()
    return pm


def app_icon():
    from PySide6.QtGui import QIcon
    icon_file = Path(str(resources.files("assets").joinpath(*ICON)))
    if icon_file.is_file():
        return QIcon(str(icon_file))
    return QIcon(draw_icon())


def make_application(argv: list[str] | None = None):
    from PySide6.QtWidgets import QApplication

    from .settings import APP, ORG
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setApplicationDisplayName("EvidenceKit")
    app.setWindowIcon(app_icon())
    register_fonts()
    return app


def build_window(library=None, *, settings=None, clock=None):
    """Open the library (the configured or default one) and make the main window."""
    from evidencekit.store import Library

    from .context import AppContext
    from .i18n import install_language
    from .main_window import MainWindow
    from .settings import UiSettings
    settings = settings or UiSettings()
    install_language(settings.get("language"))
    if library is None:
        path = settings.get("library_path") or None
        library = Library.open(path) if clock is None else Library.open(path, clock=clock)
    ctx = AppContext(library, settings=settings, clock=clock)
    window = MainWindow(ctx)
    return ctx, window


def import_core_first() -> None:
    """Import the core the first window needs before Qt: PySide6 replaces ``__import__`` with
    its feature hook on import, and SQLAlchemy's thousands of import statements then cost
    ~0.1 s more CPU (bench/README.md, "Startup"). ``ui/__init__`` does not import Qt for this."""
    import evidencekit.store  # noqa: F401
    import evidencekit.summary  # noqa: F401


def main(argv: list[str] | None = None) -> int:
    from evidencekit.gcpause import gc_paused
    # The start makes ~70,000 objects that live as long as the app and almost no garbage: the
    # cyclic collector walking them while they are made was ~10 % of the CPU to the window.
    # Paused until the window is shown; then they are frozen (gc.freeze), so that later
    # collections (while the clerk works) do not walk them either.
    with gc_paused():
        import_core_first()
        app = make_application(argv)
        from evidencekit.errors import EvidenceKitError

        from . import team_password
        from .errors import describe, install_excepthooks
        team_password.install()  # a team library whose server wants a password asks here
        try:
            ctx, window = build_window()
        except EvidenceKitError as e:
            error: EvidenceKitError | None = e
        else:
            error = None
            install_excepthooks(ctx.presenter)
            window.show()
        gc.freeze()
    if error is not None:
        from PySide6.QtWidgets import QMessageBox
        msg, hint = describe(error)
        QMessageBox.critical(None, "EvidenceKit", msg + (f"\n\n{hint}" if hint else ""))
        return 1
    ctx.remote.start()  # other desktops' changes reach this window (ui/remote_changes.py)
    from PySide6.QtCore import QTimer
    QTimer.singleShot(0, window.check_case_list)  # the list's summaries, in the background
    QTimer.singleShot(0, window.catch_up_search_index)  # in the background, once the window is up
    if os.environ.get("EVIDENCEKIT_BENCH_STARTUP"):
        # bench/bench_ui.py: report the time to a shown, painted window, then quit.

        def report():
            model = window.case_list.model  # cases listed, and the rows fetched of them
            print(f"startup_seconds {time.perf_counter() - START:.3f} "
                  f"cases {model.shown_count()} rows {model.rowCount()} "
                  f"cpu {time.process_time():.3f} gc_frozen {gc.get_freeze_count()} "
                  f"gc_enabled {int(gc.isenabled())}", flush=True)
            window.close()
            app.quit()
        QTimer.singleShot(0, report)
    code = app.exec()
    ctx.lib.close()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
