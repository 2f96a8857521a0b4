"""CLI export and verify end to end on realistic files: a signed-but-not-received case."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .test_cli import ek

pytestmark = pytest.mark.usefixtures("engine")

DATA = Path(__file__).resolve().parents[1] / "data"
FILES = ["chat_gbk.txt", "trace_kuaidi100.json", "photo_exif.jpg", "photo_rotated.jpg",
         "inspection_report.pdf"]
NOW = "2024-09-23T08:00:00+08:00"


@pytest.fixture
def case(tmp_path):
    lib = tmp_path / "lib"
    ek(lib, "init")
    r = ek(lib, "case", "new", "--type", "signed_not_received", "--order", "4921", "--buyer", "王小美",
           "--phone", "13912345678", "--amount", "129")
    cid = r.stdout.split()[-1]
    ek(lib, "case", "set", cid, "--stage", "intervention", "--intervention-at", "2024-09-22 10:00",
       "--shipped-at", "2024-09-15 14:00",
       "--statement", "轨迹显示包裹已于 9 月 16 日签收，沟通记录见 E1。")
    r = ek(lib, "attach", cid, *[DATA / f for f in FILES])
    assert r.returncode == 0, r.stderr
    return lib, cid


def test_export_then_verify_untouched_and_altered(case, tmp_path):
    lib, cid = case
    out = tmp_path / "bundle.pdf"
    r = ek(lib, "export", cid, "-o", out, "--now", NOW, "--json")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["files"] == [str(out)] and out.exists() and report["pages"][0] >= 6
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "平台介入举证材料" in text and "签收未收到" in text
    assert "13912345678" not in text and "139****5678" in text  # masked by default
    assert "+08:00" in text  # Douyin times in China Standard Time, with the zone printed
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all(r[-5] == "yes" for r in rows), fonts  # every font embedded
    show = json.loads(ek(lib, "case", "show", cid, "--json").stdout)
    # an export is a draft: listed under exports, not submissions (conventions.md)
    assert show["submissions"] == []
    assert show["exports"][0]["manifest_sha256"] == report["manifest_sha256"]
    assert [f["path"] for f in show["exports"][0]["files"]] == [str(out)]
    assert show["exports"][0]["files"][0]["sha256"] == report["bundle_sha256s"][0]

    originals = tmp_path / "orig"
    originals.mkdir()
    for f in FILES:
        shutil.copy(DATA / f, originals / f)
    r = ek(lib, "verify", out, "--originals", originals, "--json")
    assert r.returncode == 0, r.stdout + r.stderr
    assert all(i["status"] == "ok" for i in json.loads(r.stdout)["items"])
    (originals / "photo_exif.jpg").write_bytes((DATA / "photo_exif.jpg").read_bytes()[:-10] + b"x" * 10)
    r = ek(lib, "verify", out, "--originals", originals, lang="en")
    assert r.returncode == 1 and "photo_exif.jpg" in [ln for ln in r.stdout.splitlines()
                                                       if "DIFFERS" in ln][0]


def test_export_same_now_is_byte_identical(case, tmp_path):
    lib, cid = case
    out = tmp_path / "bundle.pdf"
    assert ek(lib, "export", cid, "-o", out, "--now", NOW).returncode == 0
    first = out.read_bytes()
    out.unlink()
    assert ek(lib, "export", cid, "-o", out, "--now", NOW).returncode == 0
    assert out.read_bytes() == first


def test_export_bad_destination_exits_2(case, tmp_path):
    lib, cid = case
    r = ek(lib, "export", cid, "-o", tmp_path / "no-such-dir" / "x.pdf", "--now", NOW)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "no-such-dir").exists()


def test_export_encrypted_pdf_needs_password(case, tmp_path):
    lib, cid = case
    assert ek(lib, "attach", cid, DATA / "encrypted_8888.pdf", "--password", "8888").returncode == 0
    out = tmp_path / "b.pdf"
    r = ek(lib, "export", cid, "-o", out, "--now", NOW)
    assert r.returncode == 2 and "encrypted_8888.pdf" in r.stderr and not out.exists()
    r = ek(lib, "export", cid, "-o", out, "--now", NOW, "--password", "E6=8888")
    assert r.returncode == 0, r.stderr
    assert ek(lib, "export", cid, "-o", out, "--now", NOW, "--password", "8888",
              "--force").returncode == 0


def test_action_log_in_bundle_is_masked(case, tmp_path):
    lib, cid = case
    # a detail written by an older version, with a raw phone number in it
    from evidencekit.store import Library
    from evidencekit.store.schema import log
    with Library.open(lib) as library, library.db.write() as conn:  # on either engine
        conn.execute(log.insert().values(case_id=int(cid), at="2024-09-22T01:00:00+00:00", actor="x",
                                         action="case_updated", detail="buyer_phone=13987654321"))
    out = tmp_path / "b.pdf"
    # The action log is internal: only the records copy prints it, masked when asked.
    assert ek(lib, "export", cid, "-o", out, "--now", NOW, "--for", "records",
              "--mask").returncode == 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "13987654321" not in text and "139****4321" in text
    assert ek(lib, "export", cid, "-o", out, "--now", NOW, "--force",
              "--allow-incomplete").returncode == 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "case_updated" not in text and "操作日志" not in text  # the platform copy


@pytest.mark.parametrize("name, line", [
    ("chat_gbk.txt", "顾客: 你好，我买的玻璃杯今天发货吗？"),
    ("chat_big5.txt", "買家: 收到的杯子碎了"),
    ("trace_gbk.csv", "快件已被【丰巢快递柜】代收")])
def test_legacy_encoded_text_as_other_shows_its_chinese(tmp_path, name, line):
    """A GBK (or Big5) file filed as 'other' is shown as text decoded with the encoding attach
    found, not as UTF-16 mojibake."""
    lib = tmp_path / "lib"
    ek(lib, "init")
    cid = ek(lib, "case", "new", "--type", "signed_not_received", "--order", "4921").stdout.split()[-1]
    assert ek(lib, "attach", cid, DATA / name, "--kind", "other").returncode == 0
    out = tmp_path / "bundle.pdf"
    r = ek(lib, "export", cid, "-o", out, "--now", NOW)
    assert r.returncode == 2 and "陈述为空" in r.stderr + r.stdout  # not ready for the platform
    assert not out.exists()
    r = ek(lib, "export", cid, "-o", out, "--now", NOW, "--allow-incomplete")
    assert r.returncode == 0, r.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert line in text
