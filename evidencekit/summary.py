"""Whole-case views shared by the CLI and the app: what `case show` and `case list` report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from . import checklist, deadlines, queue
from .case_summary import SEARCH_FIELDS, CaseFilter, CaseSummary, search_text  # noqa: F401 (SEARCH_FIELDS: kept here too)
from .domain import Case, ChecklistItem, Deadline
from .errors import NotFoundError, NotInRules
from .store import Library


@dataclass
class CaseRow:
    """One case as a list shows it: its facts, running clocks, checklist progress (met,
    required) and number of exhibits. The CLI's ``case list`` and the app's case list both
    read these, from :func:`case_rows`."""
    case: Case
    checklist: tuple[int, int]
    exhibit_count: int
    deadlines: list[Deadline] = field(default_factory=list)
    search_text: str = ""  # the searchable fields, lower case, for filtering as one types
    # Required checklist items not met ("还差：物流轨迹", queue.missing_text) and the queue view.
    missing: list[ChecklistItem] = field(default_factory=list)
    bucket: str = ""
    events: dict = field(default_factory=dict)  # submission times that stop clocks
    place: tuple[int, int] | None = None  # its place in the list (CaseSummary.place)

    def __post_init__(self) -> None:
        self._urgent = deadlines.most_urgent(self.deadlines)
        if not self.search_text:
            self.search_text = search_text(self.case)

    @property
    def urgent(self) -> Deadline | None:
        """The clock with the least time left (kept from the last refresh)."""
        return self._urgent

    def refresh_clocks(self, rules, now: datetime) -> None:
        """Recompute the running clocks and the queue view (no library access: a minute's
        tick)."""
        try:
            self.deadlines = deadlines.compute(self.case, rules, now, self.events) \
                if self.case.platform in rules.platforms else []
        except NotInRules:  # a platform the rule files no longer have: no clocks to show
            self.deadlines = []
        self._urgent = deadlines.most_urgent(self.deadlines)
        self.bucket = queue.bucket(self.case, self.deadlines)


def _row(lib: Library, case: Case, kept: CaseSummary, now: datetime, events: dict | None) -> CaseRow:
    row = CaseRow(case, (kept.checklist_met, kept.checklist_required), kept.exhibit_count,
                  missing=kept.missing_items(), events=events or {}, place=kept.place)
    if kept.next_due is None:
        # No clock runs (which clocks run does not depend on ``now``): nothing to compute.
        row.bucket = queue.bucket(case, [])
    else:
        row.refresh_clocks(lib.rules, now)
    return row


def sort_rows(rows: list[CaseRow]) -> list[CaseRow]:
    rows.sort(key=lambda r: urgency_key(r.case, r.deadlines))
    return rows


def case_rows(lib: Library, now: datetime, *, trash: bool = False) -> list[CaseRow]:
    """Every live case (or every trashed one), most urgent first: what ``case list`` prints.
    Two reads: the cases with the summaries the library keeps when a case changes
    (checklist progress and what is missing, exhibit count), and the submissions' times; only
    the clocks are computed, at ``now``."""
    return case_page(lib, now, CaseFilter(), limit=None, trash=trash, check=True)


def case_page(lib: Library, now: datetime, where: CaseFilter, *, offset: int = 0,
              after: CaseRow | None = None, limit: int | None = 100, trash: bool = False,
              check: bool = False) -> list[CaseRow]:
    """One page of the list ``where`` shows at ``now``, most urgent first, ordered and
    filtered by the database (the app's list fetches the next page as it scrolls). Clocks are
    computed for the rows of the page only. ``after``: the last row shown (with ``offset``,
    how many rows were shown): the next page is sought from its place in the list. ``check``:
    first make out-of-date summaries current (a pass over every case; see
    ``Library.case_list_rows``)."""
    pairs = lib.case_list_rows(trash=trash, limit=limit, offset=offset, where=where, now=now,
                               after=after.place if after is not None else None, check=check)
    timed = [c.id for c, kept in pairs if kept.next_due is not None]
    # submissions' times (they stop clocks) of the rows with a clock; of all when most are
    events = {} if not timed else lib.submission_events(case_ids=timed) if len(timed) <= 500 \
        else lib.submission_events()
    return [_row(lib, c, kept, now, events.get(c.id)) for c, kept in pairs]


def alert_rows(lib: Library, now: datetime) -> list[CaseRow]:
    """Rows of the cases whose next clock is due soon or critical at ``now`` (or becomes so
    within the hour, or went overdue within it): what a deadline notification looks at."""
    ahead = max((max(p.due_soon_hours, p.critical_hours) for p in lib.rules.platforms.values()),
                default=0) + 1
    ids = lib.cases_due_within(ahead, now, since_hours=1)
    return case_page(lib, now, CaseFilter(case_ids=frozenset(ids)), limit=None) if ids else []


def case_row(lib: Library, case_id: int, now: datetime) -> CaseRow | None:
    """One case's row again (after an edit); None if it is gone or in the trash."""
    try:
        case = lib.get_case(case_id)
    except NotFoundError:  # deleted for good
        return None
    if case.deleted_at is not None:
        return None
    return _row(lib, case, lib.summarize_case(case), now,
                lib.submission_events(case_id).get(case_id))


def urgency_key(case: Case, dls: list) -> tuple:
    """Sort key: cases with the least time left first; cases without clocks after, newest first."""
    live = [d.remaining_seconds for d in dls if d.running]
    if live:
        return (0, min(live), 0)
    ts = case.updated_at.timestamp() if case.updated_at else 0
    return (1, 0, -ts)


def cases_by_urgency(lib: Library, now: datetime, *, trash: bool = False) -> list[dict]:
    """:func:`case_rows` as dicts (what ``case list`` prints and writes as JSON)."""
    return [{"case": r.case, "deadlines": r.deadlines, "checklist": r.checklist,
             "exhibit_count": r.exhibit_count, "missing": r.missing, "bucket": r.bucket}
            for r in case_rows(lib, now, trash=trash)]


def case_list_json(rows: list[dict]) -> list[dict]:
    out = []
    for r in rows:
        c: Case = r["case"]
        urgent = deadlines.most_urgent(r["deadlines"])
        out.append({
            "id": c.id, "case_no": c.case_no, "platform": c.platform,
            "dispute_type": c.dispute_type, "order_no": c.order_no, "stage": c.stage,
            "buyer_name": c.buyer_name, "exhibit_count": r["exhibit_count"],
            "checklist": {"met": r["checklist"][0], "required": r["checklist"][1]},
            "queue": r.get("bucket", ""),
            "missing": [i.kind for i in r.get("missing", [])],
            "outcome": c.outcome,
            "deadline": urgent.to_dict() if urgent else None,
            "deadlines": [d.to_dict() for d in r["deadlines"]],
            "updated_at": c.to_dict()["updated_at"],
            "assignee": c.assignee,
        })
    return out


def case_detail(lib: Library, case_ref, now: datetime, mode: str = "arbitration") -> dict:
    """Everything about a case as JSON-ready data (facts, exhibits, clocks, checklist, exports,
    submissions, decisions, log)."""
    case = lib.get_case(case_ref)
    exhibits = lib.list_exhibits(case.id)
    facts = case.to_dict()
    ex_out = []
    for e in exhibits:
        d = e.to_dict()
        d["warnings"] = [f.to_dict() for f in checklist.exhibit_findings(case, e, lib.rules, now)]
        d["number"] = f"E{e.position}"
        ex_out.append(d)
    worklog = lib.worklog(case.id)
    items = checklist.evaluate(case, exhibits, lib.rules, mode, now=now, worklog=worklog)
    clocks = lib.clocks(case, now)
    platform = lib.rules.platform(case.platform)
    return facts | {
        "case": facts,
        "exhibits": ex_out,
        "deadlines": [d.to_dict() for d in clocks],
        "queue": queue.bucket(case, clocks),
        "checklist": {"mode": mode, "complete": checklist.is_complete(items),
                      "items": [i.to_dict() for i in items]},
        "appeals_used": case.appeals_total,
        "appeals_outside": case.appeals_used,
        "appeals_max": platform.max_appeals,
        "appeals_left": deadlines.appeals_left(case, lib.rules),
        "exports": lib.exports(case.id),
        "submissions": lib.submissions(case.id),
        "decisions": lib.decisions(case.id),
        "log": [entry.to_dict() for entry in lib.log(case.id)],
        "worklog": [entry.to_dict() for entry in worklog],
    }


def deadlines_across(lib: Library, now: datetime, within_hours: float | None = None
                     ) -> list[tuple[Case, Deadline]]:
    """Running deadlines of every case (not trashed), soonest first; ``within_hours`` keeps those
    due within that many hours (overdue included)."""
    rows = [{"case": r.case, "deadlines": r.deadlines} for r in case_rows(lib, now)]
    hours = float("inf") if within_hours is None else within_hours
    return queue.due_within(rows, now, hours)
