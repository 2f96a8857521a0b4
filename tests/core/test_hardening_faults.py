"""Faults around the library (issue 15): read-only folders, full disks, killed exports.
Messages name the cause and the path; "damaged" only when SQLite's check finds damage.

Read-only and full disks are simulated at the system-call boundary (``tests/core/fsfaults.py``:
``os.access`` says no, opening for writing, creating, renaming and deleting raise EROFS or
ENOSPC with the path), with the CLI run in this process, so they run wherever the suite runs
(no mounts, and root, for whom chmod stops nothing)."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from evidencekit.errors import StoreError
from tests.conftest import DATA
from tests.core.fsfaults import refuse_writes
from tests.core.test_cli import CHAT, REPO

TIMEOUT = 120


def ek(lib, *args, env=None):
    r = subprocess.run([sys.executable, "-m", "evidencekit", "--library", str(lib), "--lang", "en",
                        *map(str, args)], cwd=REPO, capture_output=True, text=True,
                       timeout=TIMEOUT, env={**os.environ, **(env or {})})
    assert "Traceback" not in r.stderr, r.stderr
    return r


def cli(capsys, lib, *args) -> tuple[int, str, str]:
    """The CLI in this process (so that faults patched into it apply): exit code, out, err."""
    from evidencekit.cli.main import main
    capsys.readouterr()
    code = main(["--library", str(lib), "--lang", "en", *map(str, args)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err, err
    return code, out, err


def _library_with_case(lib: Path, tmp_path: Path, capsys) -> None:
    assert cli(capsys, lib, "init")[0] == 0
    assert cli(capsys, lib, "case", "new", "--type", "quality_issue", "--order", "111")[0] == 0
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    assert cli(capsys, lib, "attach", "1", chat)[0] == 0


def test_read_only_library_reads_work_and_writes_name_the_cause(tmp_path, monkeypatch, capsys):
    lib = tmp_path / "lib"
    _library_with_case(lib, tmp_path, capsys)
    before = {p: p.stat().st_mtime_ns for p in lib.rglob("*") if p.is_file()}
    refuse_writes(monkeypatch, lib, errno.EROFS)  # as a read-only mount would
    code, out, err = cli(capsys, lib, "case", "list", "--json")
    assert code == 0, err
    assert [c["order_no"] for c in json.loads(out)] == ["111"]
    assert cli(capsys, lib, "case", "show", "1")[0] == 0
    assert cli(capsys, lib, "check", "1")[0] == 1  # answers "not complete"
    code, out, err = cli(capsys, lib, "export", "1", "-o", tmp_path / "b.pdf", "--now",
                         "2024-09-20T10:00+08:00", "--allow-incomplete")
    assert code == 0 and (tmp_path / "b.pdf").is_file(), err
    assert "read-only" in err
    code, out, err = cli(capsys, lib, "case", "set", "1", "--notes", "x")
    assert code == 2 and "read-only" in err and str(lib) in err
    assert "damaged" not in err and "backup" not in err
    code, out, err = cli(capsys, lib, "attach", "1", DATA / "chat_gbk.txt")
    assert code == 2 and "read-only" in err, err
    monkeypatch.undo()
    assert {p: p.stat().st_mtime_ns for p in before} == before  # nothing in it was touched


def test_library_on_a_full_disk_names_the_disk_and_path(tmp_path, monkeypatch, capsys):
    lib = tmp_path / "lib"
    _library_with_case(lib, tmp_path, capsys)
    refuse_writes(monkeypatch, lib, errno.ENOSPC)  # every file the library writes itself
    big = tmp_path / "photo.jpg"
    big.write_bytes((DATA / "photo_exif.jpg").read_bytes() + os.urandom(600_000))
    code, out, err = cli(capsys, lib, "attach", "1", big)
    assert code == 2 and "disk is full" in err and str(lib) in err, err
    assert "is damaged" not in err and "backup" not in err
    assert cli(capsys, lib, "case", "list")[0] == 0  # reading still works on a full disk
    monkeypatch.undo()
    code, out, err = cli(capsys, lib, "case", "show", "1", "--json")  # nothing half-written
    assert code == 0 and len(json.loads(out)["exhibits"]) == 1
    assert list((lib / "blobs" / "tmp").iterdir()) == []


def test_full_temp_folder_is_not_blamed_on_the_library(tmp_path, monkeypatch, capsys):
    import tempfile
    lib = tmp_path / "lib"
    _library_with_case(lib, tmp_path, capsys)
    photo = tmp_path / "p.jpg"
    photo.write_bytes((DATA / "photo_exif.jpg").read_bytes())
    assert cli(capsys, lib, "attach", "1", photo)[0] == 0
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    refuse_writes(monkeypatch, temp, errno.ENOSPC, dirs=False)  # room for a folder entry only
    code, out, err = cli(capsys, lib, "export", "1", "-o", tmp_path / "b.pdf", "--now",
                         "2024-09-20T10:00+08:00", "--allow-incomplete")
    assert code == 2, err
    assert "temporary folder" in err and "fsck" not in err
    assert not (tmp_path / "b.pdf").exists()
    monkeypatch.undo()
    assert list(temp.iterdir()) == []  # the work folder was removed


def test_disk_full_during_attach_simulated_names_the_path(library, tmp_path, monkeypatch):
    import evidencekit.store.blobs as blobs
    case = library.create_case(platform="douyin", dispute_type="quality_issue", order_no="1")
    real_open = open

    class Full:
        def __init__(self, f):
            self.f = f

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.f, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

    def fake_open(path, mode="r", *a, **kw):
        f = real_open(path, mode, *a, **kw)
        return Full(f) if "w" in mode else f

    monkeypatch.setattr(blobs, "open", fake_open, raising=False)
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    with pytest.raises(StoreError) as info:
        library.attach(case.id, chat)
    assert info.value.code == "store_disk_full"
    assert str(library.root / "blobs" / "tmp") in info.value.message("en")
    assert list((library.root / "blobs" / "tmp").iterdir()) == []
    assert library.list_exhibits(case.id) == []


def test_damage_is_reported_only_when_the_integrity_check_finds_it(tmp_path, capsys):
    lib = tmp_path / "lib"
    _library_with_case(lib, tmp_path, capsys)
    db = lib / "evidencekit.db"
    with open(db, "r+b") as f:  # scribble over the schema page
        f.seek(100)
        f.write(os.urandom(3000))
    r = ek(lib, "case", "list")
    assert r.returncode == 2 and "damaged" in r.stderr, r.stderr


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_next_export_cleans_what_killed_exports_left(tmp_path, capsys):
    lib = tmp_path / "lib"
    _library_with_case(lib, tmp_path, capsys)
    temp = tmp_path / "temp"
    temp.mkdir()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    dead = _dead_pid()
    stale_work = temp / f"evidencekit-export-{dead}-abc123"
    (stale_work / "attempt-1").mkdir(parents=True)
    (stale_work / "attempt-1" / "body-1.pdf").write_bytes(b"%PDF-" + b"x" * 10_000)
    live_work = temp / f"evidencekit-export-{os.getpid()}-def456"
    live_work.mkdir()
    stale_partial = out_dir / f".bundle.pdf.{dead}.partial"
    stale_partial.write_bytes(b"%PDF-half")
    other = out_dir / ".notes.txt.partial"
    other.write_text("not ours")
    r = ek(lib, "export", "1", "-o", out_dir / "bundle.pdf", "--allow-incomplete", "--now", "2024-09-20T10:00+08:00",
           env={"TMPDIR": str(temp)})
    assert r.returncode == 0, r.stderr
    assert not stale_work.exists() and not stale_partial.exists()
    assert live_work.exists() and other.exists()
    assert sorted(p.name for p in out_dir.iterdir()) == [".notes.txt.partial", "bundle.pdf"]
    assert [p.name for p in temp.iterdir()] == [live_work.name]


def test_a_read_only_library_shows_out_of_date_summaries_computed_live(tmp_path, clock, monkeypatch):
    """What the app does for a library it cannot write (a read-only folder; a reviewer): the
    background check's finding is noted, and the list then shows those cases' summaries
    computed live instead of the kept ones, filtering on the case rows."""
    from sqlalchemy import update

    from evidencekit.store import Library
    from evidencekit.store.schema import case_summaries
    from evidencekit.timeutil import parse_instant
    root = tmp_path / "lib"
    with Library.open(root, clock=clock) as lib:
        case = lib.create_case(platform="douyin", dispute_type="quality_issue", order_no="4938123",
                               request_at=parse_instant("2024-09-17T10:00+08:00"))
        with lib.db.write() as conn:  # made with other rules, kept with a wrong count
            conn.execute(update(case_summaries).values(rules_key="older rules", checklist_required=9))
    refuse_writes(monkeypatch, root, errno.EROFS)
    with Library.open(root, clock=clock) as lib:
        assert lib.read_only
        assert _kept_unchecked(lib, case.id).checklist_required == 9  # as kept: not yet checked
        stale = lib.stale_case_summaries()
        assert stale == {case.id}
        lib.note_stale_summaries(stale)
        assert _kept_unchecked(lib, case.id).checklist_required == 2  # computed live
        assert lib.case_list_count() == 1


def _kept_unchecked(lib, case_id):
    return {c.id: s for c, s in lib.case_list_rows(check=False)}[case_id]
