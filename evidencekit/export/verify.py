"""Check a bundle against its manifest: embedded originals (archive) or a folder of originals."""

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
    checked_against: str  # "embedded" | "folder" | "none"
    items: list[VerifyItem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.manifest_ok and bool(self.items) and all(i.status == "ok" for i in self.items)

    @property
    def failures(self) -> list[VerifyItem]:
        return [i for i in self.items if i.status != "ok"]

    def lines(self, lang: str = "zh") -> list[str]:
        zh = lang.startswith("zh")
        text = {"ok": ("一致", "ok"), "differs": ("不一致", "DIFFERS"),
                "missing": ("缺失", "MISSING")}
        out = [f"{self.bundle.name}  {self.bundle_id}  manifest {self.manifest_sha256[:16]}…"]
        if not self.manifest_ok:
            out.append("清单哈希与记录不符" if zh else "Manifest hash does not match the record")
        for i in self.items:
            word = text[i.status][0 if zh else 1]
            out.append(f"{i.label:>4}  {word:<8} {i.source_name}" + (f"  ← {i.found}" if i.found
                                                                    else ""))
        return out


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_sha(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verify_bundle(bundle: Path, originals: Path | None = None) -> VerifyReport:
    """Compare every exhibit in the manifest with an original copy; name each that differs.

    Embedded originals are hashed as they are read (see ``embedded``): memory stays
    flat however large the bundle is.
    """
    bundle = Path(bundle)
    try:
        f = open(bundle, "rb")
    except OSError as e:
        raise BundleUnopenable(name=bundle.name, reason=e) from e
    with f:
        return _verify(bundle, f, originals)


def _unreadable(bundle: Path, e: Exception) -> VerifyError:
    return BundleUnreadable(name=bundle.name, reason=e)


def _verify(bundle: Path, f, originals: Path | None) -> VerifyReport:
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
                          checked_against="none")
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
    for ex in manifest.get("exhibits", []):
        item = VerifyItem(ex["label"], ex["source_name"], ex["sha256"], "missing")
        if report.checked_against == "embedded":
            ref = refs.get(ex.get("attachment") or "")
            if ref is not None:
                h = hashlib.sha256()
                try:
                    embedded.read_stream(reader, f, ref, h.update)
                    item.found, item.found_sha256 = "embedded", h.hexdigest()
                    item.status = "ok" if item.found_sha256 == ex["sha256"] else "differs"
                except Exception:  # noqa: BLE001 - a damaged attachment differs, it is named
                    item.found, item.status = "embedded (unreadable)", "differs"
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
