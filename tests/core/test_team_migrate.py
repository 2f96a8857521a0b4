"""``library migrate --to postgresql://…`` (issue 13): a local library with several cases,
exhibits, a submitted bundle and log entries copied into a team library. The local one is left
untouched; both answer ``case list``, ``case show`` and ``verify`` the same; a populated target
is refused."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from evidencekit.cli.main import main

from .pg_server import fresh_database, sqlalchemy_url

DATA = Path(__file__).resolve().parents[1] / "data"
NOW = "2024-09-19T10:00:00+08:00"
CHAT = "2024-09-17 11:45:01 顾客: 收到的杯子碎了\n2024-09-17 11:46:10 客服: 您好，请拍照\n"


def ek(capsys, lib: Path, *args) -> tuple[int, str, str]:
    capsys.readouterr()
    rc = main(["--library", str(lib), "--lang", "en", *map(str, args)])
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


def _team_library(url: str, root: Path):
    """The team library opened on the database ``url`` (a folder of its own for this
    computer's cache), the way the app and the CLI open one."""
    from evidencekit.store import Library
    from evidencekit.store.db import Database
    engine = create_engine(sqlalchemy_url(url))
    root.mkdir(parents=True, exist_ok=True)
    return Library(root, Database(engine, root / "team"),
                   clock=lambda: datetime(2024, 9, 21, tzinfo=timezone.utc))


def _answers(lib, ids, bundle) -> dict:
    from evidencekit.cli.export_commands import _verify_json
    from evidencekit.export import verify_bundle
    from evidencekit.summary import case_detail, case_list_json, cases_by_urgency
    now = datetime(2024, 9, 21, tzinfo=timezone.utc)
    out = {"list": case_list_json(cases_by_urgency(lib, now)),
           "trash": case_list_json(cases_by_urgency(lib, now, trash=True)),
           "verify": _verify_json(verify_bundle(bundle, None, lib))}
    for cid in ids:
        out[cid] = case_detail(lib, cid, now)
    return json.loads(json.dumps(out, default=str))


def test_migrate_copies_everything_and_leaves_the_local_library(source, tmp_path, capsys):
    from evidencekit.store import Library
    lib, ids, bundle = source
    before = _tree(lib)
    with fresh_database("migrate") as url:
        rc, out, err = ek(capsys, lib, "library", "migrate", "--to", url, "--json")
        assert rc == 0, err
        result = json.loads(out)
        assert result["rows"]["cases"] == 3 and result["rows"]["submissions"] == 1
        assert result["blobs"] == 4 and result["blobs_sent"] == 4  # photo_exif stored once
        assert result["keys"] == 1
        assert "originals 4/4" in err and "checked the hash of 4/4 originals" in err  # progress
        assert _tree(lib) == before  # the local library is untouched

        with Library.open(lib) as local:
            want = _answers(local, ids, bundle)
        with _team_library(url, tmp_path / "desk") as team:
            got = _answers(team, ids, bundle)
            # the originals come from the server (this desktop's cache was empty)
            sha = want[ids[0]]["exhibits"][1]["sha256"]
            assert team.blob_path(sha).read_bytes() == (DATA / "photo_exif.jpg").read_bytes()
        assert got == want
        assert got["verify"]["ok"] and got["verify"]["signed_by_this_library"]

        # A second run into the same database is refused, and nothing changes there.
        rc, out, err = ek(capsys, lib, "library", "migrate", "--to", url)
        assert rc == 2 and "already holds a library (3 cases, 4 originals)" in err


def test_migrate_refuses_what_is_not_postgresql(tmp_path, capsys):
    lib = tmp_path / "local"
    assert ek(capsys, lib, "init")[0] == 0
    rc, _out, err = ek(capsys, lib, "library", "migrate", "--to", "mysql://x/y")
    assert rc == 2 and "must be a PostgreSQL URL" in err
