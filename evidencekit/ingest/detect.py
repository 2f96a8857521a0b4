"""What a file is: its format (from magic bytes, then extension) and its evidence kind."""

from __future__ import annotations

import mimetypes
import re
from pathlib import Path

from .. import kinds
from . import chat, trace
from .tables import TIME_KEYS, find_columns, find_records, iter_table_rows, load_json
from .textio import SAMPLE_SIZE, read_text

IMAGE_EXT = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff", ".heic", ".heif"}
VIDEO_EXT = {".mp4", ".mov", ".m4v", ".3gp"}
TEXT_EXT = {".txt", ".log", ".text", ".md"}
TABLE_EXT = {".csv", ".tsv", ".xlsx", ".xlsm"}
HTML_EXT = {".html", ".htm"}

_MAGIC = (
    (b"\xff\xd8\xff", "image"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"GIF87a", "image"),
    (b"GIF89a", "image"),
    (b"BM", None),  # BMP only with the extension (two bytes are too weak)
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
)
_TRACE_WORDS = ("揽收", "揽件", "签收", "派件", "派送", "快件", "运输中", "已发出", "到达", "中转",
                "快递柜", "驿站", "妥投")


def sniff_format(path: Path) -> str:
    """``pdf``, ``image``, ``video``, ``xlsx``, ``json``, ``html``, ``csv``, ``text`` or
    ``binary``."""
    with open(path, "rb") as f:
        head = f.read(1024)
    ext = path.suffix.lower()
    if b"%PDF" in head:
        return "pdf"
    for magic, fmt in _MAGIC:
        if head.startswith(magic):
            if fmt:
                return fmt
            if ext in IMAGE_EXT:
                return "image"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis", b"avif"):
            return "image"
        return "video"
    if head[4:8] in (b"moov", b"mdat", b"wide", b"free") and ext in VIDEO_EXT:
        return "video"
    if head.startswith(b"\x1a\x45\xdf\xa3") or (head[:4] == b"RIFF" and head[8:12] == b"AVI "):
        return "video"  # Matroska/WebM, AVI
    if head.startswith(b"PK\x03\x04"):
        return "xlsx" if ext in (".xlsx", ".xlsm") else "binary"
    if ext == ".pdf":
        return "pdf"  # named PDF but no header: the PDF reader will refuse it clearly
    if ext in IMAGE_EXT:
        return "image"
    if ext in VIDEO_EXT:
        return "video"
    if _looks_binary(head):
        return "binary"
    stripped = head.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n\x00")
    if ext == ".json" or stripped[:1] in (b"{", b"["):
        return "json"
    if ext in HTML_EXT or stripped[:5].lower() in (b"<!doc", b"<html"):
        return "html"
    if ext in TABLE_EXT:
        return "csv"
    return "text"


def _looks_binary(head: bytes) -> bool:
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    zeros = head.count(0)
    if zeros and (head[1::2].count(0) > 0.4 * len(head[1::2])
                  or head[0::2].count(0) > 0.4 * len(head[0::2])):
        return False  # UTF-16 without BOM
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return zeros > 0 or control > 0.1 * len(head)


