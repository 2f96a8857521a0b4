"""The review page (复盘): the fixture's numbers as charts and tables, a bar's cases in the case
list, and the weekly PDF written on a worker."""

from __future__ import annotations

from datetime import date

import pytest

from evidencekit.timeutil import parse_instant
from tests.review_fixture import FROM, NOW, TO, build


@pytest.fixture
def review_window(qtbot, qapp, tmp_path, ui_settings, app_fonts):
    from evidencekit.store import Library
    from ui.context import AppContext
    from ui.i18n import install_language
    from ui.main_window import MainWindow
    build(tmp_path / "lib", tmp_path / "src")
    now = parse_instant(NOW)
    lib = Library.open(tmp_path / "lib", clock=lambda: now)
    ui_settings.set("display_zone", "Asia/Shanghai")
    install_language("zh_CN")
    ctx = AppContext(lib, settings=ui_settings, clock=lambda: now)
    w = MainWindow(ctx)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    ctx.shutdown()
    lib.close()


def test_review_page_shows_the_numbers_and_opens_the_cases_behind_a_bar(qtbot, qtmodeltester, review_window,
                                                                         tmp_path):
    w = review_window
    w.show_review()
    page = w.review_page
    with qtbot.waitSignal(page.review_shown, timeout=60000):
        page.set_range(date.fromisoformat(FROM), date.fromisoformat(TO))
    _box, chart, model = page.sections["groups"]
    qtmodeltester.check(model)
    assert model.rowCount() == 4  # three dispute types and the total
    assert [model.index(r, 1).data() for r in range(4)] == ["质量问题", "退款纠纷", "物流超时/停滞", "合计"]
    win = next(i for i, c in enumerate(model.columns) if c.id == "win_rate")
    assert [model.index(r, win).data() for r in range(4)] == ["50.0%", "—", "0.0%", "33.3%"]
    assert chart.bar_count() == 3
    series = chart.chart().series()[0]
    won = next(s for s in series.barSets() if s.property("decision") == "won")
    assert [won.at(i) for i in range(won.count())] == [0, 0, 1]  # bottom to top: the biggest group on top
    clocks = page.sections["clocks"][2]
    assert clocks.rowCount() == 5
    assert page.status.text() == "共 5 件"

    # the lost segment of 质量问题 (drawn on top): only EK-00002 in the case list
    chart.click_bar(2, "lost")
    assert w.pages.currentWidget() is w.case_list
    model = w.case_list.model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["EK-00002"]
    assert w.case_list.only.isVisible() and "质量问题 · 败诉" in w.case_list.only_label.text()
    w.case_list.show_all()
    assert model.rowCount() == 6 and not w.case_list.only.isVisible()

    # the weekly PDF: written on a worker, the page says so
    w.show_review()
    out = tmp_path / "周复盘.pdf"
    job = page.export_pdf(out)
    with qtbot.waitSignal(job.finished, timeout=60000):
        pass
    assert out.is_file() and out.read_bytes().startswith(b"%PDF")
    assert page.status.text() == "已写出 周复盘.pdf" and page.export_button.isEnabled()


def test_word_and_kind_bars_open_their_cases_and_words_per_group(qtbot, review_window):
    """A word's bar lists the cases whose buyers said it; a kind's bar the cases whose judged
    submission held it (or did not); the word chart shows one group's or one decision's words."""
    w = review_window
    w.show_review()
    page = w.review_page
    with qtbot.waitSignal(page.review_shown, timeout=60000):
        page.set_range(date.fromisoformat(FROM), date.fromisoformat(TO))
    model = w.case_list.model

    def listed() -> list[str]:
        return sorted(model.index(r, 0).data() for r in range(model.rowCount()))

    _box, words, words_model = page.sections["words"]
    assert words_model.item(0)["word"] == "退款"
    top = words.bar_count() - 1  # horizontal: the table's first row is drawn on top
    with qtbot.waitSignal(page.cases_requested) as asked:
        words.click_bar(top)
    assert asked.args[1] == "退款" and listed() == ["EK-00001", "EK-00002", "EK-00004"]
    assert "退款" in w.case_list.only_label.text()

    w.show_review()
    kinds = page.sections["kinds"][1]
    names = [k["kind"] for k in page.data["kinds"]]
    kinds.click_bar(names.index("inspection_report"), "without")
    assert listed() == ["EK-00002", "EK-00003"]
    w.show_review()
    kinds.click_bar(names.index("logistics_trace"), "with")
    assert listed() == ["EK-00001", "EK-00003"]

    # whose words: the lost cases' buyers only
    w.show_review()
    scope = page.word_scope
    scope.setCurrentIndex(scope.findData("outcome:lost"))
    assert [words_model.item(r)["word"] for r in range(words_model.rowCount())] == ["杯子", "裂缝", "退款"]
    scope.setCurrentIndex(scope.findData("group:refund_dispute"))
    assert [words_model.item(r)["word"] for r in range(words_model.rowCount())] == ["想要", "退款"]
    words.click_bar(words.bar_count() - 1)
    assert listed() == ["EK-00004"]
