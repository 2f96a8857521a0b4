"""Videos: a page of up to four keyframes (2×2) with duration and hash, or — without a
decoder — a page that lists the video by name, size, duration and full hash."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from .fonts import FONT, wrap
from .heading import draw_exhibit_header, exhibit_time
from .page import BOTTOM, CW, MX, TOP, PageSpec, Palette
from .photos import GAP, ImageJobs, draw_image
from .plan import ExportPlan, PlannedExhibit

CAPTION = 14.0


@dataclass(frozen=True)
class VideoFrames:
    """What the exporter could take from one video, read once per export."""
    frames: tuple[tuple[float, Path], ...]  # (seconds, JPEG file in the temp folder)
    decoder: bool  # PyAV is installed
    facts: dict

    @property
    def duration(self) -> float | None:
        d = self.facts.get("duration_s")
        return float(d) if isinstance(d, (int, float)) else None


def load_frames(pe: PlannedExhibit, tmp: Path, n: int = 4) -> VideoFrames:
    """Keyframes written as JPEG files; facts from the exhibit, else read from the file."""
    from ..ingest.video import keyframes_available, timed_keyframes, video_facts
    facts = dict(pe.exhibit.facts or {})
    if facts.get("duration_s") is None:
        for key in ("duration", "duration_seconds"):
            if isinstance(facts.get(key), (int, float)):
                facts["duration_s"] = facts[key]
    if facts.get("duration_s") is None or "width" not in facts:
        try:
            facts = {**video_facts(pe.path), **{k: v for k, v in facts.items() if v is not None}}
        except Exception:  # noqa: BLE001 - an unreadable video is still listed
            pass
    frames = []
    for i, (at, jpeg) in enumerate(timed_keyframes(pe.path, n)):
        p = tmp / f"{pe.label}-frame{i}.jpg"
        p.write_bytes(jpeg)
        frames.append((at, p))
    return VideoFrames(tuple(frames), keyframes_available(), facts)


def _clock(seconds: float) -> str:
    m, s = divmod(seconds, 60)
    return f"{int(m)}:{s:04.1f}"


def _note(v: VideoFrames) -> str:
    parts = []
    if v.duration is not None:
        parts.append(f"时长 Duration {_clock(v.duration)}（{v.duration:.1f} s）")
    w, h = v.facts.get("width"), v.facts.get("height")
    if w and h:
        parts.append(f"{w}×{h}")
    if v.facts.get("codec"):
        parts.append(str(v.facts["codec"]))
    return " · ".join(parts)


def warning(pe: PlannedExhibit, v: VideoFrames) -> tuple[str, str] | None:
    if v.frames:
        return None
    if not v.decoder:
        return (f"{pe.label}：未安装视频解码组件，视频只列出名称、时长和哈希，不显示画面",
                f"{pe.label}: no video decoder installed; the video is listed with its hash, "
                "frames not shown")
    return (f"{pe.label}：无法提取视频关键帧，仅列出哈希",
            f"{pe.label}: no keyframes could be taken; hash listed only")


def layout_video(plan: ExportPlan, pe: PlannedExhibit, v: VideoFrames, jobs: ImageJobs,
                 pal: Palette) -> list[PageSpec]:
    note = _note(v)
    time_text = exhibit_time(plan, pe)
    y0 = draw_exhibit_header(Canvas(io.BytesIO()), plan, pe, pal, TOP, time_text, note)
    if not v.frames:
        return [PageSpec(draw=_listing(plan, pe, v, pal, note, time_text))]
    n = len(v.frames)
    cols = 2 if n > 1 else 1
    rows = (n + cols - 1) // cols
    cw = (CW - GAP * (cols - 1)) / cols
    ch = (y0 - BOTTOM - rows * CAPTION - GAP * (rows - 1)) / rows
    keys = [jobs.submit(f"V{pe.number}-{i}", path, (cw, ch), pe.number)
            for i, (_, path) in enumerate(v.frames)]

    def draw(c: Canvas) -> None:
        y = draw_exhibit_header(c, plan, pe, pal, TOP, time_text, note)
        for i, (key, (at, _)) in enumerate(zip(keys, v.frames, strict=False)):
            r, col = divmod(i, cols)
            x = MX + col * (cw + GAP)
            top = y - r * (ch + CAPTION + GAP)
            _, dy, _, _ = draw_image(c, jobs.get(key), key, x, top, cw, ch)
            c.setFont(FONT, 7.5)
            c.setFillColor(pal.muted)
            c.drawString(x, dy - 10, f"关键帧 Keyframe {i + 1} · {_clock(at)}")
    return [PageSpec(draw=draw, est_bytes=4000)]


def _listing(plan, pe, v: VideoFrames, pal: Palette, note: str, time_text: str):
    ex = pe.exhibit
    why = ("未安装视频解码组件（evidencekit[video]），本页只列出视频，不显示画面。"
           "No video decoder is installed (evidencekit[video]); the video is listed, not shown."
           if not v.decoder else
           "无法从视频中提取画面，文件可能不完整。No frames could be taken; the file may be "
           "incomplete.")
    rows = [("文件 File", ex.source_name), ("大小 Size", f"{ex.size:,} bytes"),
            ("时长 Duration", note or "未知 unknown"), ("SHA-256", ex.sha256),
            ("说明 Note", why),
            ("", "原件保存在案件库中，可按上面的哈希核对。The original is kept in the library; "
                 "check it against the hash above.")]

    def draw(c: Canvas) -> None:
        y = draw_exhibit_header(c, plan, pe, pal, TOP, time_text, note) - 6
        lines = [(k if j == 0 else "", line) for k, v_ in rows
                 for j, line in enumerate(wrap(v_, 9, CW - 120) or [""])]
        h = len(lines) * 14 + 40
        c.setStrokeColor(pal.rule)
        c.setDash(4, 3)
        c.rect(MX, y - h, CW, h, fill=0, stroke=1)
        c.setDash()
        c.setFont(FONT, 11)
        c.setFillColor(pal.ink)
        c.drawString(MX + 12, y - 20, "▶ 视频 Video")
        yy = y - 40
        for key, line in lines:
            c.setFont(FONT, 9)
            c.setFillColor(pal.muted)
            c.drawString(MX + 12, yy, key)
            c.setFillColor(pal.ink)
            c.drawString(MX + 108, yy, line)
            yy -= 14
    return draw


__all__ = ["VideoFrames", "load_frames", "layout_video", "warning"]
