"""``case pack|unpack`` (hand a case to another library) and ``backup`` / ``restore``."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..i18n import pick
from ..store import Library, default_library_dir
from .common import Subparsers, emit, now_from, open_library


def register_case(cs: Subparsers) -> None:
    """``case pack`` and ``case unpack`` (added to the ``case`` group)."""
    pk = cs.add_parser("pack", help="write one .evcase file with the case, its originals, "
                       "submitted bundles, decisions and logs")
    pk.add_argument("case")
    pk.add_argument("-o", "--output", required=True, metavar="FILE.evcase")
    pk.add_argument("--force", action="store_true", help="replace an existing file")
    pk.add_argument("--now", metavar="ISO")
    pk.add_argument("--json", action="store_true")
    pk.set_defaults(run=cmd_case_pack)
    up = cs.add_parser("unpack", help="check an .evcase file and add its case under a new number")
    up.add_argument("file", metavar="FILE.evcase")
    up.add_argument("--allow-unsigned", action="store_true",
                    help="accept a file without a signature (written by an older version)")
    up.add_argument("--json", action="store_true")
    up.set_defaults(run=cmd_case_unpack)


def register(sub: Subparsers) -> None:
    bk = sub.add_parser("backup", help="copy the library to a folder (a second run copies only "
                        "what is new)")
    bk.add_argument("-o", "--output", required=True, metavar="DIR")
    bk.add_argument("--json", action="store_true")
    bk.set_defaults(run=cmd_backup)
    rs = sub.add_parser("restore", help="restore a backup folder into a new or empty library "
                        "folder (--library, else the default)")
    rs.add_argument("backup", metavar="DIR")
    rs.add_argument("--json", action="store_true")
    rs.set_defaults(run=cmd_restore)


def cmd_case_pack(args: argparse.Namespace, lang: str) -> int:
    from ..handover import pack_case

    with open_library(args) as lib:
        r = pack_case(lib, args.case, Path(args.output), force=args.force, now=now_from(args))

        def human() -> None:
            print(pick(lang, f"已打包 {r.case_no}：{r.path}（{r.originals} 个原件，{r.submitted} 个"
                             f"已提交文件，{r.size / 1024 ** 2:,.1f} MB）",
                       f"Packed {r.case_no}: {r.path} ({r.originals} originals, {r.submitted} "
                       f"submitted files, {r.size / 1024 ** 2:,.1f} MB)"))
            print(f"SHA-256 {r.sha256}")
            print(pick(lang, "文件含未遮盖的买家信息和原件，请只交给本店同事。",
                       "The file holds unmasked buyer data and the originals: hand it only to "
                       "your own team."))
        emit(r.to_dict(), args.json, human)
    return 0


def cmd_case_unpack(args: argparse.Namespace, lang: str) -> int:
    from ..handover import unpack_case

    with open_library(args, create=True) as lib:
        r = unpack_case(lib, Path(args.file), allow_unsigned=args.allow_unsigned)

        def human() -> None:
            print(pick(lang, f"已导入为 {r.case_no}（原编号 {r.imported_from}；{r.originals} 个原件，"
                             f"{r.submitted} 次提交，全部哈希一致）",
                       f"Imported as {r.case_no} (was {r.imported_from}; {r.originals} originals, "
                       f"{r.submitted} submissions, every hash matches)"))
            print(pick(lang, f"签名有效：由证书 {r.signed_by[:16]}… 的资料库签名",
                       f"Signature valid: signed by the library of certificate {r.signed_by[:16]}…")
                  if r.signed_by else pick(lang, "注意：文件没有签名（--allow-unsigned）",
                                           "Note: the file is not signed (--allow-unsigned)"))
            if r.earlier_imports:
                print(pick(lang, f"注意：此前已导入过同一原编号：{', '.join(r.earlier_imports)}",
                           f"Note: the same original number was imported before: "
                           f"{', '.join(r.earlier_imports)}"))
            print(r.case_id)
        emit(r.to_dict(), args.json, human)
    return 0


def cmd_backup(args: argparse.Namespace, lang: str) -> int:
    from ..handover import backup_library

    with open_library(args) as lib:
        root = Path(lib.root)
    r = backup_library(root, Path(args.output))

    def human() -> None:
        print(pick(lang, f"已备份到 {r.folder}：原件 {r.blobs_total} 个，本次复制 {r.blobs_copied} 个"
                         f"（{r.bytes_copied / 1024 ** 2:,.1f} MB），已有 {r.blobs_present} 个",
                   f"Backed up to {r.folder}: {r.blobs_total} originals, {r.blobs_copied} copied "
                   f"this time ({r.bytes_copied / 1024 ** 2:,.1f} MB), {r.blobs_present} already there"))
    emit(r.to_dict(), args.json, human)
    return 0


def cmd_restore(args: argparse.Namespace, lang: str) -> int:
    from ..handover import restore_library

    target = Path(args.library).expanduser() if args.library else default_library_dir()
    r = restore_library(Path(args.backup), target)
    Library.open(r.folder, create=False).close()  # it opens (and is brought up to date)

    def human() -> None:
        print(pick(lang, f"已恢复到 {r.folder}：原件 {r.blobs} 个，全部哈希一致",
                   f"Restored into {r.folder}: {r.blobs} originals, every hash matches"))
    emit(r.to_dict(), args.json, human)
    return 0
