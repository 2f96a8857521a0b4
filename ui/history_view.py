"""What happened to a case: its action log and the bundles submitted (with their hashes)."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser

from evidencekit.timeutil import format_local, from_iso

from . import labels


class HistoryView(QTextBrowser):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setOpenLinks(False)

    def set_case(self, case) -> None:
        lib, zone = self.ctx.lib, self.ctx.zone
        submitted, none, log = self.tr("Submitted bundles"), self.tr("None yet."), self.tr("Action log")
        parts = [f"<h3>{html.escape(submitted)}</h3>"]
        subs = lib.submissions(case.id)
        if not subs:
            parts.append(f"<p>{html.escape(none)}</p>")
        for s in subs:
            at = format_local(from_iso(s["at"]), zone)
            files = ", ".join(html.escape(f) for f in s["files"])
            shas = "<br>".join(f"SHA-256 <code>{h}</code>" for h in s["bundle_sha256s"])
            parts.append(f"<p><b>{at}</b> · {html.escape(labels.mode_label(s['mode']))} · "
                         f"{html.escape(s['profile'])}<br>{files}<br>{shas}</p>")
        parts.append(f"<h3>{html.escape(log)}</h3><table cellpadding='3'>")
        for e in reversed(lib.log(case.id)):
            parts.append(f"<tr><td style='white-space:nowrap'>{format_local(e.at, zone)}</td>"
                         f"<td>{html.escape(e.actor)}</td><td>{html.escape(e.action)}</td>"
                         f"<td>{html.escape(e.detail)}</td></tr>")
        parts.append("</table>")
        self.setHtml("".join(parts))
