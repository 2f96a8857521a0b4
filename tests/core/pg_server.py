"""A throw-away PostgreSQL database for the team-library tests.

The server comes from ``EVIDENCEKIT_TEST_PG`` (a libpq URL with rights to create databases),
else the development server on 127.0.0.1:55432. Each caller gets a database of its own,
dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from typing import Iterator

import pytest

DEV_SERVER = "postgresql://postgres@127.0.0.1:55432/postgres"


def server_url() -> str:
    return os.environ.get("EVIDENCEKIT_TEST_PG") or DEV_SERVER


def _admin():
    psycopg = pytest.importorskip("psycopg")
    try:
        return psycopg.connect(server_url(), autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as e:
        if os.environ.get("EVIDENCEKIT_TEST_PG"):
            raise  # a server was promised: not reaching it is a failure, not a skip
        pytest.skip(f"no PostgreSQL server for the team-library tests: {e}")


def url_for(database: str) -> str:
    from sqlalchemy.engine import make_url
    return make_url(server_url()).set(database=database).render_as_string(hide_password=False)


@contextmanager
def fresh_database(prefix: str = "ektest") -> Iterator[str]:
    """A new empty database on the server; yields its libpq URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with _admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url_for(name)
    finally:
        with _admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def sqlalchemy_url(libpq_url: str) -> str:
    return libpq_url.replace("postgresql://", "postgresql+psycopg://", 1)
