"""Export from the real store: source_from_library, passwords, platform zone, determinism,
verify against an originals folder (the library keeps its own copies untouched)."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from evidencekit.domain import AppealPoint
from evidencekit.errors import ExportError
from evidencekit.export import export_bundle, source_from_library, verify_bundle
from evidencekit.store import Library

from .pdf_tools import qpdf_ok, text_of

DATA = Path(__file__).resolve().parent.parent / "data"
UTC = timezone.utc
CLOCK = datetime(2024, 9, 19, 1, 30, tzinfo=UTC)
NOW = datetime(2024, 9, 20, 2, 0, tzinfo=UTC)
FILES = ["chat_gbk.txt", "trace_kuaidi100.json", "photo_exif.jpg", "photo_rotated.jpg",
         "inspection_report.pdf", "encrypted_8888.pdf"]


def make_library(root: Path) -> tuple[Library, int, dict[str, str]]:
    lib = Library.open(root, clock=lambda: CLOCK)
    lib.set_setting("store_names", ["小美家居旗舰店客服"])
    case = lib.create_case(platform="douyin", dispute_type="signed_not_received", order_no="4921",
                           buyer_name="王小二", buyer_phone="13912345678",
                           statement="顺丰轨迹显示买家本人签收；发货前有打包照片。")
    lib.update_case(case.id, stage="intervention", intervention_at=CLOCK - timedelta(hours=20))
    shas = {}
    for name in FILES:
        ex = lib.attach(case.id, DATA / name, password="8888" if "encrypted" in name else None)
        shas[name] = ex.sha256
    return lib, case.id, shas


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    root = tmp_path_factory.mktemp("lib")
    lib, case_id, shas = make_library(root / "lib")
    yield root, lib, case_id, shas
    lib.close()


@pytest.fixture
def machine_in_new_york(monkeypatch):
    """The machine's local zone is not China's: the bundle must not follow it."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_encrypted_exhibit_asks_for_its_password(library, tmp_path):
    _, lib, case_id, _ = library
    src = source_from_library(lib, case_id, "arbitration", NOW)
    with pytest.raises(ExportError) as e:
        export_bundle(src, tmp_path / "x.pdf", now=NOW)
    assert e.value.code == "password_required"
    assert "encrypted_8888.pdf" in e.value.message_en and "E6" in e.value.message_en
    assert not list(tmp_path.iterdir())


def test_arbitration_from_library(library, tmp_path, machine_in_new_york):
    root, lib, case_id, shas = library
    src = source_from_library(lib, case_id, "arbitration", NOW)
    assert src.zone == "Asia/Shanghai"
    rep = export_bundle(src, tmp_path / "arb.pdf", now=NOW,
                        passwords={shas["encrypted_8888.pdf"]: "8888"})
    path = rep.files[0]
    qpdf_ok(path)
    text = text_of(path)
    for want in ("平台介入举证材料", "签收未收到", "收到的杯子碎了", "小美家居旗舰店客服", "顺丰",
                 "王**", "139****5678", "photo_rotated.jpg", "encrypted_8888.pdf"):
        assert want in text, want
    assert "13912345678" not in text
    # platform time (China Standard Time), not the machine's New York time
    pages = text.split("\f")
    assert all("生成 2024-09-20 10:00:00 +08:00" in p for p in pages if p.strip())
    assert "-04:00" not in text and "-05:00" not in text
    # both merged PDFs (one decrypted) are there as text
    assert text.count("LOT20240901-A3") >= 2
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    ours = [line for line in fonts if "WenQuanYi" in line or "WQY" in line]
    assert ours and all(line.split()[-5] == "yes" for line in ours), fonts

    # verify against a folder of the user's own copies; tamper one, it is named
    originals = tmp_path / "originals"
    originals.mkdir()
    for name in FILES:
        shutil.copyfile(DATA / name, originals / name)
    assert verify_bundle(path, originals).ok
    (originals / "photo_exif.jpg").write_bytes((DATA / "photo_exif.jpg").read_bytes()[:-10])
    report = verify_bundle(path, originals)
    assert not report.ok
    bad = {i.source_name: i.status for i in report.items if i.status != "ok"}
    assert bad == {"photo_exif.jpg": "differs"}


def test_explicit_zone_wins(library, tmp_path):
    _, lib, case_id, shas = library
    src = source_from_library(lib, case_id, "arbitration", NOW,
                              passwords={shas["encrypted_8888.pdf"]: "8888"})
    rep = export_bundle(src, tmp_path / "utc.pdf", now=NOW, zone="UTC")
    assert "生成 2024-09-20 02:00:00 +00:00" in text_of(rep.files[0])


def test_deterministic_through_the_library(library, tmp_path):
    root, lib, case_id, shas = library
    pw = {shas["encrypted_8888.pdf"]: "8888"}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = export_bundle(source_from_library(lib, case_id, "arbitration", NOW), tmp_path / "a" /
                      "x.pdf", now=NOW, passwords=pw)
    b = export_bundle(source_from_library(lib, case_id, "arbitration", NOW), tmp_path / "b" /
                      "x.pdf", now=NOW, passwords=pw)
    assert a.files[0].read_bytes() == b.files[0].read_bytes()
    # a second library built the same way, with the same clock, gives the same bytes
    # (the file name is in the manifest, so it is the same too)
    lib2, case2, _ = make_library(tmp_path / "lib2")
    (tmp_path / "c").mkdir()
    with lib2:
        c = export_bundle(source_from_library(lib2, case2, "arbitration", NOW),
                          tmp_path / "c" / "x.pdf", now=NOW, passwords=pw)
    assert c.files[0].read_bytes() == a.files[0].read_bytes()
    assert c.bundle_sha256s == a.bundle_sha256s


def test_appeal_from_library_with_new_exhibit(tmp_path):
    lib, case_id, shas = make_library(tmp_path / "lib")
    with lib:
        trace_id = next(e.id for e in lib.list_exhibits(case_id) if e.sha256 ==
                        shas["trace_kuaidi100.json"])
        lib.update_case(case_id, stage="judged", judgment_at=CLOCK + timedelta(hours=3),
                        judgment_ref="PJ-1",
                        appeal_points=[AppealPoint("判定认为未妥投", "轨迹显示本人签收", [trace_id])])
        new = lib.attach(case_id, DATA / "batch_certificate.pdf", is_new=True)
        assert new.is_new and new.new_override is True
        src = source_from_library(lib, case_id, "appeal", NOW,
                                  passwords={shas["encrypted_8888.pdf"]: "8888"})
        rep = export_bundle(src, tmp_path / "appeal.pdf", mode="appeal", now=NOW)
    path = rep.files[0]
    qpdf_ok(path)
    text = text_of(path)
    for want in ("申诉材料", "PJ-1", "判定认为未妥投", "轨迹显示本人签收", "新证据", "产品合格证"):
        assert want in text, want
    assert re.search(r"E7\s", text)
