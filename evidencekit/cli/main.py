"""The entry point: build the parser from the command groups, run one command, map errors to exits."""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
import traceback

from .. import __version__
from ..errors import EvidenceKitError
from ..i18n import detect_lang, pick
from ..store import default_library_dir
from . import (
    case_commands,
    check_command,
    evidence_commands,
    export_commands,
    handover_commands,
    import_command,
    library_commands,
    lifecycle_commands,
    migrate_command,
    search_command,
    settings_commands,
    stats_command,
    worklog_commands,
)
from .common import CliParser, ask_passwords_on_terminal

# Each group's ``register(sub)`` adds its parsers and sets ``run`` on each; the order here is
# the order of ``--help``. A new command goes into its group's module (or a new module here).
COMMAND_GROUPS = (library_commands, case_commands, import_command, evidence_commands, check_command,
                  export_commands, lifecycle_commands, handover_commands, worklog_commands,
                  search_command, stats_command, settings_commands, migrate_command)


def build_parser() -> argparse.ArgumentParser:
    p = CliParser(prog="evidencekit",
                  description="EvidenceKit — 售后纠纷举证材料打包 / dispute evidence bundles")
    p.add_argument("--library", metavar="DIR", help="library folder (default: $EVIDENCEKIT_LIBRARY "
                   f"or {default_library_dir()})")
    p.add_argument("--db", metavar="URL", help="a team library's database, e.g. "
                   "postgresql://xiaowang@server/evidencekit (default: $EVIDENCEKIT_DB, else the "
                   "folder's library.toml, else the folder's own SQLite file)")
    p.add_argument("--lang", choices=["zh", "en"], help="output language")
    p.add_argument("--staff", metavar="NAME", help="who is acting, named in the log, submissions "
                   "and decisions (default: $EVIDENCEKIT_STAFF, else the OS user)")
    p.add_argument("--tz", metavar="ZONE", help="display time zone, e.g. Asia/Shanghai "
                   "(default: the library's setting, else this computer's zone)")
    p.add_argument("--version", action="version", version=f"evidencekit {__version__}")
    sub = p.add_subparsers(dest="cmd", required=True, parser_class=CliParser)
    for group in COMMAND_GROUPS:
        group.register(sub)
    _accept_global_options_after_command(p)
    return p


# Options that say where and as whom a command runs. People type them after the command too
# (``evidencekit case list --mine --staff 小王``): every command accepts them there as well.
GLOBAL_OPTIONS = ("--library", "--db", "--lang", "--staff", "--tz")


def _accept_global_options_after_command(root: argparse.ArgumentParser) -> None:
    """Copy the global options onto every command's parser. Their default is SUPPRESS, so a
    value given before the command stands unless the same option follows the command; a
    command that has an option of the same name (``init --db``) keeps its own."""
    originals = [root._option_string_actions[o] for o in GLOBAL_OPTIONS]

    def visit(parser: argparse.ArgumentParser) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for child in dict.fromkeys(action.choices.values()):  # aliases share a parser
                    group = child.add_argument_group(
                        "global options (before or after the command)")
                    for o in originals:
                        if not any(s in child._option_string_actions for s in o.option_strings):
                            group.add_argument(*o.option_strings, dest=o.dest, metavar=o.metavar,
                                               choices=o.choices, help=o.help,
                                               default=argparse.SUPPRESS)
                    visit(child)

    visit(root)


def main(argv: list[str] | None = None) -> int:
    try:
        # Names from disk may hold bytes that are not UTF-8: escape rather than fail.
        for stream, encoding in ((sys.stdout, "utf-8"), (sys.stderr, None)):
            if isinstance(stream, io.TextIOWrapper):
                stream.reconfigure(encoding=encoding, errors="backslashreplace")
    except (OSError, ValueError):  # a stream that cannot change encoding keeps its own
        pass
    lang = detect_lang(None)
    # pypdf narrates what it repairs in the files it reads; the command's own line says what
    # matters to the user (one line per error, as promised). A NullHandler keeps the notes
    # from Python's last-resort stderr handler; the level stays, so ingestion still counts
    # them (facts["repaired"]).
    pypdf_log = logging.getLogger("pypdf")
    if not any(isinstance(h, logging.NullHandler) for h in pypdf_log.handlers):
        pypdf_log.addHandler(logging.NullHandler())
    try:
        args = build_parser().parse_args(argv)
        lang = detect_lang(args.lang)
        ask_passwords_on_terminal(lang)
        return args.run(args, lang)
    except EvidenceKitError as e:
        hint = e.hint(lang)
        print(f"evidencekit: {e.message(lang)}" + (f" — {hint}" if hint else ""), file=sys.stderr)
        return e.exit_code
    except OSError as e:
        print(f"evidencekit: {e.strerror or e}: {e.filename or ''}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(pick(lang, "evidencekit: 已中断", "evidencekit: interrupted"), file=sys.stderr)
        return 130
    except Exception as e:  # noqa: BLE001 — the boundary: a bug is reported, never a traceback
        print(pick(lang, f"evidencekit: 内部错误：{type(e).__name__}: {e}",
                   f"evidencekit: internal error: {type(e).__name__}: {e}"), file=sys.stderr)
        if os.environ.get("EVIDENCEKIT_DEBUG"):
            traceback.print_exc()
        else:
            print(pick(lang, "（设置 EVIDENCEKIT_DEBUG=1 可查看详细信息，请附在问题报告中）",
                       "(set EVIDENCEKIT_DEBUG=1 to see the details; please include them in a report)"),
                  file=sys.stderr)
        return 2
