"""Errors of no one area: bad usage, things not found, cancellation."""

from __future__ import annotations

from .base import EvidenceKitError


class UsageError(EvidenceKitError):
    """The user asked for something that does not make sense (bad flag, bad value)."""
    code = "usage"


class UnknownKind(UsageError):
    code = "unknown_kind"
    MESSAGE = ("未知的证据类型：{kind}", "Unknown evidence kind: {kind}")
    HINT = ("可选：{choices_zh}", "One of: {choices}")


class NotFoundError(EvidenceKitError):
    """Something named by the user does not exist."""
    code = "not_found"


class Cancelled(EvidenceKitError):
    """Long work was cancelled by the user; nothing was left half-written."""
    code = "cancelled"
    MESSAGE = ("已取消", "Cancelled")
