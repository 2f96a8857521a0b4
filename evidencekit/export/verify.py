"""Check a bundle: its seal (every byte, and who signed it), its manifest against the hash
on its cover, and each original against the library, a folder, or the originals embedded in
a records copy."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from ..errors import (
    BundleUnopenable,
    BundleUnreadable,
    ManifestMalformed,
    NoManifest,
    OriginalsFolderMissing,
    VerifyError,
)
from ..malformed import PDF_MALFORMED
from . import embedded
from .manifest import FORMAT, NAME
from .seal import SealCheck, check_seal
from .sealkey import library_imported_certificates, library_key


@dataclass
class VerifyItem:
    label: str
    source_name: str
    sha256: str
    status: str  # ok | differs | missing
    found: str = ""  # where the compared copy came from
    found_sha256: str = ""


@dataclass
class VerifyReport:
    bundle: Path
    bundle_id: str
    manifest_sha256: str
    manifest_ok: bool  # the embedded manifest matches the hash recorded in the file
    checked_against: str  # "embedded" | "folder" | "library" | "none"
    items: list[VerifyItem] = field(default_factory=list)
    seal: SealCheck = field(default_factory=lambda: SealCheck(present=False))
    # With a library: was it sealed with this library's key (None: no library to ask).
    signed_by_this_library: bool | None = None
    # Signed by another library whose certificate came here with a handed-over case.
    signed_by_imported: bool = False
    cover_ok: bool | None = None  # the manifest hash printed on the cover is this manifest's

    @property
    def seal_ok(self) -> bool:
        """A broken seal always fails. A missing one fails when a library asks (every export
        from a library is sealed), and is only reported for a bare check of originals."""
        if self.seal.present:
            return self.seal.ok and (self.signed_by_this_library is not False
                                     or self.signed_by_imported)
        return self.signed_by_this_library is None

    @property
    def ok(self) -> bool:
        return (self.manifest_ok and self.seal_ok and self.cover_ok is not False
                and bool(self.items) and all(i.status == "ok" for i in self.items))

    @property
    def failures(self) -> list[VerifyItem]:
        return [i for i in self.items if i.status != "ok"]

    def lines(self, lang: str = "zh") -> list[str]:
        zh = lang.startswith("zh")
        text = {"ok": ("一致", "ok"), "differs": ("不一致", "DIFFERS"),
                "missing": ("缺失", "MISSING")}
        out = [f"{self.bundle.name}  {self.bundle_id}  manifest {self.manifest_sha256[:16]}…"]
        out.append(self._seal_line(zh))
        if self.cover_ok is False:
            out.append("封面上的清单哈希与清单不符" if zh
                       else "The manifest hash on the cover does not match the manifest")
        if not self.manifest_ok:
            out.append("清单哈希与记录不符" if zh else "Manifest hash does not match the record")
        for i in self.items:
            word = text[i.status][0 if zh else 1]
            out.append(f"{i.label:>4}  {word:<8} {i.source_name}" + (f"  ← {i.found}" if i.found
                                                                    else ""))
        return out


    def _seal_line(self, zh: bool) -> str:
        s = self.seal
        if not s.present:
            return ("签章：无（文件未签章，或签章被去掉）" if zh
                    else "Seal: none (the file is not sealed, or its seal was removed)")
        if s.problem or not s.intact:
            return ("签章：已损坏——文件签章后被改动" if zh
                    else "Seal: BROKEN — the file was changed after sealing") + \
                (f" ({s.problem})" if s.problem else "")
        if not s.whole_file:
            return ("签章：未覆盖整个文件（签章后又追加了内容）" if zh
                    else "Seal: does not cover the whole file (content was added after sealing)")
        who = {True: ("本资料库", "this library"), False: ("其他资料库", "ANOTHER library"),
               None: ("", "")}[self.signed_by_this_library][0 if zh else 1]
        if self.signed_by_imported:  # its certificate came with an imported case
            who = "转交案件的原资料库" if zh else "the library a handed-over case came from,"

        fp = s.signer_fingerprint[:16]
        ts = ("，含时间戳" if zh else ", timestamped") if s.timestamped else ""
        return (f"签章：完好，覆盖全部内容；签章者 {who} {s.signer_subject}（证书 {fp}…）{ts}" if zh
                else f"Seal: intact, covers every byte; signed by {who} {s.signer_subject} "
                     f"(certificate {fp}…){ts}").replace("  ", " ")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_sha(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verify_bundle(bundle: Path, originals: Path | None = None,
                  library: Any = None) -> VerifyReport:
    """Check the seal, the manifest and every exhibit in it; name each that differs.

    Originals come from ``originals`` (a folder) when given, else from the bundle itself
    (a records copy embeds them), else from ``library`` (its stored copies). With a
    library the signer must be that library's key.

    Embedded originals are hashed as they are read (see ``embedded``): memory stays
    flat however large the bundle is.
    """
    bundle = Path(bundle)
    try:
        f = open(bundle, "rb")
    except OSError as e:
        raise BundleUnopenable(name=bundle.name, reason=e) from e
    with f:
        report = _verify(bundle, f, originals, library)
    report.seal = check_seal(bundle)
    if library is not None:
        key = library_key(library)
        report.signed_by_this_library = (key is not None and report.seal.present
                                         and report.seal.signer_fingerprint == key.fingerprint)
        report.signed_by_imported = (report.seal.present and not report.signed_by_this_library
                                     and report.seal.signer_fingerprint
                                     in library_imported_certificates(library))
    return report


def _cover_hash_ok(reader: PdfReader, digest: str) -> bool:
    """The cover (page 1) prints the manifest's SHA-256; it must be this manifest's."""
    try:
        text = reader.pages[0].extract_text() or ""
    except Exception:  # noqa: BLE001 - an unreadable cover cannot show the hash
        return False
    return digest in "".join(text.split())


def read_manifest(bundle: Path) -> tuple[dict, bool]:
    """The bundle's embedded manifest and whether it matches the hash recorded in the file."""
    bundle = Path(bundle)
    try:
        f = open(bundle, "rb")
    except OSError as e:
        raise BundleUnopenable(name=bundle.name, reason=e.strerror or e) from e
    with f:
        try:
            reader = PdfReader(f, strict=False)
            refs = embedded.file_refs(reader)
            meta: Any = reader.metadata or {}
        except PDF_MALFORMED as e:
            raise _unreadable(bundle, e) from e
        if NAME not in refs:
            raise NoManifest(name=bundle.name)
        try:
            raw = embedded.read_bytes(reader, f, refs[NAME])
            manifest = json.loads(raw.decode("utf-8"))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise ValueError("format")
        except PDF_MALFORMED as e:  # includes ValueError (bad JSON, bad UTF-8, wrong format)
            raise ManifestMalformed() from e
    return manifest, str(meta.get("/EKManifestSHA256", "") or "") == _sha(raw)


