"""When a profile's limits cannot be met: name the exhibit that does not fit, and what it needs.

Called after the last (most lossy) attempt. The culprit is judged by what each
exhibit takes *in the bundle* at those settings (encoded image bytes, merged
PDF streams, typeset pages), not by the size of its original: a 6 MB photo may
shrink to 40 KB while a 300 KB scanned PDF, merged as vector content, cannot
shrink at all.
"""

from __future__ import annotations

from typing import Sequence

from ..errors import LimitError
from .page import Block
from .plan import PlannedExhibit
from .profiles import Profile


def size_text(n: float) -> str:
    return f"{n / 1_000:.0f} KB" if n < 1_000_000 else f"{n / 1_000_000:.1f} MB"


def limit_error(prof: Profile, broken: list[str], pages: list[int], sizes: list[int],
                planned: Sequence[PlannedExhibit], blocks: list[Block]) -> LimitError:
    by_no = {pe.number: pe for pe in planned}
    hint = dict(hint_zh="证据不会被自动删除：请换用其他配置，或拆分/精简该证据后再导出。",
                hint_en="Evidence is never dropped: choose another profile, or trim or split "
                        "that exhibit and export again.")
    if not blocks:  # nothing but front matter: no exhibit to blame
        return LimitError(f"无法满足“{prof.title_zh}”的限制", f"Cannot meet the {prof.name} limits",
                          **hint)
    if "total_bytes" in broken or "file_bytes" in broken:
        total = "total_bytes" in broken
        cap = prof.max_total_bytes if total else prof.max_file_bytes
        # Per file, an exhibit may be split across files page by page; what cannot move is
        # its largest page. For the total, what counts is the whole exhibit.
        def need(b: Block) -> int:
            return b.est_bytes if total else b.est_bytes // max(1, b.n_pages)
        culprit = max(blocks, key=need)
        pe = by_no[culprit.exhibit_no]
        # What the rest (cover, index, font, appendix) took in each file, as measured.
        front = max(0, sum(sizes) - sum(b.est_bytes for b in blocks)) // len(sizes)
        room = max(0, cap - front)
        got = sum(sizes) if total else max(sizes)
        alone = need(culprit) > room
        what_zh = "" if total else "单页"
        what_en = "" if total else " (its largest page)"
        zh = (f"无法满足“{prof.title_zh}”的限制（{'全部文件合计' if total else '每个文件'}上限 "
              f"{size_text(cap)}）：压缩到最低仍需 {size_text(got)}。{pe.label}（"
              f"{pe.exhibit.source_name}）{what_zh}在材料中需要 {size_text(need(culprit))}"
              + (f"，而除去封面、目录和字体只剩 {size_text(room)}，放不下。" if alone
                 else "，是占用最大的证据。"))
        en = (f"Cannot meet the {prof.name} limit of {size_text(cap)} "
              f"{'in all' if total else 'per file'}: even at the lowest settings it needs "
              f"{size_text(got)}. {pe.label} ({pe.exhibit.source_name}) needs "
              f"{size_text(need(culprit))}{what_en} in the bundle"
              + (f", but only {size_text(room)} is left beside the cover, index and fonts: it "
                 "does not fit." if alone else ", the most of any exhibit."))
        return LimitError(zh, en, **hint)
    # Pages or files: too many pages in all. The exhibit with the most pages is the one to cut.
    culprit = max(blocks, key=lambda b: b.n_pages)
    pe = by_no[culprit.exhibit_no]
    per = prof.max_pages_per_file or 0
    allow_zh = f"最多 {prof.max_files} 个文件" + (f"、每个 {per} 页" if per else "")
    allow_en = f"at most {prof.max_files} file(s)" + (f" of {per} pages" if per else "")
    zh = (f"无法满足“{prof.title_zh}”的限制（{allow_zh}）：材料共需 {sum(pages)} 页、"
          f"{len(sizes)} 个文件。{pe.label}（{pe.exhibit.source_name}）需要 {culprit.n_pages} 页，"
          "是页数最多的证据。")
    en = (f"Cannot meet the {prof.name} limits ({allow_en}): the bundle needs {sum(pages)} pages "
          f"in {len(sizes)} file(s). {pe.label} ({pe.exhibit.source_name}) needs "
          f"{culprit.n_pages} pages, the most of any exhibit.")
    return LimitError(zh, en, **hint)
