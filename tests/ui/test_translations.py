"""Every UI string is in the .ts sources, translated to Chinese, and the shipped .qm is current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "assets" / "translations"


def _tool(name: str) -> str | None:
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else shutil.which(name)


def _messages(ts: Path) -> dict[tuple[str, str], str]:
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.find("name").text
        for m in ctx.iter("message"):
            t = m.find("translation")
            out[(name, m.find("source").text)] = (t.text or "") if t.get("type") is None else ""
    return out


def test_chinese_translation_complete():
    zh = _messages(TS_DIR / "evidencekit_zh_CN.ts")
    assert len(zh) > 150
    missing = [k for k, v in zh.items() if not v.strip()]
    assert missing == []
    # Chinese really is Chinese (not the English source copied over).
    assert sum(1 for (_, src), v in zh.items() if v == src) < 5


def test_sources_are_up_to_date(tmp_path):
    lupdate = _tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    ts = tmp_path / "fresh.ts"
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([lupdate, *files, "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)
    fresh = set(_messages(ts))
    shipped = set(_messages(TS_DIR / "evidencekit_zh_CN.ts"))
    assert fresh - shipped == set(), "run pyside6-lupdate and translate the new strings"


def test_qm_matches_ts(qapp):
    """The shipped .qm holds every translation of its .ts (compared through QTranslator, so
    the check does not depend on the lrelease version)."""
    from PySide6.QtCore import QTranslator
    tr = QTranslator()
    assert tr.load(str(TS_DIR / "evidencekit_zh_CN.qm"))
    stale = [(ctx, src) for (ctx, src), text in _messages(TS_DIR / "evidencekit_zh_CN.ts").items()
             if tr.translate(ctx, src) != text]
    assert stale == [], "rebuild evidencekit_zh_CN.qm with pyside6-lrelease"
    assert (TS_DIR / "evidencekit_en.qm").is_file()
