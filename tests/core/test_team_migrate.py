"""``library migrate --to postgresql://…`` (issue 13): a local library with several cases,
exhibits, a submitted bundle and log entries copied into a team library. The local one is left
untouched; both answer ``case list``, ``case show`` and ``verify`` the same; a populated target
is refused."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from evidencekit.cli.main import main

DATA = Path(__file__).resolve().parents[1] / "data"
NOW = "2024-09-19T10:00:00+08:00"
CHAT = "2024-09-17 11:45:01 顾客: 收到的杯子碎了\n2024-09-17 11:46:10 客服: 您好，请拍照\n"


def ek(capsys, lib: Path, *args) -> tuple[int, str, str]:
    capsys.readouterr()
    rc = main(["--library", str(lib), "--lang", "en", *map(str, args)])  # --db after the folder
    out = capsys.readouterr()
    return rc, out.out, out.err


def _tree(root: Path) -> dict[str, str]:
    out = {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
           for p in sorted(root.rglob("*")) if p.is_file() and not p.name.startswith("evidencekit.db")}
    conn = sqlite3.connect(root / "evidencekit.db")
    out["rows"] = hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    conn.close()
    return out


@pytest.fixture
def source(tmp_path, capsys):
    """Three cases: one with a chat, photos, a work-order entry, a sealed bundle submitted and
    decided; one with a photo shared with the first (one blob); one in the trash."""
    tmp = tmp_path
    lib = tmp / "local"
    cap = capsys
    assert ek(cap, lib, "init")[0] == 0
    chat = tmp / "chat.txt"
    chat.write_text(CHAT, encoding="utf-8")
    ids = []
    for order in ("77", "78", "79"):
        rc, out, err = ek(cap, lib, "case", "new", "--type", "refund_dispute", "--order", order,
                          "--request-at", "2024-09-17 09:00", "--phone", "13812345678")
        assert rc == 0, err
        ids.append(out.split()[-1])
    a, b, c = ids
    assert ek(cap, lib, "attach", a, chat, "--kind", "chat_log")[0] == 0
    assert ek(cap, lib, "attach", a, DATA / "photo_exif.jpg")[0] == 0
    assert ek(cap, lib, "attach", a, DATA / "photo_rotated.jpg", "--kind", "after_sale_voucher")[0] == 0
    assert ek(cap, lib, "case", "set", a, "--statement", "已按约退款。")[0] == 0
    assert ek(cap, lib, "worklog", "add", a, "--at", "2024-09-17 09:10", "联系用户")[0] == 0
    bundle = tmp / "bundle.pdf"
    rc, out, err = ek(cap, lib, "export", a, "--now", NOW, "-o", bundle)
    assert rc == 0, err
    assert ek(cap, lib, "submit", a, bundle, "--at", "2024-09-19 11:00")[0] == 0
    assert ek(cap, lib, "decide", a, "--decision", "lost", "--at", "2024-09-20 11:00")[0] == 0
    assert ek(cap, lib, "attach", b, DATA / "photo_exif.jpg")[0] == 0
    assert ek(cap, lib, "case", "delete", c)[0] == 0
    return lib, ids, bundle


def test_migrate_copies_everything_and_leaves_the_local_library(source, pg_server, tmp_path,
                                                                capsys):
    from evidencekit.store import Library
    lib, ids, bundle = source
    before = _tree(lib)
    url = pg_server.empty_database()
    rc, out, err = ek(capsys, lib, "library", "migrate", "--to", url, "--json")
    assert rc == 0, err
    result = json.loads(out)
    assert result["rows"]["cases"] == 3 and result["rows"]["submissions"] == 1
    assert result["blobs"] == 4 and result["blobs_sent"] == 4  # photo_exif stored once
    assert result["keys"] == 1
    assert "originals 4/4" in err and "checked the hash of 4/4 originals" in err  # progress
    assert _tree(lib) == before  # the local library is untouched

    # Every command answers the same on the team library, from another desktop's folder
    # (an empty cache: the originals come from the server).
    desk = tmp_path / "desk"
    for args in (("case", "list", "--json", "--now", NOW), ("case", "list", "--trash", "--json", "--now", NOW),
                 *(("case", "show", cid, "--json", "--now", NOW) for cid in ids),
                 ("verify", bundle, "--json")):
        local = ek(capsys, lib, *args)
        team = ek(capsys, desk, "--db", url, *args)
        assert local[0] == team[0] == 0, team[2]
        assert json.loads(team[1]) == json.loads(local[1]), args
    assert json.loads(team[1])["signed_by_this_library"]
    with Library.open(desk, db_url=url) as team_lib:
        sha = team_lib.list_exhibits(int(ids[0]))[1].sha256
        assert team_lib.blob_path(sha).read_bytes() == (DATA / "photo_exif.jpg").read_bytes()

    # A second run into the same database is refused, and nothing changes there.
    rc, out, err = ek(capsys, lib, "library", "migrate", "--to", url)
    assert rc == 2 and "already holds a library (3 cases, 4 originals)" in err


def test_migrate_refuses_what_is_not_postgresql(tmp_path, capsys):
    lib = tmp_path / "local"
    assert ek(capsys, lib, "init")[0] == 0
    rc, _out, err = ek(capsys, lib, "library", "migrate", "--to", "mysql://x/y")
    assert rc == 2 and "must be a PostgreSQL URL" in err
