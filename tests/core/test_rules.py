"""Rules as data: built-in files load; user files add/override; bad files name file and key."""

from __future__ import annotations

import pytest

from evidencekit.errors import RuleError, UnknownDisputeType
from evidencekit.rules import load_rule_file, load_rules

DOUYIN_CLOCKS = {"reply": 24, "refund_handling": 48, "evidence": 48, "supplement": 72, "remedy": 24,
                 "appeal": 168}


def test_builtin_rules():
    rs = load_rules()
    assert rs.default_platform.id == "douyin" and not rs.errors
    d = rs.platform("douyin")
    assert {c.id: c.hours for c in d.clocks} == DOUYIN_CLOCKS
    assert (d.due_soon_hours, d.critical_hours, d.stall_hours) == (12, 2, 72)
    assert d.dispute_type("quality_issue").required == (("inspection_report",), ("chat_log",))
    assert d.dispute_type("damaged_in_transit").required[1] == ("courier_proof", "packing_record")
    assert d.dispute_type("signed_not_received").needs_signed_event
    t = rs.platform("tiktok_shop")
    # TikTok Shop: one dispute appeal within 21 days; penalty appeals are their own family
    assert t.max_appeals == 1 and t.max_penalty_appeals == 2 and t.ask_zone
    hours = {c.id: c.hours for c in t.clocks}
    assert hours["appeal"] == 21 * 24
    assert hours["penalty_appeal_first"] == 30 * 24 and hours["penalty_appeal_second"] == 15 * 24
    assert {c.family for c in t.clocks if c.id.startswith("penalty")} == {"penalty"}
    assert not next(c for c in t.clocks if c.id == "evidence").verified
    # TikTok's own reasons (its After-Sales Evidence Guide), none of Douyin's list
    tiktok_types = {x.id for x in t.dispute_types}
    assert len(tiktok_types) == 12 and not tiktok_types & {x.id for x in d.dispute_types}
    assert t.dispute_type("return_not_received").required == (("logistics_trace",),)
    assert t.dispute_type("product_works").required[0] == ("photo", "video")
    assert t.dispute_type("delivered_correct_address").needs_signed_event
    # a case made with an old id is still read (as the reason that answers it); a new one cannot use it
    assert t.dispute_type("signed_not_received").id == "delivered_correct_address"
    with pytest.raises(UnknownDisputeType):
        t.dispute_type("seven_day_return")
    with pytest.raises(UnknownDisputeType):
        t.dispute_type("quality_issue", legacy=False)
    assert len(d.dispute_types) == 11 and all(x.name_zh and x.name_en for x in d.dispute_types)
    counterfeit = d.dispute_type("counterfeit")
    assert counterfeit.required[0] == ("brand_authorization", "purchase_invoice")
    assert ("inspection_report",) in counterfeit.required
    # every clock and dispute type cites its source
    for p in rs.platforms.values():
        assert all(c.source for c in p.clocks), p.id
        assert all(x.source for x in p.dispute_types), p.id


def _write(tmp_path, text):
    p = tmp_path / "mine.toml"
    p.write_text(text, encoding="utf-8")
    return p


GOOD = """
schema_version = 1
id = "douyin"
name_zh = "抖店（本店）"
name_en = "Douyin (ours)"
[[clocks]]
id = "evidence"
name_zh = "举证"
name_en = "Evidence"
starts = "intervention_at"
hours = 24
stages = ["intervention"]
[[dispute_types]]
id = "quality_issue"
name_zh = "质量问题"
name_en = "Quality"
required = ["chat_log"]
"""


def test_user_rule_overrides_platform(tmp_path):
    _write(tmp_path, GOOD)
    rs = load_rules(tmp_path)
    assert rs.platform("douyin").name_zh == "抖店（本店）"
    assert rs.platform("douyin").clocks[0].hours == 24
    assert "tiktok_shop" in rs.platforms


