"""What happened to a case: its action log and the bundles submitted (with their hashes)."""

from __future__ import annotations

import html
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from evidencekit.domain import OUTCOMES
from evidencekit.lifecycle import SUBMIT_KINDS
from evidencekit.log_text import log_sentence
from evidencekit.timeutil import format_local, from_iso, get_zone

from . import labels
from .i18n import lang, pick
from .ops import OpChanges, run_op


def platform_zone(rules, case):
    """The zone the platform counts in (its deadlines and judgments): the case's own zone if
    it has one, else the platform's."""
    name = getattr(case, "zone", "") or ""
    if not name:
        p = rules.platforms.get(case.platform)
        name = p.zone if p is not None else "Asia/Shanghai"
    try:
        return get_zone(name)
    except Exception:  # noqa: BLE001 - a bad zone name must not hide the history
        return get_zone("Asia/Shanghai")


class HistoryView(QScrollArea):
    """Submissions (what went to the platform, with its decision), draft exports and the action
    log. Each record has its actions as buttons: open the submitted bytes, record a decision,
    mark a draft as submitted, forget a draft; a closed case offers Reopen…."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.case = None
        self.setObjectName("historyView")
        self.setWidgetResizable(True)
        self._texts: list[QLabel] = []
        self.body = QWidget()
        self.setWidget(self.body)
        # Replaced in tests; a real run asks with a message box / input dialog.
        self.confirm: Callable[[str], bool] = self._confirm
        self.ask_reason: Callable[[], str | None] = self._ask_reason

    def _label(self, html_text: str, *, heading: bool = False) -> QLabel:
        label = QLabel(html_text)
        label.setTextFormat(Qt.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)  # hashes can be copied
        if heading:
            font = label.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.15)
            label.setFont(font)
        self._texts.append(label)
        return label

    def _record(self, text: str, buttons: list[tuple[str, str, Callable[[], object]]]) -> QFrame:
        """One submission or draft: its facts, then its actions as buttons."""
        frame = QFrame()
        frame.setFrameShape(QFrame.StyledPanel)
        lay = QVBoxLayout(frame)
        lay.addWidget(self._label(text))
        row = QHBoxLayout()
        for name, caption, act in buttons:
            b = QPushButton(caption)
            b.setObjectName(name)
            b.clicked.connect(lambda _c=False, act=act: act())
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        return frame

    def toPlainText(self) -> str:
        """What the tab says (labels and buttons), as plain text."""
        doc = QTextDocument()
        out = []
        for w in self.body.findChildren(QWidget):
            if isinstance(w, QLabel):
                doc.setHtml(w.text())
                out.append(doc.toPlainText())
            elif isinstance(w, QPushButton):
                out.append(w.text())
        return "\n".join(out)

    def set_case(self, case) -> None:
        self.case = case
        lib = self.ctx.lib
        zone = platform_zone(lib.rules, case)
        self._texts = []
        body = QWidget()
        lay = QVBoxLayout(body)
        if case.stage == "closed":
            row = QHBoxLayout()
            note = self.tr("This case is closed: it is read-only.")
            row.addWidget(self._label(f"<b>{html.escape(note)}</b>"))
            b = QPushButton(self.tr("Reopen…"))
            b.setObjectName("reopen")
            b.clicked.connect(lambda _c=False: self.reopen())
            row.addWidget(b)
            row.addStretch(1)
            lay.addLayout(row)
        none, log = self.tr("None yet."), self.tr("Action log")
        lay.addWidget(self._label(html.escape(self.tr("Submitted to the platform")), heading=True))
        subs = lib.submissions(case.id)
        if not subs:
            lay.addWidget(self._label(html.escape(none)))
        for s in subs:
            at = format_local(from_iso(s["at"]), zone)
            kind = pick(*SUBMIT_KINDS.get(s["as"], (s["as"], s["as"])))
            files = "<br>".join(f"{html.escape(f['name'])} · SHA-256 <code>{f['sha256']}</code>"
                                for f in s["files"])
            dec = s["decision"]
            if dec:
                what = pick(*OUTCOMES.get(dec["decision"], (dec["decision"],) * 2))
                decided = self.tr("Decision: %1 (%2)").replace("%1", what).replace(
                    "%2", format_local(from_iso(dec["at"]), zone))
                extra = "".join(f" · {html.escape(x)}" for x in (dec.get("refund"), dec.get("ref")) if x)
                decided = html.escape(decided) + extra
            else:
                decided = html.escape(self.tr("Awaiting the platform's decision"))
            sid = s["id"]
            buttons = [(f"open{sid}", self.tr("Open the submitted bundle"),
                        lambda sid=sid: self.open_submission(sid))]
            if case.stage != "closed":
                buttons.append((f"decide{sid}", self.tr("Record decision…"),
                                lambda sid=sid: self.decide(sid).show()))
            lay.addWidget(self._record(f"<b>#{sid} {html.escape(kind)} · {at}</b><br>{files}<br>"
                                       f"{decided}", buttons))
        lay.addWidget(self._label(html.escape(self.tr("Draft exports")), heading=True))
        submitted_exports = {s["export_id"] for s in subs if s.get("export_id")}
        drafts = [e for e in lib.exports(case.id) if e["id"] not in submitted_exports]
        if not drafts:
            lay.addWidget(self._label(html.escape(none)))
        for e in reversed(drafts):
            at = format_local(from_iso(e["at"]), zone)
            files = ", ".join(html.escape(f["path"]) for f in e["files"])
            shas = "<br>".join(f"SHA-256 <code>{f['sha256']}</code>" for f in e["files"])
            eid = e["id"]
            buttons = [(f"delete{eid}", self.tr("Delete this record"),
                        lambda eid=eid: self.delete_export(eid))]
            if case.stage != "closed":
                buttons.insert(0, (f"submit{eid}", self.tr("Mark as submitted…"),
                                   lambda eid=eid: self.mark_submitted(eid).show()))
            lay.addWidget(self._record(
                f"<b>{at}</b> · {html.escape(labels.mode_label(e['mode']))} · "
                f"{html.escape(e['profile'])}<br>{files}<br>{shas}", buttons))
        note = self.tr("Newest first. Times are the platform's (%1).").replace(
            "%1", format_local(lib.clock(), zone).rsplit(" ", 1)[-1])
        lay.addWidget(self._label(html.escape(log), heading=True))
        lay.addWidget(self._label(f"<span style='color:gray'>{html.escape(note)}</span>"))
        rows = ["<table cellpadding='3'>"]
        for entry in reversed(lib.log(case.id)):
            sentence = log_sentence(entry, lang(), zone, lib.rules)
            rows.append(f"<tr><td style='white-space:nowrap'>{format_local(entry.at, zone)}</td>"
                        f"<td>{html.escape(entry.actor)}</td><td>{html.escape(sentence)}</td></tr>")
        rows.append("</table>")
        lay.addWidget(self._label("".join(rows)))
        lay.addStretch(1)
        old = self.takeWidget()
        self.body = body
        self.setWidget(body)
        if old is not None:
            old.deleteLater()

    # ---- actions -------------------------------------------------------------------------------
    def open_submission(self, submission_id: int) -> list:
        from .submission_dialogs import open_submitted
        try:
            return open_submitted(self.ctx, submission_id)
        except OSError as exc:  # the kept copy is unreadable: say so, never a traceback
            self.ctx.presenter.show(exc, self)
            return []

    def decide(self, submission_id: int):
        from .submission_dialogs import DecisionDialog
        return DecisionDialog(self.ctx, self.case.id, submission_id, self)

    def mark_submitted(self, export_id: int):
        from .submission_dialogs import MarkSubmittedDialog
        export = next(e for e in self.ctx.lib.exports(self.case.id) if e["id"] == export_id)
        kind = "appeal" if export["mode"] == "appeal" else "evidence"
        return MarkSubmittedDialog(self.ctx, self.case.id, [f["path"] for f in export["files"]],
                                   self, as_kind=kind)

    def delete_export(self, export_id: int) -> None:
        if not self.confirm(self.tr("Forget this draft export? The files on disk are kept.")):
            return
        case_id = self.case.id

        def op(lib) -> OpChanges:
            return OpChanges.of_case(case_id, lib.delete_export(export_id))
        run_op(self.ctx, "delete export", op)

    def reopen(self) -> None:
        reason = self.ask_reason()
        if reason:
            from .submission_dialogs import reopen_case
            reopen_case(self.ctx, self.case.id, reason)

    def _confirm(self, text: str) -> bool:
        return QMessageBox.question(self, self.tr("Delete"), text) == QMessageBox.Yes

    def _ask_reason(self) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("Reopen the case"),
                                        self.tr("Why is the case reopened? (kept in the action log)"))
        return text.strip() if ok and text.strip() else None
