"""Issue 12, item 5: the History tab speaks sentences in the user's language, with times in
the platform's zone."""

from __future__ import annotations

from datetime import timedelta

from .conftest import DATA, make_case


def test_history_reads_as_sentences_in_the_platforms_zone(qtbot, window, ctx, clock):
    ctx.settings.set("display_zone", "Europe/London")  # the user's zone is not the platform's
    case = make_case(ctx.lib, clock)
    ctx.lib.update_case(case.id, judgment_at=clock() + timedelta(hours=3))
    ex = ctx.lib.attach(case.id, DATA / "photo_exif.jpg")
    ctx.lib.update_exhibit(ex.id, kind="packing_record")
    window.open_case(case.id)
    window.findChild(type(window.act_new), "tabHistory").trigger()
    text = window.case_view.history.toPlainText()
    for code in ("case_updated", "exhibit_added", "exhibit_updated", "kind=", "judgment_at",
                 "+00:00"):
        assert code not in text, code
    assert "新建案件" in text and "类型改为打包记录" in text
    assert "判定时间改为 2024-09-18 13:00 +08:00" in text  # 05:00 UTC on Douyin's clock
    ctx.set_language("en")
    window.findChild(type(window.act_new), "tabHistory").trigger()
    text = window.case_view.history.toPlainText()
    assert "kind set to packing record" in text and "Case opened" in text
