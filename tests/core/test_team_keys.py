"""The sealing key of a team library lives in its database, not on a desktop; staff seal with
it, a reviewer reads only the certificates (the database refuses the key column)."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from evidencekit.cli.main import main
from evidencekit.export.seal import library_sealer
from evidencekit.export.sealkey import library_key
from evidencekit.store import Library

from .test_team_library import _as_user, _sql


def test_key_in_the_database_staff_seal_reviewers_never_read_it(pg_server, tmp_path):
    url = pg_server.empty_database()
    db = make_url(url).database
    assert main(["--library", str(tmp_path / "owner"), "init", "--db", url]) == 0
    assert not (tmp_path / "owner" / "keys").exists()  # nothing on this desktop
    with Library.open(tmp_path / "owner") as lib:
        own = library_key(lib)
        assert own is not None and own.key_pem and b"CERTIFICATE" in own.cert_pem
    reviewer, clerk = f"{db}_rev_k", f"{db}_clerk_k"
    _sql(url, f'CREATE ROLE "{reviewer}" LOGIN', f'GRANT "{db}_reviewer" TO "{reviewer}"',
         f'CREATE ROLE "{clerk}" LOGIN', f'GRANT "{db}_staff" TO "{clerk}"')
    try:
        with Library.open(tmp_path / "c", db_url=_as_user(url, clerk)) as lib:
            sealer = library_sealer(lib)  # another desktop of the team: the same key
            assert sealer is not None and sealer.key.fingerprint == own.fingerprint
        with Library.open(tmp_path / "r", db_url=_as_user(url, reviewer)) as lib:
            seen = library_key(lib)
            assert seen is not None and seen.fingerprint == own.fingerprint  # verify works
            assert seen.key_pem is None and library_sealer(lib) is None
        refused = _sql(_as_user(url, reviewer), "SELECT has_column_privilege('library_keys', "
                       "'key_pem', 'SELECT'), has_column_privilege('library_keys', 'cert_pem', 'SELECT')")
        assert refused == [[(False, True)]]  # enforced by the database, not only by the app
    finally:
        _sql(url, f'DROP OWNED BY "{reviewer}", "{clerk}"', f'DROP ROLE "{reviewer}"',
             f'DROP ROLE "{clerk}"')
