"""``settings show|set|unset``: the library's settings (e.g. the RFC 3161 timestamp server)."""

from __future__ import annotations

import argparse

from ..i18n import pick
from ..library_settings import SETTINGS, checked, set_library_setting
from .common import Subparsers, emit, open_library


def register(sub: Subparsers) -> None:
    st = sub.add_parser("settings", help="show or change the library's settings "
                        "(timestamp_url: an RFC 3161 timestamp server for exported bundles)")
    ss = st.add_subparsers(dest="settings_cmd", required=True, parser_class=type(st))
    show = ss.add_parser("show", help="every setting with its value")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=cmd_settings_show)
    put = ss.add_parser("set", help="set one: " + ", ".join(SETTINGS))
    put.add_argument("key")
    put.add_argument("value")
    put.set_defaults(run=cmd_settings_set)
    unset = ss.add_parser("unset", help="clear one")
    unset.add_argument("key")
    unset.set_defaults(run=cmd_settings_unset)


def cmd_settings_show(args: argparse.Namespace, lang: str) -> int:
    with open_library(args) as lib:
        values = {key: lib.setting(key, "") or "" for key in SETTINGS}

        def human() -> None:
            for key, s in SETTINGS.items():
                print(f"{key} = {values[key] or pick(lang, '（未设置）', '(not set)')}")
                print(f"    {pick(lang, s.zh, s.en)}")
        emit(values, args.json, human)
    return 0


def cmd_settings_set(args: argparse.Namespace, lang: str) -> int:
    checked(args.key, args.value)  # refused before the library is opened for writing
    with open_library(args) as lib:
        value = set_library_setting(lib, args.key, args.value)
        print(f"{args.key} = {value or pick(lang, '（未设置）', '(not set)')}")
    return 0


def cmd_settings_unset(args: argparse.Namespace, lang: str) -> int:
    checked(args.key, "")
    with open_library(args) as lib:
        set_library_setting(lib, args.key, "")
        print(pick(lang, f"已清除 {args.key}", f"Cleared {args.key}"))
    return 0
