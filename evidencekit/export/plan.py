"""The immutable export plan: what goes in the bundle, in what order, rendered how."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo
from pathlib import Path

from PIL import Image

from ..domain import MODES, Exhibit
from ..errors import ExportError, UsageError
from .profiles import Profile
from .source import BundleSource

IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"BM", b"II*\x00", b"MM\x00*")
HEIF_BRANDS = (b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis", b"avif")


@dataclass(frozen=True)
class Settings:
    """Photo rendering knobs the fitting ladder turns."""
    dpi: int
    quality: int
    grayscale: bool
    per_page: int
    reencode: bool = True


@dataclass(frozen=True)
class PlannedExhibit:
    number: int
    exhibit: Exhibit
    path: Path
    render: str  # chat | trace | photo | image | document | video | text | binary
    format: str = ""  # what the blob is, sniffed: pdf | image | video | zip | text | binary

    @property
    def label(self) -> str:
        return f"E{self.number}"


@dataclass(frozen=True)
class ExportPlan:
    source: BundleSource
    mode: str
    profile: Profile
    now: datetime
    zone: tzinfo
    mask: bool
    bundle_id: str
    exhibits: tuple[PlannedExhibit, ...]
    settings: Settings
    out: Path
    labels: dict[int, str] = field(default_factory=dict)  # exhibit id -> "E3"

    def label_for(self, exhibit_id: int) -> str:
        return self.labels.get(exhibit_id, f"#{exhibit_id}")

    def with_settings(self, settings: Settings) -> "ExportPlan":
        return replace(self, settings=settings)


def sniff(path: Path) -> str:
    """Triage by content, not by extension."""
    try:
        with open(path, "rb") as f:
            head = f.read(2048)
    except OSError as e:
        raise ExportError(f"无法读取原件：{path.name}", f"Cannot read original: {path.name}",
                          hint_zh="请检查案件库是否完整。", hint_en="Check the library folder.") from e
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP") or (
            head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS):
        return "image" if _pillow_opens(path) else "binary"
    if head.startswith(b"PK\x03\x04"):
        return "zip"  # an .xlsx export, or any other zip
    if head[4:8] == b"ftyp" or head.startswith(b"\x1a\x45\xdf\xa3") or (
            head[:4] == b"RIFF" and head[8:12] == b"AVI "):
        return "video"
    if _texty(head):
        return "text"
    return "binary"


def _pillow_opens(path: Path) -> bool:
    """Header only (no decode): HEIC without its plugin, or a damaged header, is not an image
    the bundle can show."""
    try:
        with Image.open(path) as im:
            return im.width > 0 and im.height > 0
    except Exception:  # noqa: BLE001 - anything Pillow refuses is listed, not shown
        return False


def _texty(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    for enc in ("utf-8", "gb18030"):
        try:
            head.decode(enc)
            return True
        except UnicodeDecodeError as e:
            if e.start > len(head) - 4:  # cut mid-character at the end of the sample
                return True
    return False


def _format(sniffed: str, facts: dict) -> str:
    """The sniffed format, corrected by what ingestion found when the bytes alone cannot
    tell (UTF-16 text without a BOM looks binary; ingestion decoded it)."""
    told = facts.get("format")
    if sniffed == "binary" and told in ("text", "csv", "json", "html"):
        return "text"
    if sniffed == "binary" and told == "xlsx":
        return "zip"
    return sniffed


def _render_for(ex: Exhibit, ftype: str, has_content: bool) -> str:
    """What the file is decides how it is shown; the kind only decides how text is read.

    A chat screenshot filed as ``chat_log`` is an image, a courier's PDF filed as
    ``logistics_trace`` is merged as pages, a JPEG scan of a report is an image.
    """
    if ftype == "pdf":
        return "document"
    if ftype == "image":
        return "photo" if ex.kind in ("photo", "packing_record") else "image"
    if ftype == "video":
        return "video"
    readable = ftype in ("text", "zip") or has_content  # zip: an .xlsx export
    if ex.kind == "chat_log" and readable:
        return "chat"
    if ex.kind == "logistics_trace" and readable:
        return "trace"
    return "text" if ftype == "text" else "binary"


def make_bundle_id(source: BundleSource, mode: str, profile: str, now: datetime,
                   zone: tzinfo) -> str:
    h = hashlib.sha256()
    for part in (source.case.case_no, mode, profile, now.isoformat(),
                 *(e.sha256 for e in source.exhibits)):
        h.update(part.encode() + b"\x00")
    return f"EK-{now.astimezone(zone):%Y%m%d}-{h.hexdigest()[:8].upper()}"


def build_plan(source: BundleSource, out: Path, *, mode: str, profile: Profile,
               now: datetime, zone: tzinfo, mask: bool) -> ExportPlan:
    if mode not in MODES:
        raise UsageError(f"未知的导出模式：{mode}（arbitration 或 appeal）",
                         f"Unknown mode: {mode} (arbitration or appeal)")
    if now.tzinfo is None:
        raise UsageError("生成时间缺少时区", "Generation time needs a zone offset")
    if not source.exhibits:
        raise ExportError("案件没有证据，无法生成材料", "The case has no exhibits to bundle",
                          hint_zh="请先添加证据。", hint_en="Add evidence first.")
    items = []
    for n, ex in enumerate(sorted(source.exhibits, key=lambda e: (e.position, e.id)), start=1):
        path = Path(source.blob_path(ex.sha256))
        ftype = _format(sniff(path), ex.facts or {})
        items.append(PlannedExhibit(n, ex, path, _render_for(ex, ftype, ex.id in source.contents),
                                    ftype))
    dpi = profile.dpi if not profile.max_dpi else min(profile.dpi, profile.max_dpi)
    settings = Settings(dpi=dpi, quality=profile.jpeg_quality,
                        grayscale=profile.grayscale or profile.require_grayscale,
                        per_page=profile.per_page, reencode=profile.reencode)
    return ExportPlan(
        source=source, mode=mode, profile=profile, now=now, zone=zone, mask=mask,
        bundle_id=make_bundle_id(source, mode, profile.name, now, zone),
        exhibits=tuple(items), settings=settings, out=out,
        labels={p.exhibit.id: p.label for p in items})
