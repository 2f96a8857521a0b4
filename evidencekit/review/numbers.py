"""The review's numbers (复盘): disputes by a key, decisions and win rate, refunds, time to
submit, clocks kept, win rate by evidence kind, the buyers' frequent words.

Pure over :class:`~.facts.CaseFacts`; :func:`build_review` reads the library once and hands
the facts here. Win rate = won ÷ (won + partly + lost), a fraction 0–1; refunded and
withdrawn are reported beside it, not in it (conventions.md).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from decimal import Decimal
from typing import Any

from ..domain import KINDS, OUTCOMES
from ..errors import NotInRules
from ..i18n import pick
from ..progress import CancelLike, ProgressFn, check_cancel, no_progress
from ..timeutil import to_iso
from .facts import CaseFacts, buyer_messages, gather
from .period import Period, keys_between, month_key, week_key, week_label
from .words import WordCount, rank_words, read_stopwords, stopwords_path, words_by_case

BY = ("type", "product", "carrier", "store", "staff", "week", "month")
DECISIONS = tuple(OUTCOMES)  # won | lost | partly | refunded | withdrawn
DECISION_ORDER = ("won", "partly", "lost", "refunded", "withdrawn")
JUDGED = ("won", "partly", "lost")  # the decisions a win rate is made of
GROUP_TOP = 10  # frequent words kept per group and per decision


def win_rate(won: int, partly: int, lost: int) -> float | None:
    judged = won + partly + lost
    return round(won / judged, 4) if judged else None


def rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


@dataclass
class Group:
    """One bar of the chart and one row of the table: the cases sharing a key."""
    key: str
    label: str
    facts: list[CaseFacts] = field(default_factory=list)
    words: list[WordCount] | None = None  # this group's buyers' frequent words (None: not counted)

    @property
    def decisions(self) -> dict[str, int]:
        counts = dict.fromkeys(DECISION_ORDER, 0)
        for f in self.facts:
            if f.case.outcome in counts:
                counts[f.case.outcome] += 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        d = self.decisions
        refunds = [f.refund for f in self.facts if f.refund is not None]
        hours = [f.submit_hours for f in self.facts if f.submit_hours is not None]
        states = [c.state for f in self.facts for c in f.clocks]
        met, late, overdue = states.count("met"), states.count("late"), states.count("overdue")
        return {
            "key": self.key, "label": self.label, "disputes": len(self.facts),
            "decisions": d, "undecided": len(self.facts) - sum(d.values()),
            "win_rate": win_rate(d["won"], d["partly"], d["lost"]),
            "refunded_amount": f"{sum(refunds, Decimal(0)):.2f}",
            "refunds_without_amount": sum(1 for f in self.facts
                                          if f.case.outcome == "refunded" and f.refund is None),
            "submit_hours": _hours(hours),
            "on_time": {"met": met, "late": late, "overdue": overdue,
                        "rate": rate(met, met + late + overdue)},
            "cases": [f.case.case_no for f in self.facts],
            "case_ids": [f.case.id for f in self.facts],
            # the cases behind each segment of the bar (the app's click-through)
            "case_ids_by_decision": {d: [f.case.id for f in self.facts if (f.case.outcome or "undecided") == d]
                                     for d in (*DECISION_ORDER, "undecided")},
            "words": None if self.words is None else [w.to_dict() for w in self.words],
        }


def _hours(values: list[float]) -> dict[str, Any]:
    """Intervention → evidence submitted, in hours (2 decimals)."""
    if not values:
        return {"count": 0, "mean": None, "median": None, "max": None}
    return {"count": len(values), "mean": round(statistics.fmean(values), 2),
            "median": round(statistics.median(values), 2), "max": round(max(values), 2)}


def _key_of(by: str, lib: Any, zone: tzinfo, lang: str) -> Callable[[CaseFacts], tuple[str, str]]:
    none = pick(lang, "（未填）", "(none)")

    def plain(value: str) -> tuple[str, str]:
        return value, value or none

    def dispute_type(f: CaseFacts) -> tuple[str, str]:
        try:
            label = lib.rules.platform(f.case.platform).dispute_type(f.case.dispute_type).name(lang)
        except NotInRules:
            label = f.case.dispute_type
        return f.case.dispute_type, label

    def week(f: CaseFacts) -> tuple[str, str]:
        key = week_key(f.day, zone)
        return key, week_label(key)

    return {
        "type": dispute_type,
        "product": lambda f: plain(f.case.product.strip()),
        "carrier": lambda f: plain(f.carrier),
        "store": lambda f: plain(f.case.store_name.strip()),
        "staff": lambda f: plain(f.staff),
        "week": week,
        "month": lambda f: plain(month_key(f.day, zone)),
    }[by]


def group(facts: Iterable[CaseFacts], by: str, key_of: Callable[[CaseFacts], tuple[str, str]]
          ) -> list[Group]:
    """Groups by key: most disputes first; weeks and months in order, quiet ones as 0."""
    groups: dict[str, Group] = {}
    for f in facts:
        key, label = key_of(f)
        groups.setdefault(key, Group(key, label)).facts.append(f)
    if by in ("week", "month"):
        if not groups:
            return []
        keys = keys_between(min(groups), max(groups), by)
        return [groups.get(k) or Group(k, week_label(k) if by == "week" else k) for k in keys]
    return sorted(groups.values(), key=lambda g: (-len(g.facts), g.key == "", g.key))


def clock_rows(facts: list[CaseFacts], lib: Any, lang: str) -> list[dict[str, Any]]:
    """On-time rate per clock: met ÷ (met + late + still running past due)."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for f in facts:
        for c in f.clocks:
            row = rows.setdefault((f.case.platform, c.id), {
                "platform": f.case.platform, "clock": c.id, "name": c.name(lang),
                "met": 0, "late": 0, "overdue": 0, "cases": [], "case_ids": []})
            row[c.state if c.state in ("met", "late") else "overdue"] += 1
            row["cases"].append(f.case.case_no)
            row["case_ids"].append(f.case.id)
    out = []
    for (platform, _clock), row in sorted(rows.items()):
        try:
            row["platform_name"] = lib.rules.platform(platform).name(lang)
        except NotInRules:
            row["platform_name"] = platform
        row["on_time_rate"] = rate(row["met"], row["met"] + row["late"] + row["overdue"])
        out.append(row)
    return out


