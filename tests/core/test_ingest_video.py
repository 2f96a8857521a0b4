"""Videos: facts and keyframes with PyAV, the pure-Python fallback without it."""

from __future__ import annotations

import io
import sys

import pytest
from PIL import Image

from evidencekit.ingest import analyze, video_keyframes
from evidencekit.ingest.video import timed_keyframes, video_facts

from .video_fixtures import COLOURS, make_video

av = pytest.importorskip("av")


@pytest.fixture(params=["libx264", "mpeg4"])
def clip(request, tmp_path):
    return make_video(tmp_path / f"clip-{request.param}.mp4", request.param)


@pytest.fixture
def no_decoder(monkeypatch):
    monkeypatch.setitem(sys.modules, "av", None)  # ``import av`` now raises ImportError


def _near(a, b, tol=30):
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


def test_tiny_clip_is_small(clip):
    assert clip.stat().st_size < 20_000


def test_facts_from_decoder(clip):
    facts = video_facts(clip)
    assert facts["duration_s"] == pytest.approx(2.0, abs=0.2)
    assert (facts["width"], facts["height"]) == (64, 48)
    assert facts["codec"] in ("h264", "mpeg4")
    assert facts["container"] == "mp4" and facts["fps"] == pytest.approx(8)


def test_keyframes_are_jpegs_spread_over_the_clip(clip):
    frames = video_keyframes(clip, n=4)
    assert len(frames) == 4
    colours = []
    for data in frames:
        assert data[:3] == b"\xff\xd8\xff"
        with Image.open(io.BytesIO(data)) as im:
            assert im.size == (64, 48)
            colours.append(im.convert("RGB").getpixel((32, 24)))
    for got, want in zip(colours, COLOURS, strict=True):
        assert _near(got, want), (colours, COLOURS)
    times = [t for t, _ in timed_keyframes(clip, 4)]
    assert times == sorted(times) and times[0] < 0.6 and times[-1] >= 1.4
    assert len(video_keyframes(clip, n=2)) == 2
    assert video_keyframes(clip, n=0) == []


def test_analyze_video_with_decoder_has_no_preview_warning(clip):
    res = analyze(clip)
    assert res.kind == "video"
    assert res.facts["width"] == 64 and res.facts["codec"]
    assert "video_no_preview" not in {w.code for w in res.warnings}


def test_without_decoder_facts_from_boxes_and_a_warning(clip, no_decoder):
    assert video_keyframes(clip) == []
    facts = video_facts(clip)
    assert facts["duration_s"] == pytest.approx(2.0, abs=0.2)
    assert "width" not in facts and "codec" not in facts
    res = analyze(clip)
    assert "video_no_preview" in {w.code for w in res.warnings}


def test_damaged_video_gives_no_frames(tmp_path, clip):
    cut = tmp_path / "cut.mp4"
    data = clip.read_bytes()
    cut.write_bytes(data[: len(data) // 3])
    assert isinstance(video_keyframes(cut), list)  # never raises
    garbage = tmp_path / "junk.mp4"
    garbage.write_bytes(b"\x00\x00\x00\x18ftypisom" + bytes(200))
    assert video_keyframes(garbage) == []
