"""Writing and checking bundles."""

from __future__ import annotations

from .base import EvidenceKitError
from .general import UsageError


class ExportError(EvidenceKitError):
    """A bundle cannot be written; nothing is left at the destination."""
    code = "export"


class LimitError(ExportError):
    """A submission profile's limit cannot be met without dropping evidence."""
    code = "limit"
    HINT = ("证据不会被自动删除：请换用其他配置，或拆分/精简该证据后再导出。",
            "Evidence is never dropped: choose another profile, or trim or split that exhibit and "
            "export again.")


class LimitUnmet(LimitError):
    """Nothing but the front matter: no exhibit to blame."""
    code = "limit_unmet"
    MESSAGE = ("无法满足“{profile_zh}”的限制", "Cannot meet the {profile} limits")


class ExhibitTooLarge(LimitError):
    """One exhibit alone needs more than the room the front matter leaves (``scope``: in all or
    per file; ``what``: " (its largest page)" per file)."""
    code = "limit_exhibit_too_large"
    MESSAGE = ("无法满足“{profile_zh}”的限制（{scope_zh}上限 {cap}）：压缩到最低仍需 {got}。{label}（"
               "{source}）{what_zh}在材料中需要 {need}，而除去封面、目录和字体只剩 {room}，放不下。",
               "Cannot meet the {profile} limit of {cap} {scope_en}: even at the lowest settings it "
               "needs {got}. {label} ({source}) needs {need}{what_en} in the bundle, but only {room} "
               "is left beside the cover, index and fonts: it does not fit.")


class BundleTooLarge(LimitError):
    """The bundle is too large; the exhibit that takes the most is named."""
    code = "limit_bundle_too_large"
    MESSAGE = ("无法满足“{profile_zh}”的限制（{scope_zh}上限 {cap}）：压缩到最低仍需 {got}。{label}（"
               "{source}）{what_zh}在材料中需要 {need}，是占用最大的证据。",
               "Cannot meet the {profile} limit of {cap} {scope_en}: even at the lowest settings it "
               "needs {got}. {label} ({source}) needs {need}{what_en} in the bundle, the most of any "
               "exhibit.")


class TooManyPages(LimitError):
    """Too many pages or files; the exhibit with the most pages is named."""
    code = "limit_pages"
    MESSAGE = ("无法满足“{profile_zh}”的限制（{allow_zh}）：材料共需 {pages} 页、{files} 个文件。"
               "{label}（{source}）需要 {exhibit_pages} 页，是页数最多的证据。",
               "Cannot meet the {profile} limits ({allow_en}): the bundle needs {pages} pages in "
               "{files} file(s). {label} ({source}) needs {exhibit_pages} pages, the most of any "
               "exhibit.")


class VerifyError(EvidenceKitError):
    """A bundle cannot be read to check it against its manifest."""
    code = "verify"


class UnknownProfile(UsageError):
    code = "unknown_profile"
    MESSAGE = ("未知的提交配置：{profile}（可用：{names}）", "Unknown profile: {profile} (available: {names})")


class UnknownMode(UsageError):
    code = "unknown_mode"
    MESSAGE = ("未知的导出模式：{mode}（arbitration 或 appeal）", "Unknown mode: {mode} (arbitration or appeal)")


class NoExhibits(ExportError):
    code = "no_exhibits"
    MESSAGE = ("案件没有证据，无法生成材料", "The case has no exhibits to bundle")
    HINT = ("请先添加证据。", "Add evidence first.")


class OutputNotPdf(UsageError):
    code = "output_not_pdf"
    MESSAGE = ("输出文件应以 .pdf 结尾：{name}", "Output must end in .pdf: {name}")


class OutputNameRejected(UsageError):
    code = "output_name_rejected"
    MESSAGE = ("“{profile}”要求文件名不超过 {limit} 个英文字符（含 .pdf）：{name}",
               "{profile} needs file names of at most {limit} ASCII characters (.pdf "
               "included): {name}")
    HINT = ("请换一个短的英文文件名，例如 {example}。",
            "Choose a short ASCII name, for example {example}.")


class OutputIsFolder(UsageError):
    code = "output_is_folder"
    MESSAGE = ("输出路径是文件夹：{path}", "Output path is a folder: {path}")


class OutputFolderMissing(UsageError):
    code = "output_folder_missing"
    MESSAGE = ("输出文件夹不存在：{folder}", "Output folder does not exist: {folder}")


class OutputFolderReadOnly(ExportError):
    code = "output_folder_read_only"
    MESSAGE = ("无法写入文件夹：{folder}", "Cannot write to folder: {folder}")
    HINT = ("请换一个保存位置。", "Choose another place to save.")


class FontMissing(ExportError):
    code = "font_missing"
    MESSAGE = ("找不到内置字体 wqy-microhei.ttc", "Bundled font wqy-microhei.ttc missing")
    HINT = ("请重新安装 EvidenceKit。", "Reinstall EvidenceKit.")


