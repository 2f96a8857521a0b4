"""PDF documents: inspection reports, batch certificates, courier proofs, vouchers."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import threading
from pathlib import Path

from ..domain import Finding
from ..errors import (
    IngestError,
    PasswordRequired,
    PasswordWrong,
    PdfContentBomb,
    PdfCryptoMissing,
    PdfDamaged,
    PdfNoPages,
)
from ..malformed import PDF_MALFORMED
from .times import DATE_RE, iso_date

TEXT_PAGES = 3  # pages read for batch numbers, dates and the kind guess
EXCERPT_CHARS = 500

_BATCH = re.compile(
    r"(?:生产批号|产品批号|批号|批次号|批次编号|批次|lot\s*(?:no\.?|number)?|batch\s*(?:no\.?|number)?)"
    r"\s*[:：#]?\s*([A-Za-z0-9][A-Za-z0-9\-_/]{2,30})", re.IGNORECASE)


def _damaged(e: Exception | None = None) -> IngestError:
    err = PdfDamaged()
    if e is not None:
        err.__cause__ = e
    return err


class _WarningCollector(logging.Handler):
    """Counts pypdf's repair warnings raised by this thread while reading."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.count += 1


def read_pdf_info(path: Path, password: str | None = None) -> dict:
    """Facts of a PDF: pages, encrypted, batch_numbers, dates, text_excerpt, repaired.

    Raises :class:`PasswordRequired` when it is locked and ``password`` is missing
    or wrong, :class:`IngestError` when it cannot be read even in repair mode.
    """
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    path = Path(path)
    log = logging.getLogger("pypdf")
    collector = _WarningCollector()
    log.addHandler(collector)
    try:
        with open(path, "rb") as f:
            head = f.read(1024)
        if b"%PDF" not in head:
            raise _damaged()
        try:
            reader = PdfReader(path, strict=False)
            encrypted = bool(reader.is_encrypted)
            if encrypted:
                _unlock(reader, password)
            pages = len(reader.pages)
        except IngestError:
            raise
        except DependencyError as e:
            raise PdfCryptoMissing() from e
        except PDF_MALFORMED as e:
            raise _damaged(e) from e
        if pages == 0:
            raise PdfNoPages()
        bad_boxes = _check_pages(reader)
        text = _first_pages_text(reader)
    finally:
        log.removeHandler(collector)
    if not text.strip() and not encrypted:
        text = _pdftotext(path)
    batches = []
    for m in _BATCH.finditer(text):
        b = m.group(1).strip("-_/")
        if len(b) >= 3 and b not in batches:
            batches.append(b)
    dates = []
    for m in DATE_RE.finditer(text):
        d = iso_date(m)
        if d and d not in dates:
            dates.append(d)
    excerpt = " ".join(text.split())[:EXCERPT_CHARS]
    return {"pages": pages, "encrypted": encrypted, "batch_numbers": batches[:10],
            "dates": dates[:20], "text_excerpt": excerpt, "has_text": bool(excerpt),
            "repaired": collector.count > 0, "bad_page_boxes": bad_boxes[:50]}


def _check_pages(reader) -> list[int]:
    """What the export will need of every page: a page box of four numbers and content that
    decompresses within pypdf's limits. A content bomb is refused; pages whose box cannot be
    read are returned (the export shows such a document as a placeholder)."""
    from pypdf.errors import LimitReachedError
    bad = []
    for i, page in enumerate(reader.pages):
        try:
            box = page.cropbox if "/CropBox" in page else page.mediabox
            if not (abs(float(box.width)) > 0 and abs(float(box.height)) > 0):
                raise ValueError("empty page box")
        except PDF_MALFORMED:  # a NullObject box gives ValueError, and so on
            bad.append(i + 1)
        try:
            contents = page.get_contents()
            if contents is not None:
                contents.get_data()
        except LimitReachedError as e:
            raise PdfContentBomb(page=i + 1) from e
        except PDF_MALFORMED:  # a broken content stream: the page shows empty
            pass
    return bad


def _unlock(reader, password: str | None) -> None:
    from pypdf import PasswordType

    # Many PDFs are "encrypted" with an empty user password (print/copy limits only).
    if reader.decrypt("") != PasswordType.NOT_DECRYPTED:
        return
    if password is None:
        raise PasswordRequired()
    if reader.decrypt(password) == PasswordType.NOT_DECRYPTED:
        raise PasswordWrong()


def _first_pages_text(reader) -> str:
    parts = []
    for i in range(min(TEXT_PAGES, len(reader.pages))):
        try:
            parts.append(reader.pages[i].extract_text() or "")
        except PDF_MALFORMED:  # text is a bonus; a bad content stream must not refuse the file
            continue
    return "\n".join(parts)


def _pdftotext(path: Path) -> str:
    """Fallback text through poppler's pdftotext when installed (some fonts defeat pypdf)."""
    exe = shutil.which("pdftotext")
    if not exe:
        return ""
    try:
        out = subprocess.run([exe, "-q", "-l", str(TEXT_PAGES), "-enc", "UTF-8", str(path), "-"],
                             capture_output=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.decode("utf-8", errors="replace") if out.returncode == 0 else ""


def guess_document_kind(text: str) -> tuple[str, float]:
    """Evidence kind of a document from its text."""
    if any(k in text for k in ("检验报告", "检测报告", "质检报告", "检验结果", "检测结果")):
        return "inspection_report", 0.85
    if any(k in text for k in ("检验", "检测")) and "报告" in text:
        return "inspection_report", 0.7
    if any(k in text for k in ("合格证", "合格证明", "批次")):
        return "batch_certificate", 0.7
    if any(k in text for k in ("运单", "快递", "物流")) and "证明" in text:
        return "courier_proof", 0.6
    if any(k in text for k in ("售后", "退款", "退货")) and any(k in text for k in ("凭证", "回执")):
        return "after_sale_voucher", 0.5
    return "other", 0.3


def pdf_warnings(facts: dict) -> list[Finding]:
    warnings = []
    if facts.get("repaired"):
        warnings.append(Finding("pdf_repaired", "PDF 有结构错误，已按修复模式读取，请核对页数和内容是否完整",
                                "The PDF had structural errors and was read in repair mode; "
                                "check that all pages are there"))
    if facts.get("bad_page_boxes"):
        pages = ", ".join(map(str, facts["bad_page_boxes"]))
        warnings.append(Finding("pdf_bad_page_box", f"PDF 第 {pages} 页的页面尺寸无法读取，导出时将以占位页代替",
                                f"The page size of page(s) {pages} cannot be read; the export "
                                "will show a placeholder page instead"))
    if not facts.get("has_text"):
        warnings.append(Finding("pdf_no_text", "PDF 里没有可识别的文字（可能是扫描件），无法自动找到批号和日期",
                                "The PDF has no readable text (maybe a scan); batch numbers and "
                                "dates could not be found"))
    return warnings
