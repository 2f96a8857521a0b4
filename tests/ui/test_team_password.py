"""The app asks for a team database's password in a dialog, on the UI thread only (issue 13)."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QInputDialog

from ui import team_password


def test_password_dialog_answers_on_the_ui_thread_only(qapp, monkeypatch):
    from evidencekit.store import postgres
    asked: list[str] = []

    def fake_get_text(parent, title, label, echo):
        asked.append(label)
        return "s3cret", True
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(fake_get_text))
    monkeypatch.setattr(postgres, "password_prompt", None)
    team_password.install()
    assert postgres.password_prompt is team_password.ask_password
    assert postgres.password_prompt("postgresql://xiaowang@server/evidencekit") == "s3cret"
    assert "postgresql://xiaowang@server/evidencekit" in asked[0]
    from_worker: list[str | None] = []
    t = threading.Thread(target=lambda: from_worker.append(team_password.ask_password("x")))
    t.start()
    t.join()
    assert from_worker == [None] and len(asked) == 1
