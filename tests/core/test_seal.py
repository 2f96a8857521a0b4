"""The sealed bundle (issue 10 item 3): a PAdES signature over every byte with the library's
key; verify fails on a changed byte, a replaced image or a removed page, and passes an
untouched bundle checked against its library; the same case, --now and name give the same
bytes; a renamed file keeps its content."""

from __future__ import annotations

import io
import json
import stat
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from evidencekit.export import export_case
from evidencekit.export.seal import Sealer, check_seal, library_sealer
from evidencekit.export.sealkey import ensure_seal_key, load_seal_key, seal_key_paths
from evidencekit.store import Library

from .test_cli import ek

DATA = Path(__file__).resolve().parents[1] / "data"
FILES = ["chat_gbk.txt", "photo_exif.jpg", "inspection_report.pdf"]
NOW = "2024-09-23T08:00:00+08:00"


@pytest.fixture
def case(tmp_path):
    lib = tmp_path / "lib"
    assert ek(lib, "init").returncode == 0
    r = ek(lib, "case", "new", "--type", "signed_not_received", "--order", "4921", "--buyer",
           "王小美", "--phone", "13912345678", "--amount", "129")
    cid = r.stdout.split()[-1]
    assert ek(lib, "attach", cid, *[DATA / f for f in FILES]).returncode == 0
    return lib, cid


def _export(lib, cid, out) -> Path:
    r = ek(lib, "export", cid, "-o", out, "--allow-incomplete", "--now", NOW)
    assert r.returncode == 0, r.stderr
    return Path(out)


def _verify(lib, path, *extra):
    r = ek(lib, "verify", path, "--json", *extra)
    return r.returncode, json.loads(r.stdout) if r.stdout.strip() else r.stderr


def test_init_makes_an_owner_only_key_naming_the_library(tmp_path):
    lib = tmp_path / "店铺库"
    assert ek(lib, "init").returncode == 0
    key = load_seal_key(lib)
    assert key is not None
    assert stat.S_IMODE(key.key_path.stat().st_mode) == 0o600
    from cryptography import x509
    cert = x509.load_pem_x509_certificate(key.cert_pem)
    assert "店铺库" in cert.subject.rfc4514_string()
    assert cert.public_key().key_size == 2048


def test_sealed_bundle_is_intact_and_repeatable_and_rename_safe(case, tmp_path):
    lib, cid = case
    a = _export(lib, cid, tmp_path / "a.pdf")
    (tmp_path / "d").mkdir()
    b = _export(lib, cid, tmp_path / "d" / "renamed.pdf")
    assert a.read_bytes() == b.read_bytes()  # same case, --now: same bytes, whatever the name
    seal = check_seal(a)
    assert seal.ok and seal.intact and seal.whole_file
    assert seal.signer_fingerprint == load_seal_key(lib).fingerprint
    sig = subprocess.run(["pdfsig", str(a)], capture_output=True, text=True).stdout
    assert "Signature is Valid" in sig and "Total document signed" in sig
    text = subprocess.run(["pdftotext", str(a), "-"], capture_output=True, text=True).stdout
    assert "平台介入举证材料" in text
    assert "a.pdf" not in text and "renamed" not in text
    fonts = subprocess.run(["pdffonts", str(a)], capture_output=True, text=True)
    assert fonts.returncode == 0 and "yes" in fonts.stdout


def test_untouched_bundle_passes_against_its_library_without_originals(case, tmp_path):
    lib, cid = case
    a = _export(lib, cid, tmp_path / "a.pdf")
    r = ek(lib, "export", cid, "-o", tmp_path / "j.pdf", "--now", NOW, "--json",
           "--allow-incomplete")
    assert json.loads(r.stdout)["sealed"] is True
    rc, rep = _verify(lib, a)
    assert rc == 0, rep
    assert rep["checked_against"] == "library" and rep["signed_by_this_library"] is True
    assert rep["cover_ok"] is True and rep["seal"]["whole_file"]
    assert [i["status"] for i in rep["items"]] == ["ok"] * len(FILES)
    r = ek(lib, "verify", a, lang="en")
    assert r.returncode == 0 and "signed by this library" in r.stdout


def test_changed_byte_fails(case, tmp_path):
    lib, cid = case
    data = bytearray(_export(lib, cid, tmp_path / "a.pdf").read_bytes())
    i = data.find(b"/Producer")
    data[i + 12] ^= 1
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(bytes(data))
    rc, rep = _verify(lib, bad)
    assert rc == 1 and rep["seal"]["intact"] is False


def _first_image(writer):
    for page in writer.pages:
        xobjs = page["/Resources"].get("/XObject") or {}
        for ref in xobjs.values():
            if ref.get_object().get("/Subtype") == "/Image":
                return ref.get_object()
    raise AssertionError("no image in the bundle")


def test_replaced_image_fails_rewritten_or_appended(case, tmp_path):
    lib, cid = case
    a = _export(lib, cid, tmp_path / "a.pdf")
    # Rewritten whole: the signature's byte ranges no longer hold what was signed.
    w = PdfWriter(clone_from=str(a))
    img = _first_image(w)
    img._data = (DATA / "photo_rotated.jpg").read_bytes()  # another photo, same filter
    out = tmp_path / "rewritten.pdf"
    w.write(out)
    rc, rep = _verify(lib, out)
    assert rc == 1
    # Appended as an incremental update: the old signature stays intact but no longer
    # covers the whole file.
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    buf = io.BytesIO(a.read_bytes())
    iw = IncrementalPdfFileWriter(buf)
    page = iw.root["/Pages"]["/Kids"][0].get_object()
    from pyhanko.pdf_utils.generic import NumberObject
    page["/Rotate"] = NumberObject(90)
    iw.update_container(page)
    iw.write_in_place()
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(buf.getvalue())
    rc, rep = _verify(lib, appended)
    assert rc == 1 and rep["seal"]["intact"] and not rep["seal"]["whole_file"]


