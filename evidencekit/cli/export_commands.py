"""``export`` and ``verify``: CLI glue (the work itself is in :mod:`evidencekit.export`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..errors import NoSuchExhibitNumber
from ..i18n import pick
from ..names import shown_name
from ..store import Library
from ..thirdparty_log import library_log
from .common import Subparsers, emit, now_from, open_library


def register(sub: Subparsers) -> None:
    ex = sub.add_parser("export", help="export the PDF bundle")
    ex.add_argument("case")
    ex.add_argument("-o", "--output", metavar="OUT.pdf|DIR",
                    help="a file, or a folder for the default name (default: the library's "
                         "exports folder); an existing file is refused unless --force")
    ex.add_argument("--force", action="store_true", help="replace an existing file")
    ex.add_argument("--mode", choices=["arbitration", "appeal"], default="arbitration")
    ex.add_argument("--profile", default=None)
    ex.add_argument("--now", metavar="ISO")
    ex.add_argument("--for", dest="audience", choices=["platform", "records"],
                    help="platform: the copy to submit (default; buyer data masked, no internal "
                         "notes); records: everything, for the merchant (default with the "
                         "archive profile)")
    mk = ex.add_mutually_exclusive_group()
    mk.add_argument("--no-mask", dest="mask", action="store_false", default=None,
                    help="keep buyer phone/ID/address/name in a platform copy (warned)")
    mk.add_argument("--mask", dest="mask", action="store_true",
                    help="mask buyer data in a records copy too")
    ex.add_argument("--allow-incomplete", action="store_true",
                    help="write a platform copy even with required items missing, an empty "
                         "statement or template blanks 【…】 left")
    ex.add_argument("--password", action="append", default=[], metavar="[E3=]PASSWORD",
                    help="password of an encrypted PDF exhibit (repeatable; without E3= it is "
                         "tried for every encrypted PDF)")
    ex.add_argument("--json", action="store_true")
    ex.set_defaults(run=cmd_export)

    vf = sub.add_parser("verify", help="check a bundle against its manifest")
    vf.add_argument("bundle")
    vf.add_argument("--originals", metavar="DIR")
    vf.add_argument("--json", action="store_true")
    vf.set_defaults(run=cmd_verify)


def _progress_printer(lang: str, enabled: bool):
    last = [-1]

    def progress(fraction: float, text_zh: str = "", text_en: str = "") -> None:
        pct = int(fraction * 100)
        if enabled and pct // 10 != last[0] // 10:
            last[0] = pct
            print(f"  {pct:3d}%  {pick(lang, text_zh, text_en)}", file=sys.stderr)
    return progress


def _export_json(report: Any) -> dict:
    return {"files": [str(f) for f in report.files], "pages": report.pages, "sizes": report.sizes,
            "bundle_id": report.bundle_id, "manifest_sha256": report.manifest_sha256,
            "bundle_sha256s": report.bundle_sha256s, "mode": report.mode, "profile": report.profile,
            "audience": report.audience, "masked": report.masked, "sealed": report.sealed,
            "warnings": [{"zh": zh, "en": en} for zh, en in report.warnings],
            "placeholders": [ph.to_dict() for ph in report.placeholders]}


def _verify_json(report: Any) -> dict:
    return {"ok": report.ok, "bundle": str(report.bundle), "bundle_id": report.bundle_id,
            "manifest_sha256": report.manifest_sha256, "manifest_ok": report.manifest_ok,
            "checked_against": report.checked_against,
            "seal": vars(report.seal) | {"ok": report.seal_ok},
            "signed_by_this_library": report.signed_by_this_library,
            "signed_by_imported": report.signed_by_imported,
            "cover_ok": report.cover_ok,
            "items": [vars(i) for i in report.items]}


def _passwords(lib: Library, case_id: int, given: list[str]) -> dict[str, str]:
    """``E3=pw`` names one exhibit; a bare ``pw`` applies to every encrypted PDF exhibit."""
    exhibits = lib.list_exhibits(case_id)
    out: dict[str, str] = {}
    for item in given:
        label, sep, pw = item.partition("=")
        if sep and label.strip().upper().lstrip("E").isdigit():
            pos = int(label.strip().upper().lstrip("E"))
            match = [e for e in exhibits if e.position == pos]
            if not match:
                raise NoSuchExhibitNumber(case_no=lib.get_case(case_id).case_no, number=label)
            out[match[0].sha256] = pw
        else:
            for e in exhibits:
                if e.facts.get("encrypted"):
                    out.setdefault(e.sha256, item)
    return out


def _destination(args: argparse.Namespace, lib: Library, case: Any, profile_name: str) -> Path:
    """``-o`` as given (a file or a folder), else the library's exports folder; a folder gets the
    default name (case number, mode, next free version) within the profile's naming limits."""
    from ..export.naming import default_name
    from ..export.profiles import resolve_profile
    if args.output:
        out = Path(args.output).expanduser()
        if not (out.is_dir() or args.output.endswith(("/", "\\"))):
            return out  # a file name: used as given (an existing one is refused unless --force)
    else:
        out = lib.root / "exports"
    out.mkdir(parents=True, exist_ok=True)
    profile = resolve_profile(profile_name, lib.profiles_dir)
    version = 1 + sum(1 for e in lib.exports(case.id) if e["mode"] == args.mode)
    while True:  # never collide with a file already there, recorded or not
        name = default_name(case.case_no, args.mode, version, profile)
        if not (out / name).exists() and not (out / f"{Path(name).stem}-1.pdf").exists():
            return out / name
        version += 1


