"""What an export reads: a plain, immutable snapshot of one case.

The pipeline never talks to the store; :func:`source_from_library` builds the
snapshot from a :class:`Library`, tests build it by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Mapping

from .. import checklist as checklist_mod
from .. import deadlines as deadlines_mod
from ..domain import Case, ChecklistItem, Deadline, Exhibit, LogEntry, WorkOrderEntry
from ..errors import NotInRules


@dataclass(frozen=True)
class BundleSource:
    case: Case
    exhibits: tuple[Exhibit, ...]
    blob_path: Callable[[str], Path]  # sha256 -> original bytes (read-only)
    log: tuple[LogEntry, ...] = ()  # the action (edit) log: records copy only
    worklog: tuple[WorkOrderEntry, ...] = ()  # the merchant's work-order log (售后工单)
    checklist: tuple[ChecklistItem, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    dispute_type_name_zh: str = ""
    dispute_type_name_en: str = ""
    platform_name_zh: str = ""
    platform_name_en: str = ""
    store_name: str = ""
    store_names: tuple[str, ...] = ()  # merchant-side names in chat logs
    passwords: Mapping[str, str] = field(default_factory=dict)  # sha256 -> PDF password
    contents: Mapping[int, Any] = field(default_factory=dict)  # exhibit id -> ChatLog | Trace
    generator: str = ""
    zone: str = ""  # IANA zone times are shown in unless the export names one (the platform's)
    # The case's first submission (exhibits, statement, at_text) for an appeal's "changes since
    # the first submission" section; None when there is none or the bundle is not an appeal.
    first_submission: Mapping[str, Any] | None = None


PLATFORM_NAMES = {"douyin": ("抖店", "Douyin"), "tiktok": ("TikTok Shop", "TikTok Shop"),
                  "tiktok_shop": ("TikTok Shop", "TikTok Shop")}


def source_from_library(lib: Any, case_id: int, mode: str, now: datetime, *,
                        passwords: Mapping[str, str] | None = None) -> BundleSource:
    """Snapshot a case from the library (the store's public API only).

    ``passwords`` (sha256 -> password) opens encrypted PDF exhibits: the library
    keeps no passwords, so the caller asks the user for them.
    """
    case = lib.get_case(case_id)
    exhibits = tuple(lib.list_exhibits(case_id))
    rules = lib.rules
    name_zh = name_en = case.dispute_type
    zone = ""
    try:
        platform = rules.platform(case.platform)
        # merchants and the platform read the platform's time (a TikTok case: its store's market)
        zone = case.zone or platform.zone
        dt = platform.dispute_type(case.dispute_type)
        name_zh, name_en = dt.name_zh, dt.name_en
    except NotInRules:  # an unknown type still exports; the cover shows its code
        pass
    worklog = tuple(lib.worklog(case_id))
    try:
        items = tuple(checklist_mod.evaluate(case, list(exhibits), rules, mode, now=now))
    except NotInRules:
        items = ()
    try:
        clocks = tuple(deadlines_mod.compute(case, rules, now))
    except NotInRules:
        clocks = ()
    from ..kinds import view_of
    from ..store.exhibits import ingest_context
    store_names = ingest_context(lib).store_names
    # What attach read of chats and traces (read once more only for older exhibits).
    contents = {ex.id: lib.exhibit_content(ex) for ex in exhibits if view_of(ex).loader}
    pz, pe = PLATFORM_NAMES.get(case.platform, (case.platform, case.platform))
    return BundleSource(
        case=case, exhibits=exhibits, blob_path=lib.blob_path, log=tuple(lib.log(case_id)), worklog=worklog,
        checklist=items, deadlines=clocks, dispute_type_name_zh=name_zh,
        dispute_type_name_en=name_en, platform_name_zh=pz, platform_name_en=pe,
        store_name=case.store_name or lib.setting("store_name", "") or "",
        store_names=tuple(store_names), passwords=dict(passwords or {}), zone=zone,
        contents={k: v for k, v in contents.items() if v is not None},
        first_submission=_first_submission(lib, case, mode, zone))


def _first_submission(lib: Any, case: Case, mode: str, zone: str) -> dict | None:
    """The first submission's record, for an appeal bundle's comparison section."""
    if mode != "appeal" or not hasattr(lib, "submissions"):
        return None
    subs = lib.submissions(case.id)
    if not subs:
        return None
    from ..timeutil import format_local, from_iso, get_zone
    first = dict(subs[0])
    first["at_text"] = format_local(from_iso(first["at"]), get_zone(zone or None))
    return first
