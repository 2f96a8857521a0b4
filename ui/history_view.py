"""What happened to a case: its action log and the bundles submitted (with their hashes)."""

from __future__ import annotations

import html
from typing import Callable

from PySide6.QtWidgets import QInputDialog, QMessageBox, QTextBrowser

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


class HistoryView(QTextBrowser):
    """Submissions (what went to the platform, with its decision), draft exports and the action
    log. Links act on a record: open the submitted bytes, record a decision, mark a draft as
    submitted, forget a draft, reopen a closed case."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.case = None
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        # Replaced in tests; a real run asks with a message box / input dialog.
        self.confirm: Callable[[str], bool] = self._confirm
        self.ask_reason: Callable[[], str | None] = self._ask_reason

    def _link(self, href: str, text: str) -> str:
        return f"<a href='{href}'>{html.escape(text)}</a>"

    def set_case(self, case) -> None:
        self.case = case
        lib = self.ctx.lib
        zone = platform_zone(lib.rules, case)
        parts = []
        if case.stage == "closed":
            note = self.tr("This case is closed: it is read-only.")
            parts.append(f"<p><b>{html.escape(note)}</b> {self._link('reopen:', self.tr('Reopen…'))}</p>")
        submitted_h, drafts_h = self.tr("Submitted to the platform"), self.tr("Draft exports")
        none, log = self.tr("None yet."), self.tr("Action log")
        parts.append(f"<h3>{html.escape(submitted_h)}</h3>")
        subs = lib.submissions(case.id)
        if not subs:
            parts.append(f"<p>{html.escape(none)}</p>")
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
            links = [self._link(f"open:{s['id']}", self.tr("Open the submitted bundle"))]
            if case.stage != "closed":
                links.append(self._link(f"decide:{s['id']}", self.tr("Record decision…")))
            parts.append(f"<p><b>#{s['id']} {html.escape(kind)} · {at}</b><br>{files}<br>"
                         f"{decided}<br>{' · '.join(links)}</p>")
        parts.append(f"<h3>{html.escape(drafts_h)}</h3>")
        submitted_exports = {s["export_id"] for s in subs if s.get("export_id")}
        drafts = [e for e in lib.exports(case.id) if e["id"] not in submitted_exports]
        if not drafts:
            parts.append(f"<p>{html.escape(none)}</p>")
        for e in reversed(drafts):
            at = format_local(from_iso(e["at"]), zone)
            files = ", ".join(html.escape(f["path"]) for f in e["files"])
            shas = "<br>".join(f"SHA-256 <code>{f['sha256']}</code>" for f in e["files"])
            links = [self._link(f"delete:{e['id']}", self.tr("Delete this record"))]
            if case.stage != "closed":
                links.insert(0, self._link(f"submit:{e['id']}", self.tr("Mark as submitted…")))
            parts.append(f"<p><b>{at}</b> · {html.escape(labels.mode_label(e['mode']))} · "
                         f"{html.escape(e['profile'])}<br>{files}<br>{shas}<br>{' · '.join(links)}</p>")
        note = self.tr("Newest first. Times are the platform's (%1).").replace(
            "%1", format_local(lib.clock(), zone).rsplit(" ", 1)[-1])
        parts.append(f"<h3>{html.escape(log)}</h3><p style='color:gray'>{html.escape(note)}</p>"
                     "<table cellpadding='3'>")
        for entry in reversed(lib.log(case.id)):
            sentence = log_sentence(entry, lang(), zone, lib.rules)
            parts.append(f"<tr><td style='white-space:nowrap'>{format_local(entry.at, zone)}</td>"
                         f"<td>{html.escape(entry.actor)}</td><td>{html.escape(sentence)}</td></tr>")
        parts.append("</table>")
        self.setHtml("".join(parts))

    # ---- actions -------------------------------------------------------------------------------
    def _on_anchor_clicked(self, url) -> None:
        action, _sep, arg = url.toString().partition(":")
        if action == "open":
            self.open_submission(int(arg))
        elif action == "decide":
            self.decide(int(arg)).show()
        elif action == "submit":
            self.mark_submitted(int(arg)).show()
        elif action == "delete":
            self.delete_export(int(arg))
        elif action == "reopen":
            self.reopen()

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
