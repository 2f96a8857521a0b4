"""CLI glue for ``export`` and ``verify`` (the work itself is in :mod:`evidencekit.export`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .i18n import pick
from .store import Library


def _progress_printer(lang: str, enabled: bool):
    last = [-1]

    def progress(fraction: float, text_zh: str = "", text_en: str = "") -> None:
        pct = int(fraction * 100)
        if enabled and pct // 10 != last[0] // 10:
            last[0] = pct
            print(f"  {pct:3d}%  {pick(lang, text_zh, text_en)}", file=sys.stderr)
    return progress


def _export_json(report) -> dict:
    return {"files": [str(f) for f in report.files], "pages": report.pages, "sizes": report.sizes,
            "bundle_id": report.bundle_id, "manifest_sha256": report.manifest_sha256,
            "bundle_sha256s": report.bundle_sha256s, "mode": report.mode, "profile": report.profile,
            "warnings": [{"zh": zh, "en": en} for zh, en in report.warnings]}


def _verify_json(report) -> dict:
    return {"ok": report.ok, "bundle": str(report.bundle), "bundle_id": report.bundle_id,
            "manifest_sha256": report.manifest_sha256, "manifest_ok": report.manifest_ok,
            "checked_against": report.checked_against,
            "items": [vars(i) for i in report.items]}


def _passwords(lib: Library, case_id: int, given: list[str]) -> dict[str, str]:
    """``E3=pw`` names one exhibit; a bare ``pw`` applies to every encrypted PDF exhibit."""
    from .errors import UsageError
    exhibits = lib.list_exhibits(case_id)
    out: dict[str, str] = {}
    for item in given:
        label, sep, pw = item.partition("=")
        if sep and label.strip().upper().lstrip("E").isdigit():
            pos = int(label.strip().upper().lstrip("E"))
            match = [e for e in exhibits if e.position == pos]
            if not match:
                raise UsageError(f"没有证据 {label}", f"No exhibit {label}")
            out[match[0].sha256] = pw
        else:
            for e in exhibits:
                if e.facts.get("encrypted"):
                    out.setdefault(e.sha256, item)
    return out


def export_command(args, lang: str, lib: Library) -> int:
    from .cli import _now
    from .export import export_case
    with lib:
        case = lib.get_case(args.case, include_deleted=False)
        report = export_case(lib, case.id, Path(args.output), mode=args.mode,
                             profile=args.profile, now=_now(args), zone=args.tz,
                             mask=not args.no_mask,
                             passwords=_passwords(lib, case.id, args.password),
                             progress=_progress_printer(lang, sys.stderr.isatty()))
        if args.json:
            print(json.dumps(_export_json(report), ensure_ascii=False, indent=2, default=str))
        else:
            for w in report.warnings:
                print(pick(lang, f"注意：{w[0]}", f"Note: {w[1]}"))
            for f, pages, size in zip(report.files, report.pages, report.sizes):
                print(pick(lang, f"已写入 {f}（{pages} 页，{size / 1e6:.2f} MB）",
                           f"Wrote {f} ({pages} pages, {size / 1e6:.2f} MB)"))
    return 0


def verify_command(args, lang: str) -> int:
    from .export import verify_bundle
    report = verify_bundle(Path(args.bundle), Path(args.originals) if args.originals else None)
    if args.json:
        print(json.dumps(_verify_json(report), ensure_ascii=False, indent=2, default=str))
    else:
        for line in report.lines(lang):
            print(line)
    return 0 if report.ok else 1
