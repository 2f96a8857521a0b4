"""Alembic environment: runs only on a connection handed in by ``evidencekit.store.migrate``.

There is no alembic.ini and no URL here: the library opens its database itself (with its
pragmas and its backup) and passes the connection in ``config.attributes["connection"]``.
"""

from alembic import context

from evidencekit.store.schema import metadata


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("Run migrations through evidencekit.store.migrate (Library.open).")
    # render_as_batch: SQLite cannot ALTER most things in place; batch mode copies the table.
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


# Alembic runs this file with its context set up; a plain import (a scan of every module of
# the package) finds no context and does nothing.
if getattr(context, "config", None) is not None:
    run()
