"""``case pack``: one case, its originals, submitted bundles, decisions and logs in one file.

The file is written under a temporary name beside the destination and renamed into place
last, so a failure or a cancel leaves no half file. The library is only read (and gets one
log entry saying where the case was handed over).
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..errors import BackupBlobDamaged, DestinationExists, OriginalUnreadable
from ..progress import CancelLike, ProgressFn, check_cancel, no_progress
from ..store import transfer
from ..store.migrate import schema_revision
from ..timeutil import to_iso, utcnow
from . import caseformat as fmt
from . import signature

if TYPE_CHECKING:
    from ..store import Library

# Fixed member times: the same case packed twice with the same --now gives the same members.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass
class PackResult:
    path: Path
    case_no: str
    sha256: str
    size: int
    originals: int
    submitted: int
    certificate: bool
    signed: bool = False
    members: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"path": str(self.path), "case_no": self.case_no, "sha256": self.sha256,
                "size": self.size, "originals": self.originals, "submitted": self.submitted,
                "certificate": self.certificate, "signed": self.signed}


def _info(name: str, compress: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    return info


def _write_blob(zf: zipfile.ZipFile, name: str, source: Path, sha: str) -> int:
    """Copy a blob into the zip while hashing it: a stored copy altered on disk is refused,
    not handed over."""
    h = hashlib.sha256()
    try:
        src = open(source, "rb")
    except OSError as e:
        raise OriginalUnreadable(name=sha, reason=e.strerror or e) from e
    size = 0
    with src, zf.open(_info(name, False), "w", force_zip64=True) as dst:
        while chunk := src.read(fmt.CHUNK):
            h.update(chunk)
            dst.write(chunk)
            size += len(chunk)
    if h.hexdigest() != sha:
        raise BackupBlobDamaged(sha=sha, where=str(source))
    return size


def pack_case(lib: "Library", case_ref, dest: Path | str, *, force: bool = False,
              now: datetime | None = None, progress: ProgressFn = no_progress,
              cancel: CancelLike | None = None) -> PackResult:
    from ..export.sealkey import ensure_library_key, library_key, library_name

    dest = Path(dest).expanduser()
    case = lib.get_case(case_ref)
    if dest.exists() and not force:
        raise DestinationExists(names=str(dest))
    now = now or utcnow()
    rows = transfer.case_rows(lib, case.id)
    originals = sorted({r["sha256"] for r in rows["exhibits"]})
    submitted = sorted({r["sha256"] for r in rows["submission_files"]} - set(originals))
    blobs = [(fmt.ORIGINALS + s, s) for s in originals] + [(fmt.SUBMITTED + s, s) for s in submitted]
    # The library's sealing key signs the file (made now if it has none, as a first export does;
    # a read-only library or a role that may not read the key packs an unsigned file, which
    # unpack refuses by default).
    try:
        key = library_key(lib) if lib.read_only else ensure_library_key(lib, now)
    except PermissionError:
        key = library_key(lib)
    signer_key = key if key is not None and key.key_pem is not None else None
    sig_bytes = signature.signature_bytes(signer_key) if signer_key is not None else 0
    data = {"format": FORMAT_DATA, "version": fmt.VERSION, "schema": schema_revision(),
            "app": __version__, "packed_at": to_iso(now), "library": library_name(lib),
            "case_no": case.case_no,
            "certificate_fingerprint": key.fingerprint if key else "", "rows": rows}
    case_bytes = json.dumps(data, ensure_ascii=False, indent=1, default=str).encode("utf-8")
    total = sum(lib.blobs.path(s).stat().st_size for _n, s in blobs if lib.blobs.exists(s)) or 1
    members: list[dict] = []
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.part")
    done = 0
    try:
        with open(tmp, "w+b") as f:
            with zipfile.ZipFile(f, "w", allowZip64=True) as zf:
                zf.comment = b"0" * fmt.seal_len(sig_bytes)  # placeholder, same length
                for name, sha in blobs:
                    check_cancel(cancel)
                    size = _write_blob(zf, name, lib.blobs.path(sha), sha)
                    members.append({"name": name, "sha256": sha, "size": size})
                    done += size
                    progress(0.95 * done / total, f"打包原件 {len(members)}/{len(blobs)}",
                             f"Packing originals {len(members)}/{len(blobs)}")
                extra = [(fmt.CASE_DATA, case_bytes)]
                if key is not None:
                    extra.append((fmt.CERTIFICATE, key.cert_pem))
                for name, raw in extra:
                    zf.writestr(_info(name, True), raw)
                    members.append({"name": name, "sha256": hashlib.sha256(raw).hexdigest(),
                                    "size": len(raw)})
                manifest = json.dumps({"format": fmt.FORMAT, "version": fmt.VERSION,
                                       "case_no": case.case_no, "packed_at": to_iso(now),
                                       "members": members}, ensure_ascii=False, indent=1
                                      ).encode("utf-8")
                zf.writestr(_info(fmt.MANIFEST, True), manifest)
            # The seal line: the hash of every byte before the comment, written in its place.
            f.flush()
            length = f.seek(0, os.SEEK_END) - fmt.seal_len(sig_bytes)
            file_sha, manifest_sha = fmt.hash_prefix(f, length), hashlib.sha256(manifest).hexdigest()
            line = fmt.seal_line(file_sha, manifest_sha, signature.sign(
                signer_key, fmt.signed_text(file_sha, manifest_sha)) if signer_key is not None else None)
            f.seek(length)
            f.write(line)
            f.flush()
            os.fsync(f.fileno())
            size = f.seek(0, os.SEEK_END)
        check_cancel(cancel)
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    with open(dest, "rb") as f:
        file_sha = fmt.hash_prefix(f, size)
    if not lib.read_only:
        lib.add_log(case.id, "case_packed", f"{dest.name} sha256 {file_sha[:12]}")
    progress(1.0, "完成", "Done")
    return PackResult(path=dest, case_no=case.case_no, sha256=file_sha, size=size,
                      originals=len(originals), submitted=len(submitted),
                      certificate=key is not None, signed=signer_key is not None, members=members)


FORMAT_DATA = "evidencekit-case-data"
