"""Inputs built to hang or eat memory (issue 15) are refused at the door, in seconds."""

from __future__ import annotations

import subprocess
import sys

import pytest

from evidencekit.errors import IngestError
from tests.core.test_cli import REPO, ek
from tests.data import hostile


@pytest.fixture
def case(library):
    return library.create_case(platform="douyin", dispute_type="quality_issue", order_no="1")


def _refused(library, case, path, code):
    with pytest.raises(IngestError) as info:
        library.attach(case.id, path)
    assert info.value.code == code, info.value.message("en")
    assert library.list_exhibits(case.id) == []
    return info.value


def test_zip_bomb_xlsx_refused_from_its_declared_sizes(library, case, tmp_path):
    bomb = hostile.zip_bomb_xlsx(tmp_path / "chat.xlsx", inflated_mb=120)
    assert bomb.stat().st_size < 2_000_000
    err = _refused(library, case, bomb, "zip_bomb")
    assert "ratio" in err.message("en")


def test_zip_bomb_refused_by_the_cli_in_one_line(tmp_path):
    lib = tmp_path / "lib"
    ek(lib, "init")
    ek(lib, "case", "new", "--type", "quality_issue", "--order", "1")
    bomb = hostile.zip_bomb_xlsx(tmp_path / "chat.xlsx", inflated_mb=120)
    r = subprocess.run([sys.executable, "-m", "evidencekit", "--library", str(lib), "attach", "1",
                        str(bomb)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1, r.stderr


def test_all_zero_file_refused(library, case, tmp_path):
    _refused(library, case, hostile.zero_file(tmp_path / "chat.txt", 64 * 1024 ** 2), "all_zero")


def test_two_gib_sparse_zero_file_refused_quickly(tmp_path):
    lib = tmp_path / "lib"
    ek(lib, "init")
    ek(lib, "case", "new", "--type", "quality_issue", "--order", "1")
    zero = hostile.zero_file(tmp_path / "export.txt", 2 * 1024 ** 3 - 1)
    r = subprocess.run([sys.executable, "-m", "evidencekit", "--library", str(lib), "--lang", "en",
                        "attach", "1", str(zero)], cwd=REPO, capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 2 and "zero bytes" in r.stderr, r.stderr


def test_pdf_content_bomb_refused_at_attach(library, case, tmp_path):
    _refused(library, case, hostile.inflating_pdf(tmp_path / "report.pdf", 120), "pdf_too_large")


def test_pdf_with_unreadable_page_box_flagged_at_attach(library, case, tmp_path):
    ex = library.attach(case.id, hostile.null_mediabox_pdf(tmp_path / "report.pdf"))
    assert "pdf_bad_page_box" in [w.code for w in ex.warnings]
    assert ex.facts["bad_page_boxes"] == [1]
