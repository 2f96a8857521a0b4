"""Photos and videos: EXIF facts, orientation, GPS, blur, damaged files, mvhd duration."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from evidencekit.errors import IngestError
from evidencekit.ingest import analyze, photo_facts, video_keyframes

DATA = Path(__file__).resolve().parents[1] / "data"


def test_photo_with_exif_and_offset():
    r = analyze(DATA / "photo_exif.jpg")
    assert (r.kind, r.kind_guess) == ("photo", "photo")
    f = r.facts
    assert f["captured_at"] == "2024-09-14T08:20:05+00:00"  # 16:20:05 +08:00
    assert (f["width"], f["height"], f["orientation"]) == (800, 600, 1)
    assert f["camera"] == "Xiaomi 14" and f["format"] == "JPEG" and f["has_gps"] is False
    assert f["sharpness"] > 100
    assert r.warnings == []


def test_rotated_photo_reports_displayed_size_and_naive_time_is_cst():
    f = photo_facts(DATA / "photo_rotated.jpg")
    assert (f["width"], f["height"], f["orientation"]) == (600, 800, 6)
    assert f["captured_at"] == "2024-09-14T08:21:40+00:00"  # no OffsetTime: CST


def test_gps_blur_and_small_screenshot():
    assert photo_facts(DATA / "photo_gps.jpg")["has_gps"] is True
    blurred = analyze(DATA / "photo_blurred.jpg")
    assert blurred.facts["sharpness"] < 60
    assert [w.code for w in blurred.warnings] == ["photo_blurred"]
    shot = analyze(DATA / "screenshot_small.png", kind="listing_snapshot")
    assert shot.kind == "listing_snapshot" and shot.kind_guess == "photo"
    assert {w.code for w in shot.warnings} == {"photo_no_capture_time", "photo_too_small"}


def test_webp_with_exif(tmp_path):
    src = Image.open(DATA / "photo_exif.jpg")
    p = tmp_path / "照片 📦.webp"
    src.save(p, "WEBP", exif=src.getexif().tobytes())
    f = photo_facts(p)
    assert f["format"] == "WEBP" and f["captured_at"] == "2024-09-14T08:20:05+00:00"


@pytest.mark.parametrize("name, code", [
    ("truncated.jpg", "image_damaged"), ("truncated.png", "image_unreadable"),
    ("random_bytes.jpg", "image_unreadable"), ("bomb.png", "image_too_large"),
])
def test_bad_images_are_refused(name, code):
    with pytest.raises(IngestError) as e:
        analyze(DATA / name)
    assert e.value.code == code and e.value.message_zh and e.value.message_en


def test_no_full_decode_of_large_jpeg(tmp_path, monkeypatch):
    p = tmp_path / "big.jpg"
    Image.new("RGB", (4000, 3000), (120, 90, 60)).save(p, quality=80)
    filtered = []
    real_filter = Image.Image.filter

    def spy(self, f):
        filtered.append(self.size)
        return real_filter(self, f)

    monkeypatch.setattr(Image.Image, "filter", spy)
    f = photo_facts(p)
    assert filtered and max(filtered[0]) <= 768  # scored on a DCT-reduced copy
    assert (f["width"], f["height"]) == (4000, 3000)
    assert f["sharpness"] is not None and f["sharpness"] < 1  # flat colour


def test_video_duration_from_mvhd():
    r = analyze(DATA / "packing_video.mp4", kind="packing_record")
    assert (r.kind, r.kind_guess) == ("packing_record", "video")
    assert r.facts["duration_s"] == 12.5 and r.facts["created_at"] == "2024-09-14T08:20:00+00:00"
    mov = analyze(DATA / "packing_video.mov")
    assert mov.facts["container"] == "mov" and mov.facts["duration_s"] == 7.25
    try:
        import av  # noqa: F401
    except ImportError:
        assert "video_no_preview" in [w.code for w in r.warnings]
        assert video_keyframes(DATA / "packing_video.mp4") == []


def test_random_bytes_named_mp4_are_refused(tmp_path):
    p = tmp_path / "clip.mp4"
    p.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(IngestError) as e:
        analyze(p)
    assert e.value.code == "video_unreadable"


def test_photo_kinds_refuse_non_images(tmp_path):
    with pytest.raises(IngestError) as e:
        analyze(DATA / "chat_gbk.txt", kind="photo")
    assert e.value.code == "wrong_format"


def test_analyze_does_not_touch_exif_bytes():
    before = (DATA / "photo_gps.jpg").read_bytes()
    analyze(DATA / "photo_gps.jpg")
    assert (DATA / "photo_gps.jpg").read_bytes() == before
    assert Image.open(io.BytesIO(before)).getexif().get_ifd(0x8825)
