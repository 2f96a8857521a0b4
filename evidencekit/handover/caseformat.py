"""The ``.evcase`` file: names, limits, and the line that seals the whole file.

A zip whose members are named by what they are (never by a user's path):

- ``evcase.json`` — the manifest: every other member with its SHA-256 and size;
- ``case.json`` — the case's rows (case, exhibits, log, exports, submissions, decisions);
- ``originals/<sha256>`` — each exhibit's original; ``submitted/<sha256>`` — each submitted
  bundle file; ``keys/seal-cert.pem`` — the packing library's signing certificate.

The zip comment is ``EKCASE1 file=<sha256> manifest=<sha256>``: the hash of every byte of the
file before the comment (headers and directory included), and the manifest's own hash. One
changed byte anywhere is found; the per-member hashes then say which member it is in.
"""

from __future__ import annotations

import hashlib
import re

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

_SEAL = re.compile(rb"^EKCASE1 file=([0-9a-f]{64}) manifest=([0-9a-f]{64})$")
SEAL_LEN = len(b"EKCASE1 file=") + 64 + len(b" manifest=") + 64
CHUNK = 1 << 20


def seal_line(file_sha: str, manifest_sha: str) -> bytes:
    return f"EKCASE1 file={file_sha} manifest={manifest_sha}".encode("ascii")


def read_seal(comment: bytes) -> tuple[str, str] | None:
    """(file hash, manifest hash) from the zip comment, or None when it is not one."""
    m = _SEAL.match(comment)
    return (m.group(1).decode(), m.group(2).decode()) if m else None


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
