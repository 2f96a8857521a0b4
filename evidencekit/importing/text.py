"""The import's report as lines for people (the CLI); ``ImportReport.to_dict`` is for scripts."""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path

from ..i18n import pick
from ..timeutil import format_local
from .columns import label

RESULT_NAMES = {"new": ("新建", "new"), "updated": ("更新", "updated"), "unchanged": ("无变化", "unchanged"),
                "closed": ("已结案，未更新", "closed, not updated"), "error": ("错误", "error")}


def _value(v, zone: tzinfo) -> str:
    if v in (None, ""):
        return "—"
    return format_local(v, zone) if isinstance(v, datetime) else str(v)


def row_line(r, lang: str, zone: tzinfo, type_name=lambda type_id: type_id) -> str:
    zh, en = RESULT_NAMES[r.result]
    head = pick(lang, f"  第 {r.row} 行", f"  row {r.row}") + f"  {r.after_sale_no or '—'}  {pick(lang, zh, en)}"
    if r.case_no:
        head += f"  {r.case_no}"
    if r.result == "new" and r.dispute_type:
        head += f"  {type_name(r.dispute_type)}"
    parts = [pick(lang, e.zh, e.en) for e in r.errors] + [pick(lang, w.zh, w.en) for w in r.warnings]
    if r.result in ("updated", "closed"):
        parts += [f"{label(c.field, lang)} {_value(c.old, zone)} → {_value(c.new, zone)}" for c in r.changes]
    return head + (("：" if lang == "zh" else ": ") + pick(lang, "；", "; ").join(parts) if parts else "")


def header_lines(report, lang: str, platform_name: str = "") -> list[str]:
    """What was read: the file, platform, zone, header row and each field's column."""
    name = Path(report.file).name
    platform = platform_name or report.platform
    lines = [pick(lang, f"{name}：平台 {platform}，无时区的时间按 {report.zone} 读取，"
                        f"表头在第 {report.header_row} 行",
                  f"{name}: platform {platform}, times without a zone read in {report.zone}, "
                  f"headers on row {report.header_row}")]
    lines.append(pick(lang, "列：", "Columns: ") + "  ".join(
        f"{label(f, lang)} ← “{h}”" for f, h in report.columns.items()))
    return lines


def counts_line(report, lang: str) -> str:
    c = report.counts
    counts = pick(lang, f"新建 {c['created']} · 更新 {c['updated']} · 无变化 {c['unchanged']} · "
                        f"已结案未更新 {c['closed']} · 错误 {c['errors']}",
                  f"created {c['created']} · updated {c['updated']} · unchanged {c['unchanged']} · "
                  f"closed, not updated {c['closed']} · errors {c['errors']}")
    return (pick(lang, f"预览（资料库未改动）：{counts}", f"Dry run (nothing changed): {counts}")
            if report.dry_run else pick(lang, f"已导入：{counts}", f"Imported: {counts}"))
