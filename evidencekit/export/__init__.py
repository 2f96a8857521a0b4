"""Bundle export: one timestamped, paginated, verifiable PDF per case (issue 4).

Public API (used by the CLI and the app)::

    export_case(library, case, destination, *, mode, profile, now, zone, mask, passwords,
                progress, cancel, record=True) -> ExportReport   # the one entry for a case
    CaseExport.prepare(...) / .write(progress, cancel) / .record(report)  # its steps
    export_bundle(source, out, *, mode, profile, now, progress, cancel, mask, zone,
                  profiles_dir) -> ExportReport
    verify_bundle(bundle, originals=None) -> VerifyReport
    load_profiles(extra_dir=None) -> dict[str, Profile]
    source_from_library(lib, case_id, mode, now) -> BundleSource
"""

from ..errors import PlatformCopyIncomplete
from .case import CaseExport, export_case
from .pipeline import ExportReport, export_bundle
from .plan import AUDIENCES, default_audience
from .profiles import Profile, load_profiles
from .readiness import platform_problems
from .source import BundleSource, source_from_library
from .verify import VerifyItem, VerifyReport, verify_bundle

__all__ = ["export_case", "CaseExport", "export_bundle", "ExportReport", "verify_bundle",
           "VerifyReport", "VerifyItem", "load_profiles", "Profile", "BundleSource",
           "source_from_library", "AUDIENCES", "default_audience", "PlatformCopyIncomplete",
           "platform_problems"]