class ContentTooLarge(ExportError):
    code = "content_too_large"
    MESSAGE = ("内容过大，无法排版", "A piece of content is too large for a page")
    HINT = ("请缩短该段文字。", "Shorten that text.")


class ExhibitLocked(ExportError):
    """Shares its code with the ingestion's PasswordRequired: the app asks for the password
    whichever step found the lock."""
    code = "password_required"
    MESSAGE = ("{label}（{name}）已加密，需要密码", "{label} ({name}) is encrypted and needs its password")
    HINT = ("导出时请提供该 PDF 的密码（案件库不保存密码）。",
            "Give the PDF's password when exporting (the library does not keep passwords).")


class ExhibitPdfUnreadable(ExportError):
    code = "exhibit_pdf_unreadable"
    MESSAGE = ("{label}（{name}）无法作为 PDF 读取：{reason}", "{label} ({name}) cannot be read as PDF: {reason}")
    HINT = ("请用其他软件重新导出该 PDF。", "Re-save the PDF with another program.")


class OriginalUnreadable(ExportError):
    code = "original_unreadable"
    MESSAGE = ("无法读取原件：{name}（{reason}）", "Cannot read original: {name} ({reason})")
    HINT = ("请用 evidencekit fsck 检查案件库。", "Check the library with evidencekit fsck.")


class BlobAltered(ExportError):
    code = "blob_altered"
    MESSAGE = ("原件与入库时的哈希不一致：{name}", "An original no longer matches its recorded hash: {name}")
    HINT = ("案件库中的文件已被改动，请用 evidencekit fsck 检查。",
            "A file in the library was altered; run evidencekit fsck.")


class BundleUnopenable(VerifyError):
    code = "bundle_unopenable"
    MESSAGE = ("无法打开材料：{name}（{reason}）", "Cannot open bundle: {name} ({reason})")


class BundleUnreadable(VerifyError):
    code = "bundle_unreadable"
    MESSAGE = ("无法读取材料：{name}（{reason}）", "Cannot read bundle: {name} ({reason})")
    HINT = ("文件可能已损坏或不是 EvidenceKit 生成的材料。", "The file may be damaged or not an EvidenceKit bundle.")


class NoManifest(VerifyError):
    code = "no_manifest"
    MESSAGE = ("{name} 中没有 manifest.json 附件", "{name} has no manifest.json attachment")
    HINT = ("只能核对 EvidenceKit 生成的材料。", "Only EvidenceKit bundles can be verified.")


class ManifestMalformed(VerifyError):
    code = "manifest_malformed"
    MESSAGE = ("manifest.json 格式不对", "manifest.json is malformed")


class OriginalsFolderMissing(VerifyError):
    code = "originals_folder_missing"
    MESSAGE = ("原件文件夹不存在：{folder}", "Originals folder not found: {folder}")


class PageBoxUnreadable(ExportError):
    code = "page_box_unreadable"
    MESSAGE = ("第 {page} 页的页面尺寸无法读取", "the page size of page {page} cannot be read")


class PageContentTooLarge(ExportError):
    code = "page_content_too_large"
    MESSAGE = ("第 {page} 页的内容解压后异常巨大", "page {page}'s content inflates to an abnormal size")


class ImageUndecodable(ExportError):
    code = "image_undecodable"
    MESSAGE = ("图片无法解码", "the image could not be decoded")


class TempFolderFull(ExportError):
    code = "temp_full"
    MESSAGE = ("临时文件夹所在磁盘已满：{path}", "The temporary folder's disk is full: {path}")
    HINT = ("请腾出空间，或用 TMPDIR 环境变量指定另一个临时文件夹；案件库没有问题。",
            "Free some space, or point TMPDIR at another folder; the library is fine.")


class DestinationFull(ExportError):
    code = "destination_full"
    MESSAGE = ("目标磁盘已满，无法写入：{path}", "The destination disk is full: {path}")
    HINT = ("请腾出空间或换一个保存位置。", "Free some space or save elsewhere.")


class UnknownAudience(UsageError):
    code = "unknown_audience"
    MESSAGE = ("未知的用途：{audience}（platform 或 records）",
               "Unknown audience: {audience} (platform or records)")


class PlatformCopyIncomplete(ExportError):
    """A platform copy was asked for a case that is not ready (export/readiness.py)."""
    code = "platform_incomplete"
    MESSAGE = ("案件尚未完整，未生成平台版：{problems_zh}",
               "The case is not complete; no platform copy was written:{problems_en}")
    HINT = ("补齐后再导出，或加 --allow-incomplete 仍然导出。",
            "Complete it first, or add --allow-incomplete to export anyway.")


class PdfUncheckable(ExportError):
    code = "pdf_uncheckable"
    MESSAGE = ("{label}（{name}）无法检查买家信息：{reason}",
               "{label} ({name}) cannot be checked for buyer data: {reason}")
    HINT = ("请用其他软件重新导出该 PDF，或用 --no-mask 导出并人工检查。",
            "Re-save the PDF with another program, or export with --no-mask and check it by eye.")
