"""The core must stand alone: importing every evidencekit module loads no Qt."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import importlib, pkgutil, sys
import evidencekit
for mod in pkgutil.walk_packages(evidencekit.__path__, "evidencekit."):
    if not mod.name.endswith("__main__"):
        importlib.import_module(mod.name)
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
print("LOADED:", bad)
sys.exit(1 if bad else 0)
"""


def test_core_imports_no_qt():
    r = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_no_qt_import_statements_in_core():
    offenders = [p for p in (REPO / "evidencekit").rglob("*.py")
                 if any(line.lstrip().startswith(("import PySide6", "from PySide6", "import shiboken6"))
                        for line in p.read_text(encoding="utf-8").splitlines())]
    assert offenders == []
