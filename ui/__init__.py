"""EvidenceKit desktop app (PySide6) over the Qt-free core in ``evidencekit``."""
