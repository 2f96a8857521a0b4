"""A local library on a network folder is detected and the user told once (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidencekit.store import netfs

MOUNTINFO = r"""22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw
30 22 0:40 / /home/ana rw,relatime shared:9 - ext4 /dev/sda1 rw
41 30 0:52 / /home/ana/shop\040files rw,relatime shared:20 - cifs //nas/shop rw,vers=3.0
42 22 0:53 / /mnt/nfs rw,relatime shared:21 - nfs4 nas:/export rw,vers=4.2
43 22 0:54 / /mnt/box rw,nosuid shared:22 - fuse.sshfs ana@host:/data rw,user_id=0
44 22 0:55 / /mnt/old rw shared:23 - fuse sshfs#ana@host:/x rw
45 22 0:56 / /mnt/usb rw shared:24 - fuseblk /dev/sdb1 rw
46 22 0:57 / /mnt/nfs/local rw shared:25 - tmpfs tmpfs rw
garbage line
"""


@pytest.mark.parametrize("path, expected", [
    ("/home/ana/shop files/library", "cifs"),
    ("/home/ana/shop filesX", None),  # a prefix of the name is not the mount
    ("/home/ana/library", None),
    ("/mnt/nfs/lib", "nfs4"),
    ("/mnt/nfs/local/lib", None),  # a local mount inside a network one
    ("/mnt/box/lib", "fuse.sshfs"),
    ("/mnt/old/lib", "fuse"),
    ("/mnt/usb/lib", None),  # NTFS through FUSE is a local disk
    ("/", None),
])
def test_linux_mountinfo(path, expected):
    assert netfs.linux_network_type(Path(path), MOUNTINFO) == expected


def test_mountinfo_unescapes_names():
    m = netfs.parse_mountinfo(MOUNTINFO)
    assert m[2].point == "/home/ana/shop files" and m[2].source == "//nas/shop"


def test_this_machine_really_is_read():
    # The real /proc/self/mountinfo parses, and its root mount is found.
    mounts = netfs.parse_mountinfo(Path("/proc/self/mountinfo").read_text())
    assert netfs.mount_of("/", mounts) is not None


MAC_MOUNT = """/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
//ana@nas._smb._tcp.local/shop on /Volumes/shop (smbfs, nodev, nosuid, mounted by ana)
nas:/export on /Volumes/nfs (nfs, asynchronous)
ana@host:/data on /Users/ana/box (macfuse, nodev, nosuid, synchronous, mounted by ana)
"""


@pytest.mark.parametrize("path, expected", [
    ("/Volumes/shop/EvidenceKit", "smbfs"), ("/Volumes/nfs/x", "nfs"),
    ("/Users/ana/box/lib", "macfuse"), ("/Users/ana/Library/EvidenceKit", None)])
def test_mac_mount_listing(path, expected):
    assert netfs.mac_network_type(Path(path), MAC_MOUNT) == expected


@pytest.mark.parametrize("path, expected", [
    (r"\\nas\shop\EvidenceKit", "UNC"), (r"\\?\UNC\nas\shop\lib", "UNC"),
    (r"Z:\EvidenceKit", "remote drive"), (r"C:\Users\ana\EvidenceKit", None),
    (r"\\?\C:\lib", None)])
def test_windows_paths(path, expected):
    drives = {"Z:\\": netfs.DRIVE_REMOTE, "C:\\": 3}
    assert netfs.windows_network_type(path, lambda root: drives.get(root, 3)) == expected


def test_detection_errors_are_not_detected(monkeypatch, tmp_path):
    def broken(*_a, **_k):
        raise PermissionError("roaming profile")
    monkeypatch.setattr(netfs, "linux_network_type", broken)
    monkeypatch.setattr(netfs, "mac_network_type", broken)
    monkeypatch.setattr(netfs, "windows_network_type", broken)
    assert netfs.network_filesystem(tmp_path) is None


def test_warned_once_per_computer_on_the_cli(library, monkeypatch, capsys):
    from evidencekit.cli import main
    monkeypatch.setattr(netfs, "network_filesystem", lambda _p: "cifs")
    assert main(["--lang", "en", "case", "list"]) == 0
    err = capsys.readouterr().err
    assert "network folder (cifs)" in err and "Two computers must not use it at the same time" in err
    assert "evidencekit init --db" in err
    assert main(["--lang", "zh", "case", "list"]) == 0
    assert capsys.readouterr().err == ""  # told once
    # Another computer opening the same library is told too.
    monkeypatch.setattr(netfs, "computer_name", lambda: "pc-2")
    assert main(["--lang", "zh", "case", "list"]) == 0
    assert "两台电脑不能同时使用它" in capsys.readouterr().err


def test_local_disk_says_nothing(library, capsys):
    from evidencekit.cli import main
    assert main(["case", "list"]) == 0
    assert netfs.pending_notice(library, "en") is None
    assert capsys.readouterr().err == ""