def kind_rows(facts: list[CaseFacts], lang: str) -> list[dict[str, Any]]:
    """Win rate of the judged submissions that held each evidence kind, and of those that
    did not (does an inspection report help?). Penalty appeals are not the dispute's."""
    judged = [(f.case.id, s) for f in facts for s in f.submissions
              if s["decision"] in JUDGED and s["as"] != "penalty-appeal"]
    out = []
    seen = sorted({k for _c, s in judged for k in s["kinds"]},
                  key=lambda k: (list(KINDS).index(k) if k in KINDS else 99, k))
    for kind in seen:
        row: dict[str, Any] = {"kind": kind, "name": KINDS.get(kind, (kind, kind))[0 if lang == "zh" else 1]}
        for side, subs in (("with", [(c, s) for c, s in judged if kind in s["kinds"]]),
                           ("without", [(c, s) for c, s in judged if kind not in s["kinds"]])):
            n = {d: sum(1 for _c, s in subs if s["decision"] == d) for d in JUDGED}
            row[side] = {"submissions": len(subs), **n, "win_rate": win_rate(n["won"], n["partly"], n["lost"]),
                         "case_ids": sorted({c for c, _s in subs})}  # the click-through
        row["case_ids"] = row["with"]["case_ids"]  # a row's cases: those whose submission held it
        out.append(row)
    return out


@dataclass
class Review:
    by: str
    period: Period
    zone: str
    groups: list[Group]
    total: Group
    clocks: list[dict[str, Any]]
    kinds: list[dict[str, Any]]
    words: list[WordCount] | None  # None: not counted (asked not to)
    # the frequent words of each decision's cases ("undecided" too): what lost cases' buyers say
    words_by_outcome: dict[str, list[WordCount]] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"by": self.by, "from": to_iso(self.period.start), "to": to_iso(self.period.end),
                "zone": self.zone, "groups": [g.to_dict() for g in self.groups],
                "total": self.total.to_dict(), "clocks": self.clocks, "kinds": self.kinds,
                "words": None if self.words is None else [w.to_dict() for w in self.words],
                "words_by_outcome": None if self.words_by_outcome is None else {
                    d: [w.to_dict() for w in ws] for d, ws in self.words_by_outcome.items()}}


def build_review(lib: Any, by: str, period: Period, now: datetime, zone: tzinfo, lang: str = "zh",
                 *, words: bool = True, top: int = 30, progress: ProgressFn = no_progress,
                 cancel: CancelLike | None = None) -> Review:
    """The review of the cases dated within ``period``, grouped ``by`` one of :data:`BY`."""
    progress(0.0, "读取案件…", "Reading cases…")
    facts = gather(lib, period, now)
    total = Group("", pick(lang, "合计", "Total"), facts)
    counted = per_case = None
    if words:
        stop = read_stopwords(stopwords_path(lib.root))
        names = {f.case.buyer_name.strip().lower() for f in facts if f.case.buyer_name.strip()}

        def messages() -> Iterable[tuple[int, list[str]]]:
            for i, f in enumerate(facts):
                check_cancel(cancel)
                progress(0.2 + 0.8 * i / len(facts), "统计买家消息…", "Counting buyer words…")
                yield f.case.id, buyer_messages(lib, f)
        per_case = words_by_case(messages(), stop, names)
        counted = rank_words(per_case, None, top)
    check_cancel(cancel)
    groups = group(facts, by, _key_of(by, lib, zone, lang))
    by_outcome = None
    if per_case is not None:
        for g in groups:
            g.words = rank_words(per_case, [f.case.id for f in g.facts], GROUP_TOP)
        by_outcome = {d: rank_words(per_case, ids, GROUP_TOP) for d in (*DECISION_ORDER, "undecided")
                      if (ids := [f.case.id for f in facts if (f.case.outcome or "undecided") == d])}
    return Review(by, period, getattr(zone, "key", str(zone)), groups, total,
                  clock_rows(facts, lib, lang), kind_rows(facts, lang), counted, by_outcome)
