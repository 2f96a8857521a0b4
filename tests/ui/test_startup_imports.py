"""What the app's start does not do (issue 12, startup < 1 s at 10,000 cases): the guard for the
work moved out of the way of the first window. Behaviour, not timing: which modules a start
imports, in which order (timings: bench/bench_case_list.py, bench/README.md "Startup")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.ui.conftest import make_case

ROOT = Path(__file__).resolve().parents[2]

# Made or imported when first used, not at start: the case view (and the panels only it
# holds), the dialogs behind menu items, the review page's charts, and what only an export, an
# import or an upgrade of the schema needs.
NOT_AT_START = (
    "ui.case_view", "ui.evidence_panel", "ui.facts_form", "ui.statement_editor",
    "ui.history_view", "ui.preview.preview_pane", "ui.export_dialog", "ui.new_case_dialog",
    "ui.settings_dialog", "ui.review_page", "ui.import_list_dialog",
    "PySide6.QtCharts", "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtMultimedia",
    "alembic", "reportlab", "pypdf", "PIL", "openpyxl",
)


def start_app(tmp_path: Path) -> tuple[str, list[str]]:
    """``python -m ui`` on a library with a case, to the shown window and out (the bench's
    EVIDENCEKIT_BENCH_STARTUP); its stdout and the modules it imported, in import order."""
    env = dict(os.environ, EVIDENCEKIT_LIBRARY=str(tmp_path / "lib"), EVIDENCEKIT_BENCH_STARTUP="1",
               QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               XDG_CONFIG_HOME=str(tmp_path / "cfg"), XDG_DATA_HOME=str(tmp_path / "data"))
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "ui"], env=env,
                       capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert r.returncode == 0, r.stderr[-2000:]
    # "import time: self | cumulative | name", written when a module's import ends
    modules = [line.rsplit("|", 1)[1].strip() for line in r.stderr.splitlines()
               if line.startswith("import time:") and "|" in line]
    return r.stdout, modules


def test_the_first_window_leaves_the_rest_for_later(tmp_path, clock):
    from evidencekit.store import Library
    with Library.open(tmp_path / "lib", clock=clock) as lib:
        make_case(lib, clock)
    out, modules = start_app(tmp_path)
    assert "startup_seconds" in out and " cases 1 " in out  # the window was shown, its case listed
    top = {m.split(".")[0] for m in modules}
    imported = set(modules)
    early = sorted(m for m in NOT_AT_START if m in imported or m in top)
    assert early == [], f"imported by a start of the app: {early}"
    # The core (SQLAlchemy) before Qt: PySide6's import hook slows every later import statement.
    first_qt = min(i for i, m in enumerate(modules) if m.split(".")[0] in ("PySide6", "shiboken6"))
    assert modules.index("sqlalchemy") < first_qt
    assert modules.index("evidencekit.store") < first_qt
    # The garbage collector paused while the window is made, running again once it is shown,
    # with what the start made frozen (never walked by later collections).
    report = next(line.split() for line in out.splitlines() if line.startswith("startup_seconds"))
    fields = dict(zip(report[::2], report[1::2], strict=True))
    assert fields["gc_enabled"] == "1" and int(fields["gc_frozen"]) > 10_000


def test_the_icon_is_loaded_not_drawn(qapp):
    """Drawing the icon (text in a pixmap) at every start cost ~0.08 s of CPU: it is a file,
    made by tools/make_icon.py from ui.app.draw_icon."""
    from PySide6.QtCore import QSize

    from ui.app import app_icon, draw_icon
    assert QSize(256, 256) in app_icon().availableSizes()
    assert draw_icon(256).size() == QSize(256, 256)  # what tools/make_icon.py saves
