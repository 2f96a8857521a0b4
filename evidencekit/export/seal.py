"""Seal a finished bundle: a PAdES signature (pyHanko) over every byte, and check one.

The seal is the export's last step. Two exports of the same case with the same ``now``
stay byte-identical: pyHanko takes three things from the clock or from chance, and each is
pinned here — the signing time (``PdfSigningSession.system_time``), the info dictionary's
``/ModDate`` and the second half of the trailer ``/ID`` (from a hash of the unsigned bytes).
With a timestamp server configured an RFC 3161 timestamp is added; its time is the
server's, so such bundles are not byte-identical across exports (that is what it proves).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.x509.oid import NameOID
from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.metadata.model import DocumentMetadata
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko.sign.timestamps.api import TimeStamper
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from .sealkey import SealKey, cert_fingerprint, ensure_library_key

FIELD = "EvidenceKitSeal"
TIMESTAMP_SETTING = "timestamp_url"


@dataclass(frozen=True)
class Sealer:
    """What signs: the library's key, and the timestamp server when one is set."""
    key: SealKey
    timestamper: TimeStamper | None = None

    @classmethod
    def for_key(cls, key: SealKey, timestamp_url: str | None = None) -> "Sealer":
        return cls(key, HTTPTimeStamper(timestamp_url) if timestamp_url else None)


class _PinnedMeta(DocumentMetadata):
    """pyHanko sets ``last_modified = 'now'`` right before writing /ModDate; keep ours."""
    def __setattr__(self, name: str, value: Any) -> None:
        if name == "last_modified" and value == "now" and "_pinned" in self.__dict__:
            value = self.__dict__["_pinned"]
        super().__setattr__(name, value)


class _PinnedSigner(signers.PdfSigner):
    """A PdfSigner whose session signs at ``now`` instead of the wall clock."""
    def __init__(self, *args: Any, now: datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._now = now

    def init_signing_session(self, pdf_out, existing_fields_only=False):
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self._now
        return session


def seal_file(path: Path, sealer: Sealer, now: datetime, *, reason: str = "") -> str:
    """Sign ``path`` in place (through a sibling temporary file); returns the sealed
    file's SHA-256."""
    path = Path(path)
    unsigned = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            unsigned.update(chunk)
    cert = next(iter(load_certs_from_pemder_data(sealer.key.cert_pem)))
    key_pem = sealer.key.key_pem
    assert key_pem is not None  # library_sealer gives no sealer without a key
    signer = signers.SimpleSigner(
        signing_cert=cert, signing_key=load_private_key_from_pemder_data(key_pem, passphrase=None),
        cert_registry=SimpleCertificateStore.from_certs([cert]))
    meta = signers.PdfSignatureMetadata(field_name=FIELD, md_algorithm="sha256",
                                        subfilter=fields.SigSeedSubFilter.PADES,
                                        reason=reason or None, location=None)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.seal")
    try:
        with open(path, "rb") as inf:
            w = IncrementalPdfFileWriter(inf, strict=False)
            pinned = _PinnedMeta(**vars(w._meta))
            pinned.__dict__["_pinned"] = now
            w._meta = pinned
            # The /ID's second half says "this revision": from the unsigned bytes, not chance.
            w._document_id = generic.ArrayObject(
                [w._document_id[0], generic.ByteStringObject(unsigned.digest()[:16])])
            pdf_signer = _PinnedSigner(meta, signer, timestamper=sealer.timestamper, now=now)
            # Readable too: pyHanko then writes the signed file straight here; to a write-only
            # file it renders the whole bundle into memory first (+1× the bundle's size).
            with open(tmp, "w+b") as out:
                pdf_signer.sign_pdf(w, output=out)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass
class SealCheck:
    """What ``verify`` says about a bundle's seal."""
    present: bool
    intact: bool = False
    whole_file: bool = False  # the signature covers every byte of the file
    signer_subject: str = ""
    signer_fingerprint: str = ""
    signed_at: str = ""
    timestamped: bool = False
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.present and self.intact and self.whole_file


def _subject(cert: x509.Certificate) -> str:
    parts = [a.value for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME)
             for a in cert.subject.get_attributes_for_oid(oid)]
    return " / ".join(str(p) for p in parts) or cert.subject.rfc4514_string()


def check_seal(path: Path) -> SealCheck:
    """Check the seal of ``path``: is every byte covered and unchanged, and who signed it.

    Trust is not asked of a certificate authority: the signer is identified by its
    certificate, which ``verify`` matches against the library's own.
    """
    try:
        with open(path, "rb") as f:
            r = PdfFileReader(f, strict=False)
            sigs = [s for s in r.embedded_signatures if s.field_name == FIELD] \
                or list(r.embedded_signatures)
            if not sigs:
                return SealCheck(present=False)
            sig = sigs[-1]
            cert = sig.signer_cert  # asn1crypto's
            # The signer's own certificate as the trust root: who signed is decided by its
            # fingerprint (matched against the library's), and pyHanko does not log a
            # "self-signed" traceback for every check.
            vc = ValidationContext(trust_roots=[cert])
            status = validate_pdf_signature(sig, signer_validation_context=vc, skip_diff=True)
            crypto_cert = x509.load_der_x509_certificate(cert.dump())
            return SealCheck(
                present=True, intact=bool(status.intact and status.valid),
                whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
                signer_subject=_subject(crypto_cert),
                signer_fingerprint=cert_fingerprint(crypto_cert),
                signed_at=status.signer_reported_dt.isoformat()
                if status.signer_reported_dt else "",
                timestamped=status.timestamp_validity is not None)
    except (SigningError, ValueError, KeyError, TypeError, OSError, IndexError) as e:
        return SealCheck(present=True, problem=str(e) or type(e).__name__)
    except Exception as e:  # noqa: BLE001 - a damaged signature is a failed check, named
        return SealCheck(present=True, problem=str(e) or type(e).__name__)


def library_sealer(library: Any, timestamper: TimeStamper | None = None) -> Sealer | None:
    """The library's sealer, making its key on first use (libraries made before sealing).
    A read-only library without a key cannot make one: its exports go out unsealed."""
    try:
        key = ensure_library_key(library)
    except OSError:
        return None
    if key.key_pem is None:  # a team role that may not read the key (a reviewer) seals nothing
        return None
    if timestamper is not None:
        return Sealer(key, timestamper)
    return Sealer.for_key(key, library.setting(TIMESTAMP_SETTING, "") or None)
