"""The password of a team library's database, asked in a dialog (issue 13).

libpq looks in ~/.pgpass, a service file and PGPASSWORD first; only when the server still wants
a password is the user asked. The answer stays in the core's memory for this run (never saved).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit


def ask_password(url: str) -> str | None:
    """The password for ``url`` (shown without one), or None when cancelled. Only the UI thread
    may show a dialog; a worker that somehow needs one gets None (a plain error follows)."""
    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return None
    title = QCoreApplication.translate("TeamPassword", "Team library")
    label = QCoreApplication.translate("TeamPassword", "Password for %1\n(kept only until the app closes):")
    text, ok = QInputDialog.getText(None, title, label.replace("%1", url), QLineEdit.EchoMode.Password)
    return text if ok and text else None


def install() -> None:
    from evidencekit.store import postgres
    postgres.password_prompt = ask_password
