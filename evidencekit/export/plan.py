"""The immutable export plan: what goes in the bundle, in what order, rendered how."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo
from pathlib import Path

from ..domain import MODES, Exhibit
from ..errors import NaiveInstant, NoExhibits, OriginalUnreadable, UnknownAudience, UnknownMode
from ..kinds import view_name
from ..masking import Masker
from .profiles import Profile
from .source import BundleSource


@dataclass(frozen=True)
class Settings:
    """Photo rendering knobs the fitting ladder turns."""
    dpi: int
    quality: int
    grayscale: bool
    per_page: int
    reencode: bool = True
    # The records copy of a profile that embeds the originals: a JPEG original is the page
    # image itself (its exact bytes, EXIF and all), stored once instead of beside a copy.
    whole_jpeg: bool = False


@dataclass(frozen=True)
class PlannedExhibit:
    number: int
    exhibit: Exhibit
    path: Path
    render: str  # its view in evidencekit.kinds: chat | trace | photo | image | document | …
    format: str = ""  # what ingestion decided the file is: pdf | image | video | xlsx | text | binary

    @property
    def label(self) -> str:
        return f"E{self.number}"


AUDIENCES = {"platform": ("平台版", "platform copy"), "records": ("存档版", "records copy")}


def default_audience(profile: Profile) -> str:
    """The records copy is the default of a profile that embeds the originals (archive)."""
    return "records" if profile.embed_originals else "platform"


@dataclass(frozen=True)
class ExportPlan:
    source: BundleSource  # as shown: captions, file names and product already masked
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
    audience: str = "platform"  # platform: what the arbitrator reads; records: everything
    masker: Masker = field(default_factory=lambda: Masker(False))

    @property
    def for_platform(self) -> bool:
        return self.audience == "platform"

    @property
    def embeds_originals(self) -> bool:
        """Originals go in the records copy only: they hold what masking hides (and GPS)."""
        return self.profile.embed_originals and not self.for_platform

    def label_for(self, exhibit_id: int) -> str:
        return self.labels.get(exhibit_id, f"#{exhibit_id}")

    def with_settings(self, settings: Settings) -> "ExportPlan":
        return replace(self, settings=settings)


def file_type(source: BundleSource, ex: Exhibit) -> str:
    """What ingestion decided the file is; decided now (once, by ingestion's sniffer) for a
    source built without it. The library fills it in for exhibits attached before it was
    kept, so an export never sniffs what attach already knew."""
    told = (ex.facts or {}).get("file_type")
    if told:
        return told
    from ..ingest import decide_file_type
    try:
        return decide_file_type(Path(source.blob_path(ex.sha256)), ex.source_name)["file_type"]
    except OSError as e:
        raise OriginalUnreadable(name=ex.source_name, reason=e.strerror or e) from e


def make_bundle_id(source: BundleSource, mode: str, profile: str, now: datetime,
                   zone: tzinfo, audience: str = "platform") -> str:
    h = hashlib.sha256()
    for part in (source.case.case_no, mode, profile, now.isoformat(),
                 *((audience,) if audience != "platform" else ()),
                 *(e.sha256 for e in source.exhibits)):
        h.update(part.encode() + b"\x00")
    return f"EK-{now.astimezone(zone):%Y%m%d}-{h.hexdigest()[:8].upper()}"


def shown(source: BundleSource, masker: Masker) -> BundleSource:
    """The source as the bundle shows it: every caption, file name, the product and the
    request masked once here, so no page, bookmark or manifest entry can show them unmasked."""
    if not masker.enabled:
        return source
    case = replace(source.case, product=masker(source.case.product),
                   request=masker(source.case.request))
    exhibits = tuple(replace(e, caption=masker(e.caption), source_name=masker(e.source_name))
                     for e in source.exhibits)
    return replace(source, case=case, exhibits=exhibits)


def build_plan(source: BundleSource, out: Path, *, mode: str, profile: Profile,
               now: datetime, zone: tzinfo, mask: bool,
               audience: str = "platform") -> ExportPlan:
    if mode not in MODES:
        raise UnknownMode(mode=mode)
    if now.tzinfo is None:
        raise NaiveInstant()
    if audience not in AUDIENCES:
        raise UnknownAudience(audience=audience)
    masker = Masker.for_case(source.case, mask)
    source = shown(source, masker)
    if not source.exhibits:
        raise NoExhibits()
    items = []
    for n, ex in enumerate(sorted(source.exhibits, key=lambda e: (e.position, e.id)), start=1):
        ftype = file_type(source, ex)
        items.append(PlannedExhibit(n, ex, Path(source.blob_path(ex.sha256)),
                                    view_name(ftype, ex.kind), ftype))
    dpi = profile.dpi if not profile.max_dpi else min(profile.dpi, profile.max_dpi)
    settings = Settings(dpi=dpi, quality=profile.jpeg_quality,
                        grayscale=profile.grayscale or profile.require_grayscale,
                        per_page=profile.per_page, reencode=profile.reencode,
                        whole_jpeg=profile.embed_originals and not profile.reencode
                        and audience == "records")
    return ExportPlan(
        source=source, mode=mode, profile=profile, now=now, zone=zone, mask=mask,
        bundle_id=make_bundle_id(source, mode, profile.name, now, zone, audience),
        exhibits=tuple(items), settings=settings, out=out,
        labels={p.exhibit.id: p.label for p in items}, audience=audience, masker=masker)
