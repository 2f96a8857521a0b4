"""A team library on PostgreSQL (issue 13): init --db, choosing it, roles, search alike on both
engines, and what a team library refuses. The store and CLI suites run on both engines too
(``engine`` in tests/conftest.py); this module is what only a team library has."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.engine import make_url

from evidencekit.errors import ReviewerCannotWrite
from evidencekit.store import Library, migrate, postgres
from evidencekit.store import search_index as si
from evidencekit.store.schema import metadata
from evidencekit.store.team_schema import team_metadata

from .test_cli import ek

NOW = datetime(2024, 9, 20, 4, 0, tzinfo=timezone.utc)


def _sql(url: str, *statements: str) -> list:
    with psycopg.connect(make_url(url).set(drivername="postgresql").render_as_string(False),
                         autocommit=True) as conn:
        out = []
        for s in statements:
            cur = conn.execute(s)
            out.append(cur.fetchall() if cur.description else None)
        return out


def _as_user(url: str, user: str) -> str:
    return make_url(url).set(username=user).render_as_string(hide_password=False)


def test_init_db_makes_the_schema_and_roles_and_points_the_folder_without_the_password(
        pg_server, tmp_path, monkeypatch):
    url = pg_server.empty_database()
    db = make_url(url).database
    with_password = make_url(url).set(password="s3cret").render_as_string(hide_password=False)
    folder = tmp_path / "desk"
    r = ek(folder, "init", "--db", with_password)
    assert r.returncode == 0, r.stderr
    assert f"{db}_staff" in r.stdout and f"{db}_reviewer" in r.stdout
    assert "密码不会被保存" in r.stderr  # said plainly, and not written
    toml = (folder / "library.toml").read_text(encoding="utf-8")
    assert "s3cret" not in toml and f"/{db}" in toml
    assert not (folder / "evidencekit.db").exists()  # the rows are on the server
    roles = _sql(url, f"SELECT rolname FROM pg_roles WHERE rolname LIKE '{db}%' ORDER BY 1")[0]
    assert roles == [(f"{db}_reviewer",), (f"{db}_staff",)]
    # at the newest revision, with the tables of schema.py (the search index is the engine's)
    with Library.open(folder) as lib:
        assert lib.team
        with lib.db.engine.connect() as conn:
            assert migrate._stored_revision(conn) == migrate.head()
            diffs = [d for d in compare_metadata(MigrationContext.configure(conn), metadata)
                     if not (d[0] == "remove_table" and d[1].name.startswith("search_"))
                     # a team library's originals and key: team_schema.py, compared below
                     and not (d[0] == "remove_table" and d[1].name in team_metadata.tables)
                     and not (d[0] == "remove_index" and d[1].table.name.startswith("search_"))
                     # pg_trgm's index for the list's search box (0013): made by the
                     # revision's SQL, not declared in schema.py (see the note there)
                     and not (d[0] == "remove_index" and d[1].name == "case_summaries_search")]
            from sqlalchemy import inspect
            team_columns = {t: {c["name"] for c in inspect(conn).get_columns(t)}
                            for t in team_metadata.tables}
        assert diffs == []
        assert team_columns == {t.name: {c.name for c in t.columns} for t in team_metadata.sorted_tables}
    # the folder opens the team library for any command, without --db
    assert ek(folder, "case", "new", "--type", "quality_issue", "--order", "6921").returncode == 0
    # and EVIDENCEKIT_DB selects it from anywhere (another folder: this computer's files)
    monkeypatch.setenv("EVIDENCEKIT_DB", url)
    r = ek(tmp_path / "other", "case", "list", "--json", lang="en")
    assert r.returncode == 0 and '"EK-00001"' in r.stdout


def test_reviewer_reads_but_cannot_write_staff_can(pg_server, tmp_path):
    url = pg_server.empty_database()
    db = make_url(url).database
    assert ek(tmp_path / "owner", "init", "--db", url).returncode == 0
    assert ek(tmp_path / "owner", "case", "new", "--type", "quality_issue", "--order", "1").returncode == 0
    reviewer, clerk = f"{db}_rev1", f"{db}_clerk1"
    _sql(url, f'CREATE ROLE "{reviewer}" LOGIN', f'GRANT "{db}_reviewer" TO "{reviewer}"',
         f'CREATE ROLE "{clerk}" LOGIN', f'GRANT "{db}_staff" TO "{clerk}"')
    try:
        as_reviewer = ["--db", _as_user(url, reviewer)]
        r = ek(tmp_path / "r", *as_reviewer, "case", "list", "--json")
        assert r.returncode == 0 and "EK-00001" in r.stdout
        r = ek(tmp_path / "r", *as_reviewer, "case", "new", "--type", "quality_issue", "--order", "2")
        assert r.returncode == 2 and "只读" in r.stderr and "Traceback" not in r.stderr
        r = ek(tmp_path / "r", *as_reviewer, "case", "set", "1", "--notes", "x", lang="en")
        assert r.returncode == 2 and "read-only reviewer" in r.stderr
        # the database itself refuses (not only the app): the permission error that reaches the
        # core is the same plain error
        with Library.open(tmp_path / "r2", db_url=_as_user(url, reviewer)) as lib:
            assert lib.read_only
            lib.db.refusal = None
            with pytest.raises(ReviewerCannotWrite):
                lib.create_case(platform="douyin", dispute_type="quality_issue", order_no="3")
        r = ek(tmp_path / "c", "--db", _as_user(url, clerk), "case", "new", "--type", "quality_issue",
               "--order", "4")
        assert r.returncode == 0, r.stderr
        with Library.open(tmp_path / "owner") as lib:
            assert [c.order_no for c in lib.list_cases()] == ["1", "4"]
            assert [e.actor for e in lib.log(2)][:1]  # staff's rows are ordinary rows
    finally:
        _sql(url, f'DROP OWNED BY "{reviewer}", "{clerk}"', f'DROP ROLE "{reviewer}"', f'DROP ROLE "{clerk}"')


def test_backup_of_a_team_library_points_to_pg_dump(team_folder):
    r = ek(team_folder, "backup", "-o", team_folder.parent / "bk")
    assert r.returncode == 2 and "pg_dump" in r.stderr
    assert not (team_folder.parent / "bk").exists()


@pytest.fixture
def team_folder(pg_server, tmp_path) -> Path:
    folder = tmp_path / "team"
    assert ek(folder, "init", "--db", pg_server.new_database()).returncode == 0
    return folder


def test_a_folder_with_a_local_library_is_not_pointed_at_a_team_one(pg_server, tmp_path):
    assert ek(tmp_path / "local", "init").returncode == 0
    r = ek(tmp_path / "local", "init", "--db", pg_server.new_database())
    assert r.returncode == 2 and "本地资料库" in r.stderr
    assert not (tmp_path / "local" / "library.toml").exists()


def test_unreachable_server_and_bad_address_are_plain_refusals(tmp_path):
    r = ek(tmp_path / "x", "--db", "postgresql://nobody@127.0.0.1:1/evidencekit", "case", "list")
    assert r.returncode == 2 and "无法连接团队资料库" in r.stderr and "Traceback" not in r.stderr
    r = ek(tmp_path / "x", "--db", "mysql://nobody@127.0.0.1/evidencekit", "case", "list", lang="en")
    assert r.returncode == 2 and "Not a database address" in r.stderr


def test_a_password_asked_for_is_kept_in_memory_only(monkeypatch):
    """libpq found no password: the prompt is asked once; the next connection reuses it."""
    asked: list[str] = []
    seen: list[str | None] = []

    class Refused(Exception):
        pass

    def fake_engine(url):
        seen.append(url.password)

        class FakeEngine:
            def connect(self):
                if url.password != "pw":
                    from sqlalchemy.exc import OperationalError
                    raise OperationalError("SELECT 1", {}, Refused("fe_sendauth: no password supplied"))
                return _Conn()

            def dispose(self):
                pass
        return FakeEngine()

    class _Conn:
        def __enter__(self):
            return self

        def __exit__(self, *a):
            return False

        def exec_driver_sql(self, sql):
            return None

    monkeypatch.setattr(postgres, "_engine", fake_engine)
    monkeypatch.setattr(postgres, "_passwords", {})
    monkeypatch.setattr(postgres, "password_prompt", lambda shown: asked.append(shown) or "pw")
    url = postgres.parse_url("postgresql://clerk@db.example:5432/team?sslmode=verify-full")
    postgres.connect(url)
    postgres.connect(url)
    assert asked == ["postgresql://clerk@db.example:5432/team?sslmode=verify-full"]  # TLS kept
    assert seen == [None, "pw", "pw"]


def _same_library(lib: Library, files: Path) -> None:
    for i in range(1, 7):
        case = lib.create_case(platform="douyin", dispute_type="quality_issue",
                               order_no=f"6921{i:04d}78901", product="玻璃杯" if i % 2 else "台灯")
        path = files / f"chat{i}.txt"
        lines = ["你好，快递到了吗", "亲，已经发出了", "收到了，杯子碎了", "Box ARRIVED 50% off_sale"]
        if i == 4:
            lines.insert(1, "快递放在驿站了，我没去拿")
        path.write_text("".join(f"2024-09-17 11:{j:02d}:00 顾客: {t}\n" for j, t in enumerate(lines)),
                        encoding="utf-8")
        lib.attach(case.id, path, kind="chat_log")
    si.catch_up(lib)


def test_search_gives_the_same_hits_on_both_engines(pg_server, tmp_path):
    """One- and two-character words (the gram blocks), trigram words, ASCII in any case,
    LIKE's own characters, filters and limits: the same hits in the same order."""
    files = tmp_path / "files"
    files.mkdir()
    local = Library.open(tmp_path / "local", clock=lambda: NOW)
    team = Library.open(tmp_path / "team", clock=lambda: NOW, db_url=pg_server.new_database())
    try:
        for lib in (local, team):
            _same_library(lib, files)
        queries = [("驿站", {}), ("碎", {}), ("碎", {"limit": 3}), ("杯子 碎了", {}), ("没去拿", {}),
                   ("box arrived", {}), ("50%", {}), ("off_sale", {}), ("_s", {}), ("%", {}),
                   ("00478", {}), ("快递 50", {}), ("玻璃", {}),
                   ("碎", {"filters": si.Filters(product="玻璃")}), ("不在这里", {})]
        for q, kw in queries:
            a = [h.to_dict() for h in si.search(local, q, **kw)]
            b = [h.to_dict() for h in si.search(team, q, **kw)]
            assert a == b, q
        assert len(si.search(local, "碎")) == 6 and len(si.search(local, "驿站")) == 1
    finally:
        local.close()
        team.close()


