"""A local library on a network folder: the app says so once per computer, without blocking."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from evidencekit.store import netfs


def _notices():
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "networkFolderNotice" and w.isVisible()]


def test_told_once_when_the_window_opens(qtbot, ctx, monkeypatch):
    from ui.main_window import MainWindow
    monkeypatch.setattr(netfs, "network_filesystem", lambda _p: "nfs4")
    w = MainWindow(ctx)
    w.show()
    qtbot.waitUntil(lambda: bool(_notices()))
    box = _notices()[0]
    assert "nfs4" in box.text() and ("两台电脑" in box.text() or "Two computers" in box.text())
    box.accept()
    w.close()
    again = MainWindow(ctx)  # the next start on this computer: nothing more to say
    again.show()
    qtbot.waitExposed(again)
    assert again.warn_network_folder() is None and not _notices()
    again.close()


def test_nothing_on_a_local_disk(window):
    assert window.warn_network_folder() is None
