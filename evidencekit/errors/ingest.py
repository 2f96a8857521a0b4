"""Reading a file as evidence. Any of these means the file was not added."""

from __future__ import annotations

from .base import EvidenceKitError


class IngestError(EvidenceKitError):
    """A file cannot be read as evidence. The file is not added."""
    code = "ingest"


class FileMissing(IngestError):
    code = "file_missing"
    MESSAGE = ("找不到文件：{name}", "File not found: {name}")


class FileUnreadable(IngestError):
    code = "file_unreadable"
    MESSAGE = ("无法访问文件：{name}", "Cannot access file: {name}")


class FileNotPermitted(FileUnreadable):  # its code too: scripts treat them alike
    MESSAGE = ("没有权限读取文件：{name}", "No permission to read: {name}")


class IsDirectory(IngestError):
    code = "is_directory"
    MESSAGE = ("“{name}”是文件夹，请选择文件", "'{name}' is a folder; choose a file")


class EmptyFile(IngestError):
    code = "empty_file"
    MESSAGE = ("文件是空的（0 字节），可能没有下载或导出完整",
               "The file is empty (0 bytes); it may not have been downloaded or exported completely")
    HINT = ("请重新下载或导出后再添加。", "Download or export it again, then add it.")


class FileTooLarge(IngestError):
    code = "too_large"
    MESSAGE = ("文件太大，内存不足，无法读取", "The file is too large to read (out of memory)")


class FileOverLimit(FileTooLarge):
    MESSAGE = ("文件太大（{gb} GB）：{name}", "File too large ({gb} GB): {name}")
    HINT = ("单个文件上限 2 GB。", "The limit is 2 GB per file.")


class FileUnknownFailure(IngestError):
    """A reader failed in a way no rule names; converted once, at the ingestion boundary."""
    code = "unreadable"
    MESSAGE = ("无法读取这个文件，它可能已损坏", "This file cannot be read; it may be damaged")
    HINT = ("请重新导出或换一个文件。", "Export it again or choose another file.")


class WrongFormat(IngestError):
    code = "wrong_format"
    MESSAGE = ("这个文件不是图片或视频，不能作为“{kind_zh}”添加",
               "This file is not an image or video, so it cannot be added as '{kind_en}'")
    HINT = ("请选择照片/视频文件，或改选证据类型。", "Choose a photo/video file, or pick another evidence kind.")


class PdfDamaged(IngestError):
    code = "pdf_damaged"
    MESSAGE = ("PDF 文件已损坏，无法打开", "The PDF file is damaged and cannot be opened")
    HINT = ("请向出具方重新索取文件，或用其他软件打开后另存为 PDF。",
            "Ask the issuer for the file again, or open it in another program and save it as PDF again.")


class PdfCryptoMissing(IngestError):
    code = "pdf_crypto_missing"
    MESSAGE = ("这个 PDF 的加密方式需要额外组件才能打开", "This PDF's encryption needs an extra component to open")
    HINT = ("请安装 cryptography 组件，或让出具方提供未加密的文件。",
            "Install the 'cryptography' package, or ask for an unencrypted file.")


class PdfNoPages(IngestError):
    code = "pdf_no_pages"
    MESSAGE = ("PDF 文件没有任何页面", "The PDF has no pages")


class PasswordRequired(IngestError):
    """An encrypted PDF needs a password (or the one given is wrong)."""
    code = "password_required"
    MESSAGE = ("这个 PDF 有密码保护，请输入打开密码", "This PDF is password-protected; enter its password")
    HINT = ("密码通常由出具报告的机构提供。", "The issuer of the report usually provides the password.")


class PasswordWrong(PasswordRequired):
    code = "password_wrong"
    MESSAGE = ("PDF 密码不正确，请重新输入", "Wrong PDF password; try again")
    HINT = ("注意区分大小写。", "Passwords are case-sensitive.")


class PasswordNotGiven(PasswordRequired):
    """The app asked for the password and the user gave none."""
    MESSAGE = ("这个 PDF 已加密，未提供密码，所以没有添加",
               "This PDF is encrypted and no password was given, so it was not added")
    HINT = ("拿到密码后再添加一次。", "Add it again once you have the password.")


class ImageUnreadable(IngestError):
    code = "image_unreadable"
    MESSAGE = ("无法识别为图片，文件可能已损坏或格式不支持",
               "Not a readable image; the file may be damaged or of an unsupported type")
    HINT = ("支持 JPG、PNG、WebP 图片；请重新导出或截图。",
            "JPG, PNG and WebP are supported; export or capture it again.")


