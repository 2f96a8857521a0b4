"""More targets (issue 10 item 8): Stripe and Visa (J.P. Morgan) profiles fit, sealed;
Mastercom file names are at most 16 ASCII characters."""

from __future__ import annotations

import re
import subprocess

import pytest
from pypdf import PdfReader

from evidencekit.errors import OutputNameRejected
from evidencekit.export import export_bundle, load_profiles
from evidencekit.export.seal import Sealer, check_seal
from evidencekit.export.sealkey import ensure_seal_key

from .export_fixtures import NOW, build_case
from .pdf_tools import qpdf_ok


@pytest.fixture
def sealer(tmp_path):
    (tmp_path / "k").mkdir()
    return Sealer(ensure_seal_key(tmp_path / "k", "test library"))


def _image_dpis(path) -> list[float]:
    """Effective DPI of every image as placed (pdfimages -list: x-ppi column)."""
    out = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True).stdout
    return [float(row.split()[12]) for row in out.splitlines()[2:] if row.strip()]


def test_stripe_fits_in_all_and_under_fifty_pages(tmp_path, sealer):
    prof = load_profiles()["stripe"]
    assert prof.max_total_bytes == 4_500_000 and prof.max_pages_per_file == 49
    src = build_case(tmp_path / "c", photos=8, chat_messages=150, report_pages=6)
    rep = export_bundle(src, tmp_path / "s.pdf", profile="stripe", now=NOW, sealer=sealer)
    assert sum(rep.sizes) <= 4_500_000 and all(p < 50 for p in rep.pages)
    assert len(rep.files) == 1 and len(PdfReader(str(rep.files[0])).pages) == rep.pages[0]
    qpdf_ok(rep.files[0])
    assert check_seal(rep.files[0]).ok


def test_visa_fits_two_megabytes_200_dpi_100_pages(tmp_path, sealer):
    prof = load_profiles()["visa"]
    assert (prof.max_file_bytes, prof.max_dpi, prof.max_pages_per_file) == (2_000_000, 200, 100)
    src = build_case(tmp_path / "c", photos=8, chat_messages=150, report_pages=6)
    rep = export_bundle(src, tmp_path / "v.pdf", profile="visa", now=NOW, sealer=sealer)
    assert len(rep.files) == 1 and rep.sizes[0] <= 2_000_000 and rep.pages[0] <= 100
    assert rep.files[0].stat().st_size == rep.sizes[0]  # the size counted is the sealed file
    dpis = _image_dpis(rep.files[0])
    assert dpis and max(dpis) <= 201, dpis  # pdfimages rounds
    assert check_seal(rep.files[0]).ok


def test_mastercom_names_at_most_sixteen_ascii_characters(tmp_path):
    prof = load_profiles()["mastercom"]
    assert prof.max_name_chars == 16 and prof.ascii_names
    src = build_case(tmp_path / "c", photos=1)
    for bad in ("dispute-evidence-4921.pdf", "证据.pdf"):
        with pytest.raises(OutputNameRejected) as e:
            export_bundle(src, tmp_path / bad, profile="mastercom", now=NOW)
        assert "16" in e.value.message_en and bad in e.value.message_en
        assert not (tmp_path / bad).exists()
        example = re.search(r"for example (\S+\.pdf)", e.value.hint_en).group(1)
        assert len(example) <= 16 and example.isascii()
    rep = export_bundle(src, tmp_path / "EK4921-chgbk.pdf", profile="mastercom", now=NOW)
    assert rep.files[0].name == "EK4921-chgbk.pdf" and len(rep.files[0].name) == 16
    # Other profiles keep any name.
    export_bundle(src, tmp_path / "证据-dispute-evidence.pdf", profile="douyin", now=NOW)
