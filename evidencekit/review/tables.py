"""The review as tables: one per section, the same columns in CSV, the workbook and the app.

CSV headers are the stable column ids (for scripts); the workbook and the app show the
zh/en titles. Rates stay fractions 0–1 (the workbook formats them as percentages).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .numbers import DECISION_ORDER, Review

SECTIONS = ("groups", "clocks", "kinds", "words")


@dataclass(frozen=True)
class Column:
    id: str
    zh: str
    en: str
    get: Callable[[dict], Any]
    kind: str = ""  # "rate" | "money" | "hours" | "" (how a sheet formats it)

    def title(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


_DECISION_TITLES = {"won": ("胜诉", "Won"), "partly": ("部分支持", "Partly"), "lost": ("败诉", "Lost"),
                    "refunded": ("退款和解", "Refunded"), "withdrawn": ("撤回", "Withdrawn")}

def _decision(name: str) -> Callable[[dict], Any]:
    return lambda g: g["decisions"][name]


GROUP_COLUMNS: tuple[Column, ...] = (
    Column("key", "键", "Key", lambda g: g["key"]),
    Column("label", "名称", "Name", lambda g: g["label"]),
    Column("disputes", "纠纷数", "Disputes", lambda g: g["disputes"]),
    *(Column(d, *_DECISION_TITLES[d], _decision(d)) for d in DECISION_ORDER),
    Column("undecided", "未出结果", "Undecided", lambda g: g["undecided"]),
    Column("win_rate", "胜诉率", "Win rate", lambda g: g["win_rate"], "rate"),
    Column("refunded_amount", "退款金额", "Refunded amount", lambda g: g["refunded_amount"], "money"),
    Column("submit_hours_median", "介入到举证（中位，小时）", "Hours to submit (median)",
           lambda g: g["submit_hours"]["median"], "hours"),
    Column("submit_hours_max", "介入到举证（最长，小时）", "Hours to submit (max)",
           lambda g: g["submit_hours"]["max"], "hours"),
    Column("on_time_rate", "按时率", "On-time rate", lambda g: g["on_time"]["rate"], "rate"),
)

CLOCK_COLUMNS: tuple[Column, ...] = (
    Column("platform", "平台", "Platform", lambda c: c["platform_name"]),
    Column("clock", "期限", "Clock", lambda c: c["name"]),
    Column("met", "按时", "Met", lambda c: c["met"]),
    Column("late", "迟了", "Late", lambda c: c["late"]),
    Column("overdue", "已超时未完成", "Overdue", lambda c: c["overdue"]),
    Column("on_time_rate", "按时率", "On-time rate", lambda c: c["on_time_rate"], "rate"),
)

KIND_COLUMNS: tuple[Column, ...] = (
    Column("kind", "证据类型", "Evidence kind", lambda k: k["name"]),
    Column("submissions", "含此证据的提交", "Submissions with it", lambda k: k["with"]["submissions"]),
    Column("won", "胜诉", "Won", lambda k: k["with"]["won"]),
    Column("partly", "部分支持", "Partly", lambda k: k["with"]["partly"]),
    Column("lost", "败诉", "Lost", lambda k: k["with"]["lost"]),
    Column("win_rate", "胜诉率（含）", "Win rate (with)", lambda k: k["with"]["win_rate"], "rate"),
    Column("without_submissions", "不含此证据的提交", "Submissions without it",
           lambda k: k["without"]["submissions"]),
    Column("without_win_rate", "胜诉率（不含）", "Win rate (without)", lambda k: k["without"]["win_rate"],
           "rate"),
)

WORD_COLUMNS: tuple[Column, ...] = (
    Column("word", "词", "Word", lambda w: w["word"]),
    Column("count", "次数", "Count", lambda w: w["count"]),
    Column("cases", "案件数", "Cases", lambda w: w["cases"]),
)

COLUMNS = {"groups": GROUP_COLUMNS, "clocks": CLOCK_COLUMNS, "kinds": KIND_COLUMNS,
           "words": WORD_COLUMNS}
SECTION_TITLES = {"groups": ("纠纷与结果", "Disputes and decisions"),
                  "clocks": ("期限按时率", "Clocks kept"),
                  "kinds": ("证据类型与胜诉率", "Win rate by evidence kind"),
                  "words": ("买家消息高频词", "Frequent buyer words")}


def records(review: Review | dict, section: str) -> list[dict]:
    """The section's items as dicts (``review.to_dict()`` shape); the groups end with the total."""
    data = review.to_dict() if isinstance(review, Review) else review
    if section == "groups":
        return [*data["groups"], data["total"]]
    return list(data[section] or [])


def rows(review: Review | dict, section: str) -> list[list[Any]]:
    return [[c.get(item) for c in COLUMNS[section]] for item in records(review, section)]
