"""Content-addressed store of original files, keyed by SHA-256.

A blob is written to a temp file, fsynced, and renamed into ``blobs/ab/abcdef…``, so a
blob either exists whole or not at all. Blobs are made read-only; they are never edited.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import IO, Iterator, Protocol

CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class Blobs(Protocol):
    """What the library asks of the place its originals are kept: a folder of its own
    (:class:`BlobStore`), a folder a team shares (``blobs_shared``) or the team's database
    (``blobs_pg``). ``path`` always gives a local file to read (fetched first if need be)."""

    tmp: Path

    def ensure(self) -> None: ...
    def path(self, sha256: str) -> Path: ...
    def exists(self, sha256: str) -> bool: ...
    def size(self, sha256: str) -> int | None: ...
    def open(self, sha256: str) -> IO[bytes]: ...
    def digest(self, sha256: str) -> str: ...
    def stage(self, source: Path) -> tuple[Path, str, int]: ...
    def stage_stream(self, src: IO[bytes]) -> tuple[Path, str, int]: ...
    def commit(self, tmp: Path, sha256: str) -> Path: ...
    def remove(self, sha256: str) -> None: ...
    def all_hashes(self) -> Iterator[str]: ...
    def clean_tmp(self, live_pids: set[int]) -> int: ...


class BlobStore:
    """Originals as files under ``root``. The same interface is kept by the team library's
    stores (``blobs_pg.PgBlobStore``, ``blobs_shared.SharedFolderBlobStore``)."""

    # Marks this computer's temp files in a folder other computers write to as well (see
    # blobs_shared); empty for a library's own folder.
    host_tag = ""

    def __init__(self, root: Path):
        self.root = root
        self.tmp = root / "tmp"

    def ensure(self) -> None:
        self.tmp.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def stage(self, source: Path) -> tuple[Path, str, int]:
        """Copy ``source`` to a temp file while hashing it; returns (temp, sha256, size)."""
        with open(source, "rb") as src:
            return self.stage_stream(src)

    def stage_stream(self, src: IO[bytes]) -> tuple[Path, str, int]:
        """Copy a readable stream to a temp file while hashing it; returns (temp, sha256, size).
        Errors reading ``src`` are the caller's; errors writing are the library's."""
        from .faults import from_os_error
        tmp = self.tmp / f"{os.getpid()}-{os.urandom(6).hex()}{self.host_tag}.part"
        h = hashlib.sha256()
        size = 0
        try:  # errors writing are the library's (read-only, disk full), named with the path
            self.ensure()
            dst = open(tmp, "wb")
        except OSError as e:
            raise from_os_error(e, tmp) from e
        try:
            with dst:
                while chunk := src.read(CHUNK):
                    h.update(chunk)
                    try:
                        dst.write(chunk)
                    except OSError as e:
                        raise from_os_error(e, tmp) from e
                    size += len(chunk)
                try:
                    dst.flush()
                    os.fsync(dst.fileno())
                except OSError as e:
                    raise from_os_error(e, tmp) from e
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return tmp, h.hexdigest(), size

    def commit(self, tmp: Path, sha256: str) -> Path:
        """Move a staged temp file into place (or drop it if the blob exists already)."""
        final = self.path(sha256)
        if final.exists():
            tmp.unlink(missing_ok=True)
            return final
        final.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(tmp, 0o444)
        os.replace(tmp, final)
        _fsync_dir(final.parent)
        return final

    def size(self, sha256: str) -> int | None:
        try:
            return self.path(sha256).stat().st_size
        except OSError:
            return None

    def open(self, sha256: str) -> IO[bytes]:
        """The blob's bytes as a stream; FileNotFoundError when the library does not hold it."""
        return open(self.path(sha256), "rb")

    def digest(self, sha256: str) -> str:
        """SHA-256 of the bytes stored under ``sha256`` (fsck: equal unless damaged)."""
        return sha256_file(self.path(sha256))

    def remove(self, sha256: str) -> None:
        p = self.path(sha256)
        if p.exists():
            os.chmod(p, 0o644)
            p.unlink()
            _fsync_dir(p.parent)

    def all_hashes(self) -> Iterator[str]:
        if not self.root.is_dir():
            return
        for sub in sorted(self.root.iterdir()):
            if sub.is_dir() and len(sub.name) == 2:
                for f in sorted(sub.iterdir()):
                    if f.is_file():
                        yield f.name

    def clean_tmp(self, live_pids: set[int]) -> int:
        """Delete temp files left by processes that are gone."""
        n = 0
        if not self.tmp.is_dir():
            return 0
        for f in self.tmp.iterdir():
            if self.host_tag and not f.name.endswith(f"{self.host_tag}.part"):
                continue  # another computer's, in a shared folder: its own to clean
            try:
                pid = int(f.name.split("-", 1)[0])
            except ValueError:
                pid = -1
            if pid not in live_pids:
                f.unlink(missing_ok=True)
                n += 1
        return n
