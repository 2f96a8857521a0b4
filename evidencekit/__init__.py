"""EvidenceKit core: cases, evidence store, rules, ingestion and bundle export.

This package never imports Qt; the desktop app in ``ui/`` sits on top of it.
"""

__version__ = "0.1.0"
