"""Fitting a profile's limits: the settings ladder, page packing into files, and checks.

Order (issue 4): lower DPI, then a JPEG quality ladder, then grayscale, then more
photos per page; splitting into files is tried at every step. Evidence is never
dropped: when nothing fits, the caller raises :class:`LimitError`.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from typing import Any, Callable

from ..progress import CancelLike, check_cancel
from .assemble import Piece
from .limits import limit_error
from .page import Block
from .plan import ExportPlan, Settings
from .profiles import Profile

DPI_STEPS = (300, 200, 150, 120, 100, 85, 72, 60, 50)


def candidates(profile: Profile, s0: Settings) -> list[Settings]:
    """Settings to try, least lossy first."""
    out = [s0]
    if not profile.has_limits:
        return out
    s = s0
    for dpi in DPI_STEPS:
        if profile.min_dpi <= dpi < s.dpi:
            s = replace(s, dpi=dpi)
            out.append(s)
    for q in profile.quality_ladder:
        if q < s.quality:
            s = replace(s, quality=q)
            out.append(s)
    if profile.allow_grayscale and not s.grayscale:
        s = replace(s, grayscale=True)
        out.append(s)
    for per in (2, 4):
        if s.per_page < per <= profile.max_per_page:
            s = replace(s, per_page=per)
            out.append(s)
    return out


# What the seal adds to each file, kept free when a bundle is sealed: measured 7.4 KB for an
# RSA-2048 signature with its certificate; an RFC 3161 token adds about as much again.
SEAL_RESERVE = 24_000


def fit_ladder(plan: ExportPlan, render: Callable[[ExportPlan, tuple[float, float]], Any],
               cancel: CancelLike | None, reserve: int = 0) -> tuple[Any, ExportPlan]:
    """Render at each rung of the settings ladder until the profile's limits are met; return
    that rendering and the plan it used. ``render(plan, (lo, hi))`` draws one attempt into
    its own folder (removed when the attempt fails) reporting progress within ``lo..hi``.
    Raises :class:`LimitError` naming the exhibit that does not fit when no rung does.
    ``reserve`` bytes per file are kept free for what is added after (the seal)."""
    steps = candidates(plan.profile, plan.settings)
    for i, settings in enumerate(steps):
        check_cancel(cancel)
        attempt = plan.with_settings(settings)
        r = render(attempt, (0.05 + 0.85 * i / len(steps), 0.05 + 0.85 * (i + 1) / len(steps)))
        broken = violations(plan.profile, r.pages, [s + reserve for s in r.sizes])
        if not broken:
            return r, attempt
        shutil.rmtree(r.paths[0].parent, ignore_errors=True)
    raise limit_error(plan.profile, broken, r.pages, r.sizes, plan.exhibits, r.exhibits)


def settings_note(profile: Profile, s: Settings) -> tuple[str, str]:
    """The bundle's note (zh, en) when photos were reduced to meet the profile."""
    return (f"为满足“{profile.title_zh}”的限制，照片改为 {s.dpi} DPI、质量 {s.quality}"
            f"{'、灰度' if s.grayscale else ''}、每页 {s.per_page} 张",
            f"To meet {profile.name} limits photos were set to {s.dpi} DPI, quality "
            f"{s.quality}{', grayscale' if s.grayscale else ''}, {s.per_page} per page")


def pack(front: list[Block], first_only: list[Block], exhibits: list[Block], back: list[Block],
         page_bytes: dict[str, list[int]], profile: Profile,
         byte_budget: int) -> list[list[Piece]]:
    """Greedy page packing. Every file gets ``front`` (cover, index); the first also gets
    ``first_only`` (statement, checklist); the last gets ``back`` (appendix)."""
    max_pages = profile.max_pages_per_file or 10 ** 9
    budget = byte_budget or 10 ** 15

    def front_cost(first: bool) -> tuple[int, int]:
        blocks = front + (first_only if first else [])
        return (sum(b.n_pages for b in blocks), sum(b.est_bytes for b in blocks))

    files: list[list[Piece]] = []
    cur: list[Piece] = []
    pages, nbytes = front_cost(True)

    def close() -> None:
        nonlocal cur, pages, nbytes
        files.append(cur)
        cur = []
        pages, nbytes = front_cost(False)

    for b in exhibits:
        sizes = page_bytes.get(b.key) or [b.est_bytes // max(1, b.n_pages)] * b.n_pages
        start = 0
        for i, sz in enumerate(sizes):
            if (pages + 1 > max_pages or nbytes + sz > budget) and (cur or i > start):
                if i > start:
                    cur.append(Piece(b, start, i))
                    start = i
                close()
            pages += 1
            nbytes += sz
        cur.append(Piece(b, start, None if start == 0 else len(sizes)))
    back_pages = sum(b.n_pages for b in back)
    back_bytes = sum(b.est_bytes for b in back)
    if pages + back_pages > max_pages or nbytes + back_bytes > budget:
        close()
    cur.extend(Piece(b) for b in back)
    files.append(cur)
    out = []
    for k, pieces in enumerate(files):
        head = [Piece(b) for b in front[:1]] + ([Piece(b) for b in first_only] if k == 0 else []) \
            + [Piece(b) for b in front[1:]]
        out.append(head + pieces)
    return out


def violations(profile: Profile, pages: list[int], sizes: list[int]) -> list[str]:
    """Which limits the rendered files break (empty when the profile is met)."""
    bad = []
    if profile.max_total_bytes and sum(sizes) > profile.max_total_bytes:
        bad.append("total_bytes")
    if profile.max_file_bytes and any(s > profile.max_file_bytes for s in sizes):
        bad.append("file_bytes")
    if profile.max_pages_per_file and any(p > profile.max_pages_per_file for p in pages):
        bad.append("pages")
    if len(sizes) > profile.max_files:
        bad.append("files")
    return bad


def mb(n: float) -> str:
    return f"{n / 1_000_000:.1f} MB"