def mime_guess(path: Path, fmt: str) -> str:
    by_ext = mimetypes.guess_type(path.name)[0]
    by_fmt = {"pdf": "application/pdf", "json": "application/json", "html": "text/html",
              "csv": "text/csv", "text": "text/plain",
              "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
    if fmt in by_fmt:
        return by_fmt[fmt]
    if fmt in ("image", "video") and by_ext and by_ext.startswith(fmt):
        return by_ext
    if fmt == "image":
        return "image/*"
    if fmt == "video":
        return "video/mp4"
    return by_ext or "application/octet-stream"


def guess_kind(path: Path, fmt: str) -> tuple[str, float]:
    """Evidence kind and confidence (0..1) for a non-PDF file (PDFs go by their text)."""
    if fmt == "image":
        return "photo", 0.6
    if fmt == "video":
        return "video", 0.9
    if fmt == "json":
        loaded = load_json(path)
        if loaded is None:
            return _guess_text(path)
        data = loaded[0]
        if find_records(data, trace.CONTEXT_KEYS) is not None and \
                find_records(data, chat.SENDER_KEYS) is None:
            return "logistics_trace", 0.85
        if find_records(data, chat.CONTENT_KEYS) is not None:
            return "chat_log", 0.75
        return "other", 0.2
    if fmt in ("csv", "xlsx"):
        try:
            rows, _ = iter_table_rows(path)
            header = next(iter(rows), [])
        except Exception:  # noqa: BLE001 - a guess never fails; the parser reports errors
            return "other", 0.1
        if find_columns(header, {"sender": chat.SENDER_KEYS, "content": chat.CONTENT_KEYS}):
            return "chat_log", 0.8
        cols = find_columns(header, {"time": TIME_KEYS, "context": trace.CONTEXT_KEYS,
                                     "location": trace.LOCATION_KEYS})
        if cols and "context" in cols:
            return "logistics_trace", 0.75
        if fmt == "xlsx":
            return "other", 0.2
        return _guess_text(path)
    if fmt in ("text", "html"):
        return _guess_text(path, html=fmt == "html")
    return "other", 0.2


def _guess_text(path: Path, html: bool = False) -> tuple[str, float]:
    text, _ = read_text(path, limit=SAMPLE_SIZE)
    if html:
        from .htmltext import html_lines
        lines = html_lines(text)
    else:
        lines = text.splitlines()
    chat_votes = trace_votes = untimed = 0
    considered = 0
    for line in lines[:400]:
        line = line.strip()
        if not line:
            continue
        considered += 1
        if chat._TIME_SPEAKER_TEXT.match(line):
            chat_votes += 1
        elif trace._TEXT_LINE.match(line) and ("【" in line or
                                               any(w in line for w in _TRACE_WORDS)):
            trace_votes += 1
        elif chat._TIME_SPEAKER.match(line) or chat._SPEAKER_TIME.match(line):
            chat_votes += 1
        elif chat._SPEAKER_TEXT.match(line):
            untimed += 1
    if considered and not (chat_votes or trace_votes) and untimed >= max(2, 0.6 * considered):
        return "chat_log", 0.5  # "顾客：…" lines without times
    if not considered or not (chat_votes or trace_votes):
        return "other", 0.2
    kind, votes = ("chat_log", chat_votes) if chat_votes >= trace_votes else \
        ("logistics_trace", trace_votes)
    return kind, round(min(0.9, 0.5 + 0.4 * min(1.0, 2 * votes / considered)), 2)


# Words in file and folder names that say what a picture or document is, in the order they are
# tried (a "快递打包" photo is a packing record). Clerks name files and folders this way
# (打包称重/IMG_0412.jpg, 面单.png, 详情页截图.png); the content alone cannot tell a packing
# photo from any other photo. 面单 (the waybill label) and 签收单 are the courier's proof.
NAME_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("packing_record", ("打包", "称重", "包装", "装箱", "出库", "发货视频", "packing", "pack",
                        "weigh")),
    ("listing_snapshot", ("详情页", "商品页", "详情", "listing", "product page", "product_page")),
    ("courier_proof", ("面单", "运单", "签收", "快递", "派送", "妥投", "waybill", "courier",
                       "proof of delivery", "delivery")),
    ("inspection_report", ("质检", "检测报告", "检验报告", "inspection")),
    ("batch_certificate", ("合格证", "批次", "certificate")),
    ("after_sale_voucher", ("售后凭证", "退款凭证", "售后单", "voucher")),
    ("work_order_log", ("工单", "work order", "work_order")),
)


def _name_word(text: str, word: str) -> bool:
    if word.isascii():  # English words: not inside another word ("backpack" is no "pack")
        return re.search(rf"(?<![a-z]){re.escape(word)}", text) is not None
    return word in text


def guess_kind_from_name(path: Path, fmt: str) -> tuple[str, str, str] | None:
    """(kind, matched word, "file" | "folder") from the file's name, else its folder's name.

    Used where the content cannot decide: pictures, videos, PDFs and files read as "other".
    """
    places = (("file", path.stem.lower()), ("folder", path.parent.name.lower()))
    for where, text in places:
        if not text:
            continue
        for kind, words in NAME_KINDS:
            accepts = kinds.kind(kind).accepts  # a packing record is a picture or a recording
            if accepts and (fmt if fmt in ("image", "video", "pdf") else "other") not in accepts:
                continue
            for word in words:
                if _name_word(text, word):
                    return kind, word, where
    return None
