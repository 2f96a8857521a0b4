"""Video exhibits: a page of keyframes with duration and hash, or a listing without a decoder."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from evidencekit.export import export_bundle, source_from_library

from .export_fixtures import NOW, fixture_library
from .pdf_tools import qpdf_ok, text_of
from .video_fixtures import make_video

pytest.importorskip("av")


@pytest.fixture(scope="module")
def video_case(tmp_path_factory):
    root = tmp_path_factory.mktemp("video")
    lib, cid = fixture_library(root, photos=1)
    clip = make_video(root / "src" / "开箱视频 unboxing.mp4")
    ex = lib.attach(cid, clip, kind="packing_record", caption="发货前打包视频")
    # the same clip filed under a kind meant for text: still a keyframe page
    lib.attach(cid, make_video(root / "src" / "screen recording.mp4", "mpeg4"), kind="chat_log",
               caption="聊天录屏")
    return root, source_from_library(lib, cid, "arbitration", NOW), ex


def _video_page(path: Path, label: str, kind: str = "打包记录") -> int:
    pages = text_of(path).split("\f")
    return next(i for i, p in enumerate(pages) if f"{label} {kind}" in p and "SHA-256" in p)


def test_keyframes_page(video_case, tmp_path):
    root, src, ex = video_case
    rep = export_bundle(src, tmp_path / "v.pdf", now=NOW, zone="Asia/Shanghai")
    path = rep.files[0]
    qpdf_ok(path)
    assert not any("video" in en.lower() for _, en in rep.warnings), rep.warnings
    label = f"E{len(src.exhibits) - 1}"
    i = _video_page(path, label)
    page = text_of(path).split("\f")[i]
    assert ex.sha256 in page and "0:02.0" in page and "64×48" in page
    for k in range(1, 5):
        assert f"关键帧 Keyframe {k}" in page
    images = [v for v in (PdfReader(str(path)).pages[i]["/Resources"]["/XObject"] or {}).values()
              if v.get_object()["/Subtype"] == "/Image"]
    assert len(images) == 4
    chat = text_of(path).split("\f")[_video_page(path, f"E{len(src.exhibits)}", "聊天记录")]
    assert "screen recording.mp4" in chat and "关键帧 Keyframe 4" in chat and "mpeg4" in chat
    (tmp_path / "again").mkdir()
    again = export_bundle(src, tmp_path / "again" / "v.pdf", now=NOW, zone="Asia/Shanghai")
    assert again.files[0].read_bytes() == path.read_bytes()  # deterministic with frames too


def test_without_decoder_listed_with_hash(video_case, tmp_path, monkeypatch):
    root, src, ex = video_case
    monkeypatch.setitem(sys.modules, "av", None)
    rep = export_bundle(src, tmp_path / "v.pdf", now=NOW, zone="Asia/Shanghai")
    path = rep.files[0]
    qpdf_ok(path)
    label = f"E{len(src.exhibits) - 1}"
    page = text_of(path).split("\f")[_video_page(path, label)]
    assert ex.sha256 in page and "开箱视频 unboxing.mp4" in page and "0:02.0" in page
    assert "未安装视频解码组件" in page and "Keyframe" not in page
    assert any(en.startswith(f"{label}:") and "no video decoder" in en for _, en in rep.warnings)


def test_video_facts_read_when_missing(video_case, tmp_path):
    """An exhibit attached before PyAV was installed has no size/codec facts: read them now."""
    root, src, ex = video_case
    bare = replace(ex, facts={})
    src2 = replace(src, exhibits=tuple(bare if e.id == ex.id else e for e in src.exhibits))
    rep = export_bundle(src2, tmp_path / "v.pdf", now=NOW, zone="Asia/Shanghai")
    page = text_of(rep.files[0]).split("\f")[_video_page(rep.files[0], f"E{len(src.exhibits) - 1}")]
    assert "0:02.0" in page and "64×48" in page and "h264" in page
