"""Other desktops hear of committed changes (issue 13): which cases, and never a rolled-back one."""

from __future__ import annotations

import threading

import pytest

from evidencekit.errors import StaleCase

pytestmark = pytest.mark.usefixtures("engine")  # SQLite and PostgreSQL alike


def _case(lib, order):
    return lib.create_case(platform="douyin", dispute_type="quality_issue", order_no=order).id


def test_the_log_feed_names_the_cases_changed_since_the_last_look(library):
    a = _case(library, "A1")
    feed = library.change_feed()
    assert feed.changed() == set()
    b = _case(library, "A2")
    library.update_case(a, product="杯")
    assert feed.changed() == {a, b}
    assert feed.changed() == set()
    with pytest.raises(StaleCase):  # refused: nothing committed, nothing to hear of
        library.update_case(a, expected_version=1, product="碗")
    assert feed.changed() == set()



def test_postgresql_notifies_listeners_of_committed_changes_only(library, engine):
    heard: list[set[int]] = []
    arrived = threading.Event()

    def on_changed(ids):
        heard.append(ids)
        arrived.set()

    listener = library.listen_for_changes(on_changed)
    if not engine.postgresql:
        assert listener is None  # SQLite: the log feed instead (above)
        return
    try:
        assert listener.listening.wait(10) and listener.error is None
        a = _case(library, "A1")
        assert arrived.wait(10)
        assert set().union(*heard) == {a}
        heard.clear()
        arrived.clear()
        with pytest.raises(StaleCase):  # refused inside its transaction: nothing is sent
            library.update_case(a, expected_version=99, product="碗")
        library.assign_case(a, "小王")
        assert arrived.wait(10)
        assert heard == [{a}]
    finally:
        listener.stop()
