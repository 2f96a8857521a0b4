"""File ▸ Export case… / Import case… / Back up library… / Restore library…: the work runs on
the runner, the dialog shows progress and then the answer; a tampered file is refused with the
member named, a restore into a folder that is not empty in plain words."""

from __future__ import annotations

from .conftest import DATA


def _case(library):
    case = library.create_case(platform="douyin", dispute_type="refund_dispute", order_no="88")
    library.attach(case.id, DATA / "photo_exif.jpg")
    return case


def _wait(qtbot, dlg):
    qtbot.waitUntil(lambda: dlg.close_button.isEnabled(), timeout=30000)


def test_export_import_and_back_up_from_the_file_menu(window, library, qtbot, tmp_path):
    case = _case(library)
    window.case_list.reload()
    window.case_list.select_case(case.id)
    names = {a.objectName() for a in window.menuBar().actions()[0].menu().actions()}
    assert {"exportCase", "importCase", "backup"} <= names
    path = tmp_path / "out.evcase"
    dlg = window.export_case(path)
    _wait(qtbot, dlg)
    assert dlg.error is None and path.is_file() and dlg.result.originals == 1
    assert dlg.progress.value() == 1000 and case.case_no in dlg.step.text()
    # imported into the same library: a new number, the old one kept; the case opens
    dlg = window.import_case(path)
    _wait(qtbot, dlg)
    assert dlg.error is None, dlg.step.text()
    new = library.get_case(dlg.result.case_id)
    assert new.case_no != case.case_no and new.imported_from == case.case_no
    qtbot.waitUntil(lambda: window.case_view.case is not None
                    and window.case_view.case.id == new.id)
    qtbot.waitUntil(lambda: case.case_no in window.case_view.header.text())  # the reference
    # one changed byte: refused, the member named in the dialog, nothing added
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 3] ^= 1
    bad = tmp_path / "bad.evcase"
    bad.write_bytes(bytes(raw))
    count = len(library.list_cases())
    dlg = window.import_case(bad)
    _wait(qtbot, dlg)
    assert dlg.error is not None and dlg.error.code.startswith("case_file")
    assert "originals/" in dlg.step.text() and len(library.list_cases()) == count
    # back up: the counts in plain words
    dlg = window.back_up(tmp_path / "backup")
    _wait(qtbot, dlg)
    assert dlg.error is None and dlg.result.blobs_copied == 1
    dlg.close()
    # restore: a folder that is not empty is refused in plain words, nothing written there …
    assert "restore" in {a.objectName() for a in window.menuBar().actions()[0].menu().actions()}
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine", encoding="utf-8")
    dlg = window.restore_library(tmp_path / "backup", busy)
    _wait(qtbot, dlg)
    assert dlg.error is not None and dlg.error.code == "restore_target_not_empty"
    assert str(busy) in dlg.step.text() and "--library" not in dlg.step.text()
    assert sorted(p.name for p in busy.iterdir()) == ["notes.txt"]
    dlg.close()
    # … an empty one gets the library, on the runner with its progress
    target = tmp_path / "restored"
    target.mkdir()
    dlg = window.restore_library(tmp_path / "backup", target)
    _wait(qtbot, dlg)
    assert dlg.error is None, dlg.step.text()
    assert dlg.result.blobs == 1 and dlg.progress.value() == 1000 and str(target) in dlg.step.text()
    from evidencekit.store import Library
    restored = Library.open(target, create=False)
    assert [c.case_no for c in restored.list_cases()] == [c.case_no for c in library.list_cases()]
    restored.close()
    dlg.close()
