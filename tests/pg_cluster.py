"""A throw-away PostgreSQL for the tests that run on both engines (issue 13).

One cluster per test run, in a temp folder, on a unix socket only (no TCP port to collide on),
with durability off (it is thrown away). ``initdb`` refuses root, so as root the cluster is
made and run by the ``postgres`` system user (Debian's package creates it). Each test gets a
fresh database copied from a template that is already at the newest schema (~0.1 s).

``EVIDENCEKIT_TEST_PG=postgresql://…/postgres`` uses a running server instead (development);
its databases are named ``$EVIDENCEKIT_TEST_PG_PREFIX`` (default ``ek_test_``) + pid + number
and dropped at the end.

There is no skipping: a run that cannot start or reach PostgreSQL fails (scripts/test.sh
installs Debian's ``postgresql`` package when the server programs are missing).
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

BIN_DIRS = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]),
                  reverse=True)


PREFIX = "evidencekit-pg-"
OWNER = "owner.pid"  # the test run that made the cluster


def _sweep(pg_ctl: str, run_as: list[str]) -> None:
    """Stop and remove the clusters of test runs that died before their teardown (killed):
    only folders this module made, whose run is gone."""
    for base in Path(tempfile.gettempdir()).glob(PREFIX + "*"):
        try:
            pid = int((base / OWNER).read_text())
        except (OSError, ValueError):
            continue  # not ours, or still being made
        if pid == os.getpid() or Path(f"/proc/{pid}").exists():
            continue
        subprocess.run([*run_as, pg_ctl, "-D", str(base / "data"), "-m", "immediate", "stop"],
                       capture_output=True, check=False)
        shutil.rmtree(base, ignore_errors=True)


class PgUnavailable(RuntimeError):
    pass


def _find(program: str) -> str:
    for d in BIN_DIRS:
        if os.access(os.path.join(d, program), os.X_OK):
            return os.path.join(d, program)
    found = shutil.which(program)
    if found:
        return found
    raise PgUnavailable(f"{program} not found: install Debian's postgresql package "
                        "(apt-get install -y postgresql; scripts/test.sh does it)")


class PgServer:
    """A server the tests may create databases on; ``close`` removes what it made."""

    def __init__(self, admin_url: str, prefix: str, base: Path | None = None,
                 run_as: list[str] | None = None, pg_ctl: str = ""):
        self.admin_url = admin_url
        self.prefix = f"{prefix}{os.getpid()}_"
        self._base, self._run_as, self._pg_ctl = base, run_as or [], pg_ctl
        self._numbers = itertools.count(1)
        self._made: list[str] = []
        self._template: str | None = None

    def _admin(self):
        import psycopg
        return psycopg.connect(self.admin_url, autocommit=True)

    def url(self, database: str) -> str:
        from sqlalchemy.engine import make_url
        return make_url(self.admin_url).set(database=database).render_as_string(hide_password=False)

    def _template_db(self) -> str:
        """A database at the newest schema, made once: every test's database is a copy."""
        if self._template is None:
            from evidencekit.store import Library
            name = f"{self.prefix}template"
            with self._admin() as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
            self._made.append(name)
            with tempfile.TemporaryDirectory() as folder:
                Library.open(Path(folder), db_url=self.url(name)).close()
            self._template = name
        return self._template

    def new_database(self) -> str:
        """The URL of a new library database (the schema already made)."""
        template = self._template_db()
        name = f"{self.prefix}{next(self._numbers)}"
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        self._made.append(name)
        return self.url(name)

    def empty_database(self) -> str:
        """The URL of a new database with nothing in it (``init --db`` makes the schema)."""
        name = f"{self.prefix}{next(self._numbers)}"
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        self._made.append(name)
        return self.url(name)

    def close(self) -> None:
        if self._base is not None:  # our own cluster: stop it and throw it away
            subprocess.run([*self._run_as, self._pg_ctl, "-D", str(self._base / "data"), "-m",
                            "immediate", "stop"], capture_output=True, check=False)
            shutil.rmtree(self._base, ignore_errors=True)
            return
        try:
            with self._admin() as conn:
                for name in reversed(self._made):
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                    for role in ("staff", "reviewer"):
                        conn.execute(f'DROP ROLE IF EXISTS "{name}_{role}"')
        except Exception:  # noqa: BLE001 — a server gone at the end leaves only its databases
            pass


def start() -> PgServer:
    """The server for this run: ``$EVIDENCEKIT_TEST_PG``, else a new throw-away cluster."""
    given = os.environ.get("EVIDENCEKIT_TEST_PG")
    if given:
        return PgServer(given, os.environ.get("EVIDENCEKIT_TEST_PG_PREFIX", "ek_test_"))
    initdb, pg_ctl = _find("initdb"), _find("pg_ctl")
    run_as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    _sweep(pg_ctl, run_as_postgres)
    base = Path(tempfile.mkdtemp(prefix=PREFIX))
    (base / OWNER).write_text(str(os.getpid()))
    sock = base / "sock"
    sock.mkdir()
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: the postgres system user runs the cluster
        try:
            for p in (base, sock):
                shutil.chown(p, "postgres", "postgres")
        except (LookupError, OSError) as e:
            shutil.rmtree(base, ignore_errors=True)
            raise PgUnavailable(f"no 'postgres' system user to run the test cluster: {e}") from e
        run_as = ["runuser", "-u", "postgres", "--"]
    steps = [
        [*run_as, initdb, "-D", str(base / "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8",
         "--locale=C.UTF-8", "--no-sync"],
        [*run_as, pg_ctl, "-D", str(base / "data"), "-l", str(base / "server.log"), "-w", "-t", "60",
         "-o", f"-k {sock} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
               "-c full_page_writes=off -c max_connections=200", "start"],
    ]
    for cmd in steps:
        r = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if r.returncode != 0:
            log = (base / "server.log").read_text(errors="replace") if (base / "server.log").exists() else ""
            shutil.rmtree(base, ignore_errors=True)
            raise PgUnavailable(f"{' '.join(cmd[:3])}… failed ({r.returncode}): {r.stderr.strip()} {log[-2000:]}")
    return PgServer(f"postgresql://postgres@/postgres?host={sock}", "ek_test_", base, run_as, pg_ctl)
