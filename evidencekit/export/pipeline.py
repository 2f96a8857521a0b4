"""The export, as a short list of named steps (OCRmyPDF's ``_run_pipeline`` is the model):

validate the destination → make the immutable plan → in a private work folder, read what
each exhibit's view needs → render at each rung of the fit ladder (lay out, encode, pack,
draw, merge, stamp, bookmark) until the profile is met → move the files into place →
report. Each step lives in its own module; this one only orders them.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any, Mapping

import reportlab.rl_config

from ..errors import (
    OutputFolderMissing,
    OutputFolderReadOnly,
    OutputIsFolder,
    OutputNameRejected,
    OutputNotPdf,
)
from ..progress import CancelLike, ProgressFn, no_progress
from ..timeutil import get_zone
from . import fonts
from .attempt import Run, render_attempt
from .fit import SEAL_RESERVE, fit_ladder, settings_note
from .memory import collecting_only_new
from .naming import refuse_existing
from .placeholder import Placeholder
from .plan import ExportPlan, build_plan, default_audience
from .profiles import Profile, resolve_profile
from .readiness import incomplete, platform_problems
from .seal import Sealer, seal_file
from .source import BundleSource
from .workspace import clean_stale, move_into_place, naming_full_disk, work_folder

# Raw JPEG bytes in the PDF, not ASCII85 text (25 % smaller, faster).
reportlab.rl_config.useA85 = 0


@dataclass
class ExportReport:
    files: list[Path]
    pages: list[int]
    sizes: list[int]
    bundle_id: str
    manifest_sha256: str
    bundle_sha256s: list[str]
    mode: str
    profile: str
    settings: dict[str, Any]
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (zh, en)
    # Exhibits shown as a placeholder page (or an empty frame): number, file, reason, SHA-256.
    placeholders: list[Placeholder] = field(default_factory=list)
    audience: str = "platform"
    masked: bool = True
    sealed: bool = False  # signed with the library's key (see ``seal``)


def _destination(out: Path) -> Path:
    out = Path(out).expanduser().resolve()
    if out.suffix.lower() != ".pdf":
        raise OutputNotPdf(name=out.name)
    if out.is_dir():
        raise OutputIsFolder(path=out)
    if not out.parent.is_dir():
        raise OutputFolderMissing(folder=out.parent)
    if not os.access(out.parent, os.W_OK):
        raise OutputFolderReadOnly(folder=out.parent)
    return out




def _check_name(out: Path, prof: Profile) -> None:
    """A profile's file-name rule (Mastercom: <= 16 ASCII characters), for the name as given
    and for the longest split name (OUT-9.pdf) the profile's file count allows."""
    if not (prof.max_name_chars or prof.ascii_names):
        return
    longest = out.name if prof.max_files <= 1 else f"{out.stem}-{prof.max_files}{out.suffix}"
    too_long = bool(prof.max_name_chars) and len(longest) > prof.max_name_chars
    if too_long or (prof.ascii_names and not out.name.isascii()):
        room = (prof.max_name_chars or 16) - len(longest) + len(out.stem)
        raise OutputNameRejected(profile=prof.title_en, limit=prof.max_name_chars or "—",
                                 name=out.name, example=f"{'case0001'[:max(1, room)]}.pdf")


def _plan(source: BundleSource, out: Path, *, mode: str, profile: Profile | str, now: datetime,
          mask: bool | None, audience: str | None, allow_incomplete: bool,
          zone: tzinfo | str | None, profiles_dir: Path | None,
          passwords: Mapping[str, str] | None) -> ExportPlan:
    prof = resolve_profile(profile, profiles_dir)
    _check_name(out, prof)
    audience = audience or default_audience(prof)
    if mask is None:
        mask = audience == "platform"
    if passwords:
        source = replace(source, passwords={**source.passwords, **passwords})
    tz = zone if isinstance(zone, tzinfo) else get_zone(zone or source.zone or None)
    fonts.register()
    plan = build_plan(source, out, mode=mode, profile=prof, now=now, zone=tz, mask=mask,
                      audience=audience)  # what cannot be exported at all is refused first
    if audience == "platform" and not allow_incomplete:
        problems = platform_problems(source, mode)
        if problems:
            raise incomplete(problems)
    return plan


