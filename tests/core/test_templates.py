"""Statement templates: real exhibit numbers by kind, blanks 【…】 that block a platform copy."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from evidencekit.domain import Case, Exhibit
from evidencekit.templates import blanks, fill, load_templates

AT = datetime(2024, 9, 17, tzinfo=timezone.utc)


def _ex(id_, pos, kind, new=False):
    return Exhibit(id=id_, case_id=1, position=pos, kind=kind, sha256=f"{id_:064x}", size=1,
                   source_name=f"f{id_}", added_at=AT, is_new=new)


def test_kind_fields_take_the_real_numbers():
    exhibits = [_ex(1, 1, "chat_log"), _ex(2, 2, "photo"), _ex(3, 3, "packing_record"),
                _ex(4, 4, "chat_log", new=True)]
    case = Case(id=1, case_no="EK-1", platform="douyin", dispute_type="damaged_in_transit",
                order_no="6921")
    assert fill("沟通记录见 {chat_log}，打包见 {packing_record}", case, exhibits) == \
        "沟通记录见 E1、E4，打包见 E3"
    assert fill("chat {chat_log}", case, exhibits, "en") == "chat E1, E4"
    assert fill("新证据 {new}", case, exhibits) == "新证据 E4"
    # a kind the case lacks becomes a blank the merchant must fill
    assert fill("快递证明见 {courier_proof}", case, exhibits) == "快递证明见 【快递公司证明】"


def test_damaged_template_points_at_the_case_exhibits_not_fixed_numbers():
    t = next(t for t in load_templates() if t.id == "arb_damaged")
    exhibits = [_ex(1, 1, "chat_log"), _ex(2, 2, "logistics_trace"), _ex(3, 3, "courier_proof"),
                _ex(4, 4, "packing_record")]
    case = Case(id=1, case_no="EK-1", platform="douyin", dispute_type="damaged_in_transit",
                order_no="6921")
    text = t.text("zh", case, exhibits)
    assert "打包记录（照片/视频，含称重）见 E4" in text and "物流轨迹见 E2" in text
    assert "沟通记录见 E1" in text and "说明见 E3" in text
    assert blanks(text) == ["【时间】", "【待填写】"]


def test_every_template_has_no_fixed_exhibit_number():
    import re
    for t in load_templates():
        for text in (t.text_zh, t.text_en):
            assert not re.search(r"\bE\d\b|E_", text), t.id


def test_blanks_are_brackets_but_not_quoted_places():
    assert blanks("买家于【签收时间】签收，快件到达【长沙岳麓营业点】，【杭州市】") == ["【签收时间】"]
    assert blanks("已处理完毕") == []


def test_a_bad_template_file_is_refused_naming_file_and_key(tmp_path):
    """Templates are read by the one TOML validator, like rules and profiles."""
    from evidencekit.errors import RuleError
    from evidencekit.templates import load_templates
    good = ('schema_version = 1\n[[templates]]\nid = "t"\ntitle_zh = "标题"\ntitle_en = "T"\n'
            'text_zh = "见 {chat_log}"\ntext_en = "see {chat_log}"\n')
    (tmp_path / "mine.toml").write_text(good, encoding="utf-8")
    assert [t.id for t in load_templates(tmp_path)] == ["t"]
    for bad, key in ((good.replace('title_en = "T"\n', ""), "templates[0].title_en"),
                     (good + 'mode = "apeal"\n', "templates[0].mode"),
                     (good + 'txet_zh = "typo"\n', "templates[0].txet_zh"),
                     (good.replace("schema_version = 1", "schema_version = 2"), "schema_version")):
        (tmp_path / "mine.toml").write_text(bad, encoding="utf-8")
        with pytest.raises(RuleError) as e:
            load_templates(tmp_path)
        assert "mine.toml" in str(e.value.message("en")) and key in e.value.message("en")
