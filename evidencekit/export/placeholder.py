"""An exhibit that cannot be drawn still has its place in the bundle: one page that names
its number, file, the reason and its SHA-256, so the bundle is produced, verifies, and says
plainly what is missing (the original stays in the library, checkable by its hash)."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import Cancelled, EvidenceKitError
from .page import PageSpec, Palette
from .plan import ExportPlan, PlannedExhibit
from .transcript import layout_text


@dataclass(frozen=True)
class Placeholder:
    number: str  # E3
    file: str
    sha256: str
    reason_zh: str
    reason_en: str

    def to_dict(self) -> dict:
        return {"number": self.number, "file": self.file, "sha256": self.sha256,
                "reason_zh": self.reason_zh, "reason_en": self.reason_en}

    def warning(self) -> tuple[str, str]:
        return (f"{self.number}（{self.file}）无法绘制，以占位页代替：{self.reason_zh}",
                f"{self.number} ({self.file}) could not be drawn; a placeholder page stands in: "
                f"{self.reason_en}")


def reason(e: BaseException) -> tuple[str, str]:
    """What went wrong, in words (a known error's message, else the reader's own)."""
    if isinstance(e, Cancelled):
        raise e
    if isinstance(e, EvidenceKitError):
        return e.message("zh"), e.message("en")
    detail = f"{type(e).__name__}: {e}"[:200]
    if isinstance(e, MemoryError):
        return "内存不足", "out of memory"
    return f"文件已损坏或格式异常（{detail}）", f"the file is damaged or malformed ({detail})"


def placeholder_for(pe: PlannedExhibit, e: BaseException) -> Placeholder:
    zh, en = reason(e)
    return Placeholder(pe.label, pe.exhibit.source_name, pe.exhibit.sha256, zh, en)


def layout_placeholder(plan: ExportPlan, pe: PlannedExhibit, ph: Placeholder, pal: Palette,
                       mask) -> list[PageSpec]:
    text = (f"此证据无法在证据包中绘制，以本页代替。\n"
            f"编号：{ph.number}\n文件：{ph.file}\n原因：{ph.reason_zh}\nSHA-256：{ph.sha256}\n"
            f"原件完整保存在案件库中，可按上面的哈希核对。\n\n"
            f"This exhibit could not be drawn in the bundle; this page stands in for it.\n"
            f"Number: {ph.number}\nFile: {ph.file}\nReason: {ph.reason_en}\n"
            f"SHA-256: {ph.sha256}\nThe original is kept whole in the library; check it by the "
            f"hash above.")
    return layout_text(plan, pe, text, pal, mask)
