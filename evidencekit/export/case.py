"""The one way a case in the library becomes a bundle, for the CLI and the app alike.

:func:`export_case` reads the case (a snapshot), writes the bundle and records the export.
The app runs the same three steps on its own threads through :class:`CaseExport`: the
snapshot where the user pressed Export, the writing on a worker, the record as a library
write. Both get the same defaults: the library's default profile, times in the platform's
zone (the arbitrator's) unless a zone is named, the copy for the platform (buyer data
masked; refused when the case is not ready) unless the profile or the caller says records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Mapping

from ..progress import CancelLike, ProgressFn
from .pipeline import ExportReport, export_bundle
from .seal import Sealer, library_sealer
from .source import BundleSource, source_from_library


@dataclass(frozen=True)
class CaseExport:
    """One export of one case, read from the library and ready to write."""
    library: Any
    case_id: int
    source: BundleSource
    destination: Path
    mode: str
    profile: str
    now: datetime
    zone: str | None
    mask: bool | None  # None: as the audience wants (platform masked, records not)
    sealer: Sealer | None = None
    audience: str | None = None  # None: as the profile wants (archive: records)
    allow_incomplete: bool = False  # a platform copy of an unready case (the user agreed)

    @classmethod
    def prepare(cls, library: Any, case: int | str, destination: Path | str, *,
                mode: str = "arbitration", profile: str | None = None, now: datetime,
                zone: str | None = None, mask: bool | None = None,
                audience: str | None = None, allow_incomplete: bool = False,
                passwords: Mapping[str, str] | None = None) -> "CaseExport":
        """Read the case (its id or number) from ``library``. ``zone`` overrides the
        platform's; ``passwords`` (sha256 -> password) open encrypted PDF exhibits."""
        c = library.get_case(case, include_deleted=False)
        profile = profile or library.setting("default_profile", "douyin") or "douyin"
        source = source_from_library(library, c.id, mode, now, passwords=passwords)
        return cls(library, c.id, source, Path(destination), mode, profile, now, zone, mask,
                   library_sealer(library), audience, allow_incomplete)

    def write(self, progress: ProgressFn | None = None,
              cancel: CancelLike | None = None) -> ExportReport:
        """Write the bundle file(s); touches no database (may run on a worker thread)."""
        return export_bundle(self.source, self.destination, mode=self.mode,
                             profile=self.profile, now=self.now, progress=progress,
                             cancel=cancel, mask=self.mask, audience=self.audience,
                             allow_incomplete=self.allow_incomplete, zone=self.zone,
                             profiles_dir=self.library.profiles_dir, sealer=self.sealer)

    def record(self, report: ExportReport) -> None:
        """Keep the export in the case's history (``case show`` lists it)."""
        self.library.record_submission(self.case_id, report.mode, report.profile,
                                       [str(f) for f in report.files],
                                       list(report.bundle_sha256s), report.manifest_sha256,
                                       at=self.now, audience=report.audience)


def export_case(library: Any, case: int | str, destination: Path | str, *,
                mode: str = "arbitration", profile: str | None = None, now: datetime,
                zone: str | None = None, mask: bool | None = None,
                audience: str | None = None, allow_incomplete: bool = False,
                passwords: Mapping[str, str] | None = None,
                progress: ProgressFn | None = None, cancel: CancelLike | None = None,
                record: bool = True) -> ExportReport:
    """Export a case of ``library`` to ``destination`` and record it (unless ``record`` is
    false). A platform copy of a case that is not ready is refused unless
    ``allow_incomplete``. Raises :class:`~evidencekit.errors.EvidenceKitError` subclasses and
    leaves nothing half-written."""
    job = CaseExport.prepare(library, case, destination, mode=mode, profile=profile, now=now,
                             zone=zone, mask=mask, audience=audience,
                             allow_incomplete=allow_incomplete, passwords=passwords)
    report = job.write(progress, cancel)
    if record and not getattr(library, "read_only", False):  # a read-only library: not kept
        job.record(report)
    return report
