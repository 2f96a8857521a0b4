"""One error tree for the whole core.

Every error carries a stable ``code``, a message in Chinese and English, and an optional
hint, declared once per failure class (see :mod:`.base`). Third-party exceptions are
converted where they enter the core, so callers (CLI, app) only ever need to catch
:class:`EvidenceKitError`. docs/errors.md lists them all (``python tools/errors_doc.py``).
"""

from .base import EvidenceKitError, declared
from .export import (
    BlobAltered,
    BundleTooLarge,
    BundleUnopenable,
    BundleUnreadable,
    ContentTooLarge,
    ExhibitLocked,
    ExhibitPdfUnreadable,
    ExhibitTooLarge,
    ExportError,
    FontMissing,
    LimitError,
    LimitUnmet,
    ManifestMalformed,
    NoExhibits,
    NoManifest,
    OriginalsFolderMissing,
    OriginalUnreadable,
    OutputFolderMissing,
    OutputFolderReadOnly,
    OutputIsFolder,
    OutputNameRejected,
    OutputNotPdf,
    PdfUncheckable,
    PlatformCopyIncomplete,
    TooManyPages,
    UnknownAudience,
    UnknownMode,
    UnknownProfile,
    VerifyError,
)
from .general import (
    BadAmount,
    BadAppealPoint,
    BadTime,
    BadUsage,
    Cancelled,
    EmptyTime,
    NaiveInstant,
    NegativeAmount,
    NoSuchExhibitNumber,
    NotFoundError,
    NothingToChange,
    StatementFileUnreadable,
    UnknownKind,
    UnknownZone,
    UsageError,
)
from .importing import (
    ImportListError,
    ImportTableInvalid,
    ImportTableUnreadable,
    ListDamaged,
    ListIsFolder,
    ListMissing,
    ListNotPermitted,
    ListNotTable,
    ListOldExcel,
    MappingInvalid,
    MappingUnreadable,
    MissingColumns,
    NoHeaderRow,
)
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
    PasswordNotGiven,
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
from .lifecycle import (
    AppealLimitReached,
    BundleFileMissing,
    BundleOfAnotherCase,
    CaseClosed,
    CaseNotClosed,
    DecisionBeforeSubmission,
    DestinationExists,
    DiffNeedsTwo,
    ExportPartsMissing,
    ManifestAltered,
    NegativeWithin,
    NoBundleGiven,
    NoSuchExport,
    NoSuchSubmission,
    NothingToDecide,
    NotOneExport,
    OutcomeNeedsDecision,
    ReasonRequired,
    SameFileTwice,
    StoreZoneRequired,
    SubmittedBytesMissing,
    TooFewSubmissions,
    UnknownDecision,
    UnknownSubmissionKind,
)
from .rules import NotInRules, RuleError, UnknownDisputeType, UnknownPlatform
from .store import (
    BadAppealsUsed,
    BadWorklogNumber,
    DatabaseTooNew,
    DatabaseUnopenable,
    ExhibitRemoved,
    FieldNotSettable,
    LibraryFolderUncreatable,
    NoLibrary,
    NoSuchCase,
    NoSuchExhibit,
    NoSuchWorklogEntry,
    OrderNumberRequired,
    StoreError,
    UnknownOutcome,
    UnknownStage,
    WorklogTextEmpty,
    WorklogTextTooLong,
)

__all__ = [
    "AppealLimitReached", "BundleFileMissing", "BundleOfAnotherCase", "CaseClosed",
    "CaseNotClosed", "DecisionBeforeSubmission", "DestinationExists", "DiffNeedsTwo",
    "ExportPartsMissing", "ManifestAltered", "NegativeWithin", "NoBundleGiven", "NoSuchExport",
    "NoSuchSubmission", "NotOneExport", "NothingToDecide", "OutcomeNeedsDecision",
    "ReasonRequired", "SameFileTwice", "StoreZoneRequired", "SubmittedBytesMissing",
    "TooFewSubmissions", "UnknownDecision", "UnknownSubmissionKind",
    "BlobAltered", "BundleUnopenable", "BundleUnreadable", "ContentTooLarge", "ExhibitLocked",
    "ExhibitPdfUnreadable", "FontMissing", "ManifestMalformed", "NoManifest", "OriginalsFolderMissing",
    "OriginalUnreadable", "UnknownProfile", "OutputNotPdf", "OutputIsFolder", "OutputNameRejected",
    "OutputFolderMissing",
    "OutputFolderReadOnly", "PasswordNotGiven", "NoExhibits", "UnknownMode", "UnknownAudience",
    "BadAmount", "BadAppealPoint", "BadAppealsUsed", "BadTime", "BadUsage", "Cancelled",
    "DatabaseTooNew", "DatabaseUnopenable", "EmptyFile", "EmptyTime", "EvidenceKitError",
    "ExhibitRemoved", "ExportError", "FieldNotSettable", "FileMissing", "FileNotPermitted",
    "FileOverLimit", "FileTooLarge", "FileUnknownFailure", "FileUnreadable", "ImageDamaged",
    "ImageTooLarge", "ImageUnreadable", "IngestError", "IsDirectory", "LibraryFolderUncreatable",
    "LimitError", "NaiveInstant", "NegativeAmount", "NoLibrary", "NoSuchCase", "NoSuchExhibit",
    "NoSuchExhibitNumber", "NotFoundError", "NotInRules", "NothingToChange", "OrderNumberRequired",
    "PasswordRequired", "PasswordWrong", "PdfCryptoMissing", "PdfDamaged", "PdfNoPages",
    "RuleError", "StatementFileUnreadable", "StoreError", "TableMalformed", "UnknownDisputeType",
    "UnknownKind", "UnknownOutcome", "UnknownPlatform", "UnknownStage", "UnknownZone",
    "UsageError", "VerifyError", "VideoUnreadable", "WrongFormat", "XlsxDamaged", "declared",
    "ImportListError", "ListMissing", "ListNotPermitted", "ListNotTable", "ListIsFolder", "ListOldExcel",
    "ListDamaged", "NoHeaderRow", "MissingColumns", "MappingInvalid", "MappingUnreadable",
    "ImportTableInvalid", "ImportTableUnreadable",
    "PlatformCopyIncomplete", "PdfUncheckable", "NoSuchWorklogEntry", "WorklogTextEmpty",
    "WorklogTextTooLong", "BadWorklogNumber",
]