@pytest.mark.parametrize("broken, key, expected", [
    (GOOD.replace("hours = 24", 'hours = "two days"'), "clocks[0].hours", "number"),
    (GOOD.replace('starts = "intervention_at"', 'starts = "yesterday"'), "clocks[0].starts", "one of"),
    (GOOD.replace('required = ["chat_log"]', 'required = ["chat_logs"]'),
     "dispute_types[0].required[0]", "evidence kind"),
    (GOOD.replace("schema_version = 1", "schema_version = 7"), "schema_version", "1"),
    (GOOD.replace('name_zh = "质量问题"\n', ""), "dispute_types[0].name_zh", "string"),
    (GOOD + "\n[[clocks\n", "(syntax)", "TOML"),
])
def test_malformed_rule_names_file_key_and_expectation(tmp_path, broken, key, expected):
    path = _write(tmp_path, broken)
    with pytest.raises(RuleError) as info:
        load_rule_file(path)
    err = info.value
    assert err.file == str(path) and err.key == key and expected in err.expected
    assert "mine.toml" in err.message_zh and key in err.message_en


def test_broken_user_file_keeps_builtin_rules(tmp_path):
    _write(tmp_path, GOOD.replace("hours = 24", "hours = -1"))
    rs = load_rules(tmp_path)
    assert rs.platform("douyin").name_zh == "抖店"  # built-in kept
    assert len(rs.errors) == 1 and rs.errors[0].key == "clocks[0].hours"


def test_every_tiktok_type_has_its_checklist():
    """Each TikTok reason gives a checklist of its own proofs; an old case's id reads as its reason."""
    from datetime import datetime, timezone

    from evidencekit.checklist import evaluate
    from evidencekit.domain import Case
    rs = load_rules()
    now = datetime(2026, 11, 29, tzinfo=timezone.utc)
    seen = set()
    for t in rs.platform("tiktok_shop").dispute_types:
        case = Case(id=1, case_no="EK-00001", platform="tiktok_shop", dispute_type=t.id, order_no="1")
        items = evaluate(case, [], rs, now=now)
        required = [i for i in items if i.required]
        assert required and all(i.status == "missing" for i in required), t.id
        seen.add(tuple(i.kind for i in items))
    assert len(seen) >= 8  # not one list repeated under twelve names
    old = Case(id=2, case_no="EK-00002", platform="tiktok_shop", dispute_type="lost_parcel", order_no="2")
    assert [i.kind for i in evaluate(old, [], rs, now=now) if i.required] == [
        "logistics_trace", "courier_proof"]


def test_rule_files_and_profiles_share_one_validator(tmp_path):
    """One error type, one message style: the file, the full key and what it must be."""
    from evidencekit.export.profiles import load_profiles
    good = (tmp_path / "p.toml")
    good.write_text('schema_version = 1\nname = "mine"\ntitle_zh = "我的"\ntitle_en = "Mine"\n'
                    "[photos]\ndpi = 150\n", encoding="utf-8")
    assert load_profiles(tmp_path)["mine"].dpi == 150
    cases = [
        # a typo in a section was silently ignored before the profiles used the shared reader
        ("[photos]\ndpi = 150\n", "[photos]\ndpy = 150\n", "photos.dpy", "one of"),
        ("dpi = 150", "dpi = true", "photos.dpi", "an integer 36–1200"),
        ("dpi = 150", "dpi = 20", "photos.dpi", "an integer 36–1200"),
    ]
    for old, new, key, expected in cases:
        good.write_text(good.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        with pytest.raises(RuleError) as info:
            load_profiles(tmp_path)
        err = info.value
        assert (err.key, expected in err.expected, err.file) == (key, True, str(good))
        assert err.message_en == f"Rule file {good} is malformed: key '{key}' must be {err.expected}"
        good.write_text(good.read_text(encoding="utf-8").replace(new, old), encoding="utf-8")
    (tmp_path / "r").mkdir()
    path = _write(tmp_path / "r", GOOD.replace("hours = 24", "hours = true"))
    with pytest.raises(RuleError) as info:
        load_rule_file(path)
    assert info.value.key == "clocks[0].hours" and "a number" in info.value.expected
