"""Moving cases and libraries: one case to another library (``.evcase``), the whole library
to a backup folder and back. See docs/handover.md for the file format."""

from .backup import BackupResult, RestoreResult, backup_library, restore_library
from .pack import PackResult, pack_case
from .unpack import UnpackResult, check_case_file, unpack_case

__all__ = ["BackupResult", "PackResult", "RestoreResult", "UnpackResult", "backup_library",
           "check_case_file", "pack_case", "restore_library", "unpack_case"]
