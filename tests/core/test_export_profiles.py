"""Submission profiles: archive embeds originals, limits are fitted, files split, or refused."""

from __future__ import annotations

import subprocess

import pytest
from pypdf import PdfReader

from evidencekit.errors import LimitError
from evidencekit.export import export_bundle, load_profiles, verify_bundle

from .export_fixtures import NOW, build_case
from .pdf_tools import qpdf_ok


def _images(path) -> list:
    """Every image XObject of a bundle (raw stream bytes and dictionary)."""
    reader = PdfReader(str(path))
    out = []
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject") or {}
        for name in xobjects:
            obj = xobjects[name].get_object()
            if obj.get("/Subtype") == "/Image":
                out.append(obj)
    return out


def test_archive_stores_a_jpeg_original_once_as_its_page_image(tmp_path):
    """Issue 10 item 7: in the records copy a JPEG original is the page image itself (its
    exact bytes, EXIF included) instead of a second attachment; verify hashes that stream."""
    import hashlib
    src = build_case(tmp_path / "c", photos=2)
    rep = export_bundle(src, tmp_path / "a.pdf", profile="archive", now=NOW)
    qpdf_ok(rep.files[0])
    photos = [e for e in src.exhibits if e.kind == "photo"]
    att = PdfReader(str(rep.files[0])).attachments
    assert len(att) == len(src.exhibits) - len(photos) + 1  # the others and the manifest
    assert not any(name.endswith(".jpg") for name in att)
    whole = {str(o["/EKOriginal"]): hashlib.sha256(o._data).hexdigest()
             for o in _images(rep.files[0]) if "/EKOriginal" in o}
    labels = {f"E{e.position}": e.sha256 for e in photos}
    assert whole == labels  # byte for byte the originals, GPS and all
    assert all(b"Exif" in src.blob_path(e.sha256).read_bytes()[:200] for e in photos)
    report = verify_bundle(rep.files[0])
    assert report.ok and report.checked_against == "embedded"
    assert {i.status for i in report.items} == {"ok"}
    total = sum(e.size for e in src.exhibits)
    assert rep.sizes[0] < total + 400_000  # each original once, plus the typeset pages


def test_platform_page_images_carry_no_gps_and_nothing_after_the_end_marker(tmp_path):
    """Issue 10 item 7: a photo with GPS in its EXIF and data hidden after its end marker shows
    neither in the platform copy, re-encoded (douyin) or passed through (archive): the
    platform copy of an archive profile embeds no originals either."""
    from .export_fixtures import fixture_library, make_photo, source_from_library
    lib, cid = fixture_library(tmp_path, photos=0, chat_messages=2)
    photo = make_photo(tmp_path / "gps.jpg", "gps", gps=True)
    photo.write_bytes(photo.read_bytes() + b"HIDDEN-AFTER-EOI 13812345678")
    lib.attach(cid, photo, kind="photo")
    source = source_from_library(lib, cid, "arbitration", NOW)
    for profile in ("douyin", "archive"):
        rep = export_bundle(source, tmp_path / f"{profile}.pdf", profile=profile, now=NOW,
                            audience="platform", allow_incomplete=True)
        jpegs = [o._data for o in _images(rep.files[0]) if o.get("/Filter") == "/DCTDecode"]
        assert jpegs, profile
        for data in jpegs:
            assert data.endswith(b"\xff\xd9"), profile  # nothing after the end marker
            assert b"Exif" not in data and b"HIDDEN" not in data, profile  # no EXIF, no GPS
        assert list(PdfReader(str(rep.files[0])).attachments) == ["manifest.json"], profile
        assert b"HIDDEN-AFTER-EOI" not in rep.files[0].read_bytes()


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
    for f, pages, size in zip(rep.files, rep.pages, rep.sizes, strict=True):
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


