"""What happened to a case: its action log and the bundles submitted (with their hashes)."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser

from evidencekit.log_text import log_sentence
from evidencekit.timeutil import format_local, from_iso, get_zone

from . import labels
from .i18n import lang


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
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setOpenLinks(False)

    def set_case(self, case) -> None:
        lib = self.ctx.lib
        zone = platform_zone(lib.rules, case)
        submitted, none, log = self.tr("Submitted bundles"), self.tr("None yet."), self.tr("Action log")
        parts = [f"<h3>{html.escape(submitted)}</h3>"]
        subs = lib.exports(case.id)  # drafts; submissions get their own section (issue 9, app half)
        if not subs:
            parts.append(f"<p>{html.escape(none)}</p>")
        for s in subs:
            at = format_local(from_iso(s["at"]), zone)
            files = ", ".join(html.escape(f["path"]) for f in s["files"])
            shas = "<br>".join(f"SHA-256 <code>{f['sha256']}</code>" for f in s["files"])
            parts.append(f"<p><b>{at}</b> · {html.escape(labels.mode_label(s['mode']))} · "
                         f"{html.escape(s['profile'])}<br>{files}<br>{shas}</p>")
        note = self.tr("Newest first. Times are the platform's (%1).").replace(
            "%1", format_local(lib.clock(), zone).rsplit(" ", 1)[-1])
        parts.append(f"<h3>{html.escape(log)}</h3><p style='color:gray'>{html.escape(note)}</p>"
                     "<table cellpadding='3'>")
        for e in reversed(lib.log(case.id)):
            sentence = log_sentence(e, lang(), zone, lib.rules)
            parts.append(f"<tr><td style='white-space:nowrap'>{format_local(e.at, zone)}</td>"
                         f"<td>{html.escape(e.actor)}</td><td>{html.escape(sentence)}</td></tr>")
        parts.append("</table>")
        self.setHtml("".join(parts))
