"""Files built to exhaust the reader: refused from what they declare, before parsing.

A zip bomb (an ``.xlsx`` whose sheet inflates to gigabytes) is recognised from the sizes and
ratios its central directory declares — ``zipfile`` never inflates past a declared size, so
the declaration is binding. A file of nothing but zero bytes (a failed download, a sparse
placeholder) is not evidence, whatever its name says.
"""

from __future__ import annotations

import errno
import os
import zipfile
from pathlib import Path

from ..errors import AllZero, ZipBomb
from ..names import shown_name

MAX_ZIP_TOTAL = 500 * 1024 ** 2  # inflated bytes of all members
MAX_ZIP_MEMBER_RATIO = 100  # inflated ÷ compressed, for members over RATIO_FROM bytes
RATIO_FROM = 10 * 1024 ** 2
MAX_ZIP_MEMBERS = 10_000
ZERO_CHUNK = 8 << 20


def check_zip(path: Path) -> None:
    """Refuse a zip (xlsx) whose declared content is abnormally large or compressed."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # not a readable zip: the parser reports it as damaged
    total = sum(i.file_size for i in infos)
    ratio = max((i.file_size / max(1, i.compress_size) for i in infos
                 if i.file_size > RATIO_FROM), default=0)
    if len(infos) > MAX_ZIP_MEMBERS or total > MAX_ZIP_TOTAL or ratio > MAX_ZIP_MEMBER_RATIO:
        raise ZipBomb(mb=f"{total / 1024 ** 2:,.0f}", ratio=f"{ratio:,.0f}",
                      name=shown_name(path.name))


def check_not_all_zero(path: Path) -> None:
    """Refuse a file that holds only zero bytes. Holes of a sparse file are skipped without
    reading them (``SEEK_DATA``); reading stops at the first other byte."""
    with open(path, "rb") as f:
        fd = f.fileno()
        size = os.fstat(fd).st_size
        pos = 0
        while pos < size:
            try:
                start = os.lseek(fd, pos, os.SEEK_DATA)
                end = os.lseek(fd, start, os.SEEK_HOLE)
            except OSError as e:
                if e.errno == errno.ENXIO:
                    break  # nothing but holes from here to the end
                start, end = pos, size  # no hole support here: read it all
            except AttributeError:
                start, end = pos, size
            f.seek(start)
            while start < end:
                chunk = f.read(min(ZERO_CHUNK, end - start))
                if not chunk:
                    break
                if chunk.strip(b"\0"):
                    return
                start += len(chunk)
            pos = max(end, pos + 1)
    raise AllZero(name=shown_name(path.name))
