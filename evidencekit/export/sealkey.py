"""The library's sealing key: a self-signed RSA-2048 certificate naming the library.

Made at ``init`` (and, for libraries made before sealing existed, on their first export).
The key file is readable by its owner only (0600). RSA PKCS#1 v1.5 signatures are
deterministic, which keeps two exports of the same case byte-identical (ECDSA would not).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from ..store.team_keys import CERT_NAME, IMPORTED_DIR, KEY_DIR, KEY_NAME


@dataclass(frozen=True)
class SealKey:
    """A library's key: files in a local library's folder (``key_path``/``cert_path``), or
    the bytes a team library keeps in its database (``stored_key``/``stored_cert``; the key
    is None for a role that may not read it)."""

    key_path: Path | None = None
    cert_path: Path | None = None
    stored_key: bytes | None = None
    stored_cert: bytes | None = None

    @property
    def cert_pem(self) -> bytes:
        if self.stored_cert is not None:
            return self.stored_cert
        assert self.cert_path is not None
        return self.cert_path.read_bytes()

    @property
    def key_pem(self) -> bytes | None:
        if self.key_path is None:
            return self.stored_key
        return self.key_path.read_bytes()

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the certificate (DER), the identity ``verify`` matches."""
        return cert_fingerprint(x509.load_pem_x509_certificate(self.cert_pem))


def cert_fingerprint(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def library_name(library) -> str:
    """The name the library's certificate carries: the store's, else the folder's."""
    return str(library.setting("store_name", "") or "") or Path(library.root).name


def seal_key_paths(root: Path) -> SealKey:
    return SealKey(Path(root) / KEY_DIR / KEY_NAME, Path(root) / KEY_DIR / CERT_NAME)


def load_seal_key(root: Path) -> SealKey | None:
    k = seal_key_paths(root)
    assert k.key_path is not None and k.cert_path is not None
    return k if k.key_path.is_file() and k.cert_path.is_file() else None


def ensure_seal_key(root: Path, name: str, now: datetime | None = None) -> SealKey:
    """The library's key, made now if it has none. ``name`` goes in the certificate's
    subject (the store's or the library's name)."""
    found = load_seal_key(root)
    if found is not None:
        return found
    k = seal_key_paths(root)
    assert k.key_path is not None and k.cert_path is not None
    k.key_path.parent.mkdir(mode=0o700, exist_ok=True)
    pem, cert_pem = _new_key(name, str(Path(root).resolve()), now)
    # Written under a temporary name with 0600 from the start, then renamed: the key is
    # never readable by others, and a crash leaves no half key.
    tmp = k.key_path.with_name(f".{KEY_NAME}.{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
    ctmp = k.cert_path.with_name(f".{CERT_NAME}.{os.getpid()}")
    ctmp.write_bytes(cert_pem)
    os.replace(ctmp, k.cert_path)
    os.replace(tmp, k.key_path)
    return k


def _new_key(name: str, serial_seed: str, now: datetime | None) -> tuple[bytes, bytes]:
    """(private key PEM, certificate PEM) of a new self-signed RSA-2048 key."""
    now = now or datetime.now(timezone.utc)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, (name or "EvidenceKit library")[:64]),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "EvidenceKit"),
        x509.NameAttribute(NameOID.SERIAL_NUMBER, hashlib.sha256(
            serial_seed.encode()).hexdigest()[:16]),
    ])
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=365 * 30))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False,
                                         decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    return pem, cert.public_bytes(serialization.Encoding.PEM)


# ---- certificates of other libraries (came with a handed-over case) -------------------------


def imported_certificates(root: Path) -> dict[str, Path]:
    """Fingerprint → file of each certificate that came with an imported case (``.evcase``):
    bundles that library sealed still verify here, named as its."""
    folder = Path(root) / KEY_DIR / IMPORTED_DIR
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.pem"))}


def certificate_fingerprint_pem(pem: bytes) -> str:
    """Fingerprint of a PEM certificate; ValueError when it is not one."""
    return cert_fingerprint(x509.load_pem_x509_certificate(pem))


def add_imported_certificate(root: Path, pem: bytes) -> tuple[str, Path | None]:
    """Keep another library's certificate; returns (fingerprint, the file written, or None
    when it was known already). Written under a temporary name, then renamed."""
    fp = certificate_fingerprint_pem(pem)
    own = load_seal_key(root)
    folder = Path(root) / KEY_DIR / IMPORTED_DIR
    final = folder / f"{fp}.pem"
    if (own is not None and own.fingerprint == fp) or final.is_file():
        return fp, None
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{fp}.{os.getpid()}"
    tmp.write_bytes(pem)
    os.replace(tmp, final)
    return fp, final


# ---- the library's key wherever it lives: its folder (local) or its database (team) ----------
def _team_engine(library: Any) -> Any:
    engine = library.db.engine
    return engine if engine.dialect.name == "postgresql" else None


def library_key(library: Any) -> SealKey | None:
    """The library's key, or None when it has none yet."""
    engine = _team_engine(library)
    if engine is None:
        return load_seal_key(Path(library.root))
    from ..store import team_keys
    found = team_keys.own_key(engine)
    return None if found is None else SealKey(stored_key=found[0], stored_cert=found[1])


def ensure_library_key(library: Any, now: datetime | None = None) -> SealKey:
    """The library's key, made now if it has none (a team library's in its database, so
    every desktop of the team seals with the same key)."""
    engine = _team_engine(library)
    if engine is None:
        return ensure_seal_key(Path(library.root), library_name(library), now)
    found = library_key(library)
    if found is not None:
        return found
    from ..store import team_keys
    key_pem, cert_pem = _new_key(library_name(library), str(engine.url.render_as_string()), now)
    team_keys.put_own_key(engine, key_pem, cert_pem, now or datetime.now(timezone.utc))
    found = library_key(library)  # the one kept: another desktop may have made it first
    if found is None:  # this role may not write it (a reviewer): nothing to seal with
        raise PermissionError("the team library has no sealing key yet")
    return found


def library_imported_certificates(library: Any) -> set[str]:
    """Fingerprints of other libraries' certificates this library knows."""
    engine = _team_engine(library)
    if engine is None:
        return set(imported_certificates(Path(library.root)))
    from ..store import team_keys
    return set(team_keys.imported_certificates(engine))


def add_library_certificate(library: Any, pem: bytes) -> tuple[str, Callable[[], None] | None]:
    """Keep another library's certificate: (fingerprint, how to take it back if what it came
    with is refused, or None when it was known already). ValueError when it is not one."""
    engine = _team_engine(library)
    if engine is None:
        fp, written = add_imported_certificate(Path(library.root), pem)
        return fp, (None if written is None else lambda: written.unlink(missing_ok=True))
    from ..store import team_keys
    fp = certificate_fingerprint_pem(pem)
    own = library_key(library)
    if own is not None and own.fingerprint == fp:
        return fp, None
    fp, new = team_keys.add_imported_certificate(engine, pem, datetime.now(timezone.utc))
    return fp, (lambda: team_keys.remove_imported_certificate(engine, fp)) if new else None
