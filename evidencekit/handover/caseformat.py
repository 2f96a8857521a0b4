"""The ``.evcase`` file: names, limits, and the line that seals the whole file.

A zip whose members are named by what they are (never by a user's path):

- ``evcase.json`` — the manifest: every other member with its SHA-256 and size;
- ``case.json`` — the case's rows (case, exhibits, log, exports, submissions, decisions);
- ``originals/<sha256>`` — each exhibit's original; ``submitted/<sha256>`` — each submitted
  bundle file; ``keys/seal-cert.pem`` — the packing library's signing certificate.

The zip comment is ``EKCASE2 file=<sha256> manifest=<sha256> sig=<base64>``: the hash of every
byte of the file before the comment (headers and directory included), the manifest's own hash,
and the packing library's signature (its sealing key, RSA PKCS#1 v1.5 over SHA-256) of the text
before `` sig=``. One changed byte anywhere is found; the per-member hashes then say which member
it is in; and a file whose hashes were written again after a change (re-sealed) no longer
matches its signature, which is checked against the certificate the file carries
(``keys/seal-cert.pem``, itself covered by the file hash). ``EKCASE1`` (no signature) is what
earlier versions wrote.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass

FORMAT = "evidencekit-case"
VERSION = 1
MANIFEST = "evcase.json"
CASE_DATA = "case.json"
CERTIFICATE = "keys/seal-cert.pem"
ORIGINALS = "originals/"
SUBMITTED = "submitted/"

MEMBER_NAME = re.compile(r"^(evcase\.json|case\.json|keys/seal-cert\.pem|"
                         r"(originals|submitted)/[0-9a-f]{64})$")

# Refused from what the zip declares, before anything is read.
MAX_MEMBERS = 20_000
MAX_JSON = 64 * 1024 ** 2  # case.json, evcase.json, the certificate
MAX_MEMBER = 8 * 1024 ** 3  # one original or bundle file
MAX_TOTAL = 64 * 1024 ** 3
MAX_RATIO = 100  # inflated ÷ compressed, for members over RATIO_FROM bytes
RATIO_FROM = 1024 ** 2

_SEAL = re.compile(rb"^(EKCASE[12] file=([0-9a-f]{64}) manifest=([0-9a-f]{64}))"
                   rb"(?: sig=([A-Za-z0-9+/]+={0,2}))?$")
CHUNK = 1 << 20


@dataclass(frozen=True)
class Seal:
    file_sha: str
    manifest_sha: str
    signed: bytes  # the text the signature is of
    signature: bytes | None  # None: an unsigned (EKCASE1) file


def seal_len(signature_bytes: int) -> int:
    """The comment's length for a signature of that many bytes (0: unsigned)."""
    sig = len(b" sig=") + 4 * ((signature_bytes + 2) // 3) if signature_bytes else 0
    return len(b"EKCASE2 file=") + 64 + len(b" manifest=") + 64 + sig


def signed_text(file_sha: str, manifest_sha: str, signed: bool = True) -> bytes:
    return f"EKCASE{2 if signed else 1} file={file_sha} manifest={manifest_sha}".encode("ascii")


def seal_line(file_sha: str, manifest_sha: str, signature: bytes | None) -> bytes:
    head = signed_text(file_sha, manifest_sha, signature is not None)
    return head + (b" sig=" + base64.b64encode(signature) if signature is not None else b"")


def read_seal(comment: bytes) -> Seal | None:
    """The seal in the zip comment, or None when it is not one (a v2 seal must be signed)."""
    m = _SEAL.match(comment)
    if m is None or (comment.startswith(b"EKCASE2") != (m.group(4) is not None)):
        return None
    sig = base64.b64decode(m.group(4)) if m.group(4) else None
    return Seal(m.group(2).decode(), m.group(3).decode(), m.group(1), sig)


def hash_prefix(f, length: int, progress=None) -> str:
    """SHA-256 of the first ``length`` bytes of an open binary file."""
    h = hashlib.sha256()
    f.seek(0)
    left = length
    while left > 0:
        chunk = f.read(min(CHUNK, left))
        if not chunk:
            break
        h.update(chunk)
        left -= len(chunk)
        if progress:
            progress(length - left)
    return h.hexdigest()
