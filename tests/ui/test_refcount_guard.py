"""The PySide6 6.12 / Python 3.11 None-refcount leak must not abort the app (ui/_refcount_guard)."""

import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import ui  # installs the guard
from PySide6.QtCore import QObject
o = QObject()
for i in range(200000):
    o.setObjectName("x")  # a void call: leaks one reference to None on affected versions
print("survived")
"""


def test_many_void_calls_do_not_abort():
    root = Path(__file__).resolve().parents[2]
    r = subprocess.run([sys.executable, "-c", SCRIPT], cwd=root, capture_output=True, text=True,
                       env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}, timeout=60)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "survived" in r.stdout
