"""Kinds guessed from file and folder names where the content cannot tell (issue 12, item 2)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from evidencekit.ingest import analyze

DATA = Path(__file__).resolve().parents[1] / "data"


def _copy(tmp_path: Path, src: str, rel: str) -> Path:
    dest = tmp_path / rel
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(DATA / src, dest)
    return dest


@pytest.mark.parametrize("rel, kind, word", [
    ("packing_01.jpg", "packing_record", "packing"),
    ("打包称重/IMG_0412.jpg", "packing_record", "打包"),
    ("称重照片.jpg", "packing_record", "称重"),
    ("listing.png", "listing_snapshot", "listing"),
    ("详情页截图.png", "listing_snapshot", "详情页"),
    ("面单.jpg", "courier_proof", "面单"),
    ("签收单.jpg", "courier_proof", "签收"),
    ("快递员派送照片.jpg", "courier_proof", "快递"),
])
def test_pictures_get_their_kind_from_the_name(tmp_path, rel, kind, word):
    src = "screenshot_small.png" if rel.endswith(".png") else "photo_exif.jpg"
    r = analyze(_copy(tmp_path, src, rel))
    assert (r.kind, r.kind_guess) == (kind, kind)
    where = "folder" if "/" in rel else "file"
    assert r.facts["kind_hint"] == {"from": where, "word": word}


def test_a_pdf_goes_by_its_text_first_then_its_name(tmp_path):
    from reportlab.pdfgen.canvas import Canvas
    # The text decides first: a batch certificate stays one whatever its name.
    r = analyze(_copy(tmp_path, "batch_certificate.pdf", "签收单.pdf"))
    assert r.kind == "batch_certificate" and "kind_hint" not in r.facts
    # Text that names no kind: the file name does.
    pdf = tmp_path / "顺丰签收单.pdf"
    c = Canvas(str(pdf), invariant=1)
    c.drawString(72, 760, "Order 6921853301417, attachment 1")
    c.save()
    r = analyze(pdf)
    assert r.kind == "courier_proof" and r.facts["kind_hint"]["word"] == "签收"


def test_plain_names_and_content_guesses_are_kept(tmp_path):
    photo = analyze(_copy(tmp_path, "photo_exif.jpg", "IMG_0001.jpg"))
    assert photo.kind == "photo" and "kind_hint" not in photo.facts
    backpack = analyze(_copy(tmp_path, "photo_exif.jpg", "backpack.jpg"))
    assert backpack.kind == "photo"  # "pack" inside another word is not a packing record
    # A trace named after the courier stays a trace: its content is clear.
    trace = analyze(_copy(tmp_path, "trace_kuaidi100.json", "快递轨迹.json"))
    assert trace.kind == "logistics_trace" and "kind_hint" not in trace.facts
    # A text file cannot be a packing record (a picture or a recording): no such guess.
    note = analyze(_copy(tmp_path, "chat_no_times.txt", "打包说明.txt"))
    assert note.kind != "packing_record"


def test_a_kind_given_by_the_user_is_not_a_guess(tmp_path):
    r = analyze(_copy(tmp_path, "photo_exif.jpg", "面单.jpg"), kind="photo")
    assert r.kind == "photo" and "kind_hint" not in r.facts
