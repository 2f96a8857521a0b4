"""Which files a drop or a folder stands for, and whether one can be read at all.

A folder is walked without following links that leave it (a link to ``/etc/shadow`` is not
evidence); dangling links, link loops and things that are not regular files (pipes,
devices, sockets) are reported, never opened — opening a pipe waits forever.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import (
    DanglingLink,
    FileMissing,
    FileUnreadable,
    FolderUnreadable,
    IngestError,
    IsDirectory,
    LinkLoop,
    LinkOutside,
    LinkToFolder,
    NotRegularFile,
)
from ..names import shown_name


@dataclass
class Collected:
    """The files to attach, in order, and what was skipped on the way (with the reason)."""
    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, IngestError]] = field(default_factory=list)


def not_regular(path: Path) -> IngestError:
    return NotRegularFile(name=shown_name(path.name))


def regular_size(path: Path) -> int:
    """The size of a regular file; refuses folders, pipes, devices and sockets without
    opening them."""
    try:
        st = os.stat(path)
    except FileNotFoundError as e:
        raise FileMissing(name=shown_name(path.name)) from e
    except OSError as e:
        raise FileUnreadable(name=shown_name(path.name)) from e
    if stat.S_ISDIR(st.st_mode):
        raise IsDirectory(name=shown_name(path.name))
    if not stat.S_ISREG(st.st_mode):
        raise not_regular(path)
    return st.st_size


def _skip(path: Path, error: type[IngestError]) -> tuple[Path, IngestError]:
    return path, error(name=shown_name(str(path)))


def _walk(root: Path, folder: Path, out: Collected) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        out.skipped.append((folder, FolderUnreadable(name=shown_name(str(folder)),
                                                     reason=e.strerror or str(e))))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden files and folders (.DS_Store, .git) are not evidence
        path = Path(entry.path)
        try:
            if entry.is_symlink():
                _link(root, path, out)
            elif entry.is_dir(follow_symlinks=False):
                _walk(root, path, out)
            elif entry.is_file(follow_symlinks=False):
                out.files.append(path)
            else:
                out.skipped.append((path, not_regular(path)))
        except OSError:
            out.skipped.append(_skip(path, FileUnreadable))


def _link(root: Path, path: Path, out: Collected) -> None:
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        out.skipped.append(_skip(path, DanglingLink))
        return
    except (RuntimeError, OSError):  # ELOOP (RuntimeError before Python 3.13)
        out.skipped.append(_skip(path, LinkLoop))
        return
    if not target.is_relative_to(root):
        out.skipped.append(_skip(path, LinkOutside))
    elif target.is_dir():
        out.skipped.append(_skip(path, LinkToFolder))
    elif target.is_file():
        out.files.append(path)
    else:
        out.skipped.append((path, not_regular(path)))


def collect_files(paths: list[Path | str]) -> Collected:
    """Files as given; folders replaced by the files inside them (recursively, sorted)."""
    out = Collected()
    for p in paths:
        p = Path(p)
        if p.is_dir():
            _walk(p.resolve(), p, out)
        else:
            out.files.append(p)
    return out
