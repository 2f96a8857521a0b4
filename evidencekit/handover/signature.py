"""The ``.evcase`` signature: the library's sealing key (``export/sealkey.py``, the one that
seals its bundles) signs the seal line; unpack checks it against the certificate the file
carries. RSA PKCS#1 v1.5 over SHA-256 is deterministic: the same case packed twice with the same
``--now`` is the same file."""

from __future__ import annotations

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from ..errors import CaseFileSignatureInvalid
from ..export.sealkey import SealKey, cert_fingerprint


def _private_key(key: SealKey) -> rsa.RSAPrivateKey:
    pem = key.key_pem
    if pem is None:
        raise TypeError("this library's sealing key cannot be read here")
    k = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(k, rsa.RSAPrivateKey):
        raise TypeError("the library's sealing key is not RSA")
    return k


def signature_bytes(key: SealKey) -> int:
    """How long the key's signatures are (the seal line keeps a place of that size)."""
    return _private_key(key).key_size // 8


def sign(key: SealKey, text: bytes) -> bytes:
    return _private_key(key).sign(text, padding.PKCS1v15(), hashes.SHA256())


def verify(certificate_pem: bytes | None, text: bytes, signature: bytes) -> str:
    """The signer's certificate fingerprint when ``signature`` is its signature of ``text``;
    else :class:`CaseFileSignatureInvalid` saying what failed."""
    if not certificate_pem:
        raise CaseFileSignatureInvalid(detail="keys/seal-cert.pem 缺失 / missing")
    try:
        cert = x509.load_pem_x509_certificate(certificate_pem)
        public = cert.public_key()
    except ValueError as e:
        raise CaseFileSignatureInvalid(detail=f"keys/seal-cert.pem: {e}") from e
    if not isinstance(public, rsa.RSAPublicKey):
        raise CaseFileSignatureInvalid(detail="keys/seal-cert.pem: not an RSA key")
    fingerprint = cert_fingerprint(cert)
    try:
        public.verify(signature, text, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature as e:
        raise CaseFileSignatureInvalid(
            detail=f"seal line vs certificate {fingerprint[:16]}…") from e
    return fingerprint
