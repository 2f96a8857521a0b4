"""``import``: the after-sale list a merchant backend exports, as cases (the work is in
:mod:`evidencekit.importing`)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..i18n import pick
from .common import Subparsers, display_zone, open_library


def register(sub: Subparsers) -> None:
    p = sub.add_parser("import", help="import an after-sale list (xlsx/csv) exported from the backend: "
                       "one case per after-sale number, later lists update them")
    p.add_argument("file", metavar="FILE.xlsx|FILE.csv")
    p.add_argument("--platform", help="douyin or tiktok_shop (default: the mapping file's, else "
                   "tiktok_shop for English headers, else the library's default)")
    p.add_argument("--mapping", metavar="FILE", help="TOML file naming the columns "
                   "(see assets/import/mapping-sample.toml)")
    p.add_argument("--zone", metavar="ZONE", help="the store's zone (e.g. America/New_York): times "
                   "without an offset are read in it and new cases carry it; required for "
                   "tiktok_shop unless the mapping file names it (Douyin: Asia/Shanghai)")
    p.add_argument("--dry-run", action="store_true",
                   help="print what each row would do (new/updated/unchanged/error); change nothing")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=cmd_import)


def _progress(lang: str, enabled: bool):
    last = [-1]

    def progress(fraction: float, text_zh: str = "", text_en: str = "") -> None:
        pct = int(fraction * 100)
        if enabled and pct // 10 != last[0] // 10:
            last[0] = pct
            print(f"  {pct:3d}%  {pick(lang, text_zh, text_en)}", file=sys.stderr)
    return progress


def cmd_import(args: argparse.Namespace, lang: str) -> int:
    """Exit 0 every row fine, 1 some rows had errors (the others were imported), 2 refused."""
    from ..importing import import_list, load_mapping
    from ..importing.text import counts_line, header_lines, row_line
    mapping = load_mapping(Path(args.mapping).expanduser()) if args.mapping else None
    with open_library(args, create=True) as lib:
        zone = display_zone(args, lib)
        human = not args.json

        platform: list = []

        def type_name(type_id: str) -> str:
            return platform[0].dispute_type(type_id).name(lang) if platform else type_id

        def on_start(report) -> None:
            platform.append(lib.rules.platform(report.platform))
            if human:
                print("\n".join(header_lines(report, lang, platform[0].name(lang))), flush=True)

        def on_row(r) -> None:  # a dry run prints every row as it is read: nothing is kept
            if human and args.dry_run:
                print(row_line(r, lang, zone, type_name))

        report = import_list(lib, Path(args.file).expanduser(), platform=args.platform,
                             mapping=mapping, zone=args.zone, dry_run=args.dry_run,
                             keep="all" if args.json else "notable",
                             on_start=on_start, on_row=on_row,
                             progress=_progress(lang, human and sys.stderr.isatty()))
        if args.json:
            print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        else:
            if not args.dry_run:  # written only once the transaction is in: the rows that need a look
                for r in report.rows:
                    print(row_line(r, lang, zone, type_name))
            print(counts_line(report, lang))
    return report.exit_code
