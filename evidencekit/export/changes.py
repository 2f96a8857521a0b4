"""The appeal bundle's "与首次提交相比 / Changes since the first submission" section.

Built from the first submission's record (exhibits by SHA-256, statement) and this bundle's own
exhibits, with the same comparison ``case diff`` prints (``lifecycle.diff_submissions``).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import CondPageBreak, Paragraph, Spacer

from ..domain import KINDS
from ..lifecycle import diff_submissions
from .plan import ExportPlan


def current_record(plan: ExportPlan) -> dict:
    """This bundle as a submission-like record (numbers are this bundle's labels)."""
    return {"id": 0, "statement": plan.source.case.statement,
            "exhibits": [{"number": pe.label, "sha256": pe.exhibit.sha256, "kind": pe.exhibit.kind,
                          "caption": pe.exhibit.caption, "source_name": pe.exhibit.source_name}
                         for pe in plan.exhibits]}


def changes_story(plan: ExportPlan, st: dict, mask, link) -> list:
    """Flowables for the section, or nothing when there is no earlier submission."""
    first = plan.source.first_submission
    if plan.mode != "appeal" or not first:
        return []
    d = diff_submissions(first, current_record(plan))

    def kind(k: str) -> str:
        zh, en = KINDS.get(k, (k, k))
        return escape(f"{zh} {en}")

    def text(v: str) -> str:
        return escape(mask(v or ""))

    story: list = [CondPageBreak(200), Spacer(1, 10),
                   Paragraph("与首次提交相比 Changes since the first submission", st["h2"])]
    when = escape(first.get("at_text", ""))
    story.append(Paragraph(f"首次提交 First submission：{when}　共 {len(first.get('exhibits', []))} 份证据 "
                           f"exhibits", st["small"]))
    rows = []
    for e in d.added:
        rows.append(f"新增 Added：{link(e['number'])} {kind(e['kind'])} — {text(e['caption'] or e['source_name'])}")
    for e in d.removed:
        rows.append(f"未再提交 Not resubmitted：原 {escape(e['number'])} {kind(e.get('kind', ''))} — "
                    f"{text(e.get('caption') or e.get('source_name', ''))}")
    for c in d.changed:
        if "caption" in c:
            rows.append(f"说明已更新 Caption updated：{link(c['number_b'])}（原 {escape(c['number_a'])}）")
        if "kind" in c:
            rows.append(f"类型已更正 Kind corrected：{link(c['number_b'])} "
                        f"{kind(c['kind'][0])} → {kind(c['kind'][1])}")
    if d.statement_changed:
        rows.append("陈述已更新 Statement updated")
    if not rows:
        rows.append("与首次提交相同 Same as the first submission")
    story += [Paragraph("• " + r, st["body"]) for r in rows]
    return story
