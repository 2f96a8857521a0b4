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
    MESSAGE = ("申诉次数须为 0 到 10 的整数", "appeals_used must be a whole number from 0 to 10")


class ExhibitRemoved(UsageError):
    code = "exhibit_removed"
    MESSAGE = ("该证据已被移除", "That exhibit was removed")


class LibraryReadOnly(StoreError):
    code = "store_read_only"
    MESSAGE = ("资料库是只读的（没有写入权限）：{path}", "The library is read-only (no write permission): {path}")
    HINT = ("查看类命令仍可使用；要修改，请给该文件夹写入权限或换一个位置。",
            "Read commands still work; to change anything, give the folder write permission or move the library.")


class DiskFull(StoreError):
    code = "store_disk_full"
    MESSAGE = ("磁盘已满，无法写入：{path}", "The disk is full; cannot write: {path}")
    HINT = ("请腾出磁盘空间后重试；资料库本身没有损坏。",
            "Free some disk space and try again; the library is not damaged.")


class LibraryFileIo(StoreError):
    code = "store_io"
    MESSAGE = ("无法读写资料库文件 {path}：{reason}", "Cannot read or write the library file {path}: {reason}")


class LibraryBusy(StoreError):
    code = "store_busy"
    MESSAGE = ("资料库正被另一个程序使用：{path}", "The library is in use by another program: {path}")
    HINT = ("请稍后重试。", "Try again in a moment.")


class DatabaseCannotOpen(StoreError):
    code = "store_unopenable"
    MESSAGE = ("无法打开资料库数据库（文件夹不存在或没有权限）：{path}",
               "Cannot open the library database (missing folder or no permission): {path}")


class DatabaseDamaged(StoreError):
    code = "store_damaged"
    MESSAGE = ("资料库数据库已损坏：{path}（{reason}）", "The library database is damaged: {path} ({reason})")
    HINT = ("完整性检查发现损坏；请从备份恢复。", "The integrity check found damage; restore it from a backup.")


class DatabaseFailed(StoreError):
    code = "store_sqlite"
    MESSAGE = ("资料库数据库出错：{path}（{reason}）", "Library database error: {path} ({reason})")


class LibraryNeedsUpgrade(StoreError):
    code = "store_needs_upgrade"
    MESSAGE = ("这个资料库需要升级一次，但当前没有写入权限：{path}",
               "This library must be upgraded once with write access: {path}")
    HINT = ("请在有写入权限时打开一次（会先自动备份）。",
            "Open it once where it can be written (a backup is made first).")


class WorklogTextEmpty(UsageError):
    code = "worklog_text_empty"
    MESSAGE = ("工单内容不能为空", "A work-order entry needs some text")


class WorklogTextTooLong(UsageError):
    code = "worklog_text_too_long"
    MESSAGE = ("工单内容过长（最多 {limit} 字）",
               "A work-order entry is too long (at most {limit} characters)")


class NoSuchWorklogEntry(NotFoundError):
    code = "no_such_worklog_entry"
    MESSAGE = ("此案件没有工单记录 #{number}", "The case has no work-order entry #{number}")
    HINT = ("用 evidencekit worklog list 查看编号。", "See 'evidencekit worklog list' for the numbers.")


class BadWorklogNumber(UsageError):
    code = "bad_worklog_number"
    MESSAGE = ("工单编号应为数字：{text}", "A work-order entry number is a number: {text}")


class NotMarkable(UsageError):
    """Key marks name a chat message or a trace event: other exhibits have none."""
    code = "not_markable"
    MESSAGE = ("E{number} 不是聊天记录或物流轨迹，无法标记要点",
               "E{number} is not a chat log or a courier trace: nothing in it can be marked key")


class NoSuchMarkItem(UsageError):
    code = "no_such_mark_item"
    MESSAGE = ("E{number} 没有第 {item} {unit_zh}（共 {count} {unit_zh}）",
               "E{number} has no {unit_en} {item} (it has {count})")
    HINT = ("编号从 1 开始，与卷宗中的 “E1 #4” 相同。",
            "Numbers start at 1, as the bundle prints them (\"E1 #4\").")


class MarkUnitMismatch(UsageError):
    code = "mark_unit_mismatch"
    MESSAGE = ("E{number} 是{what_zh}：请用 {flag}", "E{number} is {what_en}: use {flag}")


class BadMarkNumber(UsageError):
    code = "bad_mark_number"
    MESSAGE = ("要点编号应为数字（如 4 或 4,7）：{text}", "Mark numbers are numbers (4 or 4,7): {text}")


class UnknownSetting(UsageError):
    code = "unknown_setting"
    MESSAGE = ("没有这个设置：{key}（可用：{choices}）", "No such setting: {key} (one of: {choices})")


class BadSettingValue(UsageError):
    code = "bad_setting_value"
    MESSAGE = ("{key} 的值应为{expected_zh}：{value}", "{key} must be {expected_en}: {value}")


# ---- issue 13: a team library's originals, moving a library into one ----------------------
class BlobHashMismatch(StoreError):
    code = "blob_hash_mismatch"
    MESSAGE = ("原件内容与其 SHA-256 不符（应为 {expected}，实为 {got}）",
               "An original does not match its SHA-256 (expected {expected}, got {got})")
    HINT = ("没有保存任何内容；请用 evidencekit fsck 检查资料库。",
            "Nothing was stored; check the library with 'evidencekit fsck'.")


class MigrateTargetNotEmpty(StoreError):
    code = "migrate_target_not_empty"
    MESSAGE = ("目标数据库已有资料库内容（{cases} 个案件、{blobs} 个原件）：{target}",
               "The target database already holds a library ({cases} cases, {blobs} originals): {target}")
    HINT = ("迁移只写入空的团队资料库；请新建一个数据库再试。",
            "Migration only fills an empty team library; create a new database and try again.")


class MigrateBlobMissing(StoreError):
    code = "migrate_blob_missing"
    MESSAGE = ("本地资料库缺少 {count} 个原件（例如 {first}），未迁移任何内容",
               "The local library is missing {count} originals (e.g. {first}); nothing was migrated")
    HINT = ("请先运行 evidencekit fsck 并从备份恢复缺失的原件。",
            "Run 'evidencekit fsck' first and restore the missing originals from a backup.")


class MigrateNeedsTeamDatabase(UsageError):
    code = "migrate_needs_team_database"
    MESSAGE = ("--to 须为 PostgreSQL 地址（postgresql://…）：{target}",
               "--to must be a PostgreSQL URL (postgresql://…): {target}")


class MigrateSourceNotLocal(UsageError):
    code = "migrate_source_not_local"
    MESSAGE = ("只能迁移本地资料库（SQLite）；当前资料库已在服务器上。",
               "Only a local (SQLite) library can be migrated; this one is already on a server.")
