"""``case unpack``: check a ``.evcase`` completely, then add its case to this library.

The steps, in order, and nothing is written before the last one:
1. what the zip declares: names (no path of a user's, nothing outside the layout), sizes and
   compression ratios (a bomb is refused before it is inflated), the free space;
2. the seal line: every byte of the file, and the manifest's hash;
3. every member hashed against the manifest (an altered one is named);
4. the case data read and matched against this library's schema.
Then the blobs go into the store under pending markers, and the rows go in one transaction;
a failure undoes the blobs it added, so the library is as it was.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from ..errors import (
    CaseFileBomb,
    CaseFileMemberAltered,
    CaseFileMemberMissing,
    CaseFileNoSpace,
    CaseFileSignatureInvalid,
    CaseFileTooNew,
    CaseFileUnexpectedMember,
    CaseFileUnreadable,
    CaseFileUnsigned,
)
from ..names import shown_name
from ..progress import CancelLike, ProgressFn, check_cancel, no_progress
from ..store import transfer
from . import caseformat as fmt
from . import signature

if TYPE_CHECKING:
    from ..store import Library

_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError)
STRUCTURE = "ZIP 结构 / zip headers"  # the member named when only the headers were altered


@dataclass
class CheckedCaseFile:
    """A ``.evcase`` whose every byte was checked; the case data parsed."""
    path: Path
    data: dict[str, Any]
    members: dict[str, dict]  # name → {sha256, size}
    certificate: bytes | None = None
    signer: str = ""  # fingerprint of the certificate whose key signed the file ("" unsigned)

    @property
    def case_no(self) -> str:
        return str(self.data.get("case_no", ""))

    @property
    def rows(self) -> dict[str, list[dict[str, Any]]]:
        return self.data["rows"]


@dataclass
class UnpackResult:
    case_no: str
    imported_from: str
    case_id: int
    originals: int
    submitted: int
    blobs_added: int
    certificate: str = ""  # fingerprint of the certificate that came with it
    signed_by: str = ""  # fingerprint of the certificate whose key signed the file ("": unsigned)
    earlier_imports: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return dict(vars(self))


def _unreadable(path: Path, reason: Any) -> CaseFileUnreadable:
    return CaseFileUnreadable(name=shown_name(path.name), reason=reason)


def _check_declared(path: Path, infos: list[zipfile.ZipInfo], free_for: Path | None) -> None:
    """Step 1: names, sizes and ratios as the zip declares them (zipfile never inflates past a
    declared size, so the declaration is binding)."""
    if len(infos) > fmt.MAX_MEMBERS:
        raise CaseFileBomb(member=shown_name(path.name), detail=f"{len(infos)} members")
    seen: set[str] = set()
    total = 0
    for i in infos:
        mode = (i.external_attr >> 16) & 0o170000
        if (not fmt.MEMBER_NAME.match(i.filename) or i.filename in seen or i.is_dir()
                or mode not in (0, stat.S_IFREG)):
            raise CaseFileUnexpectedMember(member=shown_name(i.filename))
        if i.flag_bits & 0x1:
            raise _unreadable(path, f"{i.filename}: encrypted")
        seen.add(i.filename)
        limit = fmt.MAX_MEMBER if "/" in i.filename and not i.filename.startswith("keys/") \
            else fmt.MAX_JSON
        if i.file_size > limit:
            raise CaseFileBomb(member=i.filename, detail=f"{i.file_size / 1024 ** 2:,.0f} MB")
        ratio = i.file_size / max(1, i.compress_size)
        if i.file_size > fmt.RATIO_FROM and ratio > fmt.MAX_RATIO:
            raise CaseFileBomb(member=i.filename, detail=f"{ratio:,.0f}:1")
        total += i.file_size
    if total > fmt.MAX_TOTAL:
        raise CaseFileBomb(member=shown_name(path.name), detail=f"{total / 1024 ** 3:,.1f} GB")
    if free_for is not None:
        free = shutil.disk_usage(free_for).free
        if total > free:
            raise CaseFileNoSpace(need_mb=f"{total / 1024 ** 2:,.0f}",
                                  free_mb=f"{free / 1024 ** 2:,.0f}")


def _read_small(zf: zipfile.ZipFile, name: str) -> bytes:
    try:
        with zf.open(name) as m:
            return m.read(fmt.MAX_JSON + 1)
    except _READ_ERRORS as e:
        raise CaseFileMemberAltered(member=name) from e


def _hash_member(zf: zipfile.ZipFile, name: str, on_bytes) -> str:
    h = hashlib.sha256()
    try:
        with zf.open(name) as m:
            while chunk := m.read(fmt.CHUNK):
                h.update(chunk)
                on_bytes(len(chunk))
    except _READ_ERRORS as e:  # a bad CRC or inflate error: the member's bytes were changed
        raise CaseFileMemberAltered(member=name) from e
    return h.hexdigest()


def check_case_file(path: Path | str, *, free_for: Path | None = None,
                    allow_unsigned: bool = False, progress: ProgressFn = no_progress,
                    cancel: CancelLike | None = None) -> CheckedCaseFile:
    """Every check, nothing written. Raises a :class:`HandoverError` naming what is wrong."""
    path = Path(path).expanduser()
    try:
        f = open(path, "rb")
    except OSError as e:
        raise _unreadable(path, e.strerror or e) from e
    with f:
        try:
            zf = zipfile.ZipFile(f)
        except _READ_ERRORS as e:
            raise _unreadable(path, e) from e
        with zf:
            infos = zf.infolist()
            _check_declared(path, infos, free_for)
            names = {i.filename: i for i in infos}
            if fmt.MANIFEST not in names:
                raise CaseFileMemberMissing(member=fmt.MANIFEST)
            seal = fmt.read_seal(zf.comment)
            if seal is None:
                raise CaseFileMemberAltered(member=STRUCTURE)
            # The signature first: hashes written again after a change (a re-sealed file) stop here.
            signer = ""
            if seal.signature is not None:
                cert = _read_small(zf, fmt.CERTIFICATE) if fmt.CERTIFICATE in names else None
                signer = signature.verify(cert, seal.signed, seal.signature)
            elif not allow_unsigned:
                raise CaseFileUnsigned()
            # Step 2: the whole file's bytes. A difference is named below, member by member.
            size = f.seek(0, 2)
            total = size + sum(i.file_size for i in infos) or 1
            done = [0]

            def advance(n: int) -> None:
                done[0] += n
                progress(min(1.0, done[0] / total), "核对哈希", "Checking hashes")
                check_cancel(cancel)

            def read_so_far(n: int) -> None:
                done[0] = n
                advance(0)

            file_ok = fmt.hash_prefix(f, size - len(zf.comment), read_so_far) == seal.file_sha
            done[0] = size
            raw_manifest = _read_small(zf, fmt.MANIFEST)
            if hashlib.sha256(raw_manifest).hexdigest() != seal.manifest_sha:
                raise CaseFileMemberAltered(member=fmt.MANIFEST)
            try:
                manifest = json.loads(raw_manifest.decode("utf-8"))
                listed = {m["name"]: m for m in manifest["members"]}
                version = int(manifest.get("version", 0))
                if manifest.get("format") != fmt.FORMAT:
                    raise ValueError("format")
            except (ValueError, KeyError, TypeError, AttributeError) as e:
                raise _unreadable(path, f"{fmt.MANIFEST}: {e}") from e
            if version > fmt.VERSION:
                raise CaseFileTooNew(detail=f"{fmt.FORMAT} {version}")
            for name in sorted(set(listed) - set(names)):
                raise CaseFileMemberMissing(member=name)
            for name in sorted(set(names) - set(listed) - {fmt.MANIFEST}):
                raise CaseFileUnexpectedMember(member=name)
            # Step 3: every member against its hash (and a blob against its name).
            kept: dict[str, bytes] = {}
            for name, m in listed.items():
                if names[name].file_size != m.get("size"):
                    raise CaseFileMemberAltered(member=name)
                if name in (fmt.CASE_DATA, fmt.CERTIFICATE):
                    kept[name] = _read_small(zf, name)
                    advance(len(kept[name]))
                    digest = hashlib.sha256(kept[name]).hexdigest()
                else:
                    digest = _hash_member(zf, name, advance)
                if digest != m.get("sha256") or ("/" in name and not name.startswith("keys/")
                                                  and name.rsplit("/", 1)[1] != digest):
                    raise CaseFileMemberAltered(member=name)
            if not file_ok:  # every member is intact: the change is in the zip's own headers
                raise CaseFileMemberAltered(member=STRUCTURE)
    if fmt.CASE_DATA not in kept:
        raise CaseFileMemberMissing(member=fmt.CASE_DATA)
    data = _parse_case_data(path, kept[fmt.CASE_DATA])
    present = {n.rsplit("/", 1)[1] for n in listed if "/" in n and not n.startswith("keys/")}
    for r in data["rows"]["exhibits"] + data["rows"]["submission_files"]:
        if r.get("sha256") not in present:
            raise CaseFileMemberMissing(member=f"{fmt.ORIGINALS}{r.get('sha256')}")
    if signer and data.get("certificate_fingerprint") not in ("", signer):
        raise CaseFileSignatureInvalid(detail=f"{fmt.CASE_DATA} names certificate "
                                              f"{str(data.get('certificate_fingerprint'))[:16]}…, "
                                              f"signed by {signer[:16]}…")
    return CheckedCaseFile(path=path, data=data, members=listed,
                           certificate=kept.get(fmt.CERTIFICATE), signer=signer)


def _parse_case_data(path: Path, raw: bytes) -> dict[str, Any]:
    from .pack import FORMAT_DATA
    try:
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != FORMAT_DATA:
            raise ValueError("format")
        rows = data["rows"]
        rows.setdefault("worklog", [])  # a package made before the work-order log came along
        for table in transfer.CASE_TABLES:
            if not isinstance(rows.get(table), list) or not all(
                    isinstance(r, dict) for r in rows[table]):
                raise ValueError(table)
        if len(rows["cases"]) != 1:
            raise ValueError("cases")
        for table in transfer.CASE_TABLES:  # plain column values only (SQLite's types)
            for r in rows[table]:
                for k, v in r.items():
                    if not isinstance(k, str) or not (v is None or isinstance(v, (str, int, float))):
                        raise ValueError(f"{table}.{k}")
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise _unreadable(path, f"{fmt.CASE_DATA}: {e}") from e
    if int(data.get("version", 0)) > fmt.VERSION:
        raise CaseFileTooNew(detail=f"{FORMAT_DATA} {data.get('version')}")
    return data


def unpack_case(lib: "Library", path: Path | str, *, allow_unsigned: bool = False,
                progress: ProgressFn = no_progress,
                cancel: CancelLike | None = None) -> UnpackResult:
    """Check ``path`` completely (its signature too; an unsigned file only with
    ``allow_unsigned``), then add its case under a new number; returns what was done."""
    from ..export.sealkey import add_library_certificate

    checked = check_case_file(path, free_for=Path(lib.root), allow_unsigned=allow_unsigned,
                              progress=lambda x, zh, en: progress(0.6 * x, zh, en), cancel=cancel)
    unknown = transfer.unknown_columns(lib, checked.rows)
    if unknown:
        raise CaseFileTooNew(detail=", ".join(unknown[:5]))
    blobs = {n.rsplit("/", 1)[1]: n for n in checked.members
             if n.startswith((fmt.ORIGINALS, fmt.SUBMITTED))}
    new = [s for s in blobs if not lib.blobs.exists(s)]
    transfer.mark_pending(lib, new)
    added: list[str] = []
    undo_cert: Callable[[], None] | None = None
    fingerprint = ""
    try:
        with zipfile.ZipFile(checked.path) as zf:
            for i, sha in enumerate(new, start=1):
                check_cancel(cancel)
                try:
                    with zf.open(blobs[sha]) as src:
                        tmp, got, _size = lib.blobs.stage_stream(src)
                except _READ_ERRORS as e:
                    if isinstance(e, OSError) and getattr(e, "filename", None):
                        raise  # the library's disk, not the case file
                    raise CaseFileMemberAltered(member=blobs[sha]) from e
                if got != sha:  # the file changed after it was checked
                    tmp.unlink(missing_ok=True)
                    raise CaseFileMemberAltered(member=blobs[sha])
                lib.blobs.commit(tmp, sha)
                added.append(sha)
                progress(0.6 + 0.35 * i / max(1, len(new)), f"写入原件 {i}/{len(new)}",
                         f"Writing originals {i}/{len(new)}")
        if checked.certificate:
            try:
                fingerprint, undo_cert = add_library_certificate(lib, checked.certificate)
            except ValueError as e:
                raise _unreadable(checked.path, f"{fmt.CERTIFICATE}: {e}") from e
        check_cancel(cancel)
        old_no = checked.case_no or str(checked.rows["cases"][0].get("case_no", ""))
        earlier = transfer.imports_of(lib, old_no)
        detail = (f"{old_no} ← {checked.data.get('library', '')} ({shown_name(checked.path.name)}, "
                  f"packed {checked.data.get('packed_at', '')})")
        with lib._tx():
            case_id = transfer.insert_case(lib, checked.rows, detail=detail)
            transfer.clear_pending(lib, new)
            try:  # what arrived reads as a case here, or none of it stays
                lib.get_case(case_id)
                lib.list_exhibits(case_id)
                lib.submissions(case_id)
            except (ValueError, TypeError, KeyError, AttributeError) as e:
                raise _unreadable(checked.path, f"{fmt.CASE_DATA}: {e}") from e
    except BaseException:
        transfer.undo_blobs(lib, new)
        if undo_cert is not None:
            undo_cert()
        raise
    case = lib.get_case(case_id)
    progress(1.0, "完成", "Done")
    return UnpackResult(case_no=case.case_no, imported_from=old_no, case_id=case_id,
                        originals=len({r["sha256"] for r in checked.rows["exhibits"]}),
                        submitted=len(checked.rows["submissions"]), blobs_added=len(added),
                        certificate=fingerprint, signed_by=checked.signer, earlier_imports=earlier)
