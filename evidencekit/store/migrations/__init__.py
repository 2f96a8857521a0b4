"""Alembic revisions of the library schema, run by :mod:`evidencekit.store.migrate`."""
