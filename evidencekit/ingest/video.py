"""Videos (mp4/mov): duration and creation time from the 'mvhd' box; size, codec and
keyframes when PyAV (the optional ``video`` extra) is installed.

The MP4/QuickTime container is a tree of boxes (size, type, payload); the movie
header 'mvhd' inside 'moov' holds the timescale and duration. Only box headers
are read while walking, so the media data ('mdat') is never loaded. That works
without any decoder; PyAV, when present, adds what only a demuxer knows.
"""

from __future__ import annotations

import io
import struct
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ..domain import Finding
from ..errors import IngestError, VideoUnreadable
from ..timeutil import UTC, to_iso

_EPOCH_1904 = datetime(1904, 1, 1, tzinfo=UTC)
_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"udta", b"edts"}
_TOP_LEVEL = {b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot", b"uuid", b"meta",
              b"moof", b"mfra", b"sidx", b"styp", b"pdin", b"prfl", b"junk"}
MAX_MOOV = 64 * 1024 * 1024


def _not_video(cause: Exception | None = None) -> IngestError:
    err = VideoUnreadable()
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
    """``duration_s``, ``created_at``, ``brand``, ``container`` from the file's boxes; with
    PyAV also ``width``, ``height``, ``codec`` and ``fps`` (and the duration when the boxes
    lack it)."""
    path = Path(path)
    try:
        facts = _box_facts(path)
    except IngestError:
        facts = None
    stream = _stream_facts(path)
    if facts is None:
        if not stream:  # neither the boxes nor the decoder make sense of it
            raise _not_video()
        facts = {"container": path.suffix.lower().lstrip(".") or "video", "brand": "",
                 "duration_s": None, "created_at": None}
    for key, value in stream.items():
        if value is not None and (key != "duration_s" or facts.get("duration_s") is None):
            facts[key] = value
    return facts


def _box_facts(path: Path) -> dict:
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


def _av():
    """PyAV (``pip install evidencekit[video]``), or None: frames are optional."""
    try:
        import av
    except Exception:  # noqa: BLE001 - missing, or a broken binary wheel
        return None
    return av


def keyframes_available() -> bool:
    return _av() is not None


def _duration(container, stream) -> float | None:
    if stream.duration and stream.time_base:
        return round(float(stream.duration * stream.time_base), 3)
    if container.duration:  # microseconds
        return round(container.duration / 1_000_000, 3)
    return None


def _stream_facts(path: Path) -> dict:
    """The first video stream's size, codec, rate and duration from PyAV; {} without it."""
    av = _av()
    if av is None:
        return {}
    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                return {}
            stream = container.streams.video[0]
            ctx = stream.codec_context
            rate = stream.average_rate or stream.guessed_rate
            return {"width": ctx.width or None, "height": ctx.height or None,
                    "codec": ctx.name or None,
                    "fps": round(float(rate), 3) if rate else None,
                    "duration_s": _duration(container, stream)}
    except Exception:  # noqa: BLE001 - a file the decoder refuses simply adds no facts
        return {}


def video_keyframes(path: Path, n: int = 4) -> list[bytes]:
    """Up to ``n`` keyframes as JPEG bytes, spread over the video; ``[]`` without PyAV or
    when the file cannot be decoded."""
    return [jpeg for _, jpeg in timed_keyframes(path, n)]


def timed_keyframes(path: Path, n: int = 4, max_side: int = 960) -> list[tuple[float, bytes]]:
    """``(seconds, JPEG bytes)`` of up to ``n`` distinct keyframes, in time order.

    Seeks to n evenly spaced instants and takes the keyframe at or before each, so
    only n keyframes are decoded however long the video is.
    """
    av = _av()
    if av is None or n < 1:
        return []
    picked: dict[int, tuple[float, Any]] = {}  # (seconds, PIL image)
    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                return []
            stream = container.streams.video[0]
            stream.codec_context.skip_frame = "NONKEY"
            duration = _duration(container, stream) or 0.0
            tb = stream.time_base
            for i in range(n):
                if duration and tb:
                    target = int(duration * (i + 0.5) / n / tb) + (stream.start_time or 0)
                    container.seek(target, stream=stream, backward=True, any_frame=False)
                for frame in container.decode(stream):
                    key = frame.pts if frame.pts is not None else i
                    if key not in picked:
                        at = float(frame.pts * tb) if frame.pts is not None and tb else 0.0
                        im = _upright(frame)
                        im.thumbnail((max_side, max_side))  # 4K frames are 25 MB each
                        picked[key] = (at, im)
                    break
                if not (duration and tb):  # no way to seek: the first keyframe only
                    break
    except Exception:  # noqa: BLE001 - any decoder failure just means fewer frames
        pass
    out = []
    for at, im in sorted(picked.values(), key=lambda p: p[0]):
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=85)
        out.append((round(at, 3), buf.getvalue()))
    return out


def _upright(frame):
    """The frame as a phone shows it: PyAV's ``rotation`` is counter-clockwise degrees from
    the display matrix, as Pillow's ``rotate`` expects."""
    im = frame.to_image().convert("RGB")
    rot = int(getattr(frame, "rotation", 0) or 0) % 360
    return im.rotate(rot, expand=True) if rot else im


def video_warnings(facts: dict) -> list[Finding]:
    warnings = []
    if not keyframes_available():
        warnings.append(Finding("video_no_preview",
                                "缺少视频解码组件，打包时只列出视频（名称、时长、哈希），不显示画面",
                                "No video decoder is installed; the bundle will list this video "
                                "(name, length, hash) but not show frames"))
    if facts.get("duration_s") is None:
        warnings.append(Finding("video_no_duration", "读不到视频时长，文件可能不完整",
                                "The video's length could not be read; the file may be "
                                "incomplete"))
    return warnings
