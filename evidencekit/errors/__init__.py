"""One error tree for the whole core.

Every error carries a stable ``code``, a message in Chinese and English, and an optional
hint, declared once per failure class (see :mod:`.base`). Third-party exceptions are
converted where they enter the core, so callers (CLI, app) only ever need to catch
:class:`EvidenceKitError`. docs/errors.md lists them all (``python tools/errors_doc.py``).
"""

from .base import EvidenceKitError, declared
from .export import ExportError, LimitError, VerifyError
from .general import Cancelled, NotFoundError, UnknownKind, UsageError
from .ingest import (
    EmptyFile,
    FileMissing,
    FileNotPermitted,
    FileOverLimit,
    FileTooLarge,
    FileUnknownFailure,
    FileUnreadable,
    ImageDamaged,
    ImageTooLarge,
    ImageUnreadable,
    IngestError,
    IsDirectory,
    PasswordRequired,
    PasswordWrong,
    PdfCryptoMissing,
    PdfDamaged,
    PdfNoPages,
    TableMalformed,
    VideoUnreadable,
    WrongFormat,
    XlsxDamaged,
)
from .rules import NotInRules, RuleError, UnknownDisputeType, UnknownPlatform
from .store import StoreError

__all__ = [
    "EvidenceKitError", "declared", "UsageError", "NotFoundError", "Cancelled",
    "RuleError", "NotInRules", "UnknownPlatform", "UnknownDisputeType",
    "StoreError", "ExportError", "LimitError", "VerifyError",
    "IngestError", "UnknownKind", "FileMissing", "FileUnreadable", "FileNotPermitted", "FileOverLimit", "IsDirectory",
    "EmptyFile", "FileTooLarge", "FileUnknownFailure", "WrongFormat", "PdfDamaged", "PdfCryptoMissing",
    "PdfNoPages", "PasswordRequired", "PasswordWrong", "ImageUnreadable", "ImageTooLarge",
    "ImageDamaged", "VideoUnreadable", "TableMalformed", "XlsxDamaged",
]
