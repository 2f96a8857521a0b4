"""Is a local library on a network filesystem? SQLite's locking is unreliable there: two
computers using one library at once can corrupt it (https://sqlite.org/useovernet.html).

Detection per system — Linux fully (``/proc/self/mountinfo``: the mount holding the folder and
its filesystem type), Windows (a UNC path, or a drive letter that ``GetDriveTypeW`` calls
remote) and macOS (the ``mount`` listing) best-effort. Anything that goes wrong while
detecting — a roaming home folder, a missing /proc, a sandbox — means "not detected": the
warning must never stop a library from opening.

The warning is shown once per library and computer (``Library.network_notice`` /
``network_notice_shown``); the library remembers on which computers it was shown.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from ..i18n import pick

# Linux filesystem types (mountinfo's field after " - ") that live on another computer.
NETWORK_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "coda", "9p", "ceph", "glusterfs",
    "lustre", "gpfs", "beegfs", "orangefs", "davfs", "ocfs2", "gfs2", "afpfs", "webdav",
    "vboxsf", "prl_fs", "vmhgfs", "virtiofs",
})
# FUSE filesystems (type ``fuse.NAME``) that reach the network.
NETWORK_FUSE = frozenset({
    "sshfs", "rclone", "s3fs", "gcsfuse", "glusterfs", "davfs2", "cephfs", "smbnetfs",
    "curlftpfs", "goofys", "juicefs", "seaweedfs", "moosefs", "mfs", "lizardfs", "vmhgfs-fuse",
    "onedriver", "gvfsd-fuse",
})
# macOS ``mount`` types.
MAC_NETWORK_TYPES = frozenset({"smbfs", "nfs", "afpfs", "webdav", "cifs", "ftp", "macfuse",
                               "osxfuse", "fuse", "sshfs"})


@dataclass(frozen=True)
class Mount:
    point: str
    fs_type: str
    source: str


def _unescape(field: str) -> str:
    """mountinfo writes space, tab, newline and backslash as octal escapes (\\040…)."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def parse_mountinfo(text: str) -> list[Mount]:
    """The mounts in a ``/proc/self/mountinfo`` text (lines that do not parse are skipped)."""
    mounts = []
    for line in text.splitlines():
        left, sep, right = line.partition(" - ")
        fields, tail = left.split(), right.split()
        if not sep or len(fields) < 5 or len(tail) < 2:
            continue
        mounts.append(Mount(_unescape(fields[4]), tail[0], _unescape(tail[1])))
    return mounts


def is_network_type(fs_type: str, source: str = "") -> bool:
    t = fs_type.lower()
    if t in NETWORK_TYPES:
        return True
    if t.startswith("fuse."):
        return t[5:] in NETWORK_FUSE
    if t in ("fuse", "fuseblk"):  # old-style sshfs: the source names the remote ("sshfs#u@h:")
        return source.startswith("sshfs#") or bool(re.match(r"^[^/\s]+@[^/\s]+:", source))
    return False


def mount_of(path: str, mounts: list[Mount]) -> Mount | None:
    """The mount holding ``path`` (the longest mount point that is a prefix of it; the last
    one listed wins, as a later mount hides an earlier one on the same point)."""
    best: Mount | None = None
    for m in mounts:
        point = m.point.rstrip("/") or "/"
        inside = path == point or path.startswith(point + "/") or point == "/"
        if inside and (best is None or len(point) >= len(best.point.rstrip("/") or "/")):
            best = m
    return best


def linux_network_type(path: Path, mountinfo: str | None = None) -> str | None:
    if mountinfo is None:
        mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
    m = mount_of(str(path), parse_mountinfo(mountinfo))
    return m.fs_type if m is not None and is_network_type(m.fs_type, m.source) else None


_MAC_LINE = re.compile(r"^(?P<source>.+?) on (?P<point>.+?) \((?P<opts>[^)]*)\)\s*$")


