"""Export survives exhibits it cannot draw (issue 15): each becomes a placeholder page with
its number, file, reason and SHA-256; the bundle is produced, verifies, and the report names
them."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from evidencekit.export import export_bundle, source_from_library, verify_bundle
from evidencekit.store import Library
from tests.conftest import DATA
from tests.core.pdf_tools import qpdf_ok, text_of
from tests.core.test_cli import ek
from tests.data import hostile

UTC = timezone.utc
CLOCK = datetime(2024, 9, 19, 1, 30, tzinfo=UTC)
NOW = datetime(2024, 9, 20, 2, 0, tzinfo=UTC)


@pytest.fixture
def broken_case(tmp_path, monkeypatch):
    """A case holding exhibits an older version let in (attach checks switched off)."""
    import evidencekit.ingest.document as document
    lib = Library.open(tmp_path / "lib", clock=lambda: CLOCK)
    case = lib.create_case(platform="douyin", dispute_type="quality_issue", order_no="4921")
    lib.attach(case.id, DATA / "chat_gbk.txt")
    with monkeypatch.context() as m:
        m.setattr(document, "_check_pages", lambda reader: [])
        box = lib.attach(case.id, hostile.null_mediabox_pdf(tmp_path / "null_box.pdf"))
        bomb = lib.attach(case.id, hostile.inflating_pdf(tmp_path / "bomb.pdf", 100))
    lib.attach(case.id, DATA / "inspection_report.pdf")
    yield lib, case, {"E2": box.sha256, "E3": bomb.sha256}
    lib.close()


def test_undrawable_exhibits_become_placeholder_pages(broken_case, tmp_path):
    lib, case, shas = broken_case
    out = tmp_path / "bundle.pdf"
    report = export_bundle(source_from_library(lib, case.id, "arbitration", NOW), out, now=NOW,
                           allow_incomplete=True)
    assert [ph.number for ph in report.placeholders] == ["E2", "E3"]
    assert [ph.sha256 for ph in report.placeholders] == [shas["E2"], shas["E3"]]
    assert "page size" in report.placeholders[0].reason_en
    assert "inflates" in report.placeholders[1].reason_en
    assert any("E2" in en and "placeholder" in en for _, en in report.warnings)
    qpdf_ok(out)
    originals = tmp_path / "originals"
    originals.mkdir()
    for ex in lib.list_exhibits(case.id):
        (originals / ex.source_name).write_bytes(lib.blob_path(ex.sha256).read_bytes())
    assert verify_bundle(out, originals).ok
    text = " ".join(text_of(out).split())
    for sha in shas.values():
        assert sha in text
    assert "null_box.pdf" in text and "以本页代替" in text
    assert "检验报告" in text or "质检报告" in text  # the good PDF after them is still merged


def test_cli_export_json_names_placeholders(broken_case, tmp_path):
    lib, case, shas = broken_case
    r = ek(lib.root, "export", str(case.id), "-o", tmp_path / "b.pdf", "--allow-incomplete",
           "--now", "2024-09-20T10:00+08:00", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert [p["number"] for p in data["placeholders"]] == ["E2", "E3"]
    assert {p["sha256"] for p in data["placeholders"]} == set(shas.values())
    assert "Traceback" not in r.stderr


def _expanded(pdf, tmp_path) -> bytes:
    import subprocess
    out = tmp_path / "qdf.pdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(pdf), str(out)], check=True)
    return out.read_bytes()


def test_merged_pages_carry_no_scripts_launch_actions_or_embedded_payloads(tmp_path):
    lib = Library.open(tmp_path / "lib", clock=lambda: CLOCK)
    case = lib.create_case(platform="douyin", dispute_type="quality_issue", order_no="1")
    lib.attach(case.id, hostile.active_content_pdf(tmp_path / "report.pdf"))
    out = tmp_path / "bundle.pdf"
    export_bundle(source_from_library(lib, case.id, "arbitration", NOW), out, now=NOW,
                           allow_incomplete=True)
    lib.close()
    data = _expanded(out, tmp_path)
    for needle in (b"/JavaScript", b"/Launch", b"app.alert", b"cmd.exe", b"payload.exe",
                   b"MZ-not-really-an-exe", b"/OpenAction"):
        assert needle not in data, needle
    assert "Inspection report" in text_of(out)  # the page itself is merged


def test_merged_page_with_a_dangling_reference(tmp_path):
    """The finisher writes the file object by object; a source page's reference to an
    object its file lacks is copied as null, not a crash."""
    lib = Library.open(tmp_path / "lib", clock=lambda: CLOCK)
    case = lib.create_case(platform="douyin", dispute_type="quality_issue", order_no="1")
    lib.attach(case.id, hostile.dangling_ref_pdf(tmp_path / "report.pdf"))
    out = tmp_path / "bundle.pdf"
    report = export_bundle(source_from_library(lib, case.id, "arbitration", NOW), out,
                           now=NOW, allow_incomplete=True)
    lib.close()
    assert report.placeholders == []
    qpdf_ok(out)
    assert "Dangling reference" in text_of(out)


def _page_images(pdf) -> list[bytes]:
    from pypdf import PdfReader
    out = []
    for page in PdfReader(str(pdf)).pages:
        xobjects = page.get("/Resources", {}).get_object().get("/XObject", {})
        stack = [x.get_object() for x in xobjects.get_object().values()] if xobjects else []
        while stack:
            x = stack.pop()
            if x.get("/Subtype") == "/Image":
                out.append(x._data)
            elif x.get("/Subtype") == "/Form" and "/Resources" in x:
                inner = x["/Resources"].get_object().get("/XObject")
                if inner:
                    stack += [v.get_object() for v in inner.get_object().values()]
    return out


@pytest.mark.parametrize("profile", ["archive", "douyin"])
def test_page_images_carry_no_gps_or_trailing_bytes_whatever_the_profile(tmp_path, profile):
    lib = Library.open(tmp_path / "lib", clock=lambda: CLOCK)
    case = lib.create_case(platform="douyin", dispute_type="quality_issue", order_no="1")
    photo = hostile.gps_trailing_jpeg(tmp_path / "IMG_1.jpg", DATA / "photo_gps.jpg")
    ex = lib.attach(case.id, photo, kind="photo")
    assert ex.facts.get("has_gps")
    out = tmp_path / "bundle.pdf"
    source = source_from_library(lib, case.id, "arbitration", NOW)
    # The platform copy, whatever the profile (archive's default copy is the records copy).
    export_bundle(source, out, now=NOW, allow_incomplete=True, profile=profile,
                  audience="platform")
    images = [im for im in _page_images(out) if len(im) > 10_000]
    assert images, "the photo is drawn"
    for im in images:
        assert b"TRAILING-SECRET" not in im and b"Exif" not in im and b"GPS" not in im
        assert im.rstrip(b"\0\n\r ").endswith(b"\xff\xd9")
    if profile == "archive":  # the records copy keeps the original once, byte for byte
        records = tmp_path / "records.pdf"
        export_bundle(source, records, now=NOW, allow_incomplete=True, profile=profile)
        assert photo.read_bytes() in _page_images(records)
    lib.close()


def test_reduced_png_matches_a_whole_decode_across_strips(tmp_path, monkeypatch):
    from PIL import Image, ImageChops

    import evidencekit.export.bigimage as bigimage
    monkeypatch.setattr(bigimage, "STRIP_BYTES", 20_000)  # many strips, filters across edges
    src = Image.open(DATA / "photo_exif.jpg").convert("RGB")
    for mode in ("RGB", "L", "P", "RGBA", "LA"):
        im = src.convert("P", palette=Image.Palette.ADAPTIVE) if mode == "P" else src.convert(mode)
        im.save(tmp_path / f"{mode}.png")
        got = bigimage.reduced_png(tmp_path / f"{mode}.png", (400, 300))
        want = im.convert("RGBA").convert("RGB").resize(got.size, Image.Resampling.BOX)
        assert ImageChops.difference(got, want).getbbox() is None, mode


def test_144_megapixel_png_is_drawn_without_decoding_it_whole(tmp_path, monkeypatch):
    from PIL import ImageFile
    loaded = []
    real_load = ImageFile.ImageFile.load

    def spy(self):
        loaded.append(self.size[0] * self.size[1])
        return real_load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", spy)
    lib = Library.open(tmp_path / "lib", clock=lambda: CLOCK)
    case = lib.create_case(platform="douyin", dispute_type="quality_issue", order_no="1")
    lib.attach(case.id, hostile.big_png(tmp_path / "screenshot.png"), kind="listing_snapshot")
    out = tmp_path / "bundle.pdf"
    report = export_bundle(source_from_library(lib, case.id, "arbitration", NOW), out, now=NOW,
                           allow_incomplete=True)
    lib.close()
    assert report.placeholders == []
    assert loaded and max(loaded) < 16_000_000, max(loaded)
    images = [im for im in _page_images(out) if len(im) > 2_000]
    assert images  # drawn, at the page's size


def test_tiff_and_webp_over_40_megapixels_are_drawn_reduced_not_as_placeholders(tmp_path, monkeypatch):
    from PIL import ImageFile
    loaded = []
    real_load = ImageFile.ImageFile.load

    def spy(self):
        loaded.append(self.size[0] * self.size[1])
        return real_load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", spy)
    lib = Library.open(tmp_path / "lib", clock=lambda: CLOCK)
    case = lib.create_case(platform="douyin", dispute_type="quality_issue", order_no="1")
    for name in ("scan.tif", "photo.webp"):  # 42.6 MP each
        lib.attach(case.id, hostile.big_vips_image(tmp_path / name), kind="photo")
    out = tmp_path / "bundle.pdf"
    report = export_bundle(source_from_library(lib, case.id, "arbitration", NOW), out, now=NOW,
                           allow_incomplete=True)
    lib.close()
    assert report.placeholders == []
    assert not any(n > 16_000_000 for n in loaded), max(loaded)  # Pillow decoded neither whole
    images = [im for im in _page_images(out) if len(im) > 2_000]
    assert len(images) >= 2  # both drawn, at the page's size


def test_reader_warnings_go_to_the_library_log_one_line_per_file(tmp_path):
    lib = tmp_path / "lib"
    ek(lib, "init")
    ek(lib, "case", "new", "--type", "quality_issue", "--order", "1")
    broken = tmp_path / "report.pdf"  # a wrong startxref: pypdf repairs it, with warnings
    broken.write_bytes((DATA / "inspection_report.pdf").read_bytes().replace(
        b"startxref", b"startxref\n0\n%%", 1))
    r = ek(lib, "attach", "1", broken, lang="en")
    assert r.returncode == 0, r.stderr
    r = ek(lib, "export", "1", "-o", tmp_path / "b.pdf", "--allow-incomplete", "--now", "2024-09-20T10:00+08:00",
           lang="en")
    assert r.returncode == 0, r.stderr
    assert "startxref" not in r.stderr and "Traceback" not in r.stderr
    noted = [line for line in r.stderr.splitlines() if "technical warnings" in line]
    assert len(noted) == 1 and "E1 report.pdf" in noted[0], r.stderr
    log = (lib / "logs" / "warnings.log").read_text(encoding="utf-8")
    assert "E1 report.pdf\tpypdf" in log


def test_a_checklist_cell_naming_hundreds_of_exhibits_fits_its_row():
    """1,594 exhibits of one kind made the checklist's "exhibits" cell taller than a page (a
    table row cannot split): the export of the whole case failed. Runs collapse, the rest is
    counted."""
    from evidencekit.export.front import MAX_LINKED, Where, _links
    from evidencekit.export.page import palette
    where = Where(pages={f"E{n}": (1, n) for n in range(1, 2000)})
    pal = palette(False)
    labels = [f"E{n}" for n in range(1, 1600) if n % 3]  # 1,066 exhibits in 533 runs of two
    text = _links(labels, where, pal)
    assert text.count("<a ") == 2 * MAX_LINKED and "共 1066 份 (1066 in all)" in text
    assert 'href="#E1"' in text and 'href="#E2"' in text and "–" in text
    assert _links([f"E{n}" for n in range(5, 400)], where, pal).count("<a ") == 2  # E5–E399
    assert _links([], where, pal) == "—"


def test_the_platform_copys_evidence_cell_naming_hundreds_of_exhibits_fits_its_row():
    """The platform copy's evidence-by-requirement table named every exhibit of a kind one by
    one: 1,500 photos made its cell taller than a page and the export of 3,030 malformed
    exhibits stopped with "content too large" (bench_malformed). It collapses runs too."""
    from types import SimpleNamespace

    from evidencekit.export import fonts
    from evidencekit.export.front import MAX_LINKED, Where, evidence_story
    from evidencekit.export.page import palette
    fonts.register()
    labels = {n: f"E{n}" for n in range(1, 1600)}
    item = SimpleNamespace(kind="photo", exhibits=[n for n in labels if n % 3], status="ok",
                           required=True)
    case = SimpleNamespace(judgment_ref="", dispute_type="quality_issue")
    plan = SimpleNamespace(source=SimpleNamespace(dispute_type_name_zh="质量问题", dispute_type_name_en="Quality",
                                                  case=case, checklist=[item], worklog=[]),
                           labels=labels, label_for=labels.get, for_platform=True)
    where = Where(pages={lb: (1, n) for n, lb in labels.items()})
    table = evidence_story(plan, palette(False), where)[-1]
    cell = table._cellvalues[1][1].text
    assert cell.count("<a ") == 2 * MAX_LINKED and "1066 in all" in cell
