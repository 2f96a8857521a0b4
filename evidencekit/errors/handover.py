"""Handing a case over (``.evcase``) and copying the whole library (backup, restore)."""

from __future__ import annotations

from .base import EvidenceKitError


class HandoverError(EvidenceKitError):
    """A case file or a backup is refused; nothing in the library was changed."""
    code = "handover"


class CaseFileUnreadable(HandoverError):
    code = "case_file_unreadable"
    MESSAGE = ("无法读取案件文件 {name}：{reason}", "Cannot read the case file {name}: {reason}")
    HINT = ("它不是 EvidenceKit 导出的 .evcase 文件，或已损坏。",
            "It is not an .evcase file written by EvidenceKit, or it is damaged.")


class CaseFileMemberAltered(HandoverError):
    code = "case_file_member_altered"
    MESSAGE = ("案件文件已被改动：{member} 与清单中的 SHA-256 不符（未导入任何内容）",
               "The case file was altered: {member} does not match its SHA-256 in the manifest "
               "(nothing was imported)")
    HINT = ("请向对方要一份原始的 .evcase 文件。", "Ask the sender for the original .evcase file.")


class CaseFileSignatureInvalid(HandoverError):
    code = "case_file_signature_invalid"
    MESSAGE = ("案件文件的签名不符：{detail}（未导入任何内容）",
               "The case file's signature does not match: {detail} (nothing was imported)")
    HINT = ("文件在签名之后被改动或重新封装过。请向对方要一份原始的 .evcase 文件。",
            "The file was changed or re-sealed after it was signed. Ask the sender for the "
            "original .evcase file.")


class CaseFileUnsigned(HandoverError):
    code = "case_file_unsigned"
    MESSAGE = ("案件文件没有签名（旧版本写出，或签名已被去掉），已拒绝（未导入任何内容）",
               "The case file is not signed (written by an older version, or its signature was "
               "removed); refused (nothing was imported)")
    HINT = ("确认文件来自本店同事后，可用 --allow-unsigned 导入。",
            "If you are sure it comes from your own team, import it with --allow-unsigned.")


class CaseFileMemberMissing(HandoverError):
    code = "case_file_member_missing"
    MESSAGE = ("案件文件不完整：缺少 {member}（未导入任何内容）",
               "The case file is incomplete: {member} is missing (nothing was imported)")


class CaseFileUnexpectedMember(HandoverError):
    code = "case_file_unexpected_member"
    MESSAGE = ("案件文件含有清单之外或不安全的条目：{member}（未导入任何内容）",
               "The case file holds an entry outside its manifest or with an unsafe path: "
               "{member} (nothing was imported)")


class CaseFileBomb(HandoverError):
    code = "case_file_bomb"
    MESSAGE = ("案件文件声明的内容异常：{member}（{detail}），已拒绝（未导入任何内容）",
               "The case file declares abnormal content: {member} ({detail}); refused "
               "(nothing was imported)")


class CaseFileTooNew(HandoverError):
    code = "case_file_too_new"
    MESSAGE = ("案件文件由更新版本的 EvidenceKit 写出（{detail}），请先升级。",
               "The case file was written by a newer EvidenceKit ({detail}); please upgrade first.")


class CaseFileNoSpace(HandoverError):
    code = "case_file_no_space"
    MESSAGE = ("资料库所在磁盘空间不足：需要 {need_mb} MB，可用 {free_mb} MB（未导入任何内容）",
               "Not enough disk space for the library: {need_mb} MB needed, {free_mb} MB free "
               "(nothing was imported)")


class BackupFolderNotBackup(HandoverError):
    code = "backup_folder_not_backup"
    MESSAGE = ("{folder} 不是 EvidenceKit 的备份文件夹", "{folder} is not an EvidenceKit backup folder")
    HINT = ("备份文件夹由 evidencekit backup 写出（含 evidencekit-backup.json）；备份请选空文件夹或以前的"
            "备份文件夹。",
            "A backup folder is one 'evidencekit backup' wrote (it holds evidencekit-backup.json); "
            "back up into an empty folder or an earlier backup.")


class BackupBlobDamaged(HandoverError):
    code = "backup_blob_damaged"
    MESSAGE = ("原始文件 {sha} 的内容与其 SHA-256 不符（{where}），未完成",
               "Original {sha} no longer matches its SHA-256 ({where}); not done")
    HINT = ("运行 evidencekit fsck 查看资料库的完整性。", "Run 'evidencekit fsck' to check the library.")


class BackupBlobMissing(HandoverError):
    code = "backup_blob_missing"
    MESSAGE = ("备份缺少原始文件 {sha}，无法恢复", "The backup lacks original {sha}; cannot restore")


class RestoreTargetNotEmpty(HandoverError):
    code = "restore_target_not_empty"
    MESSAGE = ("恢复目标文件夹不是空的：{folder}（没有改动）",
               "The folder to restore into is not empty: {folder} (nothing changed)")
    HINT = ("用 --library 指定一个新的或空的文件夹。", "Name a new or empty folder with --library.")