def parse_mac_mount(text: str) -> list[Mount]:
    """The mounts in macOS's ``mount`` output: ``//u@srv/share on /Volumes/share (smbfs, …)``."""
    out = []
    for line in text.splitlines():
        m = _MAC_LINE.match(line.strip())
        if m:
            fs_type = m.group("opts").split(",")[0].strip()
            out.append(Mount(m.group("point"), fs_type, m.group("source")))
    return out


def mac_network_type(path: Path, mount_text: str | None = None) -> str | None:
    if mount_text is None:
        mount_text = subprocess.run(["/sbin/mount"], capture_output=True, text=True,
                                    timeout=5, check=False).stdout
    m = mount_of(str(path), parse_mac_mount(mount_text))
    if m is None:
        return None
    t = m.fs_type.lower()
    return m.fs_type if t in MAC_NETWORK_TYPES or m.source.startswith("//") else None


DRIVE_REMOTE = 4


def windows_network_type(path: str, drive_type=None) -> str | None:
    """``UNC`` for \\\\server\\share paths, ``remote drive`` for a mapped drive letter.
    ``drive_type`` (root → GetDriveTypeW value) is injectable for tests."""
    p = PureWindowsPath(path)
    text = str(p)
    if text.startswith("\\\\?\\UNC\\") or (text.startswith("\\\\") and not text.startswith("\\\\?\\")
                                           and not text.startswith("\\\\.\\")):
        return "UNC"
    if p.drive and len(p.drive) == 2 and p.drive[1] == ":":
        if drive_type is None:
            import ctypes
            drive_type = ctypes.windll.kernel32.GetDriveTypeW  # type: ignore[attr-defined]
        if drive_type(p.drive + "\\") == DRIVE_REMOTE:
            return "remote drive"
    return None


def network_filesystem(path: Path) -> str | None:
    """The network filesystem ``path`` is on (e.g. ``cifs``, ``nfs4``, ``fuse.sshfs``), or None
    when it is local or cannot be told. Never raises."""
    try:
        resolved = Path(os.path.realpath(path))
        if sys.platform.startswith("linux"):
            return linux_network_type(resolved)
        if sys.platform == "win32":
            return windows_network_type(str(resolved))
        if sys.platform == "darwin":
            return mac_network_type(resolved)
    except Exception:  # noqa: BLE001 - detection is advice: any failure is "not detected"
        return None
    return None


def computer_name() -> str:
    try:
        return socket.gethostname() or "?"
    except OSError:
        return "?"


def notice_text(fs_type: str, lang: str) -> str:
    return pick(
        lang,
        f"此资料库位于网络文件夹上（{fs_type}）。两台电脑不能同时使用它，否则资料库可能损坏。"
        "多人共用请改用团队资料库（PostgreSQL：evidencekit init --db postgresql://…，"
        "再用 evidencekit library migrate --to … 迁移现有案件）。",
        f"This library is on a network folder ({fs_type}). Two computers must not use it at the "
        "same time, or the library can be damaged. For several people, use a team library "
        "(PostgreSQL: evidencekit init --db postgresql://…, then evidencekit library migrate "
        "--to … to move the existing cases).")


# The library remembers the computers it has warned (a setting), so each is told once.
NOTICE_SETTING = "network_folder_warned_on"


def pending_notice(library, lang: str) -> str | None:
    """The warning to show now for ``library``: None when it is not a local library on a
    network folder, or when this computer was told already. Never raises."""
    try:
        if library.db.engine.dialect.name != "sqlite":
            return None  # a team library is made for several computers
        fs_type = network_filesystem(Path(library.root))
        if fs_type is None or computer_name() in (library.setting(NOTICE_SETTING, []) or []):
            return None
        return notice_text(fs_type, lang)
    except Exception:  # noqa: BLE001 - advice only: never in the way of opening
        return None


def mark_notice_shown(library) -> None:
    """Remember that this computer was told (a read-only library cannot: told again next time)."""
    try:
        shown = set(library.setting(NOTICE_SETTING, []) or [])
        library.set_setting(NOTICE_SETTING, sorted(shown | {computer_name()}))
    except Exception:  # noqa: BLE001 - as above
        pass
