"""What the case list shows of a case, computed once when the case changes and stored.

The list at 10,000 cases (100,000 in a team library) cannot evaluate every case's clocks and
checklist when it opens. What the list needs does not depend on the moment it is shown: the
soonest running clock's due instant (its state — ok, due soon, overdue — is read from the due
instant and ``now`` at display time) and the required checklist items met. The store keeps
them beside each case (``store/summaries.py``) and computes them here, with the same engines
``case show`` uses (``deadlines``, ``checklist``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone

from . import checklist, deadlines, queue
from .domain import Case, ChecklistItem, Exhibit
from .errors import NotInRules
from .rules import RuleSet


@dataclass(frozen=True)
class CaseSummary:
    next_due: datetime | None  # the soonest running clock's due instant; None: no clock runs
    next_due_clock: str  # that clock's id ("" when none)
    checklist_met: int  # required checklist items met (arbitration), as in "4/6"
    checklist_required: int
    exhibit_count: int
    missing: tuple[str, ...] = ()  # kinds of the required checklist items not met ("还差：…")
    # Where the case sits in the list as the database read it (its list_order, its id): the
    # next page is sought after the last row's place. Not part of what the list shows.
    place: tuple[int, int] | None = field(default=None, compare=False)

    def missing_items(self) -> list[ChecklistItem]:
        """The missing items as checklist items (what ``queue.missing_text`` shows)."""
        return [ChecklistItem(kind, True, "missing", [], "", "") for kind in self.missing]

    def deadline_state(self, rules: RuleSet, platform: str, now: datetime) -> str | None:
        """ok | due_soon | critical | overdue for the next due instant at ``now``."""
        if self.next_due is None or platform not in rules.platforms:
            return None
        remaining = (self.next_due - now).total_seconds()
        return deadlines.state_for(remaining, rules.platform(platform))


# Case fields a list's search box looks in (lower case, joined: ``search_text``).
SEARCH_FIELDS = ("case_no", "order_no", "after_sale_no", "buyer_name", "buyer_phone", "product",
                 "judgment_ref")

# ``list_order``: cases with a running clock by its due instant (microseconds since 1970, below
# NO_CLOCK), then the cases without one, the latest changed first (NO_CLOCK + how long before
# 2^57 µs they changed). One integer, so that the list's order is one index in the database.
NO_CLOCK = 2 ** 57
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _micros(at: datetime) -> int:
    delta = at - _EPOCH
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


def list_order(next_due: datetime | None, updated_at: datetime | None) -> int:
    """The case's place in the list (smaller first): see NO_CLOCK."""
    if next_due is not None:
        return _micros(next_due)
    return NO_CLOCK + (NO_CLOCK - _micros(updated_at) if updated_at is not None else NO_CLOCK)


def search_text(case: Case) -> str:
    """The searchable fields of ``case``, lower case, in one string (the search box's substring
    test runs on it, in the database and in memory alike)."""
    return " ".join(str(getattr(case, f, "") or "") for f in SEARCH_FIELDS).lower()


@dataclass(frozen=True)
class CaseFilter:
    """What the case list shows: every live case, narrowed by these (``""``: any).
    ``bucket`` is a work-queue view (``queue.BUCKETS``), which depends on the moment;
    ``text`` a substring of ``search_text``; ``case_ids`` only those cases (``None``: all)."""
    stage: str = ""
    dispute_type: str = ""
    platform: str = ""
    bucket: str = ""
    text: str = ""
    case_ids: frozenset[int] | None = None
    assignee: str | None = None  # only this staff member's cases (My cases); None: everyone's

    @property
    def query(self) -> str:
        return self.text.strip().lower()


def summarize(case: Case, exhibits: list[Exhibit], rules: RuleSet, now: datetime,
              events: deadlines.Events | None = None, worklog_entries: int = 0) -> CaseSummary:
    """The list's view of ``case`` (``events``: its submissions' times, which stop clocks;
    ``worklog_entries``: how many work-order log entries it has, which meet that checklist
    item). ``now`` only satisfies the engines: nothing kept depends on it."""
    try:
        dls = deadlines.compute(case, rules, now, events)
        items = checklist.evaluate(case, exhibits, rules, "arbitration", now=now,
                                   worklog=range(worklog_entries))
    except NotInRules:  # a rule file that no longer knows the platform or type
        dls, items = [], []
    soonest = min(dls, key=lambda d: d.due) if dls else None
    met, required = checklist.progress(items)
    return CaseSummary(next_due=soonest.due if soonest else None,
                       next_due_clock=soonest.id if soonest else "",
                       checklist_met=met, checklist_required=required,
                       exhibit_count=len(exhibits),
                       missing=tuple(i.kind for i in queue.missing(items)))


def rules_key(rules: RuleSet) -> str:
    """A fingerprint of the rules a summary was computed with: edited rules make it stale.
    Every write of a summary asks, so the fingerprint is kept on the rule set while its
    platforms are the same objects (a platform replaced in the set is fingerprinted again)."""
    ident = tuple((pid, id(p)) for pid, p in rules.platforms.items())
    cached = rules.__dict__.get("_summary_rules_key")
    if cached is not None and cached[0] == ident:
        return cached[1]
    # not where the rule files lie (an app installed elsewhere, another desktop of a team
    # library: the same rules must not make every summary stale)
    text = repr(sorted((pid, replace(p, source="")) for pid, p in rules.platforms.items()))
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    rules.__dict__["_summary_rules_key"] = (ident, key)
    return key
