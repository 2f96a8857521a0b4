"""pytest-qt set-up for the app: offscreen Qt, isolated QSettings and caches, a temp library
with an injectable clock (the suite-wide ``clock`` and ``library`` fixtures), real widgets."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

import ui  # noqa: E402,F401 - installs the PySide6 6.12 refcount guard before any Qt call

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def qsettings_path(tmp_path):
    return tmp_path / "qsettings" / "EvidenceKit.ini"


@pytest.fixture
def ui_settings(qapp, qsettings_path):
    from PySide6.QtCore import QSettings, QStandardPaths
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(qsettings_path.parent))
    from ui.settings import UiSettings
    return UiSettings(QSettings(str(qsettings_path), QSettings.IniFormat))


@pytest.fixture
def app_fonts(qapp):
    from ui.app import register_fonts
    return register_fonts()


@pytest.fixture
def ctx(qapp, library, clock, ui_settings, app_fonts, tmp_path):
    from ui.context import AppContext
    from ui.i18n import install_language
    install_language(ui_settings.get("language"))
    c = AppContext(library, settings=ui_settings, clock=clock)
    yield c
    c.shutdown()


@pytest.fixture
def window(qtbot, ctx):
    from ui.main_window import MainWindow
    w = MainWindow(ctx)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def wait_imports(qtbot, ctx, timeout=20000):
    """Wait until every queued file is attached or refused, and the views caught up."""
    qtbot.waitUntil(lambda: ctx.importer.pending() == 0, timeout=timeout)
    # Never block the loop here (a heartbeat test measures it): poll until workers are idle.
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=timeout)
    qtbot.wait(200)  # the case view redraws on a short timer


def make_case(lib, clock, **fields):
    defaults = dict(platform="douyin", dispute_type="signed_not_received", order_no="6912345678901",
                    stage="intervention", intervention_at=clock(), request_at=clock(),
                    buyer_name="张三", buyer_phone="13812341234", amount="89.00")
    defaults.update(fields)
    return lib.create_case(**defaults)


def settle(qtbot, ctx, timeout=10000):
    """Wait until the writes asked for so far are done and announced (every app write is an
    op on the runner's writer thread, see ui/ops.py)."""
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=timeout)