def cmd_export(args: argparse.Namespace, lang: str) -> int:
    # Imported here, not at the top: the PDF libraries take most of a second to load and
    # only these two commands need them.
    from ..deadlines import appeals_left
    from ..export import export_case

    with open_library(args) as lib:
        case = lib.get_case(args.case, include_deleted=False)
        if args.mode == "appeal" and appeals_left(case, lib.rules) == 0:
            print(pick(lang, "注意：平台申诉次数已用完，提交此申诉将被拒绝（submit 需 --force --reason）",
                       "Note: no appeals left on this platform; submitting this appeal will be "
                       "refused (submit needs --force --reason)"), file=sys.stderr)
        profile = args.profile or lib.setting("default_profile", "douyin") or "douyin"
        tp_log = library_log(lib.root)
        with tp_log.capture():  # pypdf/Pillow notes to the library's log, not the terminal
            report = export_case(lib, case.id, _destination(args, lib, case, profile),
                                 mode=args.mode, profile=profile, now=now_from(args),
                                 zone=args.tz, mask=args.mask, audience=args.audience,
                                 allow_incomplete=args.allow_incomplete,
                                 passwords=_passwords(lib, case.id, args.password),
                                 progress=_progress_printer(lang, sys.stderr.isatty()),
                                 overwrite=args.force)
        for label, n in sorted(tp_log.by_label.items()):  # one line per file
            print(pick(lang, f"  {shown_name(label) or '—'}：读取时有 {n} 条技术警告，见 {tp_log.path}",
                       f"  {shown_name(label) or '—'}: {n} technical warnings while reading; see "
                       f"{tp_log.path}"), file=sys.stderr)
        if lib.read_only:  # the bundle is made; only its record cannot be kept
            print(pick(lang, "注意：资料库是只读的，这次导出没有记入案件。",
                       "Note: the library is read-only; this export was not recorded in the "
                       "case."), file=sys.stderr)
        if report.audience == "platform" and not report.masked:
            print(pick(lang, "警告：平台版未遮挡买家信息（--no-mask），提交前请确认。",
                       "Warning: this platform copy keeps buyer data unmasked (--no-mask); "
                       "check before submitting."), file=sys.stderr)
        exports = lib.exports(case.id)
        export_id = exports[-1]["id"] if exports and not lib.read_only else None

        def human() -> None:
            for w in report.warnings:
                print(pick(lang, f"注意：{w[0]}", f"Note: {w[1]}"))
            for f, pages, size in zip(report.files, report.pages, report.sizes, strict=True):
                print(pick(lang, f"已写入 {f}（{pages} 页，{size / 1e6:.2f} MB）",
                           f"Wrote {f} ({pages} pages, {size / 1e6:.2f} MB)"))
            if report.sealed:
                print(pick(lang, "已用本资料库的密钥签章；用 evidencekit verify 核对。",
                           "Sealed with this library's key; check it with evidencekit verify."))
            print(pick(lang, f"这是草稿（导出记录 #{export_id}）；上传到平台后用 evidencekit submit 登记。",
                       f"This is a draft (export #{export_id}); after uploading it, record it with "
                       "'evidencekit submit'."))
        emit(_export_json(report) | {"export_id": export_id}, args.json, human)
    return 0


def cmd_verify(args: argparse.Namespace, lang: str) -> int:
    from ..errors import NoLibrary
    from ..export import verify_bundle  # see cmd_export

    try:  # run with its library, originals are checked against the stored copies
        lib: Library | None = open_library(args)
    except NoLibrary:
        lib = None
    try:
        report = verify_bundle(Path(args.bundle),
                               Path(args.originals) if args.originals else None, lib)
    finally:
        if lib is not None:
            lib.close()

    def human() -> None:
        for line in report.lines(lang):
            print(line)
    emit(_verify_json(report), args.json, human)
    return 0 if report.ok else 1
