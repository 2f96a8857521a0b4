"""One error tree for the whole core.

Every error carries a stable ``code``, a message in Chinese and English, and an
optional hint. Third-party exceptions are converted where they enter the core,
so callers (CLI, app) only ever need to catch :class:`EvidenceKitError`.
"""

from __future__ import annotations


class EvidenceKitError(Exception):
    """Base error: ``code`` plus a bilingual message and hint."""

    code = "error"
    exit_code = 2

    def __init__(self, message_zh: str, message_en: str, *, hint_zh: str = "",
                 hint_en: str = "", code: str | None = None):
        super().__init__(message_en)
        self.message_zh = message_zh
        self.message_en = message_en
        self.hint_zh = hint_zh
        self.hint_en = hint_en
        if code:
            self.code = code

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang.startswith("zh") else self.message_en

    def hint(self, lang: str = "zh") -> str:
        return self.hint_zh if lang.startswith("zh") else self.hint_en

    def to_dict(self) -> dict:
        return {"code": self.code, "message_zh": self.message_zh,
                "message_en": self.message_en, "hint_zh": self.hint_zh,
                "hint_en": self.hint_en}


class UsageError(EvidenceKitError):
    """The user asked for something that does not make sense (bad flag, bad value)."""
    code = "usage"


class NotFoundError(EvidenceKitError):
    code = "not_found"


class StoreError(EvidenceKitError):
    """The library folder or its database cannot be used."""
    code = "store"


class RuleError(EvidenceKitError):
    """A rule or profile file is malformed; names the file and the key."""
    code = "rule"

    def __init__(self, file: str, key: str, expected: str):
        super().__init__(
            f"规则文件 {file} 有误：键 “{key}” 应为 {expected}",
            f"Rule file {file} is malformed: key '{key}' must be {expected}",
            hint_zh="请修正或移走该文件；内置规则仍然可用。",
            hint_en="Fix or remove the file; the built-in rules still work.")
        self.file = file
        self.key = key
        self.expected = expected


class IngestError(EvidenceKitError):
    """A file cannot be read as evidence. The file is not added."""
    code = "ingest"


class PasswordRequired(IngestError):
    """An encrypted PDF needs a password (or the one given is wrong)."""
    code = "password_required"


class ExportError(EvidenceKitError):
    code = "export"


class LimitError(ExportError):
    """A submission profile's limit cannot be met without dropping evidence."""
    code = "limit"


class VerifyError(EvidenceKitError):
    code = "verify"


class Cancelled(EvidenceKitError):
    """Long work was cancelled by the user; nothing was left half-written."""
    code = "cancelled"

    def __init__(self):
        super().__init__("已取消", "Cancelled")
