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

from ..errors import CaseClosed
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
    overwrite: bool = False
    audience: str | None = None  # None: as the profile wants (archive: records)
    allow_incomplete: bool = False  # a platform copy of an unready case (the user agreed)

    @classmethod
    def prepare(cls, library: Any, case: int | str, destination: Path | str, *,
                mode: str = "arbitration", profile: str | None = None, now: datetime,
                zone: str | None = None, mask: bool | None = None,
                audience: str | None = None, allow_incomplete: bool = False,
                passwords: Mapping[str, str] | None = None,
                overwrite: bool = False) -> "CaseExport":
        """Read the case (its id or number) from ``library``. ``zone`` overrides the
        platform's; ``passwords`` (sha256 -> password) open encrypted PDF exhibits. A closed
        case is refused (read-only until reopened); an existing destination is refused at
        write time unless ``overwrite``."""
        c = library.get_case(case, include_deleted=False)
        if c.stage == "closed":  # read-only until reopened (as the store's writes refuse it)
            raise CaseClosed(case_no=c.case_no)
        profile = profile or library.setting("default_profile", "douyin") or "douyin"
        source = source_from_library(library, c.id, mode, now, passwords=passwords)
        return cls(library, c.id, source, Path(destination), mode, profile, now, zone, mask,
                   library_sealer(library), overwrite, audience, allow_incomplete)

    def write(self, progress: ProgressFn | None = None,
              cancel: CancelLike | None = None) -> ExportReport:
        """Write the bundle file(s); touches no database (may run on a worker thread)."""
        return export_bundle(self.source, self.destination, mode=self.mode,
                             profile=self.profile, now=self.now, progress=progress,
                             cancel=cancel, mask=self.mask, audience=self.audience,
                             allow_incomplete=self.allow_incomplete, zone=self.zone,
                             profiles_dir=self.library.profiles_dir, sealer=self.sealer,
                             overwrite=self.overwrite)

    def record(self, report: ExportReport) -> int:
        """Keep the export in the case's history as a draft (``case show`` lists it under
        ``exports``, with its audience); returns the export record's id."""
        return self.library.record_export(
            self.case_id, mode=report.mode, profile=report.profile,
            files=[str(f) for f in report.files], bundle_sha256s=list(report.bundle_sha256s),
            manifest_sha256=report.manifest_sha256, bundle_id=report.bundle_id,
            pages=list(report.pages), audience=report.audience, at=self.now)


def export_case(library: Any, case: int | str, destination: Path | str, *,
                mode: str = "arbitration", profile: str | None = None, now: datetime,
                zone: str | None = None, mask: bool | None = None,
                audience: str | None = None, allow_incomplete: bool = False,
                passwords: Mapping[str, str] | None = None,
                progress: ProgressFn | None = None, cancel: CancelLike | None = None,
                record: bool = True, overwrite: bool = False) -> ExportReport:
    """Export a case of ``library`` to ``destination`` and record it (unless ``record`` is
    false). A platform copy of a case that is not ready is refused unless
    ``allow_incomplete``. Raises :class:`~evidencekit.errors.EvidenceKitError` subclasses and
    leaves nothing half-written."""
    job = CaseExport.prepare(library, case, destination, mode=mode, profile=profile, now=now,
                             zone=zone, mask=mask, audience=audience,
                             allow_incomplete=allow_incomplete, passwords=passwords,
                             overwrite=overwrite)
    report = job.write(progress, cancel)
    if record and not getattr(library, "read_only", False):  # a read-only library: not kept
        job.record(report)
    return report
