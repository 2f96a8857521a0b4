"""Assets reach the installed program: a built wheel carries rules, profiles, fonts, the app."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_wheel_contains_assets_and_runs_from_install(tmp_path):
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                        "-q", "-w", str(tmp_path), str(REPO)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    (wheel,) = tmp_path.glob("evidencekit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("assets/fonts/wqy-microhei.ttc", "assets/rules/douyin.toml",
                   "assets/rules/tiktok_shop.toml", "evidencekit/cli/main.py", "ui/__init__.py"):
        assert needed in names, needed
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = ("import evidencekit, sys; from evidencekit.rules import load_rules; "
            "from evidencekit.assets import font_path; "
            "assert evidencekit.__file__.startswith(sys.argv[1]), evidencekit.__file__; "
            "assert font_path().is_file(); print(sorted(load_rules().platforms))")
    r = subprocess.run([sys.executable, "-c", code, str(site)], cwd=tmp_path, capture_output=True,
                       text=True, env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr
    assert "douyin" in r.stdout
