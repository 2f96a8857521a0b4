"""A team library in the app (issue 13): a staff desktop keeps the search index caught up with
what changed (its own writes and other desktops'), since reviewers cannot index; a reviewer's
search says when the index is behind instead of quietly missing hits."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from evidencekit.store import Library, search_index

from .conftest import make_case


@pytest.fixture
def team_url(pg_server):
    return pg_server.new_database()


@pytest.fixture
def library(tmp_path, clock, team_url):  # the suite's ``library``, on a team database
    lib = Library.open(tmp_path / "lib", clock=clock, db_url=team_url)
    yield lib
    lib.close()


def test_staff_desktop_indexes_what_another_desktop_wrote(qtbot, window, ctx, clock, tmp_path,
                                                         team_url):
    from ui.ops import OpChanges

    window._index_timer.setInterval(50)
    with Library.open(tmp_path / "other-desktop", clock=clock, db_url=team_url) as other:
        case = make_case(other, clock)
        chat = tmp_path / "chat.txt"
        chat.write_text("2024-09-17 11:00:00 顾客: 快递放在驿站了\n", encoding="utf-8")
        other.attach(case.id, chat, kind="chat_log")
    assert search_index.pending(ctx.lib.conn) > 0
    ctx.changes_applied.emit(OpChanges(frozenset({case.id})))  # as LISTEN/NOTIFY delivers it
    qtbot.waitUntil(lambda: search_index.pending(ctx.lib.conn) == 0, timeout=20000)
    assert [h.case_no for h in search_index.search(ctx.lib, "驿站")] == [case.case_no]


def test_reviewer_search_says_the_index_is_behind(qtbot, qapp, clock, tmp_path, pg_server,
                                                  ui_settings, app_fonts):
    from tests.core.test_cli import ek
    from tests.core.test_team_library import _as_user, _sql
    from ui.context import AppContext
    from ui.i18n import install_language
    from ui.main_window import MainWindow

    url = pg_server.empty_database()
    assert ek(tmp_path / "owner", "init", "--db", url).returncode == 0
    with Library.open(tmp_path / "owner", clock=clock) as owner:  # not a CLI command: not indexed
        make_case(owner, clock, notes="外箱完好")
        behind = search_index.pending(owner.conn)
    reviewer = f"{make_url(url).database}_rev"
    _sql(url, f'CREATE ROLE "{reviewer}" LOGIN', f'GRANT "{make_url(url).database}_reviewer" TO "{reviewer}"')
    try:
        install_language("en")
        lib = Library.open(tmp_path / "reviewer", clock=clock, db_url=_as_user(url, reviewer))
        ctx = AppContext(lib, settings=ui_settings, clock=clock)
        window = MainWindow(ctx)
        window.show()
        page = window.case_list
        page.search.setText("外箱")
        with qtbot.waitSignal(page.hits_shown, timeout=20000):
            page.search_evidence()
        assert behind and f"the search index is {behind} item(s) behind" in page.hits_label.text()
        assert search_index.pending(lib.conn) == behind  # a reviewer's desktop changed nothing
        window.close()
        ctx.shutdown()
        lib.close()
    finally:
        install_language("zh_CN")
        _sql(url, f'DROP OWNED BY "{reviewer}"', f'DROP ROLE "{reviewer}"')
