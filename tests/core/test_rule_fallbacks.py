"""A case whose type the rule files no longer know is still shown and exported; any other
failure in checklist work surfaces instead of silently emptying the checklist."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest

from evidencekit import checklist
from evidencekit.errors import NotInRules, UnknownDisputeType, UnknownPlatform
from evidencekit.export import source_from_library
from evidencekit.summary import case_detail, cases_by_urgency

DATA = Path(__file__).resolve().parents[1] / "data"
NOW = datetime(2024, 9, 18, 2, 0, tzinfo=timezone.utc)


def _case(library, **kw):
    fields = dict(platform="douyin", dispute_type="quality_issue", order_no="6921", stage="intervention",
                  intervention_at=NOW)
    return library.create_case(**(fields | kw))


def test_unknown_names_are_the_not_in_rules_errors(library):
    with pytest.raises(UnknownPlatform) as e:
        library.rules.platform("taobao")
    assert isinstance(e.value, NotInRules) and e.value.code == "unknown_platform"
    assert "douyin" in e.value.hint("en")
    with pytest.raises(UnknownDisputeType) as e2:
        library.rules.platform("douyin").dispute_type("no_such_type")
    assert e2.value.message("zh") == "平台 抖店 没有纠纷类型 “no_such_type”"


def test_a_case_of_an_unknown_type_is_listed_and_exported_without_a_checklist(library):
    case = _case(library)
    douyin = library.rules.platforms["douyin"]  # the rule file drops the type the case has
    library.rules.platforms["douyin"] = replace(
        douyin, dispute_types=[t for t in douyin.dispute_types if t.id != "quality_issue"])
    (row,) = cases_by_urgency(library, NOW)
    assert row["case"].dispute_type == "quality_issue" and row["checklist"] == (0, 0)
    source = source_from_library(library, case.id, "arbitration", NOW)
    assert source.checklist == () and source.dispute_type_name_en == "quality_issue"


def test_a_bug_in_checklist_work_is_not_swallowed(library, monkeypatch):
    case = _case(library)

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")
    monkeypatch.setattr(checklist, "evaluate", broken)
    # The list's checklist progress is kept when a case changes: the change fails, whole.
    with pytest.raises(ZeroDivisionError):
        library.update_case(case.id, notes="changed")
    assert library.get_case(case.id).notes == ""
    with pytest.raises(ZeroDivisionError):  # and a list whose kept summaries are out of date
        library.rules.platforms["douyin"] = replace(library.rules.platforms["douyin"], stall_hours=1)
        cases_by_urgency(library, NOW)
    with pytest.raises(ZeroDivisionError):
        case_detail(library, "1", NOW, "arbitration")


def test_the_export_judges_exhibits_at_its_own_now(library):
    """photo_exif.jpg was taken 2024-09-14 16:20 +08:00: implausible (in the future) for an
    export dated two days before, fine for one dated after. The wall clock plays no part."""
    case = _case(library, dispute_type="not_as_described")
    library.attach(case.id, DATA / "photo_exif.jpg", kind="photo")
    before = datetime(2024, 9, 12, tzinfo=timezone.utc)
    photo = [i for i in source_from_library(library, case.id, "arbitration", before).checklist
             if i.kind == "photo"]
    assert photo and photo[0].status == "warning" and "implausible" in photo[0].reason_en
    photo = [i for i in source_from_library(library, case.id, "arbitration", NOW).checklist
             if i.kind == "photo"]
    assert photo and photo[0].status == "ok"
