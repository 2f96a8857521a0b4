"""Tables only a team library (PostgreSQL) has: its originals and its signing key.

Kept apart from ``schema.metadata`` because a local library keeps these as files (``blobs/``,
``keys/``); revision 0011 creates them on PostgreSQL only.

Originals are rows of ``blob_chunks`` (up to 1 MB of bytes each, in order) under one
``team_blobs`` row per SHA-256, written last: a blob whose ``team_blobs`` row exists is whole.
Plain ``bytea`` rows rather than large objects because rows are granted to roles like any
table, deleted with a DELETE (large objects leak unless ``lo_unlink``-ed), deduplicated by the
primary key, and dumped by ``pg_dump`` with everything else (see docs/team-blobs.md).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
)

team_metadata = MetaData()

team_blobs = Table(
    "team_blobs", team_metadata,
    Column("sha256", Text, primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("chunks", Integer, nullable=False),
    Column("created_at", Text, nullable=False),
)

blob_chunks = Table(
    "blob_chunks", team_metadata,
    Column("sha256", Text, primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

# The library's sealing key (role "own": one row, with its private key) and the certificates
# of other libraries whose bundles came with handed-over cases (role "imported": no key). The
# private key column is granted to the staff role only; certificates to every team role
# (reviewers verify bundles).
library_keys = Table(
    "library_keys", team_metadata,
    Column("id", Integer, primary_key=True),
    Column("role", Text, nullable=False),
    Column("fingerprint", Text, nullable=False, unique=True),
    Column("key_pem", LargeBinary),
    Column("cert_pem", LargeBinary, nullable=False),
    Column("created_at", Text, nullable=False),
)

__all__ = ["team_metadata", "team_blobs", "blob_chunks", "library_keys"]
