"""Submission profiles: archive embeds originals, limits are fitted, files split, or refused."""

from __future__ import annotations

import subprocess

import pytest
from pypdf import PdfReader

from evidencekit.errors import LimitError
from evidencekit.export import export_bundle, load_profiles, verify_bundle

from .export_fixtures import NOW, build_case


def qpdf_ok(path):
    r = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_archive_embeds_originals_and_verifies(tmp_path):
    src = build_case(tmp_path / "c", photos=2)
    rep = export_bundle(src, tmp_path / "a.pdf", profile="archive", now=NOW)
    qpdf_ok(rep.files[0])
    att = PdfReader(str(rep.files[0])).attachments
    assert len(att) == len(src.exhibits) + 1
    assert verify_bundle(rep.files[0]).ok
    # original photo bytes are shown as-is (no re-encode): the JPEG scan data is in the file
    photo = next(e for e in src.exhibits if e.kind == "photo")
    raw = src.blob_path(photo.sha256).read_bytes()
    assert raw[-4000:] in rep.files[0].read_bytes()


def test_mastercom_limits(tmp_path):
    src = build_case(tmp_path / "c", photos=3)
    rep = export_bundle(src, tmp_path / "m.pdf", profile="mastercom", now=NOW)
    prof = load_profiles()["mastercom"]
    assert sum(rep.sizes) <= prof.max_total_bytes
    qpdf_ok(rep.files[0])


def test_amex_splits_into_files_each_with_cover_and_index(tmp_path):
    src = build_case(tmp_path / "c", photos=4, chat_messages=120, report_pages=12)
    rep = export_bundle(src, tmp_path / "amex.pdf", profile="amex", now=NOW)
    prof = load_profiles()["amex"]
    assert len(rep.files) >= 2
    assert [f.name for f in rep.files] == [f"amex-{i}.pdf" for i in range(1, len(rep.files) + 1)]
    assert not (tmp_path / "amex.pdf").exists()
    assert len(rep.files) <= prof.max_files
    for f, pages, size in zip(rep.files, rep.pages, rep.sizes):
        qpdf_ok(f)
        assert pages <= prof.max_pages_per_file and size <= prof.max_file_bytes
        text = subprocess.run(["pdftotext", str(f), "-"], capture_output=True, text=True).stdout
        assert "平台介入举证材料" in text and "证据目录" in text
        for i in range(1, len(src.exhibits) + 1):
            assert f"E{i}" in text  # full index in every file
    # every exhibit appears somewhere; evidence never dropped
    seen = set()
    for f in rep.files:
        for it in PdfReader(str(f)).outline:
            if not isinstance(it, list):
                seen.add(it.title.split()[0])
            else:
                seen |= {x.title.split()[0] for x in it if not isinstance(x, list)}
    assert {f"E{i}" for i in range(1, len(src.exhibits) + 1)} <= seen


def test_optblue_grayscale_and_one_megabyte(tmp_path):
    src = build_case(tmp_path / "c", photos=3)
    rep = export_bundle(src, tmp_path / "o.pdf", profile="amex-optblue", now=NOW)
    assert sum(rep.sizes) <= 1_000_000 and len(rep.files) == 1
    qpdf_ok(rep.files[0])
    # every image is grayscale
    for page in PdfReader(str(rep.files[0])).pages:
        for img in page.images:
            assert img.image.mode in ("L", "1"), img.name


def test_limit_error_names_exhibit(tmp_path):
    from dataclasses import replace
    src = build_case(tmp_path / "c", photos=3)
    tiny = replace(load_profiles()["amex-optblue"], max_total_bytes=60_000)
    with pytest.raises(LimitError) as e:
        export_bundle(src, tmp_path / "t.pdf", profile=tiny, now=NOW)
    assert "E" in e.value.message_en and "MB" in e.value.message_en
    assert not list(tmp_path.glob("t*.pdf"))
