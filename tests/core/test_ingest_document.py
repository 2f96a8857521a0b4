"""PDF documents: facts, kind by text, passwords, damaged and repairable files."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidencekit.errors import IngestError, PasswordRequired
from evidencekit.ingest import analyze, read_pdf_info
from evidencekit.ingest.model import IngestContext

DATA = Path(__file__).resolve().parents[1] / "data"


def test_inspection_report_facts():
    r = analyze(DATA / "inspection_report.pdf")
    assert (r.kind, r.kind_guess) == ("inspection_report", "inspection_report")
    assert r.kind_confidence >= 0.8
    f = r.facts
    assert f["pages"] == 2 and f["encrypted"] is False and f["repaired"] is False
    assert f["batch_numbers"] == ["LOT20240901-A3"]
    assert f["dates"] == ["2024-09-05", "2024-09-06"]  # not the report no. or GB 4806.5-2016
    assert f["text_excerpt"].startswith("产品质量检验报告")
    assert len(f["text_excerpt"]) <= 500
    assert r.warnings == [] and r.content is None


def test_batch_certificate_by_text_and_kind_override():
    r = analyze(DATA / "batch_certificate.pdf")
    assert r.kind == "batch_certificate" and r.facts["batch_numbers"] == ["B2024-0901"]
    r = analyze(DATA / "batch_certificate.pdf", kind="after_sale_voucher")
    assert (r.kind, r.kind_guess) == ("after_sale_voucher", "batch_certificate")


def test_encrypted_pdf_asks_for_the_password():
    path = DATA / "encrypted_8888.pdf"
    with pytest.raises(PasswordRequired) as e:
        analyze(path)
    assert e.value.code == "password_required" and e.value.message_zh and e.value.message_en
    with pytest.raises(PasswordRequired) as e:
        analyze(path, ctx=IngestContext(password="1234"))
    assert e.value.code == "password_wrong"
    r = analyze(path, ctx=IngestContext(password="8888"))
    assert r.facts["encrypted"] is True and r.facts["pages"] == 2
    assert r.kind == "inspection_report"
    assert read_pdf_info(path, "8888")["batch_numbers"] == ["LOT20240901-A3"]


def test_empty_user_password_opens_without_asking(tmp_path):
    from pypdf import PdfReader, PdfWriter
    w = PdfWriter(clone_from=PdfReader(DATA / "batch_certificate.pdf"))
    w.encrypt(user_password="", owner_password="secret", algorithm="AES-128")
    p = tmp_path / "locked for editing.pdf"
    with open(p, "wb") as f:
        w.write(f)
    info = read_pdf_info(p)
    assert info["encrypted"] is True and info["batch_numbers"] == ["B2024-0901"]


@pytest.mark.parametrize("name", ["truncated.pdf", "random_bytes.pdf"])
def test_damaged_pdfs_are_refused_clearly(name):
    with pytest.raises(IngestError) as e:
        analyze(DATA / name)
    assert e.value.code == "pdf_damaged"
    assert "PDF" in e.value.message_zh and "PDF" in e.value.message_en


def test_broken_xref_is_repaired_and_reported(tmp_path):
    data = (DATA / "inspection_report.pdf").read_bytes()
    i = data.rindex(b"startxref") + len(b"startxref\n")
    broken = data[:i] + b"999999" + data[data.index(b"\n", i):]
    p = tmp_path / "bad xref.pdf"
    p.write_bytes(broken)
    r = analyze(p)
    assert r.facts["pages"] == 2 and r.facts["repaired"] is True
    assert "pdf_repaired" in [w.code for w in r.warnings]


def test_scanned_pdf_without_text(tmp_path):
    from PIL import Image
    p = tmp_path / "scan.pdf"
    Image.new("RGB", (200, 300), "white").save(p)
    r = analyze(p)
    assert r.kind_guess == "other" and r.facts["has_text"] is False
    assert "pdf_no_text" in [w.code for w in r.warnings]


def test_repair_still_reported_after_the_cli_ran_in_this_process(tmp_path, capsys):
    """The CLI keeps pypdf's notes off stderr without hiding a repair from ingestion."""
    from evidencekit.cli.main import main
    main(["--library", str(tmp_path / "lib"), "init"])
    test_broken_xref_is_repaired_and_reported(tmp_path)
    assert "startxref" not in capsys.readouterr().err
