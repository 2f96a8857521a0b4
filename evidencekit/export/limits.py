"""When a profile's limits cannot be met: name the exhibit that does not fit, and what it needs.

Called after the last (most lossy) attempt. The culprit is judged by what each
exhibit takes *in the bundle* at those settings (encoded image bytes, merged
PDF streams, typeset pages), not by the size of its original: a 6 MB photo may
shrink to 40 KB while a 300 KB scanned PDF, merged as vector content, cannot
shrink at all.
"""

from __future__ import annotations

from typing import Sequence

from ..errors import BundleTooLarge, ExhibitTooLarge, LimitError, LimitUnmet, TooManyPages
from .page import Block
from .plan import PlannedExhibit
from .profiles import Profile


def size_text(n: float) -> str:
    return f"{n / 1_000:.0f} KB" if n < 1_000_000 else f"{n / 1_000_000:.1f} MB"


def limit_error(prof: Profile, broken: list[str], pages: list[int], sizes: list[int],
                planned: Sequence[PlannedExhibit], blocks: list[Block]) -> LimitError:
    by_no = {pe.number: pe for pe in planned}
    names = {"profile_zh": prof.title_zh, "profile": prof.name}
    if not blocks:  # nothing but front matter: no exhibit to blame
        return LimitUnmet(**names)
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
        params = dict(names, cap=size_text(cap), got=size_text(got), label=pe.label,
                      source=pe.exhibit.source_name, need=size_text(need(culprit)),
                      scope_zh="全部文件合计" if total else "每个文件",
                      scope_en="in all" if total else "per file",
                      what_zh="" if total else "单页", what_en="" if total else " (its largest page)")
        if need(culprit) > room:
            return ExhibitTooLarge(room=size_text(room), **params)
        return BundleTooLarge(**params)
    # Pages or files: too many pages in all. The exhibit with the most pages is the one to cut.
    culprit = max(blocks, key=lambda b: b.n_pages)
    pe = by_no[culprit.exhibit_no]
    per = prof.max_pages_per_file or 0
    return TooManyPages(
        allow_zh=f"最多 {prof.max_files} 个文件" + (f"、每个 {per} 页" if per else ""),
        allow_en=f"at most {prof.max_files} file(s)" + (f" of {per} pages" if per else ""),
        pages=sum(pages), files=len(sizes), label=pe.label, source=pe.exhibit.source_name,
        exhibit_pages=culprit.n_pages, **names)