def _scanned_pdf(path, px=220):
    """A one-page PDF holding a noise image: merged as vector content, it cannot shrink."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas
    c = Canvas(str(path), invariant=1)
    noise = Image.merge("RGB", [Image.effect_noise((px, px), 90) for _ in range(3)])
    c.drawImage(ImageReader(noise), 72, 300, 400, 400)
    c.showPage()
    c.save()
    return path


def test_limit_error_names_the_exhibit_that_does_not_fit(tmp_path):
    """Not the largest original (a 12 MP photo shrinks to a few KB) but the scanned PDF."""
    import re
    from dataclasses import replace

    from PIL import Image

    from evidencekit.export import source_from_library

    from .export_fixtures import fixture_library
    lib, cid = fixture_library(tmp_path / "c", photos=1)
    big = tmp_path / "IMG_big.jpg"
    Image.effect_noise((4000, 3000), 60).convert("RGB").save(big, quality=95)
    lib.attach(cid, big, kind="photo", caption="大照片")
    scan = lib.attach(cid, _scanned_pdf(tmp_path / "scan.pdf"), kind="inspection_report",
                      caption="扫描件")
    src = source_from_library(lib, cid, "arbitration", NOW)
    label = f"E{len(src.exhibits)}"
    assert max(src.exhibits, key=lambda e: e.size).source_name == "IMG_big.jpg"
    # Room for everything but the scan: fits without it, not with it.
    base = export_bundle(replace(src, exhibits=src.exhibits[:-1]), tmp_path / "ok.pdf",
                         profile="amex-optblue", now=NOW)
    tight = replace(load_profiles()["amex-optblue"], max_total_bytes=sum(base.sizes) + 20_000)
    with pytest.raises(LimitError) as e:
        export_bundle(src, tmp_path / "t.pdf", profile=tight, now=NOW)
    msg = e.value.message_en
    assert f"{label} ({scan.source_name})" in msg and "IMG_big" not in msg, msg
    need = int(re.search(rf"{label} \(scan.pdf\) needs (\d+) KB", msg).group(1))
    assert 130 <= need <= 200, msg  # the noise image: 220 x 220 x 3 bytes, deflated
    assert "does not fit" in msg and label in e.value.message_zh
    assert e.value.code == "limit_exhibit_too_large"  # a declared error (errors/export.py)
    assert not list(tmp_path.glob("t*.pdf"))


def test_limit_error_for_pages_names_the_longest_exhibit(tmp_path):
    from dataclasses import replace
    src = build_case(tmp_path / "c", photos=1, chat_messages=400)
    tight = replace(load_profiles()["amex"], max_files=1)
    with pytest.raises(LimitError) as e:
        export_bundle(src, tmp_path / "t.pdf", profile=tight, now=NOW)
    assert "E1 (chat.txt) needs" in e.value.message_en and "pages" in e.value.message_en
    assert e.value.code == "limit_pages" and "E1（chat.txt）需要" in e.value.message_zh


def test_optblue_pages_have_no_colour(tmp_path):
    """Black and white means our own pages too: links, NEW markers, stalls, missing items."""
    from PIL import Image, ImageChops
    src = build_case(tmp_path / "c", mode="appeal", photos=2)
    rep = export_bundle(src, tmp_path / "o.pdf", mode="appeal", profile="amex-optblue", now=NOW)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(rep.files[0]), str(tmp_path / "p")],
                   check=True)
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == rep.pages[0]
    for png in pngs:
        r, g, b = Image.open(png).convert("RGB").split()
        spread = max(ImageChops.difference(r, g).getextrema()[1],
                     ImageChops.difference(g, b).getextrema()[1])
        assert spread <= 2, f"{png.name} has colour (channel spread {spread})"
    # and the colour profile still has colour: the check can see it
    colour = export_bundle(src, tmp_path / "c.pdf", mode="appeal", now=NOW)
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "3", str(colour.files[0]),
                    str(tmp_path / "q")], check=True)
    spreads = []
    for png in sorted(tmp_path.glob("q-*.png")):
        r, g, b = Image.open(png).convert("RGB").split()
        spreads.append(ImageChops.difference(r, b).getextrema()[1])
    assert max(spreads) > 20


def test_archive_refuses_an_original_altered_since_ingestion(tmp_path):
    from evidencekit.errors import ExportError
    src = build_case(tmp_path / "c", photos=2)
    photo = next(e for e in src.exhibits if e.kind == "photo")
    with open(src.blob_path(photo.sha256), "ab") as f:
        f.write(b"tampered")  # still a JPEG; only the hash tells
    out = tmp_path / "a.pdf"
    with pytest.raises(ExportError) as err:
        export_bundle(src, out, profile="archive", now=NOW)
    assert err.value.code == "blob_altered"
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*partial")) == []
