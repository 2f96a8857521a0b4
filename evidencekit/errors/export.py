"""Writing and checking bundles."""

from __future__ import annotations

from .base import EvidenceKitError


class ExportError(EvidenceKitError):
    """A bundle cannot be written; nothing is left at the destination."""
    code = "export"


class LimitError(ExportError):
    """A submission profile's limit cannot be met without dropping evidence."""
    code = "limit"


class VerifyError(EvidenceKitError):
    """A bundle cannot be read to check it against its manifest."""
    code = "verify"
