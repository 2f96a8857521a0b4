"""The library: its folder, its database, cases and exhibits in it."""

from __future__ import annotations

from .base import EvidenceKitError
from .general import NotFoundError, UsageError


class StoreError(EvidenceKitError):
    """The library folder or its database cannot be used."""
    code = "store"


class NoLibrary(StoreError):
    code = "no_library"
    MESSAGE = ("这里还没有资料库：{root}", "No library at {root}")
    HINT = ("先运行 evidencekit init。", "Run 'evidencekit init' first.")


class LibraryFolderUncreatable(StoreError):
    code = "library_folder_uncreatable"
    MESSAGE = ("无法创建资料库文件夹 {root}：{reason}", "Cannot create the library folder {root}: {reason}")


class DatabaseUnopenable(StoreError):
    code = "database_unopenable"
    MESSAGE = ("无法打开资料库数据库 {path}：{reason}", "Cannot open the library database {path}: {reason}")
    HINT = ("文件可能已损坏；请从备份恢复。", "The file may be damaged; restore it from a backup.")


class DatabaseTooNew(StoreError):
    code = "database_too_new"
    MESSAGE = ("资料库由更新版本的 EvidenceKit 创建，请升级软件。",
               "This library was made by a newer EvidenceKit; please upgrade.")


class NoSuchCase(NotFoundError):
    code = "no_such_case"
    MESSAGE = ("找不到案件：{ref}", "No such case: {ref}")
    HINT = ("用 evidencekit case list 查看案件编号。", "See 'evidencekit case list' for case ids.")


class NoSuchExhibit(NotFoundError):
    code = "no_such_exhibit"
    MESSAGE = ("找不到证据 {exhibit_id}", "No such exhibit: {exhibit_id}")


class OrderNumberRequired(UsageError):
    code = "order_number_required"
    MESSAGE = ("订单号不能为空", "The order number is required")


class FieldNotSettable(UsageError):
    code = "field_not_settable"
    MESSAGE = ("不能修改字段 {field}", "Field {field} cannot be set")


class UnknownStage(UsageError):
    code = "unknown_stage"
    MESSAGE = ("未知阶段：{stage}", "Unknown stage: {stage}")
    HINT = ("可选：{choices}", "One of: {choices}")


class UnknownOutcome(UsageError):
    code = "unknown_outcome"
    MESSAGE = ("未知结果：{outcome}", "Unknown outcome: {outcome}")
    HINT = ("可选：{choices}", "One of: {choices}")


class BadAppealsUsed(UsageError):
    code = "bad_appeals_used"
    MESSAGE = ("申诉次数须为非负整数", "appeals_used must be a whole number ≥ 0")


class ExhibitRemoved(UsageError):
    code = "exhibit_removed"
    MESSAGE = ("该证据已被移除", "That exhibit was removed")
