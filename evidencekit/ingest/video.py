"""Videos (mp4/mov): duration and creation time from the 'mvhd' box, keyframes if PyAV exists.

The MP4/QuickTime container is a tree of boxes (size, type, payload); the movie
header 'mvhd' inside 'moov' holds the timescale and duration. Only box headers
are read while walking, so the media data ('mdat') is never loaded.
"""

from __future__ import annotations

import io
import struct
from datetime import datetime, timedelta
from pathlib import Path

from ..domain import Finding
from ..errors import IngestError
from ..timeutil import UTC, to_iso

_EPOCH_1904 = datetime(1904, 1, 1, tzinfo=UTC)
_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"udta", b"edts"}
_TOP_LEVEL = {b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot", b"uuid", b"meta",
              b"moof", b"mfra", b"sidx", b"styp", b"pdin", b"prfl", b"junk"}
MAX_MOOV = 64 * 1024 * 1024


def _not_video(cause: Exception | None = None) -> IngestError:
    err = IngestError("无法识别为 MP4/MOV 视频，文件可能已损坏",
                      "Not a readable MP4/MOV video; the file may be damaged",
                      hint_zh="请从手机重新导出原视频。",
                      hint_en="Export the original video from the phone again.",
                      code="video_unreadable")
    err.__cause__ = cause
    return err


def _boxes(f, start: int, end: int):
    """(type, payload_offset, payload_size) of the boxes between start and end."""
    pos = start
    while pos + 8 <= end:
        f.seek(pos)
        head = f.read(8)
        if len(head) < 8:
            return
        size, typ = struct.unpack(">I4s", head)
        header = 8
        if size == 1:
            big = f.read(8)
            if len(big) < 8:
                return
            size = struct.unpack(">Q", big)[0]
            header = 16
        elif size == 0:
            size = end - pos
        if size < header:
            return
        yield typ, pos + header, min(size, end - pos) - header
        pos += size


def video_facts(path: Path) -> dict:
    """``duration_s``, ``created_at``, ``brand``, ``container`` from the file's boxes."""
    path = Path(path)
    size = path.stat().st_size
    facts: dict = {"container": "", "brand": "", "duration_s": None, "created_at": None}
    with open(path, "rb") as f:
        first = True
        for typ, off, length in _boxes(f, 0, size):
            if first and typ not in _TOP_LEVEL:
                raise _not_video()
            first = False
            if typ == b"ftyp" and length >= 4:
                f.seek(off)
                brand = f.read(4).decode("latin-1").strip()
                facts["brand"] = brand
                facts["container"] = "mov" if brand == "qt" else "mp4"
            elif typ == b"moov" and length <= MAX_MOOV:
                f.seek(off)
                mvhd = _find_mvhd(io.BytesIO(f.read(length)), length)
                if mvhd:
                    facts.update(mvhd)
                break
        if first:
            raise _not_video()
    if not facts["container"]:
        facts["container"] = "mov" if path.suffix.lower() == ".mov" else "mp4"
    return facts


def _find_mvhd(f, end: int) -> dict | None:
    for typ, off, length in _boxes(f, 0, end):
        if typ == b"mvhd" and length >= 20:
            f.seek(off)
            data = f.read(min(length, 32))
            version = data[0]
            try:
                if version == 1:
                    created, _mod, scale, duration = struct.unpack(">QQIQ", data[4:32])
                else:
                    created, _mod, scale, duration = struct.unpack(">IIII", data[4:20])
            except struct.error:
                return None
            out: dict = {"duration_s": round(duration / scale, 3) if scale else None,
                         "created_at": None}
            if duration in (0xFFFFFFFF, 0xFFFFFFFFFFFFFFFF):
                out["duration_s"] = None
            if created:
                try:
                    out["created_at"] = to_iso(_EPOCH_1904 + timedelta(seconds=created))
                except OverflowError:
                    pass
            return out
    return None


def keyframes_available() -> bool:
    try:
        import av  # noqa: F401
        return True
    except Exception:  # noqa: BLE001 - optional decoder
        return False


def video_keyframes(path: Path, n: int = 4) -> list[bytes]:
    """Up to ``n`` keyframes as JPEG bytes, evenly spread; ``[]`` without PyAV or on errors."""
    try:
        import av
    except Exception:  # noqa: BLE001
        return []
    frames: list[bytes] = []
    try:
        with av.open(str(path)) as container:
            stream = container.streams.video[0]
            stream.codec_context.skip_frame = "NONKEY"
            keys = []
            for frame in container.decode(stream):
                keys.append(frame.to_image())
                if len(keys) >= 200:
                    break
            if not keys:
                return []
            step = max(1, len(keys) // n)
            for im in keys[::step][:n]:
                buf = io.BytesIO()
                im.convert("RGB").save(buf, "JPEG", quality=85)
                frames.append(buf.getvalue())
    except Exception:  # noqa: BLE001 - any decoder failure just means no preview
        return []
    return frames


def video_warnings(facts: dict) -> list[Finding]:
    warnings = []
    if not keyframes_available():
        warnings.append(Finding("video_no_preview", "缺少视频解码组件，打包时只列出视频（名称、时长、哈希），不显示画面",
                                "No video decoder is installed; the bundle will list this video "
                                "(name, length, hash) but not show frames"))
    if facts.get("duration_s") is None:
        warnings.append(Finding("video_no_duration", "读不到视频时长，文件可能不完整",
                                "The video's length could not be read; the file may be "
                                "incomplete"))
    return warnings
