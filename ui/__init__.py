"""EvidenceKit desktop app (PySide6) over the Qt-free core in ``evidencekit``."""

from ._refcount_guard import protect_singletons as _protect_singletons

_protect_singletons()