def test_removed_page_fails(case, tmp_path):
    lib, cid = case
    a = _export(lib, cid, tmp_path / "a.pdf")
    w = PdfWriter(clone_from=str(a))
    w.remove_page(len(w.pages) - 1)
    out = tmp_path / "short.pdf"
    w.write(out)
    assert len(PdfReader(out).pages) == len(PdfReader(a).pages) - 1
    rc, rep = _verify(lib, out)
    assert rc == 1


def test_another_librarys_verify_names_the_signer_and_fails(case, tmp_path):
    lib, cid = case
    a = _export(lib, cid, tmp_path / "a.pdf")
    other = tmp_path / "other"
    assert ek(other, "init").returncode == 0
    rc, rep = _verify(other, a)
    assert rc == 1 and rep["signed_by_this_library"] is False and rep["seal"]["intact"]


def test_library_made_before_sealing_gets_a_key_on_first_export(tmp_path):
    now = datetime(2024, 9, 23, tzinfo=timezone.utc)
    with Library.open(tmp_path / "old") as lib:
        c = lib.create_case(platform="douyin", dispute_type="signed_not_received",
                            order_no="1")
        lib.attach(c.id, DATA / "photo_exif.jpg")
        assert load_seal_key(lib.root) is None
        rep = export_case(lib, c.id, tmp_path / "x.pdf", now=now, allow_incomplete=True)
        assert rep.sealed and load_seal_key(lib.root) is not None
        assert check_seal(tmp_path / "x.pdf").ok


def test_timestamp_added_when_a_server_is_configured(case, tmp_path):
    from pyhanko.keys import load_cert_from_pemder, load_private_key_from_pemder
    from pyhanko.sign.timestamps import HTTPTimeStamper
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    lib_path, cid = case
    with Library.open(lib_path) as lib:
        assert library_sealer(lib).timestamper is None  # none configured: no timestamp
        lib.set_setting("timestamp_url", "http://tsa.invalid/tsr")
        ts = library_sealer(lib).timestamper
        assert isinstance(ts, HTTPTimeStamper) and ts.url == "http://tsa.invalid/tsr"
        (tmp_path / "tsa").mkdir()
        tsa = ensure_seal_key(tmp_path / "tsa", "Test TSA")  # a local timestamper, no network
        local = DummyTimeStamper(load_cert_from_pemder(str(tsa.cert_path)),
                                 load_private_key_from_pemder(str(tsa.key_path), None),
                                 fixed_dt=datetime(2024, 9, 23, tzinfo=timezone.utc))
        out = tmp_path / "ts.pdf"
        from evidencekit.export.case import CaseExport
        job = CaseExport.prepare(lib, cid, out, now=datetime.fromisoformat(NOW),
                                 allow_incomplete=True)
        from dataclasses import replace
        job = replace(job, sealer=Sealer(job.sealer.key, local))
        job.write()
    seal = check_seal(out)
    assert seal.ok and seal.timestamped
    assert seal_key_paths(lib_path).key_path.is_file()


def test_timestamp_server_set_from_the_cli_timestamps_the_export(case, tmp_path):
    """``settings set timestamp_url URL`` (the app's settings dialog stores the same): the next
    export carries an RFC 3161 timestamp from that server (here a local one on loopback)."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from asn1crypto import tsp
    from pyhanko.keys import load_cert_from_pemder, load_private_key_from_pemder
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    (tmp_path / "tsa").mkdir()
    tsa = ensure_seal_key(tmp_path / "tsa", "Test TSA")
    stamper = DummyTimeStamper(load_cert_from_pemder(str(tsa.cert_path)),
                               load_private_key_from_pemder(str(tsa.key_path), None),
                               fixed_dt=datetime(2024, 9, 23, tzinfo=timezone.utc))
    asked = []

    class Tsa(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's name
            req = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            body = stamper.request_tsa_response(req).dump()
            asked.append(self.headers.get("Content-Type"))
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Tsa)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    lib, cid = case
    try:
        url = f"http://127.0.0.1:{server.server_port}/tsr"
        for bad in (("set", "timestamp_url", "tsa.example.com"), ("set", "nonsense", "x")):
            r = ek(lib, "settings", *bad)
            assert r.returncode == 2 and "Traceback" not in r.stderr
        assert ek(lib, "settings", "set", "timestamp_url", url).returncode == 0
        assert json.loads(ek(lib, "settings", "show", "--json").stdout)["timestamp_url"] == url
        out = _export(lib, cid, tmp_path / "stamped.pdf")
    finally:
        server.shutdown()
    assert asked and set(asked) == {"application/timestamp-query"}  # asked the configured server
    code, report = _verify(lib, out)
    assert code == 0 and check_seal(out).timestamped
    assert ek(lib, "settings", "unset", "timestamp_url").returncode == 0
    assert not check_seal(_export(lib, cid, tmp_path / "plain.pdf")).timestamped
