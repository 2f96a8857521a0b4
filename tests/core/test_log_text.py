"""The action log in sentences, zh and en, instants in the platform's zone (issue 12, item 5)."""

from __future__ import annotations

from datetime import timedelta

from evidencekit.log_text import log_sentence
from evidencekit.timeutil import get_zone

DATA = __import__("pathlib").Path(__file__).resolve().parents[1] / "data"


def _sentences(lib, case_id, lang):
    zone = get_zone("Asia/Shanghai")
    return [log_sentence(e, lang, zone, lib.rules) for e in lib.log(case_id)]


def test_a_worked_case_reads_as_sentences(library, clock):
    data = DATA
    case = library.create_case(platform="douyin", dispute_type="signed_not_received",
                               order_no="6921", stage="request")
    library.update_case(case.id, stage="intervention",
                        intervention_at=clock() + timedelta(hours=1), statement="我方已发货")
    ex = library.attach(case.id, data / "photo_exif.jpg")
    library.update_exhibit(ex.id, kind="packing_record", caption="打包称重", is_new=True)
    library.attach(case.id, data / "chat_gbk.txt")
    library.move_exhibit(ex.id, 2)
    library.remove_exhibit(ex.id)
    library.update_case(case.id, intervention_at=None)
    zh = _sentences(library, case.id, "zh")
    assert zh[0] == "新建案件：抖店 · 签收未收到 · 订单 6921"
    # 02:00 UTC + 1 h is 11:00 in Shanghai, printed with its offset.
    assert zh[1] == ("修改案件：阶段改为 平台介入；平台介入时间改为 2024-09-18 11:00 +08:00；"
                     "商家说明已修改")
    assert zh[2].startswith("添加证据 E1（照片）：photo_exif.jpg，SHA-256 ")
    assert zh[3] == "证据 E1：类型改为打包记录；说明改为“打包称重”；标为新证据"
    assert zh[5] == "证据 photo_exif.jpg 从 E1 移到 E2"
    assert zh[6] == "移除证据 E2：photo_exif.jpg"
    assert zh[7] == "修改案件：平台介入时间已清除"
    en = _sentences(library, case.id, "en")
    assert en[1].startswith("Case changed: stage set to Platform intervention; platform "
                            "intervention time set to 2024-09-18 11:00 +08:00")
    assert en[3] == ("Exhibit E1: kind set to packing record; caption set to “打包称重”; "
                     "marked as new evidence")
    text = "\n".join(zh + en)
    for code in ("case_updated", "exhibit_added", "kind=", "intervention_at", "+00:00"):
        assert code not in text


def test_an_unknown_action_is_still_shown(library):
    from evidencekit.domain import LogEntry
    from evidencekit.timeutil import utcnow
    e = LogEntry(1, 1, utcnow(), "me", "submission_recorded", "S1")
    assert log_sentence(e, "zh") == "submission recorded: S1"
