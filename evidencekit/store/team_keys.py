"""The sealing key of a team library, kept in its database (``library_keys``), not on a desktop.

A local library keeps its key as files in its folder (``keys/seal-key.pem`` 0600, its
certificate beside it, other libraries' certificates under ``keys/imported/``); a team library
keeps the same in rows that only the team's roles may read — the private key only the staff
role (see ``team_roles``). ``export/sealkey.py`` decides which, from the library's engine.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, select

from ..timeutil import to_iso
from .team_schema import library_keys

# The files of a local library's key (decided here, read by export/sealkey.py too).
KEY_DIR = "keys"
KEY_NAME = "seal-key.pem"
CERT_NAME = "seal-cert.pem"
IMPORTED_DIR = "imported"


def fingerprint_of(cert_pem: bytes) -> str:
    """SHA-256 of the certificate's DER bytes (the identity ``verify`` matches)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    cert = x509.load_pem_x509_certificate(cert_pem)
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def own_key(engine: Engine) -> tuple[bytes | None, bytes] | None:
    """(private key PEM, certificate PEM) of the library, or None when it has none yet. The
    private key is None for a role that may not read it (a reviewer verifies, never seals)."""
    with engine.connect() as conn:
        cert = conn.execute(select(library_keys.c.cert_pem).where(
            library_keys.c.role == "own")).scalar()
        if cert is None:
            return None
        try:
            with conn.begin_nested():
                key = conn.execute(select(library_keys.c.key_pem).where(
                    library_keys.c.role == "own")).scalar()
        except Exception:  # noqa: BLE001 - permission denied on the column: not this role's
            key = None
    return (bytes(key) if key is not None else None), bytes(cert)


def put_own_key(engine: Engine, key_pem: bytes, cert_pem: bytes, now: datetime) -> bool:
    """Keep the library's key; False when another desktop made one first (that one stays)."""
    from sqlalchemy.exc import DBAPIError
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("LOCK TABLE library_keys IN SHARE ROW EXCLUSIVE MODE")
            if conn.execute(select(library_keys.c.id).where(library_keys.c.role == "own")).first():
                return False
            conn.execute(library_keys.insert().values(
                role="own", fingerprint=fingerprint_of(cert_pem), key_pem=key_pem,
                cert_pem=cert_pem, created_at=to_iso(now)))
    except DBAPIError:  # a role that may not write keys (a reviewer)
        return False
    return True


def imported_certificates(engine: Engine) -> dict[str, bytes]:
    """Fingerprint → PEM of the certificates that came with handed-over cases."""
    with engine.connect() as conn:
        return {fp: bytes(pem) for fp, pem in conn.execute(select(
            library_keys.c.fingerprint, library_keys.c.cert_pem).where(
            library_keys.c.role == "imported"))}


def add_imported_certificate(engine: Engine, cert_pem: bytes, now: datetime) -> tuple[str, bool]:
    """(fingerprint, whether it was new)."""
    from sqlalchemy.dialects.postgresql import insert as pg_insert
    fp = fingerprint_of(cert_pem)
    with engine.begin() as conn:
        done = conn.execute(pg_insert(library_keys).values(
            role="imported", fingerprint=fp, key_pem=None, cert_pem=cert_pem,
            created_at=to_iso(now)).on_conflict_do_nothing())
    return fp, bool(done.rowcount)


def remove_imported_certificate(engine: Engine, fingerprint: str) -> None:
    with engine.begin() as conn:
        conn.execute(delete(library_keys).where(library_keys.c.role == "imported",
                                                library_keys.c.fingerprint == fingerprint))


def local_key_rows(root: Path, now: datetime) -> list[dict[str, Any]]:
    """A local library's key files as ``library_keys`` rows (for ``library migrate``)."""
    folder = Path(root) / KEY_DIR
    rows = []
    key, cert = folder / KEY_NAME, folder / CERT_NAME
    if key.is_file() and cert.is_file():
        pem = cert.read_bytes()
        rows.append({"role": "own", "fingerprint": fingerprint_of(pem), "key_pem": key.read_bytes(),
                     "cert_pem": pem, "created_at": to_iso(now)})
    imported = folder / IMPORTED_DIR
    if imported.is_dir():
        for f in sorted(imported.glob("*.pem")):
            pem = f.read_bytes()
            rows.append({"role": "imported", "fingerprint": fingerprint_of(pem), "key_pem": None,
                         "cert_pem": pem, "created_at": to_iso(now)})
    return rows


__all__ = ["KEY_DIR", "KEY_NAME", "CERT_NAME", "IMPORTED_DIR", "own_key", "put_own_key",
           "imported_certificates", "add_imported_certificate", "remove_imported_certificate", "local_key_rows"]
