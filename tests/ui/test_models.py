"""Item models checked with qtmodeltester (structure, roles, signals) without a window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt

from evidencekit import checklist
from evidencekit.domain import AppealPoint
from ui.models.case_list_model import COL_CHECKLIST, COL_DEADLINE, COL_ORDER, CaseListModel, StateRole
from ui.models.checklist_model import ChecklistModel
from ui.models.exhibit_model import COL_CAPTION, COL_KIND, ExhibitListModel, StatusRole
from ui.models.points_model import COL_EXHIBITS, AppealPointsModel, parse_exhibit_refs

from .conftest import DATA, make_case


def _cases(lib, clock):
    a = make_case(lib, clock, order_no="A-1")
    b = make_case(lib, clock, order_no="B-2", dispute_type="quality_issue", stage="request",
                  intervention_at=None)
    c = make_case(lib, clock, order_no="C-3", stage="closed", platform="tiktok_shop",
                  dispute_type="delivered_correct_address", zone="America/New_York")
    lib.attach(a.id, DATA / "chat_gbk.txt")
    return a, b, c


def test_case_list_model(qtmodeltester, ctx, library, clock):
    a, b, c = _cases(library, clock)
    model = CaseListModel(ctx)
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    # Most urgent first: B's reply clock (24 h) before A's evidence clock (48 h); C has none.
    assert [model.case_at(r).order_no for r in range(3)] == ["B-2", "A-1", "C-3"]
    row = model.row_of(a.id)
    assert model.index(row, COL_CHECKLIST).data() == "1/2"
    assert model.index(row, COL_DEADLINE).data(StateRole) == "ok"
    assert model.index(row, COL_DEADLINE).data(Qt.BackgroundRole) is not None
    assert "48" not in model.tooltip(row, COL_DEADLINE) and ":" in model.tooltip(row, COL_DEADLINE)
    assert model.tooltip(row, COL_ORDER) == "" and model.tooltip(model.row_of(c.id), COL_DEADLINE) == ""
    clock.advance(hours=47)
    model.tick()
    qtmodeltester.check(model)
    assert model.index(model.row_of(a.id), COL_DEADLINE).data(StateRole) == "critical"
    library.update_case(b.id, buyer_name="王五")
    model.refresh_case(b.id)
    qtmodeltester.check(model)


def test_case_list_model_filters(qtmodeltester, ctx, library, clock):
    a, b, c = _cases(library, clock)
    model = CaseListModel(ctx)
    model.reload()
    qtmodeltester.check(model)
    model.set_filter(stage="intervention")
    assert model.rowCount() == 1
    model.set_filter(stage="", platform="tiktok_shop")
    assert model.rowCount() == 1
    model.set_filter(platform="", text="b-2")
    assert model.rowCount() == 1
    model.set_filter(text="13812341234")  # buyer phone
    assert model.rowCount() == 3
    model.set_filter(text="", dispute_type="quality_issue")
    assert model.rowCount() == 1 and model.shown_count() == 1
    qtmodeltester.check(model)


def test_exhibit_model(qtmodeltester, ctx, library, clock):
    case = make_case(library, clock)
    library.attach(case.id, DATA / "chat_gbk.txt")
    library.attach(case.id, DATA / "trace_kuaidi100.json")
    model = ExhibitListModel(ctx)
    exhibits = library.list_exhibits(case.id)
    model.set_exhibits(exhibits, {})
    model.add_import(Path("/tmp/x.jpg"))
    model.add_import(Path("/tmp/y.pdf"))
    model.finish_import(Path("/tmp/y.pdf"), ("坏文件", "换一个"))
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert model.index(3, 0).data(StatusRole) == "failed"
    assert model.flags(model.index(0, COL_KIND)) & Qt.ItemIsEditable
    assert not model.flags(model.index(3, COL_KIND)) & Qt.ItemIsEditable
    edits = []
    model.on_edit = lambda *a: edits.append(a)
    assert model.setData(model.index(0, COL_CAPTION), "完整聊天记录")
    assert edits == [(exhibits[0].id, "caption", "完整聊天记录")]
    moves = []
    model.on_move = lambda *a: moves.append(a)
    data = model.mimeData([model.index(0, 0)])
    model.dropMimeData(data, Qt.MoveAction, 2, 0, QModelIndex())
    assert moves == [([exhibits[1].id, exhibits[0].id],)]
    assert model.reordered([exhibits[1].id], 0) == [exhibits[1].id, exhibits[0].id]
    # An appended exhibit is inserted, not a reset.
    library.attach(case.id, DATA / "chat_utf8bom.csv")
    model.set_exhibits(library.list_exhibits(case.id), {})
    qtmodeltester.check(model)
    model.clear_failed()
    assert model.rowCount() == 4


def test_checklist_model(qtmodeltester, ctx, library, clock):
    case = make_case(library, clock)
    items = checklist.evaluate(case, [], library.rules, "appeal", now=clock())
    model = ChecklistModel()
    model.set_items(items)
    qtmodeltester.check(model)
    assert model.rowCount() == len(items)
    assert model.index(0).data().startswith("✗")
    library.attach(case.id, DATA / "trace_kuaidi100.json")
    items = checklist.evaluate(case, library.list_exhibits(case.id), library.rules, "appeal", now=clock())
    model.set_items(items)
    assert model.index(0).data().startswith(("✓", "!"))
    qtmodeltester.check(model)


def test_appeal_points_model(qtmodeltester):
    model = AppealPointsModel()
    model.set_points([AppealPoint("判定认为未签收", "轨迹显示已签收", [11])], {11: 2, 12: 5})
    qtmodeltester.check(model)
    assert model.index(0, COL_EXHIBITS).data() == "E2"
    model.setData(model.index(0, COL_EXHIBITS), "E2, E5")
    assert model.points()[0].exhibit_ids == [11, 12]
    model.add_point()
    model.remove_point(0)
    qtmodeltester.check(model)
    assert parse_exhibit_refs("E1 e9", {1: 7}) == [7]
