"""A team library's originals in a shared folder (SMB/NFS), for archives too large to keep in
the database. Chosen at ``init --db URL --blobs DIR`` or in ``library.toml``.

Same layout and interface as the local store (``blobs/ab/abcdef…``); what differs is that
several computers write into the folder at once, over a network filesystem:
- nothing is ever rewritten: a blob is written whole under a temporary name and then linked
  into place, which fails when another computer got there first (so a reader of the file on
  NFS never sees it replaced under it: no ESTALE); only where links are not supported does
  it fall back to a rename, and then only when the name is still free;
- temporary files carry this computer's name, and each computer cleans only its own (a
  process id means nothing on another machine);
- permissions that the share does not keep (chmod on SMB) are not an error.
"""

from __future__ import annotations

import os
import re
import socket
from pathlib import Path

from .blobs import BlobStore, _fsync_dir


def _host() -> str:
    try:
        name = socket.gethostname()
    except OSError:
        name = ""
    return re.sub(r"[^A-Za-z0-9_-]", "_", name)[:40] or "host"


class SharedFolderBlobStore(BlobStore):
    """Write-once originals in a folder several computers share."""

    def __init__(self, root: Path, host: str | None = None):
        super().__init__(root)
        self.host_tag = f".{host or _host()}"

    def commit(self, tmp: Path, sha256: str) -> Path:
        final = self.path(sha256)
        if final.exists():
            tmp.unlink(missing_ok=True)
            return final
        final.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.chmod(tmp, 0o444)
        except OSError:
            pass  # a share that keeps no modes; the file is still never written again
        try:
            os.link(tmp, final)  # never replaces: FileExistsError if another computer won
        except FileExistsError:
            pass
        except OSError:  # no hard links on this share: rename, but only onto a free name
            if not final.exists():
                os.replace(tmp, final)
        tmp.unlink(missing_ok=True)
        _fsync_dir(final.parent)
        return final

    def remove(self, sha256: str) -> None:
        p = self.path(sha256)
        if p.exists():
            try:
                os.chmod(p, 0o644)
            except OSError:
                pass
            p.unlink(missing_ok=True)
            _fsync_dir(p.parent)
