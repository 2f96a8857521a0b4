"""``search QUERY``: one search over every text of the library (case fields, statement, notes,
the work-order log, captions, chat messages, trace events, PDF pages)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, time, timedelta

from ..domain import OUTCOMES, STAGES
from ..errors import EmptySearch
from ..i18n import pick
from ..store import search_index
from ..timeutil import parse_instant, to_iso
from .common import Subparsers, display_zone, emit, open_library


def register(sub: Subparsers) -> None:
    sp = sub.add_parser("search", help="search everything: case fields, notes, log, captions, chat "
                        "messages, trace events, PDF text (one- and two-character Chinese words work)")
    sp.add_argument("query", help="words (all must be in the same case; hits holding every word first)")
    sp.add_argument("--platform", metavar="ID", help="e.g. douyin, tiktok_shop")
    sp.add_argument("--type", dest="dispute_type", metavar="ID", help="dispute type id")
    sp.add_argument("--stage", choices=list(STAGES))
    sp.add_argument("--outcome", choices=list(OUTCOMES))
    sp.add_argument("--product", metavar="TEXT", help="cases whose product contains this")
    sp.add_argument("--carrier", metavar="TEXT", help="cases with a trace from this carrier")
    sp.add_argument("--from", dest="date_from", metavar="ISO",
                    help="cases requested (else created) from this day or instant on")
    sp.add_argument("--to", dest="date_to", metavar="ISO", help="… up to this day (inclusive) or instant")
    sp.add_argument("--limit", type=int, default=50, metavar="N", help="at most N hits (default 50)")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(run=cmd_search)


def _bound(text: str | None, zone, end: bool) -> str:
    """A day (in the display zone; ``--to`` takes the whole day) or an instant, as stored UTC."""
    if not text:
        return ""
    try:
        day = datetime.strptime(text.strip(), "%Y-%m-%d").date()
    except ValueError:
        return to_iso(parse_instant(text, zone)) or ""
    start = datetime.combine(day + timedelta(days=1 if end else 0), time(), zone)
    return to_iso(start) or ""


def cmd_search(args: argparse.Namespace, lang: str) -> int:
    if not search_index.words_of(args.query):
        raise EmptySearch()
    with open_library(args) as lib:
        zone = display_zone(args, lib)
        filters = search_index.Filters(
            platform=args.platform or "", dispute_type=args.dispute_type or "",
            stage=args.stage or "", outcome=args.outcome or "", product=args.product or "",
            carrier=args.carrier or "", date_from=_bound(args.date_from, zone, False),
            date_to=_bound(args.date_to, zone, True))
        behind = search_index.pending(lib.conn)
        if behind and not lib.read_only:
            search_index.catch_up(lib, progress=_stderr_progress(lang))
        elif behind:  # a reviewer: said, not hidden (a staff desktop's next write or search indexes it)
            print(pick(lang, f"注意：搜索索引还有 {behind} 项未更新，结果可能不全（只读账户无法更新索引，"
                             "员工下次写入或搜索时会更新）",
                       f"note: the search index is {behind} item(s) behind, so hits may be missing "
                       "(a read-only account cannot update it; a staff member's next change or "
                       "search does)"), file=sys.stderr)
        hits = search_index.search(lib, args.query, filters, limit=max(1, args.limit))
    emit({"query": args.query, "hits": [h.to_dict() for h in hits]}, args.json,
         lambda: _print(hits, lang))
    return 0


def _stderr_progress(lang: str):
    shown = {"last": -1}

    def progress(fraction: float, zh: str, en: str) -> None:
        step = int(fraction * 20)
        if step != shown["last"] and sys.stderr.isatty():
            shown["last"] = step
            print("\r" + pick(lang, zh, en), end="", file=sys.stderr, flush=True)
        if fraction >= 1 and sys.stderr.isatty():
            print(file=sys.stderr)
    return progress


def _print(hits: list[search_index.Hit], lang: str) -> None:
    if not hits:
        print(pick(lang, "没有找到", "No matches"))
        return
    bold = sys.stdout.isatty()
    for h in hits:
        text = h.snippet
        if bold:
            text = text.replace(search_index.MARK_OPEN, "\033[1m").replace(search_index.MARK_CLOSE, "\033[0m")
        print(f"{search_index.where(h, lang)}: {text}")