def _unreadable(bundle: Path, e: Exception) -> VerifyError:
    return BundleUnreadable(name=bundle.name, reason=e)


def _verify(bundle: Path, f, originals: Path | None, library: Any) -> VerifyReport:
    try:
        reader = PdfReader(f, strict=False)  # a file object: pypdf reads what it needs
        refs = embedded.file_refs(reader)
        meta: Mapping[str, Any] = reader.metadata or {}
    except PDF_MALFORMED as e:
        raise _unreadable(bundle, e) from e
    if NAME not in refs:
        raise NoManifest(name=bundle.name)
    try:
        raw = embedded.read_bytes(reader, f, refs[NAME])
    except PDF_MALFORMED as e:
        raise _unreadable(bundle, e) from e
    try:
        manifest = json.loads(raw.decode("utf-8"))
        if manifest.get("format") != FORMAT:
            raise ValueError("format")
    except (ValueError, UnicodeDecodeError) as e:
        raise ManifestMalformed() from e
    digest = _sha(raw)
    recorded = str(meta.get("/EKManifestSHA256", "") or "")
    report = VerifyReport(bundle=bundle, bundle_id=str(manifest.get("bundle_id", "")),
                          manifest_sha256=digest, manifest_ok=(recorded == digest),
                          checked_against="none", cover_ok=_cover_hash_ok(reader, digest))
    by_name: dict[str, list[Path]] = {}
    by_hash: dict[str, Path] = {}
    if originals is not None:
        folder = Path(originals)
        if not folder.is_dir():
            raise OriginalsFolderMissing(folder=folder)
        report.checked_against = "folder"
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                by_name.setdefault(p.name, []).append(p)
                by_hash.setdefault(_file_sha(p), p)
    elif manifest.get("originals_embedded"):
        report.checked_against = "embedded"
    elif library is not None:
        report.checked_against = "library"
    images = embedded.original_images(reader) if report.checked_against == "embedded" else {}
    for ex in manifest.get("exhibits", []):
        item = VerifyItem(ex["label"], ex["source_name"], ex["sha256"], "missing")
        if report.checked_against == "embedded":
            # a JPEG original is its page image, whole; other originals are attachments
            ref = images.get(ex["label"]) if ex.get("page_image") else \
                refs.get(ex.get("attachment") or "")
            if ref is not None:
                h = hashlib.sha256()
                try:
                    embedded.read_stream(reader, f, ref, h.update)
                    item.found, item.found_sha256 = "embedded", h.hexdigest()
                    item.status = "ok" if item.found_sha256 == ex["sha256"] else "differs"
                except Exception:  # noqa: BLE001 - a damaged attachment differs, it is named
                    item.found, item.status = "embedded (unreadable)", "differs"
        elif report.checked_against == "library":
            stored = Path(library.blobs.path(ex["sha256"]))
            if stored.is_file():  # hashed again: a stored copy altered on disk differs
                item.found, item.found_sha256 = "library", _file_sha(stored)
                item.status = "ok" if item.found_sha256 == ex["sha256"] else "differs"
        elif report.checked_against == "folder":
            named = by_name.get(ex["source_name"], [])
            hashed = by_hash.get(ex["sha256"])
            if hashed is not None:  # by name first, but any copy with the right hash proves it
                match = next((p for p in named if p == hashed), hashed)
                item.status, item.found, item.found_sha256 = "ok", str(match), ex["sha256"]
            elif named:
                item.status, item.found = "differs", str(named[0])
                item.found_sha256 = _file_sha(named[0])
        report.items.append(item)
    return report