def test_a_reviewer_searches_what_staff_just_wrote(pg_server, tmp_path):
    """Reviewers cannot update the search index (read-only): a staff command leaves it caught up
    with what it wrote, and a reviewer whose index is still behind is told so, not misled."""
    url = pg_server.empty_database()
    db = make_url(url).database
    owner = tmp_path / "owner"
    assert ek(owner, "init", "--db", url).returncode == 0
    reviewer = f"{db}_rev2"
    _sql(url, f'CREATE ROLE "{reviewer}" LOGIN', f'GRANT "{db}_reviewer" TO "{reviewer}"')
    try:
        assert ek(owner, "case", "new", "--type", "quality_issue", "--order", "1").returncode == 0
        chat = tmp_path / "chat.txt"
        chat.write_text("2024-09-17 11:00:00 顾客: 快递放在驿站了\n", encoding="utf-8")
        assert ek(owner, "attach", "1", chat, "--kind", "chat_log").returncode == 0
        as_reviewer = ["--db", _as_user(url, reviewer)]
        r = ek(tmp_path / "r", *as_reviewer, "search", "驿站", "--json")
        assert r.returncode == 0 and "EK-00001" in r.stdout and "索引" not in r.stderr
        # a write that did not come through a staff command (an app mid-way): said plainly
        with Library.open(owner) as lib:
            lib.update_case(1, notes="外箱完好")
        r = ek(tmp_path / "r", *as_reviewer, "search", "外箱", lang="en")
        assert r.returncode == 0 and "search index is 2 item(s) behind" in r.stderr  # the case, its log
    finally:
        _sql(url, f'DROP OWNED BY "{reviewer}"', f'DROP ROLE "{reviewer}"')
