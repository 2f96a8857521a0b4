"""Faults around the library (issue 15): read-only folders, full disks, killed exports.
Messages name the cause and the path; "damaged" only when SQLite's check finds damage.

Read-only and full disks are real mounts (a bind mount made read-only, a 2 MB tmpfs) when
the test may mount; otherwise those tests are skipped and the in-process ones simulate the
fault at the file-system call (``open``/``write`` raising EROFS/ENOSPC)."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from evidencekit.errors import StoreError
from tests.conftest import DATA
from tests.core.test_cli import CHAT, REPO

TIMEOUT = 120


def ek(lib, *args, env=None):
    r = subprocess.run([sys.executable, "-m", "evidencekit", "--library", str(lib), "--lang", "en",
                        *map(str, args)], cwd=REPO, capture_output=True, text=True,
                       timeout=TIMEOUT, env={**os.environ, **(env or {})})
    assert "Traceback" not in r.stderr, r.stderr
    return r


def _mount(*args) -> bool:
    if os.geteuid() != 0:
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextmanager
def read_only_view(src: Path, where: Path):
    where.mkdir()
    if not (_mount("--bind", str(src), str(where)) and _mount("-o", "remount,bind,ro", str(where))):
        subprocess.run(["umount", str(where)], capture_output=True)
        pytest.skip("cannot mount here")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=True)


@contextmanager
def small_disk(where: Path, size="2m"):
    where.mkdir()
    if not _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)):
        pytest.skip("cannot mount here")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=True)


def _fill(disk: Path) -> None:
    with open(disk / "filler", "wb") as f:
        try:
            while True:
                f.write(b"\1" * 65536)
                f.flush()
        except OSError:
            pass


def _library_with_case(lib: Path, tmp_path: Path) -> None:
    assert ek(lib, "init").returncode == 0
    assert ek(lib, "case", "new", "--type", "quality_issue", "--order", "111").returncode == 0
    chat = tmp_path / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    assert ek(lib, "attach", "1", chat).returncode == 0


def test_read_only_library_reads_work_and_writes_name_the_cause(tmp_path):
    src = tmp_path / "lib"
    _library_with_case(src, tmp_path)
    with read_only_view(src, tmp_path / "ro") as lib:
        r = ek(lib, "case", "list", "--json")
        assert r.returncode == 0, r.stderr
        assert [c["order_no"] for c in json.loads(r.stdout)] == ["111"]
        assert ek(lib, "case", "show", "1").returncode == 0
        assert ek(lib, "check", "1").returncode == 1  # answers "not complete"
        r = ek(lib, "export", "1", "-o", tmp_path / "b.pdf", "--allow-incomplete", "--now", "2024-09-20T10:00+08:00")
        assert r.returncode == 0 and (tmp_path / "b.pdf").is_file(), r.stderr
        assert "read-only" in r.stderr
        r = ek(lib, "case", "set", "1", "--notes", "x")
        assert r.returncode == 2 and "read-only" in r.stderr and str(lib) in r.stderr
        assert "damaged" not in r.stderr and "backup" not in r.stderr
        r = ek(lib, "attach", "1", DATA / "chat_gbk.txt")
        assert r.returncode == 2 and "read-only" in r.stderr, r.stderr


def test_library_on_a_full_disk_names_the_disk_and_path(tmp_path):
    with small_disk(tmp_path / "disk") as disk:
        lib = disk / "lib"
        _library_with_case(lib, tmp_path)
        _fill(disk)
        big = tmp_path / "photo.jpg"
        big.write_bytes((DATA / "photo_exif.jpg").read_bytes() + os.urandom(600_000))
        r = ek(lib, "attach", "1", big)
        assert r.returncode == 2 and "disk is full" in r.stderr and str(lib) in r.stderr, r.stderr
        assert "is damaged" not in r.stderr and "backup" not in r.stderr
        assert ek(lib, "case", "list").returncode == 0  # reading still works on a full disk
        (disk / "filler").unlink()
        r = ek(lib, "case", "show", "1", "--json")  # nothing half-written
        assert r.returncode == 0 and len(json.loads(r.stdout)["exhibits"]) == 1
        assert list((lib / "blobs" / "tmp").iterdir()) == []


def test_full_temp_folder_is_not_blamed_on_the_library(tmp_path):
    lib = tmp_path / "lib"
    _library_with_case(lib, tmp_path)
    photo = tmp_path / "p.jpg"
    photo.write_bytes((DATA / "photo_exif.jpg").read_bytes())
    assert ek(lib, "attach", "1", photo).returncode == 0
    with small_disk(tmp_path / "tmpdisk", "300k") as tmpdisk:
        _fill(tmpdisk)
        filler = tmpdisk / "filler"
        os.truncate(filler, max(0, filler.stat().st_size - 20_000))  # room for a folder only
        r = ek(lib, "export", "1", "-o", tmp_path / "b.pdf", "--allow-incomplete", "--now", "2024-09-20T10:00+08:00",
               env={"TMPDIR": str(tmpdisk)})
    assert r.returncode == 2, r.stderr
    assert "temporary folder" in r.stderr and "fsck" not in r.stderr
    assert not (tmp_path / "b.pdf").exists()


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


def test_damage_is_reported_only_when_the_integrity_check_finds_it(tmp_path):
    lib = tmp_path / "lib"
    _library_with_case(lib, tmp_path)
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


def test_next_export_cleans_what_killed_exports_left(tmp_path):
    lib = tmp_path / "lib"
    _library_with_case(lib, tmp_path)
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
