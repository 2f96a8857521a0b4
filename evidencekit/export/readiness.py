"""Is a case ready to go to the platform? The problems that block a platform copy.

A platform copy is what the arbitrator judges: it should not go out with a required item
missing, no statement, or a template blank 【…】 still in the text. The CLI refuses such an
export (exit 2, naming each problem) unless ``--allow-incomplete``; the app shows the same
list and asks. One function decides, both ask it.
"""

from __future__ import annotations

from ..checklist import requirement_name
from ..errors import PlatformCopyIncomplete
from ..templates import blanks
from .source import BundleSource


def incomplete(problems: list[tuple[str, str]]) -> PlatformCopyIncomplete:
    """The refusal, each problem on its own line."""
    return PlatformCopyIncomplete(problems_zh="".join(f"\n  • {zh}" for zh, _ in problems),
                                  problems_en="".join(f"\n  • {en}" for _, en in problems))


def platform_problems(source: BundleSource, mode: str) -> list[tuple[str, str]]:
    """(zh, en) for each thing that makes the case unfit to send: required items missing,
    an empty statement, template blanks left in the statement, appeal points or work-order
    log."""
    case = source.case
    out: list[tuple[str, str]] = []
    for item in source.checklist:
        if not item.required or item.status != "missing" or item.kind == "appeal_statement":
            continue
        if item.kind == "new_evidence":  # conventions: "new evidence" (vs earlier submissions)
            out.append(("没有新证据：申诉须至少附 1 份此前提交中没有的证据（尚未提交过时：判定后新增的证据）",
                        "no new evidence: an appeal needs at least one exhibit that was in no "
                        "earlier submission (before any submission: one added after the judgment)"))
            continue
        zh, en = requirement_name(item.kind)
        out.append((f"缺少必需证据：{zh}", f"required evidence missing: {en}"))
    has_points = any(p.basis.strip() and p.fact.strip() for p in case.appeal_points)
    if not case.statement.strip() and not (mode == "appeal" and has_points):
        out.append(("陈述为空", "the statement is empty"))
    texts = [("陈述", "statement", case.statement)]
    if mode == "appeal":
        texts += [(f"申诉要点 {i}", f"appeal point {i}", f"{p.basis}\n{p.fact}")
                  for i, p in enumerate(case.appeal_points, start=1)]
    texts += [("售后工单", "work-order log", e.text) for e in source.worklog]
    for zh, en, text in texts:
        found = blanks(text)
        if found:
            shown = "、".join(dict.fromkeys(found))
            out.append((f"{zh}中仍有未填写的空白：{shown}", f"unfilled blanks in the {en}: {shown}"))
    return list(dict.fromkeys(out))
