"""The library remembers the files of an import not yet finished (issue 12, item 3)."""

from __future__ import annotations

from pathlib import Path

from evidencekit.store import Library
from evidencekit.store.imports import forget_import, import_file_done, remember_import, unfinished_imports

DATA = Path(__file__).resolve().parents[1] / "data"


def test_unfinished_files_survive_a_reopen(library, clock):
    case = library.create_case(platform="douyin", dispute_type="quality_issue", order_no="1")
    files = [DATA / "chat_gbk.txt", DATA / "photo_exif.jpg", DATA / "trace_kuaidi100.json"]
    rid = remember_import(library, case.id, files, kind=None)
    import_file_done(library, rid, files[0])
    with Library.open(library.root, clock=clock) as again:  # the next start
        left = unfinished_imports(again)
    assert [e["files"] for e in left] == [[str(files[1]), str(files[2])]]
    assert left[0]["case_id"] == case.id and left[0]["id"] == rid
    for f in files[1:]:
        import_file_done(library, rid, f)
    assert unfinished_imports(library) == []  # the last file takes the entry with it


def test_forgotten_or_trashed_imports_are_not_offered(library):
    case = library.create_case(platform="douyin", dispute_type="quality_issue", order_no="1")
    other = library.create_case(platform="douyin", dispute_type="quality_issue", order_no="2")
    rid = remember_import(library, case.id, [DATA / "chat_gbk.txt"])
    remember_import(library, other.id, [DATA / "chat_gbk.txt"])
    library.delete_case(other.id)
    assert [e["id"] for e in unfinished_imports(library)] == [rid]
    forget_import(library, rid)
    assert unfinished_imports(library) == []