def export_bundle(source: BundleSource, out: Path, *, mode: str = "arbitration",
                  profile: Profile | str = "douyin", now: datetime,
                  progress: ProgressFn | None = None, cancel: CancelLike | None = None,
                  mask: bool | None = None, audience: str | None = None,
                  zone: tzinfo | str | None = None,
                  profiles_dir: Path | None = None,
                  passwords: Mapping[str, str] | None = None,
                  allow_incomplete: bool = False,
                  sealer: Sealer | None = None,
                  overwrite: bool = False) -> ExportReport:
    """Write the bundle (or OUT-1.pdf, OUT-2.pdf… when the profile needs splitting).

    Times are shown in ``zone`` when given, else in the case platform's zone
    (``source.zone``), else the machine's. ``passwords`` (sha256 -> password) opens
    encrypted PDF exhibits; the library does not keep passwords. A case in a library is
    exported with :func:`evidencekit.export.export_case`, which builds the source and
    passes the library's ``sealer``: then each file is signed over every byte, last.

    ``audience`` is ``platform`` (what the arbitrator reads: no internal warnings, clocks
    or edit log) or ``records`` (everything); by default the profile decides (archive:
    records). Buyer data is masked in a platform copy unless ``mask=False``, and in a
    records copy only when ``mask=True``. A platform copy of a case that is not ready
    (:func:`~.readiness.platform_problems`) is refused unless ``allow_incomplete``.
    An existing destination is refused (:class:`DestinationExists`, nothing written) unless
    ``overwrite``.
    """
    progress = progress or no_progress
    out = _destination(Path(out))
    if not overwrite:
        refuse_existing([out])
    plan = _plan(source, out, mode=mode, profile=profile, now=now, mask=mask,
                 audience=audience, allow_incomplete=allow_incomplete, zone=zone,
                 profiles_dir=profiles_dir, passwords=passwords)
    progress(0.02, "正在准备", "Planning")
    clean_stale(Path(tempfile.gettempdir()), out)  # what killed exports left
    # collecting_only_new: the export's collections (memory.release) skip what it did not make
    with collecting_only_new(), work_folder() as tmp, naming_full_disk(tmp, out):
        run = Run(plan, tmp, progress, cancel)
        run.load()
        result, used = fit_ladder(plan, lambda attempt, span: render_attempt(run, attempt, span),
                                  cancel, SEAL_RESERVE if sealer is not None else 0)
        shas, sizes = list(result.shas), list(result.sizes)
        if sealer is not None:
            progress(0.93, "正在签章", "Sealing")
            shas = [seal_file(p, sealer, now) for p in result.paths]
            sizes = [p.stat().st_size for p in result.paths]
        progress(0.95, "正在保存", "Saving")
        if not overwrite:  # split parts too (OUT-1.pdf …), checked before any move
            refuse_existing([out.with_name(p.name) for p in result.paths])
        files = move_into_place(result.paths, out, cancel)
    progress(1.0, "完成", "Done")
    note = [settings_note(plan.profile, used.settings)] if used.settings != plan.settings else []
    return ExportReport(files=files, pages=result.pages, sizes=sizes,
                        bundle_id=plan.bundle_id, manifest_sha256=result.manifest_sha,
                        bundle_sha256s=shas, sealed=sealer is not None, mode=mode, profile=plan.profile.name,
                        settings=vars(used.settings).copy(),
                        warnings=run.warnings + result.warnings + run.merge_warnings() + note,
                        placeholders=run.placeholders(), audience=plan.audience,
                        masked=plan.mask)
