"""What every CLI command group shares: the parser class, case-field flags, output, the library.

Command modules import from here and never from each other or from :mod:`.main`, so the
CLI has no import cycle.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any, TypeAlias

from ..domain import INSTANT_FIELDS, STAGES, normalize_amount
from ..errors import BadUsage, NotInRules
from ..i18n import pick
from ..staff import staff_name
from ..store import Library
from ..timeutil import format_duration, format_local, from_iso, get_zone, parse_instant, utcnow

CASE_INSTANT_FLAGS = {field: field.replace("_", "-") for field in INSTANT_FIELDS}  # field → flag
CASE_TEXT_FLAGS = {
    "order_no": "order", "after_sale_no": "after-sale", "buyer_name": "buyer",
    "buyer_phone": "phone", "product": "product", "store_name": "store",
    "judgment_ref": "judgment-ref", "judgment_text": "judgment-text", "notes": "notes",
    "statement": "statement", "request": "request",
}


class CliParser(argparse.ArgumentParser):
    """argparse that reports bad usage as a :class:`BadUsage` error (one clear line, exit 2)."""

    def error(self, message: str):  # raises instead of exiting
        raise BadUsage(detail=message)


# The object ``add_subparsers`` returns; command modules add their parsers to it.
Subparsers: TypeAlias = "argparse._SubParsersAction[CliParser]"
# A command takes the parsed arguments and the output language and returns the exit code.
Command: TypeAlias = Callable[[argparse.Namespace, str], int]


def add_case_fields(p: argparse.ArgumentParser, *, new: bool) -> None:
    for field, flag in CASE_TEXT_FLAGS.items():
        if new and field == "order_no":
            continue
        p.add_argument(f"--{flag}", dest=field, metavar="TEXT")
    for field, flag in CASE_INSTANT_FLAGS.items():
        p.add_argument(f"--{flag}", dest=field, metavar="ISO",
                       help="e.g. 2024-09-17T11:45+08:00; naive times use the platform's zone"
                            + ("" if new else "; 'none' clears"))
    p.add_argument("--amount", metavar="89.00")
    p.add_argument("--zone", metavar="ZONE", help="the case's zone for times typed without an offset "
                   "(TikTok Shop: the store's market, e.g. America/New_York)")
    p.add_argument("--stage", choices=list(STAGES),
                   help="set the stage by hand (recorded instants move it forward by themselves; "
                        "moving back is logged)")


def now_from(args: argparse.Namespace) -> datetime:
    """``--now`` when given (tests and reproducible bundles), else the clock."""
    return parse_instant(args.now) if getattr(args, "now", None) else utcnow()


def parse_amount(text: str) -> str:
    return normalize_amount(text)  # the core decides (the app's forms use it too)


def case_fields(args: argparse.Namespace, lib: Library, platform_id: str,
                case_zone: str = "") -> dict[str, Any]:
    """The case facts given as flags; instants without an offset are in the case's zone (``--zone``
    or the one it has), else the platform's."""
    zone = get_zone(getattr(args, "zone", None) or case_zone or lib.rules.platform(platform_id).zone)
    fields: dict[str, Any] = {}
    for field in CASE_TEXT_FLAGS:
        v = getattr(args, field, None)
        if v is not None:
            fields[field] = v
    for field in CASE_INSTANT_FLAGS:
        v = getattr(args, field, None)
        if v is not None:
            fields[field] = None if v.strip().lower() in ("none", "") else parse_instant(v, zone)
    if getattr(args, "amount", None) is not None:
        fields["amount"] = parse_amount(args.amount)
    if getattr(args, "stage", None):
        fields["stage"] = args.stage
    if getattr(args, "zone", None) is not None:
        fields["zone"] = args.zone.strip()
    return fields


def emit(data: Any, as_json: bool, human: Callable[[], None]) -> None:
    """JSON on standard output for scripts, else the human form."""
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        human()


def open_library(args: argparse.Namespace, create: bool = False) -> Library:
    """The library, acting as the staff member ``--staff`` / EVIDENCEKIT_STAFF names."""
    staff = acting_staff(args)  # a bad name is refused before anything opens
    lib = Library.open(Path(args.library).expanduser() if args.library else None, create=create,
                       db_url=getattr(args, "db", None))
    lib.actor = staff
    lib.index_on_close = lib.team  # reviewers search what staff wrote (they cannot index it)
    tell_if_network_folder(lib, args)
    return lib


def acting_staff(args: argparse.Namespace) -> str:
    """Who this command acts as: ``--staff``, else EVIDENCEKIT_STAFF, else the OS user."""
    return staff_name(getattr(args, "staff", None))


def ask_passwords_on_terminal(lang: str) -> None:
    """A team database that wants a password libpq did not find (.pgpass, a service file,
    PGPASSWORD): ask on the terminal, never echoed and never saved."""
    import getpass
    import sys

    from ..store import postgres

    if not sys.stdin.isatty():
        postgres.password_prompt = None
        return

    def ask(url: str) -> str | None:
        try:
            return getpass.getpass(pick(lang, f"{url} 的密码：", f"Password for {url}: "))
        except (EOFError, KeyboardInterrupt):
            return None
    postgres.password_prompt = ask


def tell_if_network_folder(lib: Library, args: argparse.Namespace) -> None:
    """A local library on a network folder: say once (per computer) on stderr that two
    computers must not use it at the same time (store/netfs.py)."""
    import sys

    from ..i18n import detect_lang
    from ..store import netfs
    lang = detect_lang(getattr(args, "lang", None))
    notice = netfs.pending_notice(lib, lang)
    if notice:
        print(pick(lang, f"evidencekit：注意：{notice}", f"evidencekit: note: {notice}"),
              file=sys.stderr)
        netfs.mark_notice_shown(lib)


def display_zone(args: argparse.Namespace, lib: Library) -> tzinfo:
    """Display zone: --tz, else the library's display_zone setting, else the local zone."""
    return get_zone(args.tz or lib.setting("display_zone") or None)


def type_name(lib: Library, case: Any, lang: str) -> str:
    try:
        return lib.rules.platform(case.platform).dispute_type(case.dispute_type).name(lang)
    except NotInRules:
        return case.dispute_type


def stage_name(stage: str, lang: str) -> str:
    return STAGES[stage][0 if lang == "zh" else 1]


def print_deadlines(dls: list[dict], lang: str, zone: tzinfo) -> None:
    """Running clocks with their time left; stopped ones as history (met, or late by how much)."""
    print(pick(lang, "期限：", "Deadlines:"))
    if not dls:
        print(pick(lang, "  （没有期限）", "  (no clocks)"))
    for d in dls:
        name = d["name_zh"] if lang == "zh" else d["name_en"]
        due = format_local(from_iso(d["due"]), zone)
        if d["stopped_at"]:
            late = (pick(lang, f"，迟了 {format_duration(d['late_seconds'], lang)}",
                         f", {format_duration(d['late_seconds'], lang)} late")
                    if d["late_seconds"] else "")
            print(f"  {name}: {pick(lang, '截止', 'due')} {due}  {pick(lang, '已停止于', 'stopped')} "
                  f"{format_local(from_iso(d['stopped_at']), zone)}{late}  [{d['state']}]")
        else:
            print(f"  {name}: {due}  {format_duration(d['remaining_seconds'], lang)}  [{d['state']}]")