class ImageTooLarge(IngestError):
    code = "image_too_large"
    MESSAGE = ("图片尺寸异常巨大（可能是恶意文件），已拒绝读取",
               "The image's dimensions are abnormally large (possibly a malicious file); it was refused")
    HINT = ("请用截图或重新导出的正常图片代替。", "Use a normal screenshot or re-exported image instead.")


class ImageDamaged(IngestError):
    code = "image_damaged"
    MESSAGE = ("图片不完整或已损坏，无法显示", "The image is incomplete or damaged and cannot be shown")
    HINT = ("请重新从手机或相机导出原图。", "Export the original again from the phone or camera.")


class VideoUnreadable(IngestError):
    code = "video_unreadable"
    MESSAGE = ("无法识别为 MP4/MOV 视频，文件可能已损坏", "Not a readable MP4/MOV video; the file may be damaged")
    HINT = ("请从手机重新导出原视频。", "Export the original video from the phone again.")


class TableMalformed(IngestError):
    code = "table_malformed"
    MESSAGE = ("表格文件格式有误，无法读取", "The table file is malformed and cannot be read")
    HINT = ("请重新导出为 CSV 或 Excel 文件。", "Export it again as CSV or Excel.")


class XlsxDamaged(IngestError):
    code = "xlsx_damaged"
    MESSAGE = ("Excel 文件已损坏或不是有效的 .xlsx 文件", "The Excel file is damaged or not a valid .xlsx file")
    HINT = ("请用 Excel 打开后重新保存，或导出为 CSV。", "Open it in Excel and save again, or export as CSV.")


class NotRegularFile(IngestError):
    code = "not_regular_file"
    MESSAGE = ("不是普通文件（管道、设备或套接字），未读取：{name}",
               "Not a regular file (a pipe, device or socket); not read: {name}")


class DanglingLink(IngestError):
    code = "dangling_link"
    MESSAGE = ("链接指向的文件不存在，已跳过：{name}", "Link to a file that does not exist; skipped: {name}")


class LinkLoop(IngestError):
    code = "link_loop"
    MESSAGE = ("链接形成循环，已跳过：{name}", "Link loop; skipped: {name}")


class LinkOutside(IngestError):
    code = "link_outside"
    MESSAGE = ("链接指向文件夹之外，未跟随：{name}", "Link leads outside the folder; not followed: {name}")


class LinkToFolder(IngestError):
    code = "link_to_folder"
    MESSAGE = ("链接指向文件夹，未跟随（避免重复和循环）：{name}",
               "Link to a folder; not followed (avoids repeats and loops): {name}")


class FolderUnreadable(IngestError):
    code = "folder_unreadable"
    MESSAGE = ("无法读取文件夹（{reason}）：{name}", "Cannot read the folder ({reason}): {name}")


class DuplicateExhibit(IngestError):
    """The case already holds a file with these bytes (same SHA-256); ``existing`` is set by
    the raise site."""
    code = "duplicate"
    MESSAGE = ("E{position} 已包含此文件", "E{position} already holds this file")
    HINT = ("如确需再添加一份，请用 --allow-duplicate。", "Use --allow-duplicate to add it again anyway.")


class ZipBomb(IngestError):
    code = "zip_bomb"
    MESSAGE = ("压缩文件解压后异常巨大（{mb} MB，压缩比 {ratio}:1），可能是恶意文件，已拒绝：{name}",
               "The archive inflates to an abnormal size ({mb} MB, ratio {ratio}:1), possibly a "
               "malicious file; refused: {name}")
    HINT = ("请重新导出为 CSV，或换一个文件。", "Export it again as CSV, or choose another file.")


class AllZero(IngestError):
    code = "all_zero"
    MESSAGE = ("文件内容全是零字节，不是有效的证据：{name}",
               "The file holds nothing but zero bytes; it is not evidence: {name}")
    HINT = ("可能没有下载完整，请重新下载或导出。",
            "It may not have downloaded completely; download or export it again.")


class PdfContentBomb(IngestError):
    code = "pdf_too_large"
    MESSAGE = ("PDF 第 {page} 页的内容解压后异常巨大（可能是恶意文件），已拒绝",
               "Page {page} of the PDF inflates to an abnormal size (possibly a malicious file); refused")
    HINT = ("请让出具方重新导出该 PDF。", "Ask the issuer to export the PDF again.")