# Issue 15 (hostile files and faults).
from .export import DestinationFull, ImageUndecodable, PageBoxUnreadable, PageContentTooLarge, TempFolderFull  # noqa: E402
from .general import AmountTooLarge, AppealsUsedOutOfRange, TimeOutOfRange  # noqa: E402
from .ingest import (  # noqa: E402
    AllZero,
    DanglingLink,
    DuplicateExhibit,
    FolderUnreadable,
    LinkLoop,
    LinkOutside,
    LinkToFolder,
    NotRegularFile,
    PdfContentBomb,
    ZipBomb,
)
from .store import (  # noqa: E402
    BadMarkNumber,
    BadSettingValue,
    DatabaseCannotOpen,
    DatabaseDamaged,
    DatabaseFailed,
    DiskFull,
    LibraryBusy,
    LibraryFileIo,
    LibraryNeedsUpgrade,
    LibraryReadOnly,
    MarkUnitMismatch,
    NoSuchMarkItem,
    NotMarkable,
    UnknownSetting,
)

__all__ += ["BadSettingValue", "UnknownSetting", "BadMarkNumber", "MarkUnitMismatch", "NoSuchMarkItem", "NotMarkable",
    "DestinationFull", "ImageUndecodable", "PageBoxUnreadable", "PageContentTooLarge",
    "TempFolderFull", "AmountTooLarge", "AppealsUsedOutOfRange", "TimeOutOfRange", "AllZero",
    "DanglingLink", "DuplicateExhibit", "FolderUnreadable", "LinkLoop", "LinkOutside",
    "LinkToFolder", "NotRegularFile", "PdfContentBomb", "ZipBomb", "DatabaseCannotOpen",
    "DatabaseDamaged", "DatabaseFailed", "DiskFull", "LibraryBusy", "LibraryFileIo",
    "LibraryNeedsUpgrade", "LibraryReadOnly"]

# Issue 11 (hand a case over; backup and restore).
from .handover import (  # noqa: E402
    BackupBlobDamaged,
    BackupBlobMissing,
    BackupFolderNotBackup,
    CaseFileBomb,
    CaseFileMemberAltered,
    CaseFileMemberMissing,
    CaseFileNoSpace,
    CaseFileSignatureInvalid,
    CaseFileTooNew,
    CaseFileUnexpectedMember,
    CaseFileUnreadable,
    CaseFileUnsigned,
    HandoverError,
    RestoreTargetNotEmpty,
)

__all__ += [
    "BackupBlobDamaged", "BackupBlobMissing", "BackupFolderNotBackup", "CaseFileBomb",
    "CaseFileMemberAltered", "CaseFileMemberMissing", "CaseFileNoSpace", "CaseFileTooNew",
    "CaseFileUnexpectedMember", "CaseFileUnreadable", "HandoverError", "RestoreTargetNotEmpty",
    "CaseFileSignatureInvalid", "CaseFileUnsigned"]

# Issue 11 (search everything).
from .general import EmptySearch  # noqa: E402

__all__ += ["EmptySearch"]
__all__ += ["BundleTooLarge", "ExhibitTooLarge", "LimitUnmet", "TooManyPages"]

from .review import BadPeriod, StopwordsUnreadable  # noqa: E402

__all__ += ["BadPeriod", "StopwordsUnreadable"]

# Issue 13 (a team library on PostgreSQL).
from .team import (  # noqa: E402
    BadDatabaseUrl,
    FolderHoldsLocalLibrary,
    PasswordNotSaved,
    ReviewerCannotWrite,
    TeamBackupUsePgDump,
    TeamDatabaseUnreachable,
    TeamRolesMissing,
    TeamUpgradeNeedsOwner,
)

__all__ += ["BadDatabaseUrl", "FolderHoldsLocalLibrary", "PasswordNotSaved", "ReviewerCannotWrite",
            "TeamBackupUsePgDump", "TeamDatabaseUnreachable", "TeamRolesMissing", "TeamUpgradeNeedsOwner"]

# Issue 13 (a team library: originals in PostgreSQL, moving a local library into one).
from .store import (  # noqa: E402
    BlobHashMismatch,
    MigrateBlobMissing,
    MigrateNeedsTeamDatabase,
    MigrateSourceNotLocal,
    MigrateTargetNotEmpty,
)

__all__ += ["BlobHashMismatch", "MigrateBlobMissing", "MigrateNeedsTeamDatabase", "MigrateSourceNotLocal",
            "MigrateTargetNotEmpty"]

# Issue 13 (people, working at the same time).
from .people import BadStaffName, StaleCase  # noqa: E402

__all__ += ["BadStaffName", "StaleCase"]
