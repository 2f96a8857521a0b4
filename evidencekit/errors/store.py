"""The library: its folder, its database, cases and exhibits in it."""

from __future__ import annotations

from .base import EvidenceKitError


class StoreError(EvidenceKitError):
    """The library folder or its database cannot be used."""
    code = "store"
